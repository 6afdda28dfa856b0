import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { systemEm } from '../src/db/orm.js';
import { seedCalendar, seedRubricator } from '../src/db/seed/district.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { Department, DepartmentKind } from '../src/modules/organisation/department.entity.js';
import { Settlement, SettlementKind } from '../src/modules/organisation/settlement.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { Role } from '../src/modules/auth/roles.js';
import { hashPassword } from '../src/modules/auth/secrets.js';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Municipality A is the seeded Суровикинский район; municipality B (Калачёвский район) is made here with its own
 * head, executor, department, settlement, calendar, items (one with an applicant and an attachment), a notification
 * and an API token. Everything below is asked as A's people (head, executor, analyst, curator) and A's API token,
 * over GraphQL (HTTP), graphql-ws and the file routes, and must neither show nor change anything of B.
 */

let t: TestApp;
const clients: Client[] = [];

type AViewer = 'head' | 'executor' | 'analyst' | 'curator' | 'token';
const A_PEOPLE = ['head', 'executor', 'analyst', 'curator'] as const;
const A_VIEWERS: readonly AViewer[] = [...A_PEOPLE, 'token'];
/** A's secrets by viewer (session tokens of the people, the API token). */
const aTok = {} as Record<AViewer, string>;
let regionTok: string;

const A = {
  id: '',
  headId: '',
  executorId: '',
  housingId: '',
  probeDepartmentId: '',
  tokenId: '',
  /** ASSIGNED to the housing department and A's executor (A's executor has a notification for it) */
  item: { id: '', number: '' },
  /** NEW, its registration overdue */
  newItem: { id: '' },
  /** REGISTERED, nobody's yet */
  spare: { id: '' },
  /** uploaded by A's head, attached to nothing */
  looseFileId: '',
};

const B_PASSWORD = 'kalach-password';
const B_APPLICANT = {
  name: 'Петров Пётр Петрович',
  phone: '+7 902 111-22-33',
  email: 'petrov@kalach.example',
  address: 'г. Калач-на-Дону, ул. Октябрьская, д. 1, кв. 2',
};
/** A word that only B's item contains. */
const B_WORD = 'котельная';
const B_FILE = Buffer.concat(Array.from({ length: 400 }, (_, i) => Buffer.from(`KALACH-SCAN-${i};`)));
const B_LOOSE = Buffer.from('KALACH-LOOSE-FILE-NOT-ATTACHED');

const B = {
  id: '',
  headId: '',
  headTok: '',
  executorId: '',
  executorTok: '',
  departmentId: '',
  settlementId: '',
  sectorId: '',
  categoryId: '',
  calendarYearIds: [] as string[],
  /** ASSIGNED to B's department and B's executor; has the applicant and the attachment */
  item: { id: '', number: '' },
  /** NEW, its registration overdue */
  newItem: { id: '' },
  fileId: '',
  looseFileId: '',
  notificationId: '',
  token: '',
  tokenId: '',
};

