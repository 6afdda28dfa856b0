import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryObserver, systemEm } from '../src/db/orm.js';
import { scanProblemMeasures } from '../src/modules/problems/problem-jobs.js';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Recurring problems (docs/problems.md) on items built through the real lifecycle at fixed instants
 * (Europe/Volgograd, UTC+3): the proposals from the data, confirming, rejecting, merging, splitting, linking, the
 * plan with its overdue measures, solving through the item lifecycle, and who may do what.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const deps: Record<string, string> = {};
const cats: Record<string, string> = {};
const places: Record<string, string> = {};
const users: Record<string, string> = {};
const ids: Record<string, string> = {};
const at = (local: string) => `${local}+03:00`;

type Ref = { id: string; version: number };

async function gql<T>(doc: string, vars: Record<string, unknown> = {}, who = 'head'): Promise<GqlResult<Record<string, T>>> {
  return t.gql<Record<string, T>>(doc, vars, tok[who]);
}

async function ok<T>(doc: string, vars: Record<string, unknown> = {}, who = 'head'): Promise<T> {
  const r = await gql<T>(doc, vars, who);
  expect(r.errors, doc).toBeUndefined();
  return Object.values(r.data!)[0]!;
}

async function as<T>(when: string, doc: string, vars: Record<string, unknown> = {}, who = 'head'): Promise<T> {
  t.clock.set(at(when));
  return ok<T>(doc, vars, who);
}

async function create(when: string, input: Record<string, unknown>): Promise<Ref> {
  return as<Ref>(when, 'mutation($i: ItemInput!) { createItem(input: $i) { id version } }', {
    i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Обращение о проблеме для проверки перечня', receivedAt: new Date(at(when)).toISOString(), ...input },
  });
}
const step = (doc: string) => async (when: string, item: Ref, vars: Record<string, unknown> = {}): Promise<Ref> =>
  as<Ref>(when, doc, { id: item.id, v: item.version, ...vars });
const assign = step('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }');
const start = step('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id version } }');
const submit = step('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Ответ исполнителя по существу обращения." }) { id version } }');
const approve = step('mutation($id: ID!, $v: Int!) { approveAnswer(id: $id, version: $v, input: { outcome: EXPLAINED }) { id version } }');
const rate = step('mutation($id: ID!, $v: Int!) { rateItem(id: $id, version: $v, input: { satisfied: true }) { id version } }');
const merge = step('mutation($id: ID!, $v: Int!, $p: ID!) { mergeItem(id: $id, version: $v, parentId: $p) { id version } }');

type Proposal = { key: string; categoryId: string; settlementId: string | null; category: { code: string }; settlement: { code: string } | null; street: string | null; itemCount: number; residentCount: number; suggestedTitle: string; firstReceivedAt: string; lastReceivedAt: string; items: { id: string; receivedAt: string }[] };
const PROPOSALS = `query($w: Int, $m: Int) { problemProposals(windowDays: $w, minItems: $m) {
  key categoryId settlementId category { code } settlement { code } street itemCount residentCount suggestedTitle firstReceivedAt lastReceivedAt items { id receivedAt } } }`;
async function proposals(who = 'head'): Promise<Proposal[]> {
  return ok<Proposal[]>(PROPOSALS, {}, who);
}
const categoryOf = (p: Proposal) => Object.entries(cats).find(([, id]) => id === p.categoryId)?.[0];

const PROBLEM = `id status title area version itemCount openItemCount residentCount department { code } category { code } sector { code }
  settlement { code } items { id } mergedInto { id } rejectionReason answerText outcome
  measures { id text dueDate dueAt status overdue owner { fullName } department { code } } reports { text author { fullName } }
  confirmedBy { fullName } planApprovedBy { fullName } solvedBy { fullName }`;
type Problem = {
  id: string; status: string; title: string; area: string | null; itemCount: number; openItemCount: number; residentCount: number;
  department: { code: string } | null; category: { code: string } | null; sector: { code: string } | null; settlement: { code: string } | null;
  items: { id: string }[]; mergedInto: { id: string } | null; rejectionReason: string | null; answerText: string | null; outcome: string | null;
  measures: { id: string; text: string; dueDate: string; dueAt: string; status: string; overdue: boolean; owner: { fullName: string } | null; department: { code: string } | null }[];
  reports: { text: string; author: { fullName: string } | null }[];
  confirmedBy: { fullName: string } | null; planApprovedBy: { fullName: string } | null; solvedBy: { fullName: string } | null;
};
const problem = (id: string, who = 'head') => ok<Problem>(`query($id: ID!) { problem(id: $id) { ${PROBLEM} } }`, { id }, who);
const sorted = (...names: string[]) => names.map((n) => ids[n]!).sort();
const idsOf = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

