import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';
import { queryObserver } from '../src/db/orm.js';

let t: TestApp;
const tok: Record<string, string> = {};
let housingId: string;
let executorId: string;
let roadsDeptId: string;

/** Tuesday 03.02.2026, 10:00 in Surovikino: an ordinary working week. Every test starts here. */
const START = '2026-02-03T10:00:00+03:00';

beforeAll(async () => {
  // Every request checks its session (no viewer cache), so that the statement counts of the N+1 tests do not
  // depend on whether a session was checked in the last seconds.
  t = await startTestApp({ env: { VIEWER_CACHE_MS: '0' } });
  t.clock.set(START);
  for (const u of ['head', 'sector_lead', 'executor', 'pos_operator', 'incident_manager', 'analyst', 'curator']) tok[u] = await t.signInAs(u);
  const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, tok.head);
  housingId = deps.data!.departments.find((d) => d.code === 'housing')!.id;
  roadsDeptId = deps.data!.departments.find((d) => d.code === 'roads')!.id;
  const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, tok.head);
  executorId = users.data!.users.find((u) => u.username === 'executor')!.id;
});
// Sessions signed in at START or later (by `travel`) are valid at START, so a test that travelled and failed
// leaves the next one nothing to repair.
beforeEach(() => t.clock.set(START));
afterAll(async () => t?.stop());

/** Moves the server's clock and signs everyone in again (sessions last 12 hours). */
async function travel(iso: string): Promise<void> {
  t.clock.set(iso);
  for (const u of Object.keys(tok)) tok[u] = await t.signInAs(u);
}

const ITEM = `id number kind status version dueAt answerDueAt registrationDueAt redirectDueAt firstReactionDueAt finalAnswerDueAt
  pausedAt reworkCount reopenCount outcome satisfied extendedAt deadlineState availableActions
  applicant { name phone email address masked } department { code } executor { username } sector { code }
  parent { id number } duplicates { id } answers { kind status text reworkReasons }`;

type ItemT = {
  id: string;
  number: string;
  status: string;
  version: number;
  dueAt: string | null;
  answerDueAt: string | null;
  registrationDueAt: string | null;
  redirectDueAt: string | null;
  firstReactionDueAt: string | null;
  finalAnswerDueAt: string | null;
  pausedAt: string | null;
  reworkCount: number;
  reopenCount: number;
  outcome: string | null;
  satisfied: boolean | null;
  extendedAt: string | null;
  deadlineState: string | null;
  availableActions: string[];
  applicant: { name: string | null; phone: string | null; email: string | null; address: string | null; masked: boolean };
  department: { code: string } | null;
  executor: { username: string } | null;
  sector: { code: string } | null;
  parent: { id: string; number: string } | null;
  duplicates: { id: string }[];
  answers: { kind: string; status: string; text: string; reworkReasons: string[] }[];
};

async function create(input: Record<string, unknown>, as = 'head'): Promise<ItemT> {
  const r = await t.gql<{ createItem: ItemT }>(`mutation($i: ItemInput!) { createItem(input: $i) { ${ITEM} } }`, { i: input }, tok[as]);
  if (!r.data?.createItem) throw new Error(JSON.stringify(r.errors));
  return r.data.createItem;
}

/** Runs a lifecycle mutation with the item's current version; returns the raw result. */
async function act(as: string, mutation: string, item: { id: string; version: number }, args = ''): Promise<GqlResult<Record<string, ItemT>>> {
  return t.gql<Record<string, ItemT>>(
    `mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v${args ? ', ' + args : ''}) { ${ITEM} } }`,
    { id: item.id, v: item.version },
    tok[as],
  );
}

async function ok(as: string, mutation: string, item: { id: string; version: number }, args = ''): Promise<ItemT> {
  const r = await act(as, mutation, item, args);
  if (!r.data?.[mutation]) throw new Error(`${as} ${mutation}: ${JSON.stringify(r.errors)}`);
  return r.data[mutation]!;
}