type Counts = { MINE: number; MY_REVIEW: number; OVERDUE_MY_SECTORS: number; UNASSIGNED: number };
/** itemQueueCounts of each A viewer before B existed (or the code it is refused with). */
const countsBeforeB = {} as Record<AViewer, Counts | { refused: string | undefined }>;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(query, params);
}

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await t.gql<T>(query, variables, token);
  if (!r.data || r.errors) throw new Error(`${query}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

async function upload(token: string, name: string, body: Buffer, type = 'application/pdf'): Promise<string> {
  const res = await fetch(`${t.url}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}`, 'x-otklik-upload': '1' },
    body: new Uint8Array(body),
  });
  const json = (await res.json()) as { id?: string };
  if (res.status !== 201 || !json.id) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

async function download(token: string, id: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${t.url}/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

const CREATE_ITEM = 'mutation($i: ItemInput!) { createItem(input: $i) { id number version status } }';
const ASSIGN = 'mutation($id: ID!, $v: Int!, $d: ID!, $e: ID) { assignItem(id: $id, version: $v, input: { departmentId: $d, executorId: $e }) { id version status } }';

async function createItem(token: string, input: Record<string, unknown>) {
  return (await ok<{ createItem: { id: string; number: string; version: number; status: string } }>(CREATE_ITEM, { i: input }, token)).createItem;
}

async function versionOf(itemId: string): Promise<number> {
  return (await sql<{ version: number }>('select version from item where id = ?', [itemId]))[0]!.version;
}

/** Every row that belongs to a municipality (and the sessions of its people), in a stable order. */
const TENANT_TABLES = [
  'municipality',
  'item',
  'item_event',
  'item_answer',
  'attachment',
  'notification',
  'calendar_year',
  'department',
  'sector',
  'category',
  'settlement',
  'api_token',
  'app_user',
  'answer_template',
  'personal_data_access',
];
async function stateOf(municipalityId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TENANT_TABLES) {
    out[table] = await sql(`select * from "${table}" where ${table === 'municipality' ? 'id' : 'municipality_id'} = ? order by id`, [municipalityId]);
  }
  out.user_session = await sql(
    'select s.* from user_session s join app_user u on u.id = s.user_id where u.municipality_id = ? order by s.id',
    [municipalityId],
  );
  out.department_links = await sql(
    `select 'sector' as kind, x.department_id, x.sector_id as other from department_sector x join department d on d.id = x.department_id where d.municipality_id = ?
     union all select 'category', x.department_id, x.category_id from department_category x join department d on d.id = x.department_id where d.municipality_id = ?
     union all select 'settlement', x.department_id, x.settlement_id from department_settlement x join department d on d.id = x.department_id where d.municipality_id = ?
     order by 1, 2, 3`,
    [municipalityId, municipalityId, municipalityId],
  );
  out.user_sector = await sql(
    'select x.* from user_sector x join app_user u on u.id = x.user_id where u.municipality_id = ? order by 1, 2',
    [municipalityId],
  );
  return out;
}

/** Rows of one municipality that point at a row of another: none may exist. */
async function crossMunicipalityLinks(): Promise<unknown[]> {
  return sql(`
    select 'item.parent' as link, i.id from item i join item x on x.id = i.parent_id where x.municipality_id <> i.municipality_id
    union all select 'item.department', i.id from item i join department x on x.id = i.department_id where x.municipality_id <> i.municipality_id
    union all select 'item.executor', i.id from item i join app_user x on x.id = i.executor_id where x.municipality_id is distinct from i.municipality_id
    union all select 'item.settlement', i.id from item i join settlement x on x.id = i.settlement_id where x.municipality_id <> i.municipality_id
    union all select 'item.category', i.id from item i join category x on x.id = i.category_id where x.municipality_id <> i.municipality_id
    union all select 'attachment.item', a.id from attachment a join item x on x.id = a.item_id where x.municipality_id <> a.municipality_id
    union all select 'notification.item', n.id from notification n join item x on x.id = n.item_id where x.municipality_id <> n.municipality_id
    union all select 'notification.user', n.id from notification n join app_user x on x.id = n.user_id where x.municipality_id is distinct from n.municipality_id
    union all select 'item_event.item', e.id from item_event e join item x on x.id = e.item_id where x.municipality_id <> e.municipality_id
    union all select 'app_user.department', u.id from app_user u join department x on x.id = u.department_id where x.municipality_id is distinct from u.municipality_id
    union all select 'department_sector', x.department_id from department_sector x join department d on d.id = x.department_id join sector s on s.id = x.sector_id where s.municipality_id <> d.municipality_id
    union all select 'department_settlement', x.department_id from department_settlement x join department d on d.id = x.department_id join settlement s on s.id = x.settlement_id where s.municipality_id <> d.municipality_id
  `);
}

/** An id that no row has. B's ids must get exactly the answer it gets: nothing tells B's rows from no rows. */
const MISSING = '00000000-0000-4000-8000-00000000b0b0';

/** The error code of an answer, or "ok". */
const outcome = (r: GqlResult) => (r.errors?.length ? (codeOf(r) ?? 'no code') : 'ok');

/**
 * Asks the same thing about B's id and about MISSING. Returns B's answer and the one it must equal: MISSING's, or
 * `pinned` where the answer is known whatever the permission table says (A's head, for one, may do everything in A).
 */
async function asIfMissing(query: string, vars: (id: string) => Record<string, unknown>, token: string, bId: string, pinned?: string) {
  const forB = await t.gql(query, vars(bId), token);
  const forMissing = await t.gql(query, vars(MISSING), token);
  const missing = outcome(forMissing);
  // An id that does not exist is never "ok": such a baseline would hide a leak.
  return { got: outcome(forB), want: pinned ?? (missing === 'ok' ? 'refused, not ok' : missing), data: forB.data ?? null };
}

/** A list as a viewer gets it: its ids, sorted, or the code it is refused with. */
function idsOf<T>(r: GqlResult<T>, pick: (d: T) => { id: string }[]): { ids: string[] } | { refused: string } {
  return r.errors?.length || !r.data ? { refused: r.errors?.[0]?.extensions?.code ?? 'no code' } : { ids: pick(r.data).map((x) => x.id).sort() };
}

/** What a list must be: exactly `ids`, unless the viewer's role may not list at all (FORBIDDEN). */
function onlyOr<T>(r: GqlResult<T>, ids: string[]): { ids: string[] } | { refused: string } {
  return r.errors?.length ? { refused: 'FORBIDDEN' } : { ids: [...ids].sort() };
}

function wsClient(token: string): Client {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

type Listener<T> = { events: T[]; errors: { message?: string; extensions?: { code?: string } }[] };

/** Subscribes and collects every event (and error) in the order they arrive. */
function listen<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Listener<T> {
  const l: Listener<T> = { events: [], errors: [] };
  client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) l.errors.push(...v.errors);
        if (v.data) l.events.push(v.data as T);
      },
      error: (e) => l.errors.push(...((Array.isArray(e) ? e : [{ message: String(e) }]) as Listener<T>['errors'])),
      complete: () => undefined,
    },
  );
  return l;
}

/**
 * Waits (bounded) until a subscription is live: makes a change it must hear, again while it hears nothing. No fixed
 * sleep: a subscription has no acknowledgement in graphql-ws, so hearing the first change is the proof.
 */
async function untilHeard<T>(l: Listener<T>, change: () => Promise<unknown>, heard: (e: T) => boolean = () => true): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!l.events.some(heard)) await change();
      expect(l.errors).toEqual([]);
      expect(l.events.some(heard)).toBe(true);
    },
    { timeout: 15_000, interval: 150 },
  );
}

async function waitFor<T>(l: Listener<T>, heard: (e: T) => boolean): Promise<void> {
  await vi.waitFor(
    () => {
      expect(l.errors).toEqual([]);
      expect(l.events.some(heard)).toBe(true);
    },
    { timeout: 10_000, interval: 20 },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The two municipalities

beforeAll(async () => {
  t = await startTestApp();
  // Friday 20.11.2026, 10:00 in Volgograd: a working day, and the coming year (2027, provisional) is warned about.
  t.clock.set('2026-11-20T10:00:00+03:00');
  const tenDaysAgo = new Date(Date.parse('2026-11-10T10:00:00+03:00')).toISOString();

  // --- A: the seeded district, its people, an API token and three items.
  for (const u of A_PEOPLE) aTok[u] = await t.signInAs(u);
  regionTok = await t.signInAs('region');
  A.id = (await sql<{ id: string }>(`select id from municipality where code = 'surovikino'`))[0]!.id;
  const aUsers = await sql<{ id: string; username: string }>('select id, username from app_user where municipality_id = ?', [A.id]);
  A.headId = aUsers.find((u) => u.username === 'head')!.id;
  A.executorId = aUsers.find((u) => u.username === 'executor')!.id;
  A.housingId = (await sql<{ id: string }>(`select id from department where municipality_id = ? and code = 'housing'`, [A.id]))[0]!.id;
  A.probeDepartmentId = (
    await ok<{ createDepartment: { id: string } }>(
      'mutation { createDepartment(input: { code: "a_probe", name: "Отдел для проверок", kind: ADMIN_UNIT }) { id } }',
      {},
      aTok.head,
    )
  ).createDepartment.id;
  const aToken = await ok<{ createApiToken: { token: string; apiToken: { id: string } } }>(
    'mutation { createApiToken(input: { name: "Интегратор Суровикино", kind: INTEGRATOR, scopes: [ITEMS_READ, PERSONAL_DATA_READ, ORG_READ, KPI_READ] }) { token apiToken { id } } }',
    {},
    aTok.head,
  );
  aTok.token = aToken.createApiToken.token;
  A.tokenId = aToken.createApiToken.apiToken.id;

  const aItem = await createItem(aTok.head, {
    kind: 'APPEAL',
    channel: 'LETTER',
    identified: true,
    categoryCode: 'ZHKH_WATER',
    text: 'Нет холодной воды в доме 3 по улице Ленина',
    applicant: { name: 'Иванова Мария Сергеевна', address: 'г. Суровикино, ул. Ленина, д. 3' },
  });
  const assigned = await ok<{ assignItem: { id: string } }>(ASSIGN, { id: aItem.id, v: aItem.version, d: A.housingId, e: A.executorId }, aTok.head);
  expect(assigned.assignItem.id).toBe(aItem.id);
  A.item = { id: aItem.id, number: aItem.number };
  A.newItem.id = (
    await createItem(aTok.head, { kind: 'APPEAL', channel: 'LETTER', identified: true, register: false, receivedAt: tenDaysAgo, text: 'Письмо о ремонте крыши' })
  ).id;
  A.spare.id = (await createItem(aTok.head, { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Яма на дороге у школы' })).id;
  A.looseFileId = await upload(aTok.head, 'акт Суровикино.pdf', Buffer.from('SUROVIKINO-FILE'));

  const COUNTS = '{ itemQueueCounts { MINE MY_REVIEW OVERDUE_MY_SECTORS UNASSIGNED } }';
  for (const who of A_VIEWERS) {
    const r = await t.gql<{ itemQueueCounts: Counts }>(COUNTS, {}, aTok[who]);
    countsBeforeB[who] = r.data?.itemQueueCounts ?? { refused: codeOf(r) };
  }

  // --- B: a second district in the same installation.
  const em = systemEm(t.orm);
  await em.transactional(async (tx) => {
    const m = tx.create(Municipality, {
      code: 'kalach',
      name: 'Калачёвский муниципальный район Волгоградской области',
      shortName: 'Калачёвский район',
      regionName: 'Волгоградская область',
      timezone: 'Europe/Volgograd',
    });
    const { sectors, categories } = seedRubricator(tx, m);
    seedCalendar(tx, m);
    const s = tx.create(Settlement, {
      municipality: m,
      code: 'kalach_gp',
      name: 'Калачёвское городское поселение',
      kind: SettlementKind.URBAN,
      localities: [{ name: 'Калач-на-Дону', kind: 'город' }],
      streets: ['Октябрьская'],
    });
    const d = tx.create(Department, { municipality: m, code: 'kalach_housing', name: 'Отдел ЖКХ Калача', kind: DepartmentKind.ADMIN_UNIT, active: true });
    d.sectors.set([sectors.get('ZHKH')!]);
    const head = tx.create(User, {
      municipality: m,
      username: 'kalach.head',
      fullName: 'Руководитель Калачёвского МЦУ',
      roles: [Role.HEAD],
      passwordHash: await hashPassword(B_PASSWORD),
      locale: 'ru',
      active: true,
    });
    await tx.flush();
    B.id = m.id;
    B.departmentId = d.id;
    B.settlementId = s.id;
    B.sectorId = sectors.get('ZHKH')!.id;
    B.categoryId = categories.get('ZHKH_HEATING')!.id;
    B.headId = head.id;
  });
  B.calendarYearIds = (await sql<{ id: string }>('select id from calendar_year where municipality_id = ? order by year', [B.id])).map((r) => r.id);
  B.headTok = await t.signInAs('kalach.head', B_PASSWORD);
  B.executorId = (
    await ok<{ createUser: { id: string } }>(
      'mutation($i: UserInput!) { createUser(input: $i) { id } }',
      { i: { username: 'kalach.executor', fullName: 'Исполнитель отдела ЖКХ Калача', roles: ['EXECUTOR'], departmentId: B.departmentId, password: B_PASSWORD } },
      B.headTok,
    )
  ).createUser.id;
  B.executorTok = await t.signInAs('kalach.executor', B_PASSWORD);

  B.fileId = await upload(B.headTok, 'скан заявления Петрова.pdf', B_FILE);
  B.looseFileId = await upload(B.headTok, 'черновик.pdf', B_LOOSE);
  const bItem = await createItem(B.headTok, {
    kind: 'APPEAL',
    channel: 'LETTER',
    identified: true,
    categoryCode: 'ZHKH_HEATING',
    settlementId: B.settlementId,
    subject: 'Отопление',
    text: `Районная ${B_WORD} не греет дома на улице Октябрьской`,
    address: 'г. Калач-на-Дону, ул. Октябрьская',
    applicant: B_APPLICANT,
    attachmentIds: [B.fileId],
  });
  await ok(ASSIGN, { id: bItem.id, v: bItem.version, d: B.departmentId, e: B.executorId }, B.headTok);
  B.item = { id: bItem.id, number: bItem.number };
  B.newItem.id = (
    await createItem(B.headTok, { kind: 'APPEAL', channel: 'LETTER', identified: true, register: false, receivedAt: tenDaysAgo, text: 'Письмо о ремонте моста в Калаче' })
  ).id;
  const bNotifications = await sql<{ id: string }>('select id from notification where municipality_id = ? and user_id = ? and read_at is null', [B.id, B.executorId]);
  expect(bNotifications).toHaveLength(1);
  B.notificationId = bNotifications[0]!.id;
  const bToken = await ok<{ createApiToken: { token: string; apiToken: { id: string } } }>(
    'mutation { createApiToken(input: { name: "Интегратор Калача", kind: INTEGRATOR, scopes: [ITEMS_READ, ORG_READ] }) { token apiToken { id } } }',
    {},
    B.headTok,
  );
  B.token = bToken.createApiToken.token;
  B.tokenId = bToken.createApiToken.apiToken.id;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

/** Every item mutation, on item `$id` at version `$v`, with valid input; `$d` a department, `$p` a parent item, `$f` a file. */
const ITEM_MUTATIONS: Record<string, string> = {
  registerItem: 'registerItem(id: $id, version: $v) { id }',
  assignItem: 'assignItem(id: $id, version: $v, input: { departmentId: $d }) { id }',
  startItem: 'startItem(id: $id, version: $v) { id }',
  askCitizen: 'askCitizen(id: $id, version: $v, comment: "Уточните адрес") { id }',
  citizenReplied: 'citizenReplied(id: $id, version: $v) { id }',
  submitAnswer: 'submitAnswer(id: $id, version: $v, input: { text: "Ответ по существу обращения" }) { id }',
  publishInterimAnswer: 'publishInterimAnswer(id: $id, version: $v, input: { text: "Промежуточный ответ: работы начаты" }) { id }',
  returnForRework: 'returnForRework(id: $id, version: $v, input: { reasons: [CONTRADICTORY] }) { id }',
  approveAnswer: 'approveAnswer(id: $id, version: $v, input: { outcome: SUPPORTED }) { id }',
  rateItem: 'rateItem(id: $id, version: $v, input: { satisfied: true }) { id }',
  closeItem: 'closeItem(id: $id, version: $v) { id }',
  extendItem: 'extendItem(id: $id, version: $v, input: { days: 10, reason: "Нужна экспертиза" }) { id }',
  redirectItem: 'redirectItem(id: $id, version: $v, input: { to: "Прокуратура" }) { id }',
  leaveWithoutAnswer: 'leaveWithoutAnswer(id: $id, version: $v, input: { reason: ANONYMOUS }) { id }',
  mergeItem: 'mergeItem(id: $id, version: $v, parentId: $p) { id }',
  attachFiles: 'attachFiles(id: $id, version: $v, attachmentIds: [$f]) { id }',
};
// Variables a mutation does not use are refused by GraphQL validation; give each only its own.
const usedVars = (body: string) => ['d', 'p', 'f'].filter((x) => body.includes(`$${x}`));
const docFor = (body: string) =>
  `mutation($id: ID!, $v: Int!${usedVars(body).map((x) => `, $${x}: ID!`).join('')}) { ${body} }`;

// ---------------------------------------------------------------------------------------------------------------

describe("items of another municipality (GraphQL)", () => {
  it("B's items are there: B's head and the regional reader find them, B's applicant in full for B's head only", async () => {
    const q = 'query($id: ID!) { item(id: $id) { id number status attachments { id } applicant { name phone masked } } }';
    const asB = await ok<{ item: Record<string, any> }>(q, { id: B.item.id }, B.headTok);
    expect(asB.item).toEqual({
      id: B.item.id,
      number: B.item.number,
      status: 'ASSIGNED',
      attachments: [{ id: B.fileId }],
      applicant: { name: B_APPLICANT.name, phone: B_APPLICANT.phone, masked: false },
    });
    const asRegion = await ok<{ item: Record<string, any> }>(q, { id: B.item.id }, regionTok);
    expect(asRegion.item).toMatchObject({ id: B.item.id, number: B.item.number, applicant: { masked: true, phone: null } });
    expect(asRegion.item.applicant.name).not.toBe(B_APPLICANT.name);
  });

  it("item(id) of B's items is NOT_FOUND for A's head and token, and for A's executor, analyst and curator exactly what an id that does not exist gets", async () => {
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const who of A_VIEWERS) {
      for (const [name, id] of [
        ['B.item', B.item.id],
        ['B.newItem', B.newItem.id],
      ] as const) {
        const q = 'query($id: ID!) { item(id: $id) { id number applicant { name phone email address } } }';
        const r = await asIfMissing(q, (x) => ({ id: x }), aTok[who], id, who === 'head' || who === 'token' ? 'NOT_FOUND' : undefined);
        got[`${who} ${name}`] = { code: r.got, data: r.data };
        want[`${who} ${name}`] = { code: r.want, data: null };
      }
    }
    expect(got).toEqual(want);
  });

  it("items searched by B's word finds 0 for A's viewers (1 for B's head); searched by B's number finds exactly A's own item of that number", async () => {
    const Q = 'query($f: ItemFilter) { items(filter: $f, first: 100) { totalCount nodes { id } edges { node { id } } } }';
    type Page = { items: { totalCount: number; nodes: { id: string }[]; edges: { node: { id: string } }[] } };
    expect((await ok<Page>(Q, { f: { search: B_WORD } }, B.headTok)).items.totalCount).toBe(1);
    for (const who of A_VIEWERS) {
      const byWord = await t.gql<Page>(Q, { f: { search: B_WORD } }, aTok[who]);
      expect({ who, answer: byWord.errors ? { refused: codeOf(byWord) } : byWord.data!.items }).toEqual({
        who,
        answer: byWord.errors ? { refused: 'FORBIDDEN' } : { totalCount: 0, nodes: [], edges: [] },
      });
      if (who === 'head' || who === 'token') expect(byWord.errors).toBeUndefined();

      // Numbers are unique per municipality only: A has its own item with B's number (both counters start at 1).
      const expected = await sql<{ id: string }>(
        `select id from item where municipality_id = ? and number like ? ${who === 'executor' ? 'and department_id = ?' : ''} order by id`,
        [A.id, `${B.item.number}%`, ...(who === 'executor' ? [A.housingId] : [])],
      );
      const byNumber = await t.gql<Page>(Q, { f: { search: B.item.number } }, aTok[who]);
      const total = byNumber.data?.items.totalCount;
      expect({ who, total, list: idsOf(byNumber, (d) => d.items.nodes) }).toEqual({
        who,
        total: byNumber.errors ? undefined : expected.length,
        list: onlyOr(byNumber, expected.map((r) => r.id)),
      });
    }
  });

  it("items, unfiltered or filtered by B's department, executor, settlement, count exactly A's items the viewer reaches and list none of B's", async () => {
    const Q = 'query($f: ItemFilter) { items(filter: $f, first: 100) { totalCount nodes { id } } }';
    type Page = { items: { totalCount: number; nodes: { id: string }[] } };
    for (const who of A_VIEWERS) {
      const expected = await sql<{ id: string }>(
        `select id from item where municipality_id = ? ${who === 'executor' ? 'and department_id = ?' : ''} order by id`,
        [A.id, ...(who === 'executor' ? [A.housingId] : [])],
      );
      const all = await t.gql<Page>(Q, {}, aTok[who]);
      if (who === 'head' || who === 'token') expect(all.errors).toBeUndefined();
      expect({ who, total: all.data?.items.totalCount, list: idsOf(all, (d) => d.items.nodes) }).toEqual({
        who,
        total: all.errors ? undefined : expected.length,
        list: onlyOr(all, expected.map((r) => r.id)),
      });
      for (const f of [{ departmentId: B.departmentId }, { executorId: B.executorId }, { settlementId: B.settlementId }]) {
        const r = await t.gql<Page>(Q, { f }, aTok[who]);
        expect({ who, f, total: r.data?.items.totalCount, list: idsOf(r, (d) => d.items.nodes) }).toEqual({
          who,
          f,
          total: r.errors ? undefined : 0,
          list: onlyOr(r, []),
        });
      }
    }
  });

  it("itemQueueCounts of A's head, executor, analyst, curator and token are the same before and after B's items exist; B's head counts B's own", async () => {
    const COUNTS = '{ itemQueueCounts { MINE MY_REVIEW OVERDUE_MY_SECTORS UNASSIGNED } }';
    // Before B existed: A's head has A's NEW overdue item and A's REGISTERED one; A's executor has A's assigned item.
    expect({ head: countsBeforeB.head, executor: countsBeforeB.executor }).toEqual({
      head: { MINE: 0, MY_REVIEW: 0, OVERDUE_MY_SECTORS: 1, UNASSIGNED: 2 },
      executor: { MINE: 1, MY_REVIEW: 0, OVERDUE_MY_SECTORS: 0, UNASSIGNED: 0 },
    });
    for (const who of A_VIEWERS) {
      const r = await t.gql<{ itemQueueCounts: Counts }>(COUNTS, {}, aTok[who]);
      expect({ who, counts: r.data?.itemQueueCounts ?? { refused: codeOf(r) } }).toEqual({ who, counts: countsBeforeB[who] });
    }
    // B's NEW overdue item would add 1 to A's head's UNASSIGNED and OVERDUE_MY_SECTORS had it leaked.
    expect((await ok<{ itemQueueCounts: Counts }>(COUNTS, {}, B.headTok)).itemQueueCounts).toEqual({ MINE: 0, MY_REVIEW: 0, OVERDUE_MY_SECTORS: 1, UNASSIGNED: 1 });
  });

  it("every item mutation on B's items (at B's current version) is NOT_FOUND for A's head, exactly what an id that does not exist gets for A's executor, analyst, curator and token, and B's rows stay as they were", async () => {
    const before = await stateOf(B.id);
    const aBefore = await sql('select * from item where municipality_id = ? order by id', [A.id]);
    const vars = { d: A.housingId, p: A.spare.id, f: A.looseFileId };
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const id of [B.item.id, B.newItem.id]) {
      const v = await versionOf(id);
      for (const [name, body] of Object.entries(ITEM_MUTATIONS)) {
        for (const who of A_VIEWERS) {
          const used = Object.fromEntries(usedVars(body).map((x) => [x, vars[x as keyof typeof vars]]));
          const r = await asIfMissing(docFor(body), (x) => ({ id: x, v, ...used }), aTok[who], id, who === 'head' ? 'NOT_FOUND' : undefined);
          const key = `${who} ${name} ${id === B.item.id ? 'B.item' : 'B.newItem'}`;
          got[key] = r.got;
          want[key] = r.want;
        }
      }
    }
    expect(got).toEqual(want);
    expect(await stateOf(B.id)).toEqual(before);
    // The A side of those calls (A's item as merge parent, A's file) is untouched too.
    expect(await sql('select * from item where municipality_id = ? order by id', [A.id])).toEqual(aBefore);
    expect((await sql<{ item_id: string | null }>('select item_id from attachment where id = ?', [A.looseFileId]))[0]!.item_id).toBeNull();
    expect(await crossMunicipalityLinks()).toEqual([]);
  });

  it("A's head cannot link B's item, department, executor, settlement or attachments into A's items: BAD_USER_INPUT, nothing written", async () => {
    const before = await stateOf(B.id);
    const aBefore = await stateOf(A.id);
    const v = await versionOf(A.spare.id);
    const calls: [string, string, Record<string, unknown>][] = [
      ['merge into B.item', 'mutation($id: ID!, $v: Int!, $p: ID!) { mergeItem(id: $id, version: $v, parentId: $p) { id } }', { id: A.spare.id, v, p: B.item.id }],
      ['merge into B.newItem', 'mutation($id: ID!, $v: Int!, $p: ID!) { mergeItem(id: $id, version: $v, parentId: $p) { id } }', { id: A.spare.id, v, p: B.newItem.id }],
      ['assign to B department', ASSIGN, { id: A.spare.id, v, d: B.departmentId }],
      ['assign to B executor', ASSIGN, { id: A.spare.id, v, d: A.housingId, e: B.executorId }],
      ['attach B attached file', 'mutation($id: ID!, $v: Int!, $f: [ID!]!) { attachFiles(id: $id, version: $v, attachmentIds: $f) { id } }', { id: A.spare.id, v, f: [B.fileId] }],
      ['attach B loose file', 'mutation($id: ID!, $v: Int!, $f: [ID!]!) { attachFiles(id: $id, version: $v, attachmentIds: $f) { id } }', { id: A.spare.id, v, f: [B.looseFileId] }],
      ['create with B loose file', CREATE_ITEM, { i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Чужой файл', attachmentIds: [B.looseFileId] } }],
      ['create with B attached file', CREATE_ITEM, { i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Чужой файл', attachmentIds: [B.fileId] } }],
      ['create in B settlement', CREATE_ITEM, { i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Чужое поселение', settlementId: B.settlementId } }],
    ];
    const got: Record<string, string | undefined> = {};
    for (const [name, q, vars] of calls) got[name] = codeOf(await t.gql(q, vars, aTok.head));
    expect(got).toEqual(Object.fromEntries(calls.map(([name]) => [name, 'BAD_USER_INPUT'])));
    expect(await stateOf(B.id)).toEqual(before);
    expect(await stateOf(A.id)).toEqual(aBefore);
    expect(await crossMunicipalityLinks()).toEqual([]);
  });
});

describe('attachments of another municipality (file routes)', () => {
  it("GET /files/<B's attachment> answers A's head and token 404, and A's executor, analyst and curator exactly as for a file that does not exist, without a byte of it; B's head gets it", async () => {
    const own = await download(B.headTok, B.fileId);
    expect(own.status).toBe(200);
    expect(own.body.equals(B_FILE)).toBe(true);
    expect((await download(B.headTok, B.looseFileId)).body.equals(B_LOOSE)).toBe(true);
    for (const who of A_VIEWERS) {
      for (const [id, bytes] of [
        [B.fileId, B_FILE],
        [B.looseFileId, B_LOOSE],
      ] as const) {
        const r = await download(aTok[who], id);
        const missing = await download(aTok[who], MISSING);
        expect(missing.status).not.toBe(200);
        expect({ who, id, status: r.status, json: JSON.parse(r.body.toString()) }).toEqual({
          who,
          id,
          status: who === 'head' || who === 'token' ? 404 : missing.status,
          json: who === 'head' || who === 'token' ? { error: { code: 'NOT_FOUND', message: 'No such file' } } : JSON.parse(missing.body.toString()),
        });
        expect(r.body.includes(bytes.subarray(0, 16))).toBe(false);
      }
    }
  });

  it("attaching B's attachments to A's item is BAD_USER_INPUT and the attachment rows stay as they were", async () => {
    const before = await sql('select * from attachment where id in (?, ?) order by id', [B.fileId, B.looseFileId]);
    expect(before.map((r) => (r as { item_id: string | null }).item_id).sort()).toEqual([B.item.id, null].sort());
    const v = await versionOf(A.item.id);
    for (const f of [B.fileId, B.looseFileId]) {
      const r = await t.gql('mutation($id: ID!, $v: Int!, $f: [ID!]!) { attachFiles(id: $id, version: $v, attachmentIds: $f) { id } }', { id: A.item.id, v, f: [f] }, aTok.head);
      expect({ f, code: codeOf(r) }).toEqual({ f, code: 'BAD_USER_INPUT' });
    }
    expect(await sql('select * from attachment where id in (?, ?) order by id', [B.fileId, B.looseFileId])).toEqual(before);
    expect(await versionOf(A.item.id)).toBe(v);
  });
});

describe('notifications of another municipality', () => {
  it("notifications and unreadNotificationCount of A's head, executor, analyst and curator are exactly their own rows, none of B's; A's token is FORBIDDEN", async () => {
    // A's executor was assigned A's item: one notification of their own, so an empty answer cannot pass.
    expect(await sql('select id from notification where user_id = ?', [A.executorId])).toHaveLength(1);
    for (const who of A_PEOPLE) {
      const userId = (await sql<{ id: string }>('select id from app_user where username = ?', [who]))[0]!.id;
      const rows = await sql<{ id: string; read_at: Date | null }>('select id, read_at from notification where user_id = ? order by id', [userId]);
      const r = await ok<{ notifications: { id: string; item: { id: string } | null }[]; unreadNotificationCount: number }>(
        '{ notifications(first: 200) { id item { id } } unreadNotificationCount }',
        {},
        aTok[who],
      );
      expect({ who, ids: r.notifications.map((n) => n.id).sort(), unread: r.unreadNotificationCount }).toEqual({
        who,
        ids: rows.map((n) => n.id),
        unread: rows.filter((n) => n.read_at === null).length,
      });
      expect(r.notifications.map((n) => n.id)).not.toContain(B.notificationId);
      expect(r.notifications.map((n) => n.item?.id)).not.toContain(B.item.id);
    }
    const asToken = await t.gql('{ notifications { id } }', {}, aTok.token);
    expect(codeOf(asToken)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ unreadNotificationCount }', {}, aTok.token))).toBe('FORBIDDEN');
  });

  it("markNotificationsRead(ids: [B's notification]) marks 0 for every A person, FORBIDDEN for A's token, and B's notification stays unread", async () => {
    const before = await stateOf(B.id);
    for (const who of A_PEOPLE) {
      const r = await ok<{ markNotificationsRead: number }>('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [B.notificationId] }, aTok[who]);
      expect({ who, marked: r.markNotificationsRead }).toEqual({ who, marked: 0 });
    }
    expect(codeOf(await t.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [B.notificationId] }, aTok.token))).toBe('FORBIDDEN');
    // "All of mine" marks A's executor's one notification, not B's.
    const all = await ok<{ markNotificationsRead: number }>('mutation { markNotificationsRead }', {}, aTok.executor);
    expect(all.markNotificationsRead).toBe(1);
    expect(await stateOf(B.id)).toEqual(before);
    expect((await sql<{ read_at: Date | null }>('select read_at from notification where id = ?', [B.notificationId]))[0]!.read_at).toBeNull();
    expect((await ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, B.executorTok)).unreadNotificationCount).toBe(1);
  });
});

describe('calendars of another municipality', () => {
  it("calendarYears lists exactly A's years for A's head, executor, analyst, curator and token, none of B's", async () => {
    const expected = (await sql<{ id: string }>('select id from calendar_year where municipality_id = ? order by id', [A.id])).map((r) => r.id);
    expect(expected).toHaveLength(3);
    expect(B.calendarYearIds).toHaveLength(3);
    for (const who of A_VIEWERS) {
      const r = await t.gql<{ calendarYears: { id: string }[] }>('{ calendarYears { id year } }', {}, aTok[who]);
      if (who === 'head' || who === 'token') expect(r.errors).toBeUndefined();
      expect({ who, list: idsOf(r, (d) => d.calendarYears) }).toEqual({ who, list: onlyOr(r, expected) });
    }
  });

  it("calendarWarnings(municipalityId: B) and slaPreview(municipalityId: B) are FORBIDDEN for A's head, executor, analyst, curator and token", async () => {
    const got: Record<string, string | undefined> = {};
    for (const who of A_VIEWERS) {
      got[`${who} calendarWarnings`] = codeOf(await t.gql('query($m: ID) { calendarWarnings(municipalityId: $m) { year status } }', { m: B.id }, aTok[who]));
      got[`${who} slaPreview`] = codeOf(
        await t.gql(
          'query($m: ID) { slaPreview(kind: MESSAGE, registeredAt: "2026-11-20T10:00:00+03:00", categoryCode: "ZHKH_HEATING", municipalityId: $m) { answerDueAt timezone } }',
          { m: B.id },
          aTok[who],
        ),
      );
    }
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, 'FORBIDDEN'])));
    // A's head naming A is answered, and the regional reader may name B (positive controls for the argument).
    expect((await ok<{ calendarWarnings: unknown[] }>('query($m: ID) { calendarWarnings(municipalityId: $m) { year status } }', { m: A.id }, aTok.head)).calendarWarnings).toEqual([
      { year: 2027, status: 'PROVISIONAL' },
    ]);
    const region = await ok<{ calendarWarnings: unknown[] }>('query($m: ID) { calendarWarnings(municipalityId: $m) { year status } }', { m: B.id }, regionTok);
    expect(region.calendarWarnings).toEqual([{ year: 2027, status: 'PROVISIONAL' }]);
  });

  it("saveCalendarYear by A's head writes A's row for the year; B's row of the same year and B's warnings stay as they were; no other A viewer writes B's", async () => {
    const before = await stateOf(B.id);
    const aRow = (await sql<{ id: string }>('select id from calendar_year where municipality_id = ? and year = 2027', [A.id]))[0]!;
    const W = '{ calendarWarnings { year status } }';
    // A's 2027 is put back as it was afterwards (through the API, which also refreshes the calendar cache), so that
    // no other test depends on whether this one ran first.
    const years = await ok<{ calendarYears: { year: number; status: string; basis: string | null; nonWorkingWeekdays: string[]; workingWeekends: string[]; shortened: string[] }[] }>(
      '{ calendarYears { year status basis nonWorkingWeekdays workingWeekends shortened } }',
      {},
      aTok.head,
    );
    const original = years.calendarYears.find((y) => y.year === 2027)!;
    onTestFinished(async () => {
      await ok('mutation($i: CalendarYearInput!) { saveCalendarYear(input: $i) { id } }', { i: original }, aTok.head);
    });
    expect((await ok<{ calendarWarnings: unknown[] }>(W, {}, B.headTok)).calendarWarnings).toEqual([{ year: 2027, status: 'PROVISIONAL' }]);
    const saved = await ok<{ saveCalendarYear: { id: string; year: number; status: string } }>(
      'mutation($i: CalendarYearInput!) { saveCalendarYear(input: $i) { id year status } }',
      { i: { year: 2027, status: 'OFFICIAL', basis: 'Постановление Правительства РФ', nonWorkingWeekdays: ['2027-01-01'], workingWeekends: [], shortened: [] } },
      aTok.head,
    );
    expect(saved.saveCalendarYear).toEqual({ id: aRow.id, year: 2027, status: 'OFFICIAL' });
    expect(await stateOf(B.id)).toEqual(before);
    expect((await ok<{ calendarWarnings: unknown[] }>(W, {}, aTok.head)).calendarWarnings).toEqual([]);
    expect((await ok<{ calendarWarnings: unknown[] }>(W, {}, B.headTok)).calendarWarnings).toEqual([{ year: 2027, status: 'PROVISIONAL' }]);
    for (const who of ['executor', 'analyst', 'curator', 'token'] as const) {
      const r = await t.gql<{ saveCalendarYear: { id: string } }>(
        'mutation { saveCalendarYear(input: { year: 2027, status: OFFICIAL, nonWorkingWeekdays: ["2027-01-01"], workingWeekends: [], shortened: [] }) { id } }',
        {},
        aTok[who],
      );
      // Refused by role today; were it allowed, it would be A's row.
      expect({ who, answer: r.errors ? codeOf(r) : r.data?.saveCalendarYear.id }).toEqual({ who, answer: r.errors ? 'FORBIDDEN' : aRow.id });
    }
    expect(await stateOf(B.id)).toEqual(before);
  });
});

describe('people and tokens of another municipality', () => {
  it("users lists exactly A's people (or is FORBIDDEN by role); users(municipalityId: B) is FORBIDDEN; user(id) of B's people is NOT_FOUND for A's head and as for a missing id for the rest", async () => {
    const expected = (await sql<{ id: string }>('select id from app_user where municipality_id = ? order by id', [A.id])).map((r) => r.id);
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const who of A_VIEWERS) {
      const all = await t.gql<{ users: { id: string }[] }>('{ users { id username } }', {}, aTok[who]);
      got[`${who} users`] = idsOf(all, (d) => d.users);
      want[`${who} users`] = who === 'head' ? { ids: expected } : onlyOr(all, expected);
      const search = await t.gql<{ users: { id: string }[] }>('{ users(search: "kalach") { id } }', {}, aTok[who]);
      got[`${who} users(search: kalach)`] = idsOf(search, (d) => d.users);
      want[`${who} users(search: kalach)`] = who === 'head' ? { ids: [] } : onlyOr(search, []);
      got[`${who} users(municipalityId: B)`] = codeOf(await t.gql('query($m: ID) { users(municipalityId: $m) { id } }', { m: B.id }, aTok[who]));
      want[`${who} users(municipalityId: B)`] = 'FORBIDDEN';
      for (const [name, id] of [
        ['B.head', B.headId],
        ['B.executor', B.executorId],
      ] as const) {
        const r = await asIfMissing('query($id: ID!) { user(id: $id) { id username } }', (x) => ({ id: x }), aTok[who], id, who === 'head' ? 'NOT_FOUND' : undefined);
        got[`${who} user(${name})`] = r.got;
        want[`${who} user(${name})`] = r.want;
      }
    }
    expect(got).toEqual(want);
  });

  it("updateUser and setUserPassword on B's people are NOT_FOUND for A's head and as for a missing id for the rest, nothing is written and B's sessions go on", async () => {
    const before = await stateOf(B.id);
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of A_VIEWERS) {
      for (const [name, id] of [
        ['B.head', B.headId],
        ['B.executor', B.executorId],
      ] as const) {
        const pinned = who === 'head' ? 'NOT_FOUND' : undefined;
        const upd = await asIfMissing(
          'mutation($id: ID!) { updateUser(id: $id, input: { fullName: "Захвачен", active: false, roles: [ANALYST] }) { id } }',
          (x) => ({ id: x }),
          aTok[who],
          id,
          pinned,
        );
        const pwd = await asIfMissing('mutation($id: ID!) { setUserPassword(id: $id, password: "captured-password-1") }', (x) => ({ id: x }), aTok[who], id, pinned);
        got[`${who} updateUser ${name}`] = upd.got;
        want[`${who} updateUser ${name}`] = upd.want;
        got[`${who} setUserPassword ${name}`] = pwd.got;
        want[`${who} setUserPassword ${name}`] = pwd.want;
      }
    }
    // Creating an A person in B's department is refused as an unknown department.
    got['head createUser in B department'] = outcome(
      await t.gql(
        'mutation($i: UserInput!) { createUser(input: $i) { id } }',
        { i: { username: 'a.intruder', fullName: 'Чужой', roles: ['EXECUTOR'], departmentId: B.departmentId, password: 'intruder-password' } },
        aTok.head,
      ),
    );
    want['head createUser in B department'] = 'BAD_USER_INPUT';
    expect(got).toEqual(want);
    expect(await stateOf(B.id)).toEqual(before);
    expect(await sql(`select id from app_user where username = 'a.intruder'`)).toEqual([]);
    for (const [tok, username] of [
      [B.headTok, 'kalach.head'],
      [B.executorTok, 'kalach.executor'],
    ] as const) {
      expect((await ok<{ me: { username: string; active: boolean } }>('{ me { username active } }', {}, tok)).me).toEqual({ username, active: true });
    }
    // The password is still B's own.
    expect(await t.signInAs('kalach.head', B_PASSWORD)).toMatch(/\S/);
  });

  it("apiTokens lists exactly A's tokens; revokeApiToken(B's token) is NOT_FOUND for A's head and as for a missing id for the rest, and B's token still works", async () => {
    const expected = (await sql<{ id: string }>('select id from api_token where municipality_id = ? order by id', [A.id])).map((r) => r.id);
    expect(expected).toEqual([A.tokenId]);
    const before = await stateOf(B.id);
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const who of A_VIEWERS) {
      const list = await t.gql<{ apiTokens: { id: string }[] }>('{ apiTokens { id name prefix } }', {}, aTok[who]);
      got[`${who} apiTokens`] = idsOf(list, (d) => d.apiTokens);
      want[`${who} apiTokens`] = who === 'head' ? { ids: expected } : onlyOr(list, expected);
      const r = await asIfMissing('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', (x) => ({ id: x }), aTok[who], B.tokenId, who === 'head' ? 'NOT_FOUND' : undefined);
      got[`${who} revokeApiToken`] = r.got;
      want[`${who} revokeApiToken`] = r.want;
    }
    expect(got).toEqual(want);
    expect(await stateOf(B.id)).toEqual(before);
    const withB = await ok<{ departments: { id: string }[]; item: { id: string } }>('query($id: ID!) { departments { id } item(id: $id) { id } }', { id: B.item.id }, B.token);
    expect(withB).toEqual({ departments: [{ id: B.departmentId }], item: { id: B.item.id } });
  });
});

describe('the organisation of another municipality', () => {
  it("sectors, settlements, departments and categories naming B are FORBIDDEN for A's head, executor, analyst, curator and token", async () => {
    const got: Record<string, string | undefined> = {};
    for (const who of A_VIEWERS) {
      got[`${who} sectors`] = codeOf(await t.gql('query($m: ID) { sectors(municipalityId: $m) { id } }', { m: B.id }, aTok[who]));
      got[`${who} settlements`] = codeOf(await t.gql('query($m: ID) { settlements(municipalityId: $m) { id } }', { m: B.id }, aTok[who]));
      got[`${who} departments`] = codeOf(await t.gql('query($m: ID) { departments(municipalityId: $m) { id } }', { m: B.id }, aTok[who]));
      got[`${who} categories`] = codeOf(await t.gql('query($m: ID) { categories(municipalityId: $m) { id } }', { m: B.id }, aTok[who]));
    }
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, 'FORBIDDEN'])));
  });

  it("unfiltered sectors, settlements, departments, categories and municipalities hold exactly A's rows; B's department is NOT_FOUND to read (as a missing id), and B's department, category and sector NOT_FOUND for A's head to change", async () => {
    const ids = async (table: string) =>
      (await sql<{ id: string }>(`select id from "${table}" where ${table === 'municipality' ? 'id' : 'municipality_id'} = ? order by id`, [A.id])).map((r) => r.id);
    const expected = {
      sectors: await ids('sector'),
      settlements: await ids('settlement'),
      departments: await ids('department'),
      categories: await ids('category'),
      municipalities: await ids('municipality'),
    };
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const who of A_VIEWERS) {
      for (const [field, ids] of Object.entries(expected)) {
        const r = await t.gql<Record<string, { id: string }[]>>(`{ ${field} { id } }`, {}, aTok[who]);
        got[`${who} ${field}`] = idsOf(r, (d) => d[field]!);
        want[`${who} ${field}`] = who === 'head' || who === 'token' ? { ids } : onlyOr(r, ids);
      }
      const r = await asIfMissing('query($id: ID!) { department(id: $id) { id } }', (x) => ({ id: x }), aTok[who], B.departmentId, who === 'head' || who === 'token' ? 'NOT_FOUND' : undefined);
      got[`${who} department(B)`] = r.got;
      want[`${who} department(B)`] = r.want;
    }
    expect(got).toEqual(want);
    const before = await stateOf(B.id);
    const changes = {
      updateDepartment: codeOf(await t.gql('mutation($id: ID!) { updateDepartment(id: $id, input: { name: "Захвачен", active: false }) { id } }', { id: B.departmentId }, aTok.head)),
      updateCategory: codeOf(await t.gql('mutation($id: ID!) { updateCategory(id: $id, input: { name: "Захвачена", active: false }) { id } }', { id: B.categoryId }, aTok.head)),
      updateSector: codeOf(await t.gql('mutation($id: ID!) { updateSector(id: $id, input: { name: "Захвачен" }) { id } }', { id: B.sectorId }, aTok.head)),
      linkSettlement: codeOf(
        await t.gql('mutation($id: ID!, $s: [ID!]) { updateDepartment(id: $id, input: { settlementIds: $s }) { id } }', { id: A.probeDepartmentId, s: [B.settlementId] }, aTok.head),
      ),
    };
    expect(changes).toEqual({ updateDepartment: 'NOT_FOUND', updateCategory: 'NOT_FOUND', updateSector: 'NOT_FOUND', linkSettlement: 'BAD_USER_INPUT' });
    expect(await stateOf(B.id)).toEqual(before);
    expect(await crossMunicipalityLinks()).toEqual([]);
  });
});

describe('the regional reader', () => {
  it("reads B's item, people and departments (positive control) but gets FORBIDDEN on every mutation, and nothing of B changes", async () => {
    const items = await ok<{ items: { totalCount: number; nodes: { id: string }[] } }>(
      'query($f: ItemFilter) { items(filter: $f, first: 100) { totalCount nodes { id } } }',
      { f: { search: B_WORD } },
      regionTok,
    );
    expect(items.items).toEqual({ totalCount: 1, nodes: [{ id: B.item.id }] });
    const people = await ok<{ users: { id: string }[]; departments: { id: string }[] }>(
      'query($m: ID) { users(municipalityId: $m) { id } departments(municipalityId: $m) { id } }',
      { m: B.id },
      regionTok,
    );
    expect(people.users.map((u) => u.id).sort()).toEqual([B.headId, B.executorId].sort());
    expect(people.departments).toEqual([{ id: B.departmentId }]);

    const before = await stateOf(B.id);
    const aBefore = await stateOf(A.id);
    const got: Record<string, string | undefined> = {};
    for (const id of [B.item.id, B.newItem.id]) {
      const v = await versionOf(id);
      for (const [name, body] of Object.entries(ITEM_MUTATIONS)) {
        const vars = { d: B.departmentId, p: id === B.item.id ? B.newItem.id : B.item.id, f: B.looseFileId };
        const used = Object.fromEntries(usedVars(body).map((x) => [x, vars[x as keyof typeof vars]]));
        got[`${name} ${id === B.item.id ? 'B.item' : 'B.newItem'}`] = codeOf(await t.gql(docFor(body), { id, v, ...used }, regionTok));
      }
    }
    const others: [string, string, Record<string, unknown>][] = [
      ['createItem', CREATE_ITEM, { i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Из региона' } }],
      ['createDepartment', 'mutation { createDepartment(input: { code: "region_dep", name: "Региональный", kind: OTHER }) { id } }', {}],
      ['updateDepartment', 'mutation($id: ID!) { updateDepartment(id: $id, input: { name: "Захвачен" }) { id } }', { id: B.departmentId }],
      ['createCategory', 'mutation { createCategory(input: { code: "REGION_CAT", sectorCode: "ZHKH", name: "Региональная" }) { id } }', {}],
      ['updateCategory', 'mutation($id: ID!) { updateCategory(id: $id, input: { name: "Захвачена" }) { id } }', { id: B.categoryId }],
      ['updateSector', 'mutation($id: ID!) { updateSector(id: $id, input: { name: "Захвачен" }) { id } }', { id: B.sectorId }],
      ['saveCalendarYear', 'mutation { saveCalendarYear(input: { year: 2027, status: OFFICIAL, nonWorkingWeekdays: [], workingWeekends: [], shortened: [] }) { id } }', {}],
      ['createUser', 'mutation { createUser(input: { username: "region.made", fullName: "Созданный регионом", roles: [ANALYST], password: "region-password" }) { id } }', {}],
      ['updateUser', 'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }', { id: B.executorId }],
      ['setUserPassword', 'mutation($id: ID!) { setUserPassword(id: $id, password: "captured-password-1") }', { id: B.headId }],
      ['createApiToken', 'mutation { createApiToken(input: { name: "Региональный", kind: INTEGRATOR, scopes: [ITEMS_READ] }) { token } }', {}],
      ['revokeApiToken', 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: B.tokenId }],
      ['saveAnswerTemplate', 'mutation { saveAnswerTemplate(input: { title: "Шаблон", body: "Текст" }) { id } }', {}],
    ];
    for (const [name, q, vars] of others) got[name] = codeOf(await t.gql(q, vars, regionTok));
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, 'FORBIDDEN'])));
    const post = await fetch(`${t.url}/files?name=region.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${regionTok}`, 'x-otklik-upload': '1' },
      body: 'from the region',
    });
    expect(post.status).toBe(403);
    // Its own notifications only: B's is not its to mark.
    expect((await ok<{ markNotificationsRead: number }>('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [B.notificationId] }, regionTok)).markNotificationsRead).toBe(0);
    expect(await stateOf(B.id)).toEqual(before);
    expect(await stateOf(A.id)).toEqual(aBefore);
  });
});

describe('subscriptions over graphql-ws', () => {
  const ITEM_SUB = 'subscription { itemEvents { itemId municipalityId item { status version } } }';
  const ORG_SUB = 'subscription { organisationChanged { entity entityId action municipalityId } }';
  type ItemUpd = { itemEvents: { itemId: string; municipalityId: string; item: { status: string; version: number } } };
  type OrgChg = { organisationChanged: { entity: string; entityId: string; action: string; municipalityId: string } };
  let probe = 0;
  const changeAItem = () => createItem(aTok.head, { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: `Проверка подписки ${++probe}` });
  const changeBItem = () => createItem(B.headTok, { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: `Проверка подписки Калач ${++probe}` });
  const changeADepartment = () =>
    ok('mutation($id: ID!, $n: String) { updateDepartment(id: $id, input: { name: $n }) { id } }', { id: A.probeDepartmentId, n: `Отдел для проверок ${++probe}` }, aTok.head);
  const changeBDepartment = () =>
    ok('mutation($id: ID!, $p: String) { updateDepartment(id: $id, input: { phone: $p }) { id } }', { id: B.departmentId, p: `+7 844 7${String(++probe).padStart(6, '0')}` }, B.headTok);

  it("A's head and A's token hear A's item and department changes and none of B's, which B's head hears (published before A's last change)", async () => {
    const aHead = wsClient(aTok.head);
    const aToken = wsClient(aTok.token);
    const bHead = wsClient(B.headTok);
    const a = {
      headItems: listen<ItemUpd>(aHead, ITEM_SUB),
      headOrg: listen<OrgChg>(aHead, ORG_SUB),
      tokenItems: listen<ItemUpd>(aToken, ITEM_SUB),
      tokenOrg: listen<OrgChg>(aToken, ORG_SUB),
    };
    const b = { items: listen<ItemUpd>(bHead, ITEM_SUB), org: listen<OrgChg>(bHead, ORG_SUB) };

    // Live: each subscription has heard a change of its own municipality.
    await untilHeard(a.headItems, changeAItem);
    await untilHeard(a.tokenItems, changeAItem);
    await untilHeard(a.headOrg, changeADepartment);
    await untilHeard(a.tokenOrg, changeADepartment);
    await untilHeard(b.items, changeBItem);
    await untilHeard(b.org, changeBDepartment);

    // B's item and B's department change first ...
    const bv = await versionOf(B.item.id);
    const started = await ok<{ startItem: { id: string; status: string; version: number } }>(
      'mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id status version } }',
      { id: B.item.id, v: bv },
      B.headTok,
    );
    expect(started.startItem.status).toBe('IN_PROGRESS');
    await ok('mutation($id: ID!) { updateDepartment(id: $id, input: { name: "Отдел ЖКХ и энергетики Калача" }) { id } }', { id: B.departmentId }, B.headTok);
    // ... then A's.
    const av = await versionOf(A.item.id);
    const aStarted = await ok<{ startItem: { id: string; status: string; version: number } }>(
      'mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id status version } }',
      { id: A.item.id, v: av },
      aTok.head,
    );
    const aDept = await ok<{ createDepartment: { id: string } }>(
      'mutation { createDepartment(input: { code: "a_last", name: "Последний отдел", kind: OTHER }) { id } }',
      {},
      aTok.head,
    );

    const isAStart = (e: ItemUpd) => e.itemEvents.itemId === A.item.id && e.itemEvents.item.version === aStarted.startItem.version;
    const isADept = (e: OrgChg) => e.organisationChanged.entityId === aDept.createDepartment.id;
    await waitFor(a.headItems, isAStart);
    await waitFor(a.tokenItems, isAStart);
    await waitFor(a.headOrg, isADept);
    await waitFor(a.tokenOrg, isADept);
    // B's own subscriber heard B's changes: they were published.
    await waitFor(b.items, (e) => e.itemEvents.itemId === B.item.id && e.itemEvents.item.status === 'IN_PROGRESS');
    await waitFor(b.org, (e) => e.organisationChanged.entityId === B.departmentId && e.organisationChanged.action === 'UPDATED');

    // Events arrive in order: B's, published earlier, would be here by now had they been delivered.
    for (const [name, l] of Object.entries({ headItems: a.headItems, tokenItems: a.tokenItems })) {
      expect({ name, foreign: l.events.filter((e) => e.itemEvents.municipalityId !== A.id) }).toEqual({ name, foreign: [] });
      expect({ name, bItem: l.events.filter((e) => e.itemEvents.itemId === B.item.id) }).toEqual({ name, bItem: [] });
    }
    for (const [name, l] of Object.entries({ headOrg: a.headOrg, tokenOrg: a.tokenOrg })) {
      expect({ name, foreign: l.events.filter((e) => e.organisationChanged.municipalityId !== A.id) }).toEqual({ name, foreign: [] });
      expect({ name, bDept: l.events.filter((e) => e.organisationChanged.entityId === B.departmentId) }).toEqual({ name, bDept: [] });
    }
    expect(b.items.events.filter((e) => e.itemEvents.municipalityId !== B.id)).toEqual([]);
    expect(b.org.events.filter((e) => e.organisationChanged.municipalityId !== B.id)).toEqual([]);
  });

  it("organisationChanged(municipalityId: B) is FORBIDDEN for A's head, executor, analyst, curator and token; the regional reader naming B hears B's change", async () => {
    const q = 'subscription($m: ID) { organisationChanged(municipalityId: $m) { entityId municipalityId } }';
    for (const who of A_VIEWERS) {
      const l = listen<OrgChg>(wsClient(aTok[who]), q, { m: B.id });
      // Bounded: were the subscription accepted, it would answer with B's next change instead of an error.
      await vi.waitFor(
        async () => {
          if (!l.errors.length && !l.events.length) await changeBDepartment();
          expect(l.errors.length + l.events.length).toBeGreaterThan(0);
        },
        { timeout: 10_000, interval: 150 },
      );
      expect({ who, codes: l.errors.map((e) => e.extensions?.code), events: l.events }).toEqual({ who, codes: ['FORBIDDEN'], events: [] });
    }
    const region = listen<OrgChg>(wsClient(regionTok), q, { m: B.id });
    await untilHeard(region, changeBDepartment);
    expect(region.events.filter((e) => e.organisationChanged.municipalityId !== B.id)).toEqual([]);
  });

  it("itemEvents(filter: { itemIds: [B's item] }) for A's head hears nothing of it, while A's head hears its own item named the same way", async () => {
    const aHead = wsClient(aTok.head);
    const onB = listen<ItemUpd>(aHead, 'subscription($id: ID!) { itemEvents(filter: { itemIds: [$id] }) { itemId municipalityId item { status } } }', { id: B.item.id });
    const onA = listen<ItemUpd>(aHead, 'subscription($id: ID!) { itemEvents(filter: { itemIds: [$id] }) { itemId municipalityId item { status } } }', { id: A.spare.id });
    // Live: A's spare item is changed (a no-op attach announces it) until heard. `onB` was subscribed on the same
    // socket before `onA`, so it is registered by then too (it can hear nothing to prove it).
    const touchSpare = async () =>
      ok('mutation($id: ID!, $v: Int!) { attachFiles(id: $id, version: $v, attachmentIds: []) { id } }', { id: A.spare.id, v: await versionOf(A.spare.id) }, aTok.head);
    await untilHeard(onA, touchSpare);
    // A B-side change of B's item (B's head hears it), then an A-side change of A's item.
    const bHears = listen<ItemUpd>(wsClient(B.headTok), 'subscription($id: ID!) { itemEvents(filter: { itemIds: [$id] }) { itemId municipalityId item { status } } }', { id: B.item.id });
    const touchB = async () =>
      ok('mutation($id: ID!, $v: Int!) { attachFiles(id: $id, version: $v, attachmentIds: []) { id } }', { id: B.item.id, v: await versionOf(B.item.id) }, B.headTok);
    await untilHeard(bHears, touchB);
    const sv = await versionOf(A.spare.id);
    const assigned = await ok<{ assignItem: { version: number } }>(ASSIGN, { id: A.spare.id, v: sv, d: A.housingId }, aTok.head);
    expect(assigned.assignItem.version).toBe(sv + 1);
    await waitFor(onA, (e) => e.itemEvents.item.status === 'ASSIGNED');
    expect(onB.events).toEqual([]);
    expect(onB.errors).toEqual([]);
  });

  it("notificationAdded: A's executor hears A's notification and none of B's executor's, which B's executor hears", async () => {
    const NOTE_SUB = 'subscription { notificationAdded { notificationId } }';
    type Note = { notificationAdded: { notificationId: string } };
    const aExec = listen<Note>(wsClient(aTok.executor), NOTE_SUB);
    const bExec = listen<Note>(wsClient(B.executorTok), NOTE_SUB);
    const assignNew = async (token: string, department: string, executor: string) => {
      const item = await createItem(token, { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: `Уведомление ${++probe}` });
      await ok(ASSIGN, { id: item.id, v: item.version, d: department, e: executor }, token);
      return item.id;
    };
    await untilHeard(aExec, () => assignNew(aTok.head, A.housingId, A.executorId));
    await untilHeard(bExec, () => assignNew(B.headTok, B.departmentId, B.executorId));
    const bItem = await assignNew(B.headTok, B.departmentId, B.executorId);
    const aItem = await assignNew(aTok.head, A.housingId, A.executorId);
    const bNote = (await sql<{ id: string }>('select id from notification where item_id = ?', [bItem]))[0]!.id;
    const aNote = (await sql<{ id: string }>('select id from notification where item_id = ?', [aItem]))[0]!.id;
    await waitFor(aExec, (e) => e.notificationAdded.notificationId === aNote);
    await waitFor(bExec, (e) => e.notificationAdded.notificationId === bNote);
    const aExecNotes = new Set((await sql<{ id: string }>('select id from notification where user_id = ?', [A.executorId])).map((r) => r.id));
    expect(aExec.events.filter((e) => !aExecNotes.has(e.notificationAdded.notificationId))).toEqual([]);
  });
});