async function count(table: string): Promise<number> {
  const rows = (await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return rows[0]!.n;
}

beforeAll(async () => {
  // Every request checks its session (no viewer cache), so that the statement counts of the N+1 tests do not
  // depend on whether a session was checked in the last seconds.
  t = await startTestApp({ env: { VIEWER_CACHE_MS: '0' } });
  // Sessions first: they are valid from the real now, whatever instant the clock shows later.
  for (const u of ['head', 'curator', 'sector_lead', 'executor', 'analyst', 'region', 'pos_operator']) tok[u] = await t.signInAs(u);
  for (const [name, scopes, kind] of [['wall', ['WALL_READ'], 'WALL_DISPLAY'], ['items', ['ITEMS_READ'], 'INTEGRATOR']] as const) {
    const r = await t.gql<{ createApiToken: { token: string } }>(
      'mutation($n: String!, $k: TokenKind!, $s: [Scope!]!) { createApiToken(input: { name: $n, kind: $k, scopes: $s }) { token } }',
      { n: `problems ${name}`, k: kind, s: scopes },
      tok.head,
    );
    tok[name] = r.data!.createApiToken.token;
  }
  for (const d of await ok<{ id: string; code: string }[]>('{ departments { id code } }')) deps[d.code] = d.id;
  for (const c of await ok<{ id: string; code: string }[]>('{ categories { id code } }')) cats[c.code] = c.id;
  for (const s of await ok<{ id: string; code: string }[]>('{ settlements { id code } }')) places[s.code] = s.id;
  for (const u of await ok<{ id: string; username: string }[]>('{ users { id username } }')) users[u.username] = u.id;
  const town = places.surovikino_gp;
  const r1 = places.blizhneosinovskoe;
  const r2 = places.verkhnesolonovskoe;

  // Outside the 60-day window: never counted.
  await create('2025-12-01T10:00:00', { categoryCode: 'ZHKH_WATER', settlementId: town, address: 'ул. Ленина, д. 9', applicant: { name: 'Давний Житель' } });

  // A: water on ул. Ленина in the town, four items from three residents (Иванов twice, by the same phone).
  const a1 = await create('2026-03-02T10:00:00', {
    categoryCode: 'ZHKH_WATER', settlementId: town, register: false, address: 'г. Суровикино, ул. Ленина, д. 5, кв. 2',
    applicant: { name: 'Иванов Иван Иванович', phone: '+7 902 111-22-33', address: 'г. Суровикино, ул. Ленина, д. 5, кв. 2' },
  });
  const a2 = await create('2026-03-02T11:00:00', {
    kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'ZHKH_WATER', settlementId: town, address: 'ул Ленина 7',
    applicant: { name: 'Иванов И. И.', phone: '8 (902) 111-22-33' },
  });
  let a3 = await create('2026-03-03T10:00:00', {
    categoryCode: 'ZHKH_WATER', settlementId: town, address: 'улица Ленина, дом 12а',
    applicant: { name: 'Петрова Анна Сергеевна', email: 'petrova@example.ru' },
  });
  a3 = await assign('2026-03-03T10:30:00', a3, { d: deps.housing });
  a3 = await start('2026-03-03T10:30:00', a3);
  let a4 = await create('2026-03-03T12:00:00', {
    categoryCode: 'ZHKH_WATER', settlementId: town, address: 'Ул. ЛЕНИНА, д.3', applicant: { name: 'Сидоров Пётр', address: 'ул. Ленина, 3' },
  });
  a4 = await assign('2026-03-03T12:30:00', a4, { d: deps.housing });
  a4 = await start('2026-03-03T12:30:00', a4);
  a4 = await submit('2026-03-04T10:00:00', a4);
  a4 = await approve('2026-03-04T10:00:00', a4);
  await rate('2026-03-04T15:00:00', a4);
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id });

  // C: schools in a rural settlement, no street: three residents (a phone, a name, nobody).
  ids.c1 = (await create('2026-03-02T09:00:00', { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'EDU_SCHOOL', settlementId: r1, applicant: { phone: '+79051234567' } })).id;
  ids.c2 = (await create('2026-03-03T09:00:00', { categoryCode: 'EDU_SCHOOL', settlementId: r1, address: 'х. Лысов', applicant: { name: 'Орлова Ольга' } })).id;
  ids.c3 = (await create('2026-03-04T09:00:00', { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'EDU_SCHOOL', settlementId: r1 })).id;

  // B: roads in another rural settlement: three items from two residents (one e-mail, written twice).
  ids.b1 = (await create('2026-03-02T14:00:00', { categoryCode: 'ROADS_REPAIR', settlementId: r2, address: 'пер. Школьный, 4', applicant: { name: 'Лебедев Лев', email: 'Road@Example.ru' } })).id;
  ids.b2 = (await create('2026-03-03T14:00:00', { categoryCode: 'ROADS_REPAIR', settlementId: r2, applicant: { name: 'Лебедев Л.', email: 'road@example.ru' } })).id;
  ids.b3 = (await create('2026-03-04T14:00:00', { categoryCode: 'ROADS_REPAIR', settlementId: r2, applicant: { name: 'Волкова Вера' } })).id;

  // Noise: two items on ул. Мира (too few, and too few left over in the town), one elsewhere, a duplicate, another
  // category on ул. Ленина.
  ids.n1 = (await create('2026-03-02T12:00:00', { categoryCode: 'ZHKH_WATER', settlementId: town, address: 'ул. Мира, д. 1', applicant: { name: 'Мирный Марк' } })).id;
  ids.n2 = (await create('2026-03-03T12:00:00', { categoryCode: 'ZHKH_WATER', settlementId: town, address: 'ул. Мира, 3', applicant: { name: 'Мирная Мария' } })).id;
  ids.n3 = (await create('2026-03-03T13:00:00', { categoryCode: 'ZHKH_WATER', settlementId: r1, applicant: { name: 'Сельский Семён' } })).id;
  const n4 = await create('2026-03-04T11:00:00', { categoryCode: 'ZHKH_WATER', settlementId: town, address: 'ул. Ленина, д. 5', applicant: { name: 'Дубль Денис' } });
  await merge('2026-03-04T11:30:00', n4, { p: a3.id });
  ids.n4 = n4.id;
  ids.n5 = (await create('2026-03-04T12:00:00', { categoryCode: 'EDU_SCHOOL', settlementId: town, address: 'ул. Ленина, 1', applicant: { name: 'Школьная Шура' } })).id;

  // To link by hand later: an answer on review (water, in r2), and a school item the sector lead does not lead.
  let r = await create('2026-03-04T13:00:00', { categoryCode: 'ZHKH_WATER', settlementId: r2, applicant: { name: 'Ревизорова Рита' } });
  r = await assign('2026-03-04T13:10:00', r, { d: deps.housing });
  r = await start('2026-03-04T13:10:00', r);
  r = await submit('2026-03-04T13:20:00', r);
  ids.r1 = r.id;
  let e = await create('2026-03-04T16:00:00', { categoryCode: 'EDU_SCHOOL', settlementId: town, address: 'ул. Садовая 9', applicant: { name: 'Учитель Ульяна' } });
  e = await assign('2026-03-04T16:10:00', e, { d: deps.education });
  e = await start('2026-03-04T16:10:00', e);
  ids.e1 = e.id;

  t.clock.set(at('2026-03-06T12:00:00'));
}, 180_000);
afterAll(async () => t?.stop());

