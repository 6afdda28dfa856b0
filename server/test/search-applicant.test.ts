import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The inbox search by applicant (finding 11 of issue 10): the viewers who see an item's applicant in full find it by
 * the applicant's surname, a fragment of the phone and the e-mail; the others never match through the applicant,
 * so a search cannot tell them who wrote.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

async function create(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const r = await t.gql<{ createItem: { id: string; version: number } }>('mutation($i: ItemInput!) { createItem(input: $i) { id version } }', { i: input }, tok.head);
  if (!r.data?.createItem) throw new Error(JSON.stringify(r.errors));
  return r.data.createItem;
}

async function found(as: string, search: string): Promise<string[]> {
  const r = await t.gql<{ items: { nodes: { id: string }[]; totalCount: number } }>(
    'query($s: String!) { items(first: 50, filter: { search: $s }) { totalCount nodes { id } } }',
    { s: search },
    tok[as],
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  expect(r.data.items.totalCount).toBe(r.data.items.nodes.length);
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return r.data.items.nodes.map((n) => names[n.id] ?? n.id).sort();
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-02-03T10:00:00+03:00');
  for (const u of ['head', 'executor', 'sector_lead', 'pos_operator', 'analyst', 'curator']) tok[u] = await t.signInAs(u);
  const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, tok.head);
  const housing = deps.data!.departments.find((d) => d.code === 'housing')!.id;

  // An appeal about water (ЖКХ), assigned to the housing department: its applicant is Лебедева.
  const appeal = await create({
    kind: 'APPEAL',
    channel: 'LETTER',
    identified: true,
    applicant: { name: 'Лебедева Анна Петровна', phone: '+7 912 345-67-89', email: 'A.Lebedeva@Example.ru', address: 'г. Суровикино, ул. Ленина, 3' },
    subject: 'Нет воды',
    text: 'Третий день нет холодной воды в доме по ул. Ленина, 3.',
    categoryCode: 'ZHKH_WATER',
  });
  const assigned = await t.gql('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id } }', { id: appeal.id, v: appeal.version, d: housing }, tok.head);
  expect(assigned.errors).toBeUndefined();
  ids.appeal = appeal.id;
  // A message about a club (culture: not the sector lead's), from another Лебедева; the ПОС operator sees messages.
  ids.message = (
    await create({
      kind: 'MESSAGE',
      channel: 'PHONE',
      identified: true,
      applicant: { name: 'Лебедева Вера Ивановна', phone: '8 (937) 700-11-22' },
      subject: 'Ремонт клуба',
      text: 'Сельский клуб требует ремонта крыши.',
      categoryCode: 'CULT_FACILITIES',
    })
  ).id;
  // Someone else, whose text mentions nobody.
  ids.other = (
    await create({
      kind: 'MESSAGE',
      channel: 'PHONE',
      identified: true,
      applicant: { name: 'Петров Пётр Петрович', phone: '+7 900 111-22-33', email: 'petrov@example.ru' },
      subject: 'Яма на дороге',
      text: 'На дороге у дома большая яма.',
      categoryCode: 'ROADS_REPAIR',
    })
  ).id;
}, 60_000);
afterAll(async () => t?.stop());

describe('the inbox search by applicant', () => {
  it('finds the applicant by surname, name and surname, a phone fragment in any notation and the e-mail for the head', async () => {
    expect(await found('head', 'Лебедева')).toEqual(['appeal', 'message']);
    expect(await found('head', 'лебедева анна')).toEqual(['appeal']);
    expect(await found('head', '345-67')).toEqual(['appeal']);
    expect(await found('head', '8 912 345 67 89')).toEqual(['appeal']);
    expect(await found('head', '+7 (937) 700')).toEqual(['message']);
    expect(await found('head', '8 (937) 700-11')).toEqual(['message']);
    expect(await found('head', 'a.lebedeva@example.ru')).toEqual(['appeal']);
    expect(await found('head', 'lebedeva')).toEqual(['appeal']);
    // Words of the text are found as before, and a term that matches nothing finds nothing.
    expect(await found('head', 'яма')).toEqual(['other']);
    expect(await found('head', 'Лебедева Зинаида')).toEqual([]);
  });

  it('finds the applicant for the executor of the department, by surname, phone fragment and e-mail', async () => {
    expect(await found('executor', 'Лебедева')).toEqual(['appeal']);
    expect(await found('executor', '3456789')).toEqual(['appeal']);
    expect(await found('executor', 'lebedeva@example')).toEqual(['appeal']);
  });

  it('matches the applicant only on the items whose applicant the role sees: the sector lead its sectors, the ПОС operator messages', async () => {
    expect(await found('sector_lead', 'Лебедева')).toEqual(['appeal']);
    expect(await found('sector_lead', '700-11-22')).toEqual([]);
    expect(await found('pos_operator', 'Лебедева')).toEqual(['message']);
    expect(await found('pos_operator', '345-67-89')).toEqual([]);
  });

  it('never matches through the applicant for the analyst and the curator, who see applicants masked', async () => {
    for (const role of ['analyst', 'curator']) {
      expect(await found(role, 'Лебедева')).toEqual([]);
      expect(await found(role, '345-67')).toEqual([]);
      expect(await found(role, 'a.lebedeva@example.ru')).toEqual([]);
      expect(await found(role, 'Петров')).toEqual([]);
      // The words of the items themselves they still find.
      expect(await found(role, 'воды')).toEqual(['appeal']);
    }
  });

  it('uses the trigram index on the applicant fields for the match', async () => {
    const em = t.orm.em.fork();
    await em.getConnection().execute('set enable_seqscan = off');
    const plan: { 'QUERY PLAN': string }[] = await em.getConnection().execute(
      `explain select id from item i where lower(coalesce(i."applicant_name", '') || ' ' || coalesce(i."applicant_email", '') || ' ' || regexp_replace(coalesce(i."applicant_phone", ''), '\\D', '', 'g')) like '%лебедева%'`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('item_applicant_search_index');
  });
});