async function history(id: string): Promise<{ type: string; fromStatus: string | null; toStatus: string | null; actor: { username: string } | null; changes: Record<string, unknown> | null }[]> {
  const r = await t.gql<{ item: { history: never[] } }>(
    'query($id: ID!) { item(id: $id) { history { type fromStatus toStatus comment details actor { username } changes at } } }',
    { id },
    tok.head,
  );
  return r.data!.item.history;
}

const appeal = {
  kind: 'APPEAL',
  channel: 'LETTER',
  identified: true,
  applicant: { name: 'Иванов Иван Иванович', phone: '+7 903 000-00-00', email: 'ivanov@example.ru', address: 'г. Суровикино, ул. Ленина, д. 10, кв. 5' },
  subject: 'Нет воды',
  text: 'Третий день нет холодной воды в доме по ул. Ленина, 10.',
  address: 'г. Суровикино, ул. Ленина, 10',
  categoryCode: 'ZHKH_WATER',
};

describe('an APPEAL through its whole life', () => {
  it('is registered by hand with its legal deadlines', async () => {
    const item = await create(appeal);
    expect(item.status).toBe('REGISTERED');
    expect(item.number).toMatch(/^2026-\d{6}$/);
    expect(item.sector?.code).toBe('ZHKH');
    // Registered Tuesday 03.02.2026: answer D+30 = Thursday 05.03.2026, redirect D+7 = 10.02.2026, both 23:59:59 local.
    expect(item.answerDueAt).toBe('2026-03-05T20:59:59.000Z');
    expect(item.redirectDueAt).toBe('2026-02-10T20:59:59.000Z');
    expect(item.registrationDueAt).toBe('2026-02-06T20:59:59.000Z');
    expect(item.dueAt).toBe(item.answerDueAt);
    expect(item.deadlineState).toBe('ON_TRACK');
    expect(item.applicant).toEqual({ ...appeal.applicant, masked: false });
  });

  it('goes through review, rework, rating, reopening and closes after the second "not satisfied"', async () => {
    let item = await create({ ...appeal, subject: 'Полный цикл' });
    item = await ok('sector_lead', 'assignItem', item, `input: { departmentId: "${housingId}", executorId: "${executorId}" }`);
    expect(item).toMatchObject({ status: 'ASSIGNED', department: { code: 'housing' }, executor: { username: 'executor' } });

    item = await ok('executor', 'startItem', item);
    expect(item.status).toBe('IN_PROGRESS');
    item = await ok('executor', 'submitAnswer', item, 'input: { text: "Водоснабжение восстановлено 04.02.2026." }');
    expect(item.status).toBe('ON_REVIEW');

    item = await ok('sector_lead', 'returnForRework', item, 'input: { reasons: [NO_EVIDENCE, NO_DATE_OR_MEASURES], comment: "Приложите акт" }');
    const returned = (await history(item.id)).at(-1) as unknown as { comment: string; details: Record<string, unknown> };
    expect(returned).toMatchObject({ comment: 'Приложите акт', details: { reasons: ['NO_EVIDENCE', 'NO_DATE_OR_MEASURES'] } });
    expect(item).toMatchObject({ status: 'IN_PROGRESS', reworkCount: 1 });
    expect(item.answers.map((a) => [a.status, a.reworkReasons])).toEqual([['RETURNED', ['NO_EVIDENCE', 'NO_DATE_OR_MEASURES']]]);

    item = await ok('executor', 'submitAnswer', item, 'input: { text: "Водоснабжение восстановлено 04.02.2026, акт приложен." }');
    item = await ok('sector_lead', 'approveAnswer', item, 'input: { outcome: SUPPORTED_MEASURES_TAKEN }');
    expect(item).toMatchObject({ status: 'ANSWERED', outcome: 'SUPPORTED_MEASURES_TAKEN', dueAt: null, deadlineState: null });

    item = await ok('head', 'rateItem', item, 'input: { satisfied: false, comment: "Вода опять пропала" }');
    expect(item).toMatchObject({ status: 'REOPENED', reopenCount: 1, satisfied: false });
    // A new answer clock from the rating (D+30 from 03.02.2026, the test clock's date): 05.03.2026, 23:59:59 local.
    expect(item).toMatchObject({ dueAt: '2026-03-05T20:59:59.000Z', answerDueAt: '2026-03-05T20:59:59.000Z', deadlineState: 'ON_TRACK' });

    item = await ok('sector_lead', 'assignItem', item, `input: { departmentId: "${housingId}", executorId: "${executorId}" }`);
    item = await ok('executor', 'startItem', item);
    item = await ok('executor', 'submitAnswer', item, 'input: { text: "Заменён участок трубы, подача воды восстановлена." }');
    item = await ok('head', 'approveAnswer', item, 'input: { outcome: SUPPORTED_MEASURES_TAKEN }');
    item = await ok('head', 'rateItem', item, 'input: { satisfied: false }');
    expect(item).toMatchObject({ status: 'CLOSED', reopenCount: 1, satisfied: false });

    const h = await history(item.id);
    expect(h.map((e) => e.type)).toEqual([
      'CREATED', 'REGISTER', 'ASSIGN', 'START', 'SUBMIT_ANSWER', 'RETURN_FOR_REWORK', 'SUBMIT_ANSWER', 'APPROVE_ANSWER',
      'RATE', 'ASSIGN', 'START', 'SUBMIT_ANSWER', 'APPROVE_ANSWER', 'RATE',
    ]);
    expect(h[2]).toMatchObject({ fromStatus: 'REGISTERED', toStatus: 'ASSIGNED', actor: { username: 'sector_lead' } });
    expect(h[2]!.changes).toMatchObject({ departmentId: { before: null, after: housingId } });
  });

  it('is extended once, with a reason, and not twice', async () => {
    let item = await create({ ...appeal, subject: 'Продление' });
    const before = item.answerDueAt;
    item = await ok('head', 'extendItem', item, 'input: { days: 30, reason: "Нужна экспертиза сетей" }');
    // 05.03.2026 + 30 calendar days = 04.04.2026, a Saturday: moves to Monday 06.04.2026, 23:59:59.
    expect(before).toBe('2026-03-05T20:59:59.000Z');
    expect(item.answerDueAt).toBe('2026-04-06T20:59:59.000Z');
    expect(item.extendedAt).toBe(new Date(START).toISOString());
    const again = await act('head', 'extendItem', item, 'input: { days: 5, reason: "Ещё раз" }');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
  });

  it('is redirected to the competent body, closed', async () => {
    const item = await create({ ...appeal, subject: 'Не наша компетенция' });
    const r = await ok('head', 'redirectItem', item, 'input: { to: "Прокуратура Суровикинского района" }');
    expect(r).toMatchObject({ status: 'REDIRECTED', outcome: 'REDIRECTED', dueAt: null });
  });

  it('is left without an answer for a 59-ФЗ reason', async () => {
    const item = await create({ ...appeal, applicant: { name: null, address: null }, subject: 'Аноним' });
    const r = await ok('sector_lead', 'leaveWithoutAnswer', item, 'input: { reason: ANONYMOUS }');
    expect(r).toMatchObject({ status: 'CLOSED', outcome: 'LEFT_WITHOUT_ANSWER' });
  });

  it('refuses what the status or the role does not allow, and changes nothing', async () => {
    let item = await create({ ...appeal, subject: 'Отказы' });
    const eventsBefore = (await history(item.id)).length;
    // Wrong status.
    expect(codeOf(await act('head', 'approveAnswer', item, 'input: { outcome: EXPLAINED }'))).toBe('INVALID_TRANSITION');
    // Wrong role: the analyst and the curator change nothing; an executor does not see another department's items.
    expect(codeOf(await act('executor', 'assignItem', item, `input: { departmentId: "${housingId}" }`))).toBe('NOT_FOUND');
    expect(codeOf(await act('analyst', 'startItem', item))).toBe('FORBIDDEN');
    expect(codeOf(await act('curator', 'redirectItem', item, 'input: { to: "куда-то" }'))).toBe('FORBIDDEN');
    // Only the head extends.
    expect(codeOf(await act('sector_lead', 'extendItem', item, 'input: { days: 10, reason: "Причина" }'))).toBe('FORBIDDEN');
    // A stale version.
    expect(codeOf(await act('head', 'assignItem', { ...item, version: item.version - 1 }, `input: { departmentId: "${housingId}" }`))).toBe('CONFLICT');
    const now = await t.gql<{ item: ItemT }>(`query($id: ID!) { item(id: $id) { ${ITEM} } }`, { id: item.id }, tok.head);
    expect(now.data?.item).toMatchObject({ status: 'REGISTERED', version: item.version, department: null });
    expect((await history(item.id)).length).toBe(eventsBefore);
    item = now.data!.item;
    // An executor of another department cannot touch it once it is assigned elsewhere.
    item = await ok('head', 'assignItem', item, `input: { departmentId: "${housingId}" }`);
    expect(codeOf(await act('executor', 'assignItem', item, `input: { departmentId: "${roadsDeptId}" }`))).toBe('FORBIDDEN');
    item = await ok('head', 'assignItem', item, `input: { departmentId: "${roadsDeptId}" }`);
    expect(codeOf(await act('executor', 'startItem', item))).toBe('NOT_FOUND');
  });

  it('lets only one of two concurrent edits win', async () => {
    const item = await create({ ...appeal, subject: 'Гонка' });
    const [a, b] = await Promise.all([
      act('head', 'assignItem', item, `input: { departmentId: "${housingId}" }`),
      act('sector_lead', 'assignItem', item, `input: { departmentId: "${roadsDeptId}" }`),
    ]);
    const codes = [codeOf(a), codeOf(b)];
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
    const assigns = (await history(item.id)).filter((e) => e.type === 'ASSIGN');
    expect(assigns).toHaveLength(1);
  });
});