// ---------------------------------------------------------------------------------------------------------------

describe('proposals', () => {
  it('groups recurring items by category and street (or settlement), ranked by distinct residents', async () => {
    const list = await proposals();
    expect(list.map((p) => [categoryOf(p), p.street, p.itemCount, p.residentCount])).toEqual([
      ['ZHKH_WATER', 'ул. Ленина', 4, 3],
      ['EDU_SCHOOL', null, 3, 3],
      ['ROADS_REPAIR', null, 3, 2],
    ]);
    const [a, c, b] = list;
    expect(idsOf(a!.items)).toEqual(sorted('a1', 'a2', 'a3', 'a4'));
    expect(a!.settlementId).toBe(places.surovikino_gp);
    expect([a!.category, a!.settlement]).toEqual([{ code: 'ZHKH_WATER' }, { code: 'surovikino_gp' }]);
    expect(a!.suggestedTitle).toContain('ул. Ленина');
    expect(idsOf(c!.items)).toEqual(sorted('c1', 'c2', 'c3'));
    expect(idsOf(b!.items)).toEqual(sorted('b1', 'b2', 'b3'));
    // A shorter window drops the oldest items; a higher threshold drops the smaller clusters.
    const narrow = await ok<Proposal[]>(PROPOSALS, { m: 4 });
    expect(narrow.map((p) => categoryOf(p))).toEqual(['ZHKH_WATER']);
    const recent = await ok<Proposal[]>(PROPOSALS, { w: 3 });
    expect(recent).toEqual([]);
  });

  it('span from the first to the last of their items (firstReceivedAt, lastReceivedAt)', async () => {
    for (const p of await proposals()) {
      const times = p.items.map((i) => Date.parse(i.receivedAt));
      expect(Date.parse(p.firstReceivedAt)).toBe(Math.min(...times));
      expect(Date.parse(p.lastReceivedAt)).toBe(Math.max(...times));
    }
  });

  it('are computed over the items each viewer reaches: the analyst and the wall (items masked) see them, an executor none here', async () => {
    expect((await proposals('analyst')).length).toBe(3);
    expect((await proposals('wall')).map((p) => p.key)).toEqual((await proposals('analyst')).map((p) => p.key));
    // The housing executor reaches the housing department's items only: no three of them recur; two do.
    expect(await proposals('executor')).toEqual([]);
    const two = await ok<Proposal[]>(PROPOSALS, { m: 2 }, 'executor');
    expect(two.map((p) => [categoryOf(p), p.street, idsOf(p.items)])).toEqual([['ZHKH_WATER', 'ул. Ленина', sorted('a3', 'a4')]]);
  });

  it('an analyst cannot confirm (FORBIDDEN, nothing written); a sector lead cannot confirm outside their sectors', async () => {
    const [a, c] = await proposals();
    const before = [await count('problem'), await count('problem_item')];
    const r = await gql('mutation($k: String!) { confirmProposal(input: { key: $k }) { id } }', { k: a!.key }, 'analyst');
    expect(codeOf(r)).toBe('FORBIDDEN');
    const lead = await gql('mutation($k: String!) { confirmProposal(input: { key: $k }) { id } }', { k: c!.key }, 'sector_lead');
    expect(codeOf(lead)).toBe('FORBIDDEN');
    expect([await count('problem'), await count('problem_item')]).toEqual(before);
    expect(codeOf(await gql('mutation { confirmProposal(input: { key: "not-a-key" }) { id } }', {}, 'curator'))).toBe('NOT_FOUND');
  });

  it('the curator confirms one: a CONFIRMED problem with its items linked, and it is proposed no more', async () => {
    const [a] = await proposals();
    const p = await ok<Problem>(`mutation($k: String!) { confirmProposal(input: { key: $k }) { ${PROBLEM} } }`, { k: a!.key }, 'curator');
    ids.A = p.id;
    expect(p).toMatchObject({
      status: 'CONFIRMED',
      area: 'ул. Ленина',
      itemCount: 4,
      openItemCount: 3, // a4 is closed
      residentCount: 3,
      department: { code: 'housing' }, // most of its items are assigned there
      category: { code: 'ZHKH_WATER' },
      sector: { code: 'ZHKH' },
      settlement: { code: 'surovikino_gp' },
      confirmedBy: { fullName: 'Ковалёв Сергей Петрович' },
    });
    expect(idsOf(p.items)).toEqual(sorted('a1', 'a2', 'a3', 'a4'));
    expect((await proposals()).map((x) => categoryOf(x))).toEqual(['EDU_SCHOOL', 'ROADS_REPAIR']);
    // Confirming it again finds no such proposal.
    expect(codeOf(await gql('mutation($k: String!) { confirmProposal(input: { key: $k }) { id } }', { k: a!.key }, 'curator'))).toBe('NOT_FOUND');
  });

  it('rejecting one keeps its cluster from being proposed again, even when a new item joins it', async () => {
    const [c] = await proposals();
    const p = await ok<Problem>(`mutation($k: String!) { rejectProposal(input: { key: $k, reason: "Разовые жалобы, не системная проблема" }) { ${PROBLEM} } }`, { k: c!.key });
    expect(p).toMatchObject({ status: 'REJECTED', rejectionReason: 'Разовые жалобы, не системная проблема', itemCount: 3 });
    ids.C = p.id;
    expect((await proposals()).map((x) => categoryOf(x))).toEqual(['ROADS_REPAIR']);
    ids.c4 = (await create('2026-03-06T13:00:00', { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'EDU_SCHOOL', settlementId: places.blizhneosinovskoe, applicant: { name: 'Новая Нина' } })).id;
    expect((await proposals()).map((x) => categoryOf(x))).toEqual(['ROADS_REPAIR']);
    // The sector lead confirms the roads proposal (roads are theirs).
    const [b] = await proposals();
    const pb = await ok<Problem>(`mutation($k: String!, $d: ID) { confirmProposal(input: { key: $k, departmentId: $d, title: "Разбитые дороги" }) { ${PROBLEM} } }`, { k: b!.key, d: deps.roads }, 'sector_lead');
    expect(pb).toMatchObject({ status: 'CONFIRMED', title: 'Разбитые дороги', department: { code: 'roads' }, itemCount: 3, residentCount: 2 });
    ids.B = pb.id;
    expect(await proposals()).toEqual([]);
  });
});

describe('merge, split, link, unlink', () => {
  it('a problem entered by hand is PROPOSED, then confirmed by the curator', async () => {
    const p = await ok<Problem>(
      `mutation($i: ProblemInput!) { createProblem(input: $i) { ${PROBLEM} } }`,
      { i: { title: 'Вода на ул. Мира', categoryCode: 'ZHKH_WATER', settlementId: places.surovikino_gp, area: 'ул. Мира', itemIds: [ids.n1, ids.n2] } },
      'sector_lead',
    );
    expect(p).toMatchObject({ status: 'PROPOSED', itemCount: 2, sector: { code: 'ZHKH' } });
    ids.M = p.id;
    expect((await ok<Problem>(`mutation($id: ID!) { confirmProblem(id: $id) { ${PROBLEM} } }`, { id: p.id }, 'curator')).status).toBe('CONFIRMED');
  });

  it('merging moves the items into the target; the source is REJECTED, merged into it', async () => {
    const target = await ok<Problem>(`mutation($t: ID!, $s: ID!) { mergeProblems(targetId: $t, sourceId: $s) { ${PROBLEM} } }`, { t: ids.A, s: ids.M }, 'sector_lead');
    expect(idsOf(target.items)).toEqual(sorted('a1', 'a2', 'a3', 'a4', 'n1', 'n2'));
    expect(target.itemCount).toBe(6);
    const source = await problem(ids.M!);
    expect(source).toMatchObject({ status: 'REJECTED', mergedInto: { id: ids.A }, itemCount: 0 });
    expect(source.rejectionReason).toContain('Объединена');
  });

  it('splitting moves some items to a new problem', async () => {
    const s = await ok<Problem>(
      `mutation($id: ID!, $i: SplitProblemInput!) { splitProblem(id: $id, input: $i) { ${PROBLEM} } }`,
      { id: ids.A, i: { itemIds: [ids.n1, ids.n2], title: 'Вода на ул. Мира' } },
      'sector_lead',
    );
    expect(s).toMatchObject({ status: 'CONFIRMED', itemCount: 2, department: { code: 'housing' }, category: { code: 'ZHKH_WATER' } });
    expect(idsOf(s.items)).toEqual(sorted('n1', 'n2'));
    ids.S = s.id;
    expect(idsOf((await problem(ids.A!)).items)).toEqual(sorted('a1', 'a2', 'a3', 'a4'));
  });

  it('links and unlinks items; an item is in one problem on the list at most', async () => {
    const LINK = `mutation($id: ID!, $i: [ID!]!) { linkProblemItems(id: $id, itemIds: $i) { items { id } } }`;
    const UNLINK = `mutation($id: ID!, $i: [ID!]!) { unlinkProblemItems(id: $id, itemIds: $i) { items { id } } }`;
    const linked = await ok<{ items: { id: string }[] }>(LINK, { id: ids.A, i: [ids.r1, ids.e1, ids.n5] }, 'sector_lead');
    expect(idsOf(linked.items)).toEqual(sorted('a1', 'a2', 'a3', 'a4', 'r1', 'e1', 'n5'));
    const conflict = await gql(LINK, { id: ids.A, i: [ids.n1] }, 'sector_lead');
    expect(codeOf(conflict)).toBe('CONFLICT');
    expect(conflict.errors?.[0]?.extensions?.problemIds).toEqual([ids.S]);
    const unlinked = await ok<{ items: { id: string }[] }>(UNLINK, { id: ids.A, i: [ids.n5] }, 'sector_lead');
    expect(idsOf(unlinked.items)).toEqual(sorted('a1', 'a2', 'a3', 'a4', 'r1', 'e1'));
    expect(codeOf(await gql(UNLINK, { id: ids.A, i: [ids.n5] }, 'sector_lead'))).toBe('BAD_USER_INPUT');
    // The item shows the problem it is in to those who read problems.
    const item = await ok<{ problem: { id: string } | null }>('query($id: ID!) { item(id: $id) { problem { id } } }', { id: ids.e1 });
    expect(item.problem).toEqual({ id: ids.A });
    expect((await ok<{ problem: unknown }>('query($id: ID!) { item(id: $id) { problem { id } } }', { id: ids.e1 }, 'items')).problem).toBeNull();
  });
});