describe('a MESSAGE', () => {
  it('pauses its clock while waiting for the citizen and resumes with the time it had left', async () => {
    let item = await create({ kind: 'MESSAGE', channel: 'POS', identified: false, text: 'Яма на дороге у школы', categoryCode: 'ROADS_REPAIR', externalId: 'pos-1001', source: 'POS' }, 'pos_operator');
    // Registered Tuesday 03.02.2026 10:00: 10 working days → Tuesday 17.02.2026 17:00 (23.02 is later).
    expect(item.answerDueAt).toBe('2026-02-17T14:00:00.000Z');
    item = await ok('pos_operator', 'assignItem', item, `input: { departmentId: "${roadsDeptId}" }`);
    item = await ok('head', 'startItem', item);
    item = await ok('head', 'askCitizen', item, 'comment: "Уточните адрес"');
    expect(item.status).toBe('WAITING_CITIZEN');
    expect(item.pausedAt).toBe(new Date(START).toISOString());
    // Two working days pass (Tuesday 10:00 → Thursday 10:00); the clock stood still.
    await travel('2026-02-05T10:00:00+03:00');
    item = await ok('head', 'citizenReplied', item, 'comment: "Адрес: ул. Школьная, 3"');
    expect(item.status).toBe('IN_PROGRESS');
    expect(item.pausedAt).toBeNull();
    // The deadline moved by the two working days: 17.02 → 19.02.2026, 17:00.
    expect(item.answerDueAt).toBe('2026-02-19T14:00:00.000Z');
    // …and on to the end: answer, review, rating.
    item = await ok('head', 'submitAnswer', item, 'input: { text: "Яма заделана 05.02.2026, фото приложено." }');
    item = await ok('head', 'approveAnswer', item, 'input: { outcome: SUPPORTED_MEASURES_TAKEN }');
    item = await ok('pos_operator', 'rateItem', item, 'input: { satisfied: true }');
    expect(item).toMatchObject({ status: 'CLOSED', satisfied: true, outcome: 'SUPPORTED_MEASURES_TAKEN' });
    await travel('2026-02-03T10:00:00+03:00');
  });

  it('from the same source and external id is never created twice', async () => {
    const input = { kind: 'MESSAGE', channel: 'POS', identified: false, text: 'Дубль из ПОС', externalId: 'pos-2002', source: 'POS' };
    await create(input, 'pos_operator');
    const again = await t.gql(`mutation($i: ItemInput!) { createItem(input: $i) { id } }`, { i: input }, tok.pos_operator);
    expect(codeOf(again)).toBe('CONFLICT');
    const rows = await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from item where external_id = 'pos-2002'`);
    expect(rows[0].n).toBe(1);
  });

  it('a refused item takes no number: after an unknown attachment and a repeated external id, the next item gets the next number', async () => {
    const counter = async () => (await t.orm.em.fork().getConnection().execute(`select key, value from item_counter order by key`)) as unknown[];
    const first = await create({ kind: 'MESSAGE', channel: 'POS', identified: false, text: 'Номер по порядку', externalId: 'pos-3001', source: 'POS' });
    const before = await counter();
    const unknownFile = await t.gql('mutation($i: ItemInput!) { createItem(input: $i) { id } }', { i: { ...appeal, attachmentIds: ['7d0b7f4e-0000-4000-8000-00000000abcd'] } }, tok.head);
    expect(codeOf(unknownFile)).toBe('BAD_USER_INPUT');
    const again = await t.gql('mutation($i: ItemInput!) { createItem(input: $i) { id } }', { i: { kind: 'MESSAGE', channel: 'POS', identified: false, text: 'Дубль', externalId: 'pos-3001', source: 'POS' } }, tok.head);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await counter()).toEqual(before);
    const next = await create({ kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Следующий номер' });
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(next.number)).toBe(seq(first.number) + 1);
  });

  it('an APPEAL waiting for the citizen keeps its clock running (law)', async () => {
    let item = await create({ ...appeal, subject: 'Ждём заявителя' });
    item = await ok('head', 'assignItem', item, `input: { departmentId: "${housingId}" }`);
    item = await ok('head', 'startItem', item);
    item = await ok('head', 'askCitizen', item, 'comment: "Уточните номер дома"');
    expect(item).toMatchObject({ status: 'WAITING_CITIZEN', pausedAt: null, deadlineState: 'ON_TRACK' });
    const due = item.answerDueAt;
    item = await ok('head', 'citizenReplied', item);
    expect(item.answerDueAt).toBe(due);
  });

  it('answers BAD_USER_INPUT, not a fault, for a malformed id', async () => {
    expect(codeOf(await t.gql('{ users(departmentId: "x") { id } }', {}, tok.head))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql('{ item(id: "not-a-uuid") { id } }', {}, tok.head))).toBe('BAD_USER_INPUT');
  });

  it('refuses an item received before 2000 (year 1 and year 0 were internal errors) with BAD_USER_INPUT naming receivedAt', async () => {
    for (const receivedAt of ['0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '1999-12-31T20:59:59Z']) {
      const r = await t.gql(`mutation($i: ItemInput!) { createItem(input: $i) { id } }`, { i: { ...appeal, receivedAt } }, tok.head);
      expect(r.errors?.[0]?.extensions, receivedAt).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'receivedAt', problems: ['cannot be before 2000'] }] });
    }
  });

  it('refuses an unidentified electronic APPEAL: it is a MESSAGE by law', async () => {
    const r = await t.gql(`mutation($i: ItemInput!) { createItem(input: $i) { id } }`, { i: { ...appeal, channel: 'EMAIL', identified: false } }, tok.head);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toEqual([{ field: 'identified', problems: [expect.stringContaining('MESSAGE')] }]);
  });
});

describe('an INCIDENT', () => {
  it('gets a first reaction in working hours, an interim answer and a final answer', async () => {
    let item = await create({ kind: 'INCIDENT', channel: 'SOCIAL_VK', identified: false, text: 'Пост: на Шоссейной прорвало трубу', categoryCode: 'ZHKH_WATER', urgent: true }, 'incident_manager');
    // Urgent: 4 working hours from Tuesday 10:00 → 15:00 (lunch 12–13 does not count).
    expect(item.firstReactionDueAt).toBe('2026-02-03T12:00:00.000Z');
    item = await ok('incident_manager', 'assignItem', item, `input: { departmentId: "${housingId}" }`);
    item = await ok('incident_manager', 'publishInterimAnswer', item, 'input: { text: "Бригада водоканала выехала на место." }');
    // Final answer: 7 working days from the interim answer (Tuesday 03.02) → Thursday 12.02.2026, 17:00.
    expect(item.finalAnswerDueAt).toBe('2026-02-12T14:00:00.000Z');
    expect(item.dueAt).toBe(item.finalAnswerDueAt);
    item = await ok('incident_manager', 'startItem', item);
    item = await ok('incident_manager', 'submitAnswer', item, 'input: { text: "Порыв устранён, подача воды восстановлена." }');
    item = await ok('incident_manager', 'approveAnswer', item, 'input: { outcome: SUPPORTED_MEASURES_TAKEN }');
    item = await ok('incident_manager', 'closeItem', item, 'outcome: SUPPORTED, comment: "Закрыто без оценки: автор удалил пост"');
    expect(item).toMatchObject({ status: 'CLOSED', outcome: 'SUPPORTED' });
    expect(item.answers.map((a) => a.kind)).toEqual(['INTERIM', 'FINAL']);
  });
});

describe('duplicates', () => {
  it('are merged into a parent and receive its answer', async () => {
    let parent = await create({ ...appeal, subject: 'Родитель' });
    const child = await create({ ...appeal, subject: 'Дубль', applicant: { name: 'Петрова Анна', address: 'г. Суровикино, ул. Ленина, 12' } });
    const merged = await ok('head', 'mergeItem', child, `parentId: "${parent.id}"`);
    expect(merged).toMatchObject({ status: 'MERGED', parent: { id: parent.id }, dueAt: null });
    const p = await t.gql<{ item: ItemT }>(`query($id: ID!) { item(id: $id) { ${ITEM} } }`, { id: parent.id }, tok.head);
    parent = p.data!.item;
    expect(parent.duplicates.map((d) => d.id)).toEqual([child.id]);

    parent = await ok('head', 'assignItem', parent, `input: { departmentId: "${housingId}" }`);
    parent = await ok('head', 'startItem', parent);
    parent = await ok('head', 'submitAnswer', parent, 'input: { text: "Сети отремонтированы, вода подаётся." }');
    parent = await ok('head', 'approveAnswer', parent, 'input: { outcome: SUPPORTED }');
    const c = await t.gql<{ item: ItemT }>(`query($id: ID!) { item(id: $id) { ${ITEM} } }`, { id: child.id }, tok.head);
    expect(c.data?.item).toMatchObject({ status: 'MERGED', outcome: 'SUPPORTED' });
    expect(c.data?.item.answers.map((a) => [a.status, a.text])).toEqual([['PUBLISHED', 'Сети отремонтированы, вода подаётся.']]);
  });
});

describe('personal data', () => {
  it('is masked for the roles that do not work the item, and every view of it is logged', async () => {
    const item = await create({ ...appeal, subject: 'ПДн' });
    const q = `query($id: ID!) { item(id: $id) { applicant { name phone email address masked } } }`;
    const analyst = await t.gql<{ item: { applicant: ItemT['applicant'] } }>(q, { id: item.id }, tok.analyst);
    expect(analyst.data?.item.applicant).toEqual({ name: 'И***в И.', phone: null, email: null, address: 'г. Суровикино, ул. Ленина', masked: true });
    const curator = await t.gql<{ item: { applicant: ItemT['applicant'] } }>(q, { id: item.id }, tok.curator);
    expect(curator.data?.item.applicant.masked).toBe(true);

    // The log as a sorted list (the test clock stands still: every entry has the same time).
    const log = async () =>
      (await t.orm.em.fork().getConnection().execute(
        'select actor_label, action from personal_data_access where item_id = ? order by actor_label, action',
        [item.id],
      )) as { actor_label: string; action: string }[];
    const byActor = (a: { actor_label: string; action: string }, b: { actor_label: string; action: string }) =>
      a.actor_label.localeCompare(b.actor_label, 'en') || a.action.localeCompare(b.action, 'en');
    const before = await log();
    const lead = await t.gql<{ item: { applicant: ItemT['applicant'] } }>(q, { id: item.id }, tok.sector_lead);
    expect(lead).toEqual({ data: { item: { applicant: { ...appeal.applicant, masked: false } } } });
    expect((await log()).sort(byActor)).toEqual([...before, { actor_label: 'sector_lead', action: 'VIEW' }].sort(byActor));
  });
});

describe('finding items', () => {
  it('filters, searches in Russian, pages with cursors and counts', async () => {
    for (let i = 0; i < 5; i++) await create({ ...appeal, subject: `Поиск ${i}`, text: `Сломанные качели во дворе, номер ${i}`, categoryCode: 'LAND_YARDS' });
    const q = `query($f: ItemFilter, $after: String) { items(filter: $f, first: 2, after: $after, sort: RECEIVED_DESC) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id subject } } }`;
    // "качелями" finds "качели": Russian stemming.
    const p1 = await t.gql<{ items: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] } }>(q, { f: { search: 'качелями' } }, tok.head);
    expect(p1.errors).toBeUndefined();
    expect(p1.data?.items.totalCount).toBe(5);
    const seen = [...p1.data!.items.nodes.map((n) => n.id)];
    let cursor = p1.data!.items.pageInfo.endCursor;
    while (cursor) {
      const p = await t.gql<{ items: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] } }>(q, { f: { search: 'качелями' }, after: cursor }, tok.head);
      seen.push(...p.data!.items.nodes.map((n) => n.id));
      cursor = p.data!.items.pageInfo.hasNextPage ? p.data!.items.pageInfo.endCursor : '';
    }
    expect(new Set(seen).size).toBe(5);
    const zhkh = await t.gql<{ items: { totalCount: number } }>('{ items(filter: { sectorCode: "LANDSCAPING", kinds: [APPEAL] }) { totalCount } }', {}, tok.head);
    expect(zhkh.data?.items.totalCount).toBe(5);
    expect(codeOf(await t.gql('{ items(first: 101) { totalCount } }', {}, tok.head))).toBe('BAD_USER_INPUT');
  });

  it('reads a page of items with their lists in a fixed number of queries, whatever the page size (no N+1)', async () => {
    let count = 0;
    for (let i = 0; i < 20; i++) {
      const item = await create({ ...appeal, subject: `Пакет ${i}`, text: `Проверка пакетной загрузки ${i}` });
      await ok('head', 'assignItem', item, `input: { departmentId: "${housingId}", executorId: "${executorId}" }`);
    }
    queryObserver.current = () => {
      count += 1;
    };
    const q = (n: number) => `{ items(first: ${n}, sort: RECEIVED_DESC, filter: { search: "пакетной" }) { nodes { id category { code } sector { code } department { code }
      executor { username } settlement { name } history { type actor { username } } answers { text author { username } }
      attachments { fileName } duplicates { id } parent { id } } } }`;
    try {
      count = 0;
      expect((await t.gql(q(2), {}, tok.analyst)).errors).toBeUndefined();
      const small = count;
      count = 0;
      expect((await t.gql(q(20), {}, tok.analyst)).errors).toBeUndefined();
      // The session, the page and its lists (one statement for all of them): the observer sees every one.
      expect(small).toBeGreaterThanOrEqual(3);
      expect(count).toBe(small);
    } finally {
      queryObserver.current = null;
    }
  });

  it('puts urgent items first by default, then the nearest deadline, and pages through them without gaps', async () => {
    const mark = 'срочность-1001'; // only this test's items carry it
    for (let i = 0; i < 7; i++) {
      await create({ kind: 'MESSAGE', channel: 'PHONE', identified: true, text: `Слабый напор воды по вечерам ${mark} ${i}`, categoryCode: 'ZHKH_WATER', urgent: i % 3 === 0 });
    }
    const q = `query($after: String) { items(first: 3, after: $after, filter: { search: "${mark}" }) { totalCount pageInfo { endCursor hasNextPage } nodes { id urgent dueAt } } }`;
    const seen: { id: string; urgent: boolean; dueAt: string }[] = [];
    let after: string | null = null;
    do {
      const r: GqlResult<{ items: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string; urgent: boolean; dueAt: string }[] } }> =
        await t.gql(q, { after }, tok.head);
      seen.push(...r.data!.items.nodes);
      after = r.data!.items.pageInfo.hasNextPage ? r.data!.items.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((s) => s.id)).size).toBe(7);
    expect(seen.map((s) => s.urgent)).toEqual([true, true, true, false, false, false, false]);
  });

  it('shows an executor only the items of their department', async () => {
    const mine = await create({ ...appeal, subject: 'Для отдела ЖКХ', text: 'Протекает крыша над подъездом' });
    await ok('head', 'assignItem', mine, `input: { departmentId: "${housingId}" }`);
    const other = await create({ ...appeal, subject: 'Для отдела дорог', text: 'Протекает крыша над остановкой' });
    await ok('head', 'assignItem', other, `input: { departmentId: "${roadsDeptId}" }`);
    const found = await t.gql<{ items: { nodes: { id: string }[] } }>('{ items(first: 10, filter: { search: "протекает крыша" }) { nodes { id } } }', {}, tok.executor);
    expect(found).toEqual({ data: { items: { nodes: [{ id: mine.id }] } } });
    const r = await t.gql<{ items: { nodes: { department: { code: string } | null }[] } }>('{ items(first: 100) { nodes { department { code } } } }', {}, tok.executor);
    expect(r.errors).toBeUndefined();
    expect(r.data!.items.nodes.length).toBeGreaterThan(0);
    expect(r.data!.items.nodes.every((n) => n.department?.code === 'housing')).toBe(true);
  });

  it("counts the queues: a new unassigned message adds one to UNASSIGNED, and one to OVERDUE_MY_SECTORS once it is overdue", async () => {
    // Two weeks later (10 working days have passed) a message registered at START is overdue.
    const LATER = '2026-02-20T10:00:00+03:00';
    t.clock.set(LATER);
    const headLater = await t.signInAs('head');
    const counts = async () => {
      const r = await t.gql<{ itemQueueCounts: Record<string, number> }>('{ itemQueueCounts { MINE UNASSIGNED MY_REVIEW OVERDUE_MY_SECTORS } }', {}, headLater);
      expect(r.errors).toBeUndefined();
      return r.data!.itemQueueCounts;
    };
    const before = await counts();

    t.clock.set(START);
    const item = await create({ kind: 'MESSAGE', channel: 'PHONE', identified: true, text: 'Не вывозят мусор', categoryCode: 'WASTE_COLLECTION', urgent: false });
    t.clock.set(LATER);
    const r = await t.gql<{ items: { nodes: { id: string; deadlineState: string }[] } }>(
      '{ items(filter: { deadlineState: OVERDUE, openOnly: true, search: "вывозят мусор" }, first: 10) { nodes { id deadlineState } } }',
      {},
      headLater,
    );
    expect(r).toEqual({ data: { items: { nodes: [{ id: item.id, deadlineState: 'OVERDUE' }] } } });
    expect(await counts()).toEqual({ ...before, UNASSIGNED: before.UNASSIGNED! + 1, OVERDUE_MY_SECTORS: before.OVERDUE_MY_SECTORS! + 1 });
  });
});