describe('the plan, reports and overdue measures', () => {
  const ADD = `mutation($p: ID!, $i: MeasureInput!) { addProblemMeasure(problemId: $p, input: $i) { id dueDate dueAt status overdue owner { fullName } department { code } } }`;

  it('sector leads draw up the plan and report; the curator approves it (the sector lead may not)', async () => {
    t.clock.set(at('2026-03-06T14:00:00'));
    const m1 = await ok<{ id: string; dueAt: string; department: { code: string } }>(ADD, { p: ids.A, i: { text: 'Заменить участок водовода', departmentId: deps.housing, dueDate: '2026-03-20' } }, 'sector_lead');
    expect(m1.department).toEqual({ code: 'housing' });
    const m2 = await ok<{ id: string; dueAt: string; overdue: boolean; owner: { fullName: string } }>(ADD, { p: ids.A, i: { text: 'Промыть сети', ownerId: users.executor, dueDate: '2026-03-10' } }, 'sector_lead');
    expect(m2).toMatchObject({ dueAt: '2026-03-10T20:59:59.000Z', overdue: false, owner: { fullName: 'Захаров Игорь Николаевич' } });
    ids.m1 = m1.id;
    ids.m2 = m2.id;
    expect(codeOf(await gql(ADD, { p: ids.A, i: { text: 'Куратор не планирует', dueDate: '2026-03-20' } }, 'curator'))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ADD, { p: ids.A, i: { text: 'Неверная дата', dueDate: '2026-02-30' } }, 'sector_lead'))).toBe('BAD_USER_INPUT');
    // PostgreSQL has no year 0: once an internal error.
    expect(codeOf(await gql(ADD, { p: ids.A, i: { text: 'Нулевой год', dueDate: '0000-01-01' } }, 'sector_lead'))).toBe('BAD_USER_INPUT');

    const APPROVE = `mutation($id: ID!) { approveProblemPlan(id: $id) { ${PROBLEM} } }`;
    expect(codeOf(await gql(APPROVE, { id: ids.A }, 'sector_lead'))).toBe('FORBIDDEN');
    expect(codeOf(await gql(APPROVE, { id: ids.S }, 'curator'))).toBe('INVALID_TRANSITION'); // no measures yet
    const approved = await ok<Problem>(APPROVE, { id: ids.A }, 'curator');
    expect(approved).toMatchObject({ status: 'IN_WORK', planApprovedBy: { fullName: 'Ковалёв Сергей Петрович' } });

    const report = await ok<{ text: string; author: { fullName: string } }>(
      'mutation($p: ID!) { addProblemReport(problemId: $p, text: "Проведено обследование сетей") { text author { fullName } } }',
      { p: ids.A },
      'sector_lead',
    );
    expect(report).toEqual({ text: 'Проведено обследование сетей', author: { fullName: 'Мельникова Ольга Ивановна' } });
    const p = await problem(ids.A!);
    expect(p.measures.map((m) => m.dueDate)).toEqual(['2026-03-10', '2026-03-20']);
    expect(p.reports).toHaveLength(1);
  });

  it('an update naming an empty department or person is refused with BAD_USER_INPUT, not a fault, and changes nothing', async () => {
    const before = await problem(ids.A!);
    const cases: [string, Record<string, unknown>, string][] = [
      ['mutation($id: ID!, $i: MeasureUpdateInput!) { updateProblemMeasure(id: $id, input: $i) { id } }', { id: ids.m1, i: { departmentId: '' } }, 'departmentId'],
      ['mutation($id: ID!, $i: MeasureUpdateInput!) { updateProblemMeasure(id: $id, input: $i) { id } }', { id: ids.m1, i: { ownerId: '', text: 'Изменено' } }, 'ownerId'],
      ['mutation($id: ID!, $i: ProblemUpdateInput!) { updateProblem(id: $id, input: $i) { id } }', { id: ids.A, i: { departmentId: '', title: 'Изменено' } }, 'departmentId'],
    ];
    for (const [doc, vars, field] of cases) {
      const r = await gql(doc, vars, 'sector_lead');
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, problems: [expect.stringContaining('unknown')] }] });
    }
    expect(await problem(ids.A!)).toEqual(before);
  });

  it('an overdue measure notifies its owner, the sector lead and the head once per due date, naming its problem', async () => {
    const em = () => systemEm(t.orm);
    expect(await scanProblemMeasures(em(), new Date(at('2026-03-10T23:00:00')))).toEqual({ overdue: 0, notified: 0 });
    expect(await scanProblemMeasures(em(), new Date(at('2026-03-11T09:00:00')))).toEqual({ overdue: 1, notified: 3 });
    expect(await scanProblemMeasures(em(), new Date(at('2026-03-11T09:05:00')))).toEqual({ overdue: 0, notified: 0 });
    const rows = (await t.orm.em.fork().getConnection().execute(
      `select u.username from notification n join app_user u on u.id = n.user_id where n.type = 'MEASURE_OVERDUE' order by u.username`,
    )) as { username: string }[];
    expect(rows.map((r) => r.username)).toEqual(['executor', 'head', 'sector_lead']);
    // The notice names the problem, which the dashboard words in the reader's language and links to.
    const mine = await ok<{ type: string; message: string; problem: { id: string } | null; item: unknown }[]>('{ notifications { type message problem { id } item { id } } }', {}, 'executor');
    expect(mine.filter((n) => n.type === 'MEASURE_OVERDUE')).toEqual([{ type: 'MEASURE_OVERDUE', message: expect.stringContaining('Промыть сети'), problem: { id: ids.A }, item: null }]);
    t.clock.set(at('2026-03-11T10:00:00'));
    expect((await problem(ids.A!)).measures.find((m) => m.id === ids.m2)!.overdue).toBe(true);

    // Moved to a later date, it is announced again when that one passes; done, never.
    await ok('mutation($id: ID!) { updateProblemMeasure(id: $id, input: { dueDate: "2026-03-11" }) { id } }', { id: ids.m2 }, 'sector_lead');
    expect((await scanProblemMeasures(em(), new Date(at('2026-03-12T08:00:00')))).overdue).toBe(1);
    await ok('mutation($id: ID!) { updateProblemMeasure(id: $id, input: { status: DONE, dueDate: "2026-03-12" }) { id } }', { id: ids.m2 }, 'sector_lead');
    expect((await scanProblemMeasures(em(), new Date(at('2026-03-13T08:00:00')))).overdue).toBe(0);
  });

  it('an executor reads the problems of their department (and of measures they own) only', async () => {
    const list = await ok<{ nodes: { id: string }[] }>('{ problems(first: 50) { nodes { id } } }', {}, 'executor');
    expect(idsOf(list.nodes)).toEqual(sorted('A', 'S'));
    expect(codeOf(await gql('query($id: ID!) { problem(id: $id) { id } }', { id: ids.B }, 'executor'))).toBe('NOT_FOUND');
    // Linked items appear as the executor reaches them: the housing department's only.
    expect(idsOf((await problem(ids.A!, 'executor')).items)).toEqual(sorted('a3', 'a4', 'r1'));
  });
});

describe('solving', () => {
  const HISTORY = `query($id: ID!) { item(id: $id) { status outcome answeredAt answers { text status } history { type actor { username } } } }`;
  type ItemView = { status: string; outcome: string | null; answers: { text: string; status: string }[]; history: { type: string; actor: { username: string } | null }[] };
  const ANSWER = 'Водовод на ул. Ленина заменён 11.03.2026, вода подаётся по графику.';

  it('answers every linked open item through the lifecycle; closed, on review and unworkable items are reported', async () => {
    const before: Record<string, ItemView> = {};
    for (const n of ['a4', 'r1', 'e1']) before[n] = await ok<ItemView>(HISTORY, { id: ids[n] });
    t.clock.set(at('2026-03-12T10:00:00'));
    type Entry = { itemId: string; reason: string | null; actions: string[]; item: { id: string } | null };
    const r = await ok<{ problem: Problem; answered: Entry[]; submitted: Entry[]; skipped: Entry[] }>(
      `mutation($id: ID!, $a: String!) { solveProblem(id: $id, answerText: $a, outcome: SUPPORTED_MEASURES_TAKEN) {
        problem { ${PROBLEM} } answered { itemId reason actions item { id } } submitted { itemId } skipped { itemId reason actions } } }`,
      { id: ids.A, a: ANSWER },
      'sector_lead',
    );
    const byItem = (xs: Entry[]) => Object.fromEntries(xs.map((x) => [Object.entries(ids).find(([, v]) => v === x.itemId)![0], x]));
    const answered = byItem(r.answered);
    expect(Object.keys(answered).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(answered.a1!.actions).toEqual(['REGISTER', 'ASSIGN', 'START', 'SUBMIT_ANSWER', 'APPROVE_ANSWER']);
    expect(answered.a2!.actions).toEqual(['ASSIGN', 'START', 'SUBMIT_ANSWER', 'APPROVE_ANSWER']);
    expect(answered.a3!.actions).toEqual(['SUBMIT_ANSWER', 'APPROVE_ANSWER']);
    expect(answered.a1!.item).toEqual({ id: ids.a1 });
    expect(r.submitted).toEqual([]);
    const skipped = byItem(r.skipped);
    expect(Object.fromEntries(Object.entries(skipped).map(([k, v]) => [k, v.reason]))).toEqual({ a4: 'CLOSED', r1: 'ON_REVIEW', e1: 'FORBIDDEN' });
    expect(r.problem).toMatchObject({
      status: 'SOLVED',
      answerText: ANSWER,
      outcome: 'SUPPORTED_MEASURES_TAKEN',
      solvedBy: { fullName: 'Мельникова Ольга Ивановна' },
      openItemCount: 2, // r1 on review, e1 in progress
    });

    const lifecycle = ['REGISTER', 'ASSIGN', 'START', 'SUBMIT_ANSWER', 'APPROVE_ANSWER'];
    for (const [name, from] of [['a1', 0], ['a2', 1], ['a3', 3]] as const) {
      const item = await ok<ItemView>(HISTORY, { id: ids[name] });
      expect(item.status, name).toBe('ANSWERED');
      expect(item.outcome).toBe('SUPPORTED_MEASURES_TAKEN');
      expect(item.answers.at(-1)).toEqual({ text: ANSWER, status: 'PUBLISHED' });
      const solving = item.history.filter((h) => h.actor?.username === 'sector_lead').map((h) => h.type);
      expect(solving, name).toEqual(lifecycle.slice(from));
    }
    // The duplicate merged into a3 receives the answer with it.
    const dup = await ok<ItemView>(HISTORY, { id: ids.n4 });
    expect(dup.answers.at(-1)?.text).toBe(ANSWER);
    // Closed, on review and unworkable items are untouched.
    for (const n of ['a4', 'r1', 'e1']) expect(await ok<ItemView>(HISTORY, { id: ids[n] }), n).toEqual(before[n]);
    // Solved, the problem cannot be solved again.
    const again = await gql('mutation($id: ID!, $a: String!) { solveProblem(id: $id, answerText: $a, outcome: SUPPORTED) { problem { id } } }', { id: ids.A, a: ANSWER }, 'sector_lead');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
  });

  it('is refused to the curator and to a sector lead outside their sectors, changing nothing', async () => {
    const before = await count('item_event');
    const doc = 'mutation($id: ID!) { solveProblem(id: $id, answerText: "Ответ, который не должен уйти.", outcome: EXPLAINED) { problem { id } } }';
    expect(codeOf(await gql(doc, { id: ids.S }, 'curator'))).toBe('FORBIDDEN');
    expect(codeOf(await gql(doc, { id: ids.S }, 'analyst'))).toBe('FORBIDDEN');
    expect(await count('item_event')).toBe(before);
    expect((await problem(ids.S!)).status).toBe('CONFIRMED');
  });
});

describe('the list', () => {
  const LIST = `query($f: Int, $a: String, $s: [ProblemStatus!], $sc: String, $d: ID, $st: ID) {
    problems(first: $f, after: $a, status: $s, sectorCode: $sc, departmentId: $d, settlementId: $st) {
      totalCount nodes { id openItemCount residentCount } pageInfo { endCursor hasNextPage } } }`;
  type Page = { totalCount: number; nodes: { id: string; openItemCount: number; residentCount: number }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

  it('ranks the problems on the list by linked items awaiting an answer, then residents, and pages', async () => {
    const all = await ok<Page>(LIST, { f: 10 });
    expect(all.nodes.map((n) => [Object.entries(ids).find(([, v]) => v === n.id)![0], n.openItemCount, n.residentCount])).toEqual([
      ['B', 3, 2],
      ['S', 2, 2],
    ]);
    const first = await ok<Page>(LIST, { f: 1 });
    expect(first).toMatchObject({ totalCount: 2, nodes: [{ id: ids.B }], pageInfo: { hasNextPage: true } });
    const second = await ok<Page>(LIST, { f: 1, a: first.pageInfo.endCursor });
    expect(second).toMatchObject({ nodes: [{ id: ids.S }], pageInfo: { hasNextPage: false } });
    expect((await ok<Page>(LIST, { s: ['SOLVED'] })).nodes.map((n) => n.id)).toEqual([ids.A]);
    expect((await ok<Page>(LIST, { s: ['REJECTED'] })).nodes.map((n) => n.id).sort()).toEqual(sorted('C', 'M'));
    expect((await ok<Page>(LIST, { sc: 'ROADS' })).nodes.map((n) => n.id)).toEqual([ids.B]);
    expect((await ok<Page>(LIST, { d: deps.housing })).nodes.map((n) => n.id)).toEqual([ids.S]);
    expect((await ok<Page>(LIST, { st: places.verkhnesolonovskoe })).nodes.map((n) => n.id)).toEqual([ids.B]);
    expect(codeOf(await gql(LIST, { sc: 'NOPE' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(LIST, { a: 'garbage' }))).toBe('BAD_USER_INPUT');
  });

  it('the wall and the region read problems, the wall their items with every applicant masked; an item-only reader does not', async () => {
    const wall = await ok<Page>(LIST, {}, 'wall');
    expect(wall.totalCount).toBe(2);
    type Linked = { items: { id: string; applicant: { masked: boolean; name: string | null } }[]; residentCount: number };
    const Q = 'query($id: ID!) { problem(id: $id) { items { id applicant { masked name } } residentCount } }';
    const p = await ok<Linked>(Q, { id: ids.B }, 'wall');
    const full = await ok<Linked>(Q, { id: ids.B });
    expect(p.residentCount).toBe(2);
    expect(p.items.map((i) => i.id)).toEqual(full.items.map((i) => i.id));
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items.every((i) => i.applicant.masked)).toBe(true);
    expect(full.items.some((i) => !i.applicant.masked)).toBe(true);
    expect((await ok<Page>(LIST, {}, 'region')).totalCount).toBe(2);
    expect(codeOf(await gql(LIST, {}, 'items'))).toBe('FORBIDDEN');
    // A problem has no field that leads to an applicant except through its items, which are items as such.
    const schema = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Problem") { fields { name } } }');
    expect(schema.data!.__type.fields.map((f) => f.name).filter((n) => /applicant|phone|email/i.test(n))).toEqual([]);
  });
});

describe('reading without N+1', () => {
  it('reads a page of problems with their figures, items, plan and reports in a fixed number of queries', async () => {
    t.clock.set(at('2026-03-13T10:00:00'));
    const place = places.dobrinskoe;
    for (let i = 0; i < 12; i++) {
      const item = await create('2026-03-13T10:00:00', { categoryCode: 'ZHKH_WATER', settlementId: place, applicant: { name: `Житель ${i}` } });
      const p = await ok<{ id: string }>(
        'mutation($i: ProblemInput!) { createProblem(input: $i) { id } }',
        { i: { title: `Пакет ${i}`, categoryCode: 'ZHKH_WATER', settlementId: place, departmentId: deps.housing, itemIds: [item.id] } },
      );
      await ok('mutation($id: ID!) { confirmProblem(id: $id) { id } }', { id: p.id });
      await ok('mutation($p: ID!, $o: ID!, $d: ID!) { addProblemMeasure(problemId: $p, input: { text: "Мера", ownerId: $o, departmentId: $d, dueDate: "2026-04-01" }) { id } }', { p: p.id, o: users.executor, d: deps.roads });
      await ok('mutation($p: ID!) { addProblemReport(problemId: $p, text: "Ход работ по пакету") { id } }', { p: p.id });
    }
    let n = 0;
    const q = (first: number) => `{ problems(first: ${first}, settlementId: "${place}") { nodes { id itemCount openItemCount residentCount category { code } sector { code }
      settlement { code } department { code } createdBy { fullName } confirmedBy { fullName } mergedInto { id }
      items { id number } measures { text owner { fullName } department { code } } reports { text author { fullName } } } } }`;
    // The items' own relations are the items module's (and its N+1 test's); here: the problems' loaders.
    queryObserver.current = () => {
      n += 1;
    };
    try {
      n = 0;
      const small = await t.gql<{ problems: { nodes: unknown[] } }>(q(2), {}, tok.analyst);
      expect(small.errors).toBeUndefined();
      expect(small.data!.problems.nodes).toHaveLength(2);
      const few = n;
      n = 0;
      const large = await t.gql<{ problems: { nodes: unknown[] } }>(q(12), {}, tok.analyst);
      expect(large.data!.problems.nodes).toHaveLength(12);
      expect(few).toBeGreaterThan(5);
      expect(n).toBe(few);
    } finally {
      queryObserver.current = null;
    }
  });
});
