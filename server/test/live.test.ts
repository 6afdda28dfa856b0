import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/index.js';
import { bufferedIterator, SlowConsumerError, type HubTopic } from '../src/graphql/pubsub.js';
import { startTestApp, type TestApp } from './harness.js';
import { freePort } from './ports.js';

/**
 * The live layer (docs/live.md) over real WebSockets: events are committed with their change, numbered in commit
 * order, carried between instances by PostgreSQL LISTEN/NOTIFY, filtered and masked per subscriber by the access
 * policy, replayed from a cursor, and the listener survives a database restart.
 */

let t: TestApp;
const clients: Client[] = [];
let head: string;
const deps: Record<string, string> = {};
/** Every subscription a test opened: stopped after the test, so the next one counts listeners from a clean state. */
const opened: Heard<unknown>[] = [];
const TOPICS: HubTopic[] = ['ITEM_EVENT', 'ALERT', 'ORGANISATION_CHANGED', 'ACCESS_REVOKED', 'SECTOR_FIGURES', 'KPI_FIGURES'];
/** The server's own listeners (the live services), before any subscriber. */
const idle = new Map<HubTopic, number>();

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  head = await t.signInAs('head');
  const r = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
  for (const d of r.data!.departments) deps[d.code] = d.id;
  for (const topic of TOPICS) idle.set(topic, t.pubsub.listenerCount(topic));
});
// A subscription's end reaches the server a moment after the client stops it: wait until the server has let go.
afterEach(async () => {
  for (const h of opened.splice(0)) h.stop();
  await vi.waitFor(() => expect(TOPICS.map((topic) => t.pubsub.listenerCount(topic))).toEqual(TOPICS.map((topic) => idle.get(topic))), { timeout: 10_000, interval: 10 });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

function wsClient(token: string, url = t.url): Client {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

type Heard<T> = { events: T[]; errors: { message?: string; extensions?: Record<string, unknown> }[]; stop: () => void };

function listen<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Heard<T> {
  const h: Heard<T> = { events: [], errors: [], stop: () => undefined };
  opened.push(h as Heard<unknown>);
  h.stop = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) h.errors.push(...(v.errors as Heard<T>['errors']));
        if (v.data) h.events.push(v.data as T);
      },
      error: (e) => h.errors.push(...((Array.isArray(e) ? e : [{ message: String(e) }]) as Heard<T>['errors'])),
      complete: () => undefined,
    },
  );
  return h;
}

/** Waits until the server listens on `topic` for `count` more subscribers than `base` (no fixed sleep). */
async function listening(app: { pubsub: { listenerCount(t: HubTopic): number } }, topic: HubTopic, atLeast: number): Promise<void> {
  await vi.waitFor(() => expect(app.pubsub.listenerCount(topic)).toBeGreaterThanOrEqual(atLeast), { timeout: 10_000, interval: 10 });
}

async function until<T>(h: Heard<T>, seen: (events: T[]) => boolean, timeout = 10_000): Promise<void> {
  await vi.waitFor(
    () => {
      expect(h.errors).toEqual([]);
      expect(seen(h.events)).toBe(true);
    },
    { timeout, interval: 20 },
  );
}

const APPLICANT = { name: 'Соколова Анна Павловна', phone: '+7 903 111-22-33', address: 'г. Суровикино, ул. Мира, д. 7' };

async function createItem(input: Record<string, unknown>, token = head, url = t.url): Promise<{ id: string; number: string; version: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($i: ItemInput!) { createItem(input: $i) { id number version } }',
      variables: { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, categoryCode: 'ZHKH_WATER', text: 'Прошу разъяснить порядок начисления платы за воду в доме по ул. Мира', applicant: APPLICANT, ...input } },
    }),
  });
  const body = (await res.json()) as { data?: { createItem: { id: string; number: string; version: number } }; errors?: unknown };
  if (!body.data?.createItem) throw new Error(JSON.stringify(body.errors));
  return body.data.createItem;
}

async function assign(item: { id: string; version: number }, department: string, url = t.url): Promise<{ id: string; version: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` },
    body: JSON.stringify({
      query: 'mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }',
      variables: { id: item.id, v: item.version, d: deps[department] },
    }),
  });
  const body = (await res.json()) as { data?: { assignItem: { id: string; version: number } }; errors?: unknown };
  if (!body.data?.assignItem) throw new Error(JSON.stringify(body.errors));
  return body.data.assignItem;
}

async function wallToken(): Promise<string> {
  const r = await t.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "Стена МЦУ", kind: WALL_DISPLAY, scopes: [WALL_READ, KPI_READ, ORG_READ] }) { token } }',
    {},
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createApiToken.token;
}

type Change = { cursor: string; type: string; itemId: string; item: { number: string; applicant: { name: string | null; phone: string | null; masked: boolean } } };
const CHANGES = 'subscription($f: ItemEventFilter, $a: String) { itemEvents(filter: $f, after: $a) { cursor type itemId item { number applicant { name phone masked } } } }';

describe('itemEvents: filtered and masked per subscriber by the access policy', () => {
  it('an executor hears its department’s items with the applicant; the analyst and the wall hear all, always masked', async () => {
    const [executor, analyst, wall] = [await t.signInAs('executor'), await t.signInAs('analyst'), await wallToken()];
    const base = t.pubsub.listenerCount('ITEM_EVENT');
    const ex = listen<{ itemEvents: Change }>(wsClient(executor), CHANGES);
    const an = listen<{ itemEvents: Change }>(wsClient(analyst), CHANGES);
    const wa = listen<{ itemEvents: Change }>(wsClient(wall), CHANGES);
    await listening(t, 'ITEM_EVENT', base + 3);
    const logged = async () =>
      Number(((await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from personal_data_access where actor_label = 'executor' and action = 'VIEW'`)) as { n: number }[])[0]!.n);
    const loggedBefore = await logged();

    const housing = await assign(await createItem({}), 'housing');
    const roads = await assign(await createItem({ categoryCode: 'ROADS_REPAIR' }), 'roads');
    const assigned = (h: Heard<{ itemEvents: Change }>, id: string) => h.events.some((e) => e.itemEvents.itemId === id && e.itemEvents.type === 'ASSIGNED');
    await until(an, (es) => assigned({ ...an, events: es }, roads.id));
    await until(wa, (es) => assigned({ ...wa, events: es }, roads.id));
    await until(ex, (es) => assigned({ ...ex, events: es }, housing.id));

    // The executor: the housing item from its assignment on, with the applicant in full; never the roads item.
    expect(ex.events.map((e) => [e.itemEvents.itemId, e.itemEvents.type])).toEqual([[housing.id, 'ASSIGNED']]);
    expect(ex.events[0]!.itemEvents.item.applicant).toEqual({ name: APPLICANT.name, phone: APPLICANT.phone, masked: false });
    // Each full view was written to the access log before it left the server.
    expect(await logged()).toBe(loggedBefore + 1);
    // The analyst and the wall: every change of both items, the applicant masked in each.
    for (const h of [an, wa]) {
      expect(h.events.map((e) => e.itemEvents.type)).toEqual(['CREATED', 'REGISTERED', 'ASSIGNED', 'CREATED', 'REGISTERED', 'ASSIGNED']);
      for (const e of h.events) {
        expect(e.itemEvents.item.applicant.masked).toBe(true);
        expect(e.itemEvents.item.applicant.name).not.toBe(APPLICANT.name);
        expect(e.itemEvents.item.applicant.phone).not.toBe(APPLICANT.phone);
      }
    }
    // Cursors are commit order: strictly increasing.
    const cursors = an.events.map((e) => BigInt(e.itemEvents.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(cursors).size).toBe(cursors.length);
    for (const h of [ex, an, wa]) h.stop();
  });

  it('a filter narrows to kinds, departments and urgency; the wall cannot subscribe to what is not its', async () => {
    const base = t.pubsub.listenerCount('ITEM_EVENT');
    const urgentOnly = listen<{ itemEvents: Change }>(wsClient(head), CHANGES, { f: { urgent: true, kinds: ['APPEAL'] } });
    const roadsOnly = listen<{ itemEvents: Change }>(wsClient(head), CHANGES, { f: { departmentIds: [deps.roads] } });
    await listening(t, 'ITEM_EVENT', base + 2);
    const plain = await assign(await createItem({}), 'housing');
    const urgent = await createItem({ urgent: true });
    const toRoads = await assign(await createItem({ categoryCode: 'ROADS_REPAIR' }), 'roads');
    await until(urgentOnly, (es) => es.some((e) => e.itemEvents.itemId === urgent.id && e.itemEvents.type === 'REGISTERED'));
    await until(roadsOnly, (es) => es.some((e) => e.itemEvents.itemId === toRoads.id));
    expect(new Set(urgentOnly.events.map((e) => e.itemEvents.itemId))).toEqual(new Set([urgent.id]));
    expect(new Set(roadsOnly.events.map((e) => e.itemEvents.itemId))).toEqual(new Set([toRoads.id]));
    expect(roadsOnly.events.some((e) => e.itemEvents.itemId === plain.id)).toBe(false);
  });
});

describe('one execution per kind of viewer', () => {
  it('two sessions of the analyst get the same masked answer; each head who sees the applicant is logged for it', async () => {
    const [a1, a2, h1, h2] = [await t.signInAs('analyst'), await t.signInAs('analyst'), await t.signInAs('head'), await t.signInAs('head')];
    const base = t.pubsub.listenerCount('ITEM_EVENT');
    const subs = [a1, a2, h1, h2].map((token) => listen<{ itemEvents: Change }>(wsClient(token), CHANGES, { f: { types: ['REGISTERED'] } }));
    await listening(t, 'ITEM_EVENT', base + 4);
    const views = async () =>
      Number(((await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from personal_data_access where actor_label = 'head' and action = 'VIEW'`)) as { n: number }[])[0]!.n);
    const before = await views();
    const item = await createItem({});
    for (const h of subs) await until(h, (es) => es.some((e) => e.itemEvents.itemId === item.id));
    const [x1, x2, y1, y2] = subs.map((h) => h.events.find((e) => e.itemEvents.itemId === item.id)!.itemEvents);
    expect(x1).toEqual(x2);
    expect(x1!.item.applicant.masked).toBe(true);
    expect(y1!.item.applicant).toEqual({ name: APPLICANT.name, phone: APPLICANT.phone, masked: false });
    expect(y2).toEqual(y1);
    expect(await views()).toBe(before + 2);
    for (const h of subs) h.stop();
  });
});

describe('events and transactions', () => {
  it('a change that rolls back sends nothing: the subscriber hears the change before it and the one after it, in order', async () => {
    const base = t.pubsub.listenerCount('ITEM_EVENT');
    const h = listen<{ itemEvents: Change }>(wsClient(head), CHANGES, { f: { kinds: ['MESSAGE'] } });
    await listening(t, 'ITEM_EVENT', base + 1);
    const message = { kind: 'MESSAGE', channel: 'POS', source: 'pos', categoryCode: 'ZHKH_WATER', register: false };
    const first = await createItem({ ...message, externalId: 'POS-ROLLBACK-1' });
    // The same source and external id again: refused at commit (a unique index), after its events were recorded.
    const again = await t.gql('mutation($i: ItemInput!) { createItem(input: $i) { id } }', {
      i: { identified: true, text: 'Повтор', applicant: APPLICANT, ...message, externalId: 'POS-ROLLBACK-1' },
    }, head);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const after = await createItem({ ...message, externalId: 'POS-ROLLBACK-2' });
    await until(h, (es) => es.some((e) => e.itemEvents.itemId === after.id));
    expect(h.events.map((e) => [e.itemEvents.itemId, e.itemEvents.type])).toEqual([
      [first.id, 'CREATED'],
      [after.id, 'CREATED'],
    ]);
    const [{ n }] = (await t.orm.em.fork().getConnection().execute(
      `select count(*)::int as n from live_event where payload ->> 'itemId' not in (select id::text from item) and topic = 'ITEM_EVENT'`,
    )) as { n: number }[] as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('reconnecting with a cursor', () => {
  it('replays exactly what was missed, in order, then goes on live; a cursor older than what is kept is refused', async () => {
    const first = listen<{ itemEvents: Change }>(wsClient(head), CHANGES, { f: { kinds: ['INCIDENT'] } });
    const base = t.pubsub.listenerCount('ITEM_EVENT');
    await listening(t, 'ITEM_EVENT', base);
    const seen = await createItem({ kind: 'INCIDENT', channel: 'SOCIAL_VK', identified: false, categoryCode: 'ROADS_REPAIR', text: 'Пост: яма на дороге у школы на улице Мира', applicant: undefined, register: false });
    await until(first, (es) => es.some((e) => e.itemEvents.itemId === seen.id));
    const cursor = first.events.at(-1)!.itemEvents.cursor;
    first.stop();

    // Missed while away: two changes of incidents (and one of an appeal, filtered out).
    const missed1 = await createItem({ kind: 'INCIDENT', channel: 'SOCIAL_VK', identified: false, categoryCode: 'ROADS_REPAIR', text: 'Пост: разбитый асфальт на мосту через Чир, ездить страшно', applicant: undefined });
    await createItem({});
    const missed2 = await assign(missed1, 'roads');
    expect(missed2.id).toBe(missed1.id);

    const back = listen<{ itemEvents: Change }>(wsClient(head), CHANGES, { f: { kinds: ['INCIDENT'] }, a: cursor });
    await until(back, (es) => es.length >= 3);
    expect(back.events.map((e) => [e.itemEvents.itemId, e.itemEvents.type])).toEqual([
      [missed1.id, 'CREATED'],
      [missed1.id, 'REGISTERED'],
      [missed1.id, 'ASSIGNED'],
    ]);
    expect(BigInt(back.events[0]!.itemEvents.cursor)).toBeGreaterThan(BigInt(cursor));
    // Then live, once each.
    const live = await createItem({ kind: 'INCIDENT', channel: 'SOCIAL_VK', identified: false, categoryCode: 'ROADS_REPAIR', text: 'Пост: колея на грунтовке к хутору Зрянин, машины застревают', applicant: undefined, register: false });
    await until(back, (es) => es.some((e) => e.itemEvents.itemId === live.id));
    expect(back.events.map((e) => e.itemEvents.itemId)).toEqual([missed1.id, missed1.id, missed1.id, live.id]);

    // Events older than the retention are dropped; a cursor before them cannot be honoured.
    await t.orm.em.fork().getConnection().execute(`delete from live_event where cursor <= ?`, [String(BigInt(cursor) + 1n)]);
    const expired = listen(wsClient(head), CHANGES, { a: cursor });
    await vi.waitFor(() => expect(expired.errors.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    expect(expired.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' });
    const bad = listen(wsClient(head), CHANGES, { a: 'yesterday' });
    await vi.waitFor(() => expect(bad.errors.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    expect(bad.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('commit order across the digits', () => {
  it('delivers cursors 8, 9, 10, 11 in that order, live and replayed (numbers, not text)', async () => {
    const em = t.orm.em.fork();
    const base = t.pubsub.listenerCount('ORGANISATION_CHANGED');
    // Move the numbering forward to just below the next power of ten but one (57 → 997: 998, 999, 1000, 1001).
    const [{ last }] = (await em.getConnection().execute(`select last_value::text as last from live_event_cursor_seq`)) as { last: string }[] as [{ last: string }];
    const start = 10n ** BigInt(last.length + 1) - 3n;
    await em.getConnection().execute(`select setval('live_event_cursor_seq', ?)`, [String(start)]);
    const heard: string[] = [];
    const client = wsClient(head);
    const stop = client.subscribe<{ organisationChanged: { entityId: string } }>(
      { query: 'subscription { organisationChanged { entityId } }' },
      { next: (v) => v.data && heard.push(v.data.organisationChanged.entityId), error: () => undefined, complete: () => undefined },
    );
    await listening(t, 'ORGANISATION_CHANGED', base + 1);
    const ids = ['a', 'b', 'c', 'd'].map((x) => `digits-${x}`);
    for (const id of ids) {
      await t.emitLive('ORGANISATION_CHANGED', { municipalityId: (await em.getConnection().execute(`select id from municipality limit 1`))[0].id, entity: 'Department', entityId: id, action: 'UPDATED', at: new Date().toISOString() });
    }
    await vi.waitFor(() => expect(heard.filter((h) => h.startsWith('digits-'))).toHaveLength(4), { timeout: 10_000, interval: 20 });
    expect(heard.filter((h) => h.startsWith('digits-'))).toEqual(ids);
    stop();
    // And read back from the table in the same order.
    const { eventsAfter } = await import('../src/modules/live/live-bus.js');
    const rows = await eventsAfter(async (sql, params) => ({ rows: (await em.getConnection().execute(sql.replace(/\$(\d+)/g, '?'), params)) as never }), String(start), 10, 'ORGANISATION_CHANGED');
    expect(rows.map((r) => BigInt(r.cursor))).toEqual([start + 1n, start + 2n, start + 3n, start + 4n]);
  });
});

describe('two server instances on one database', () => {
  let second: RunningApp;
  let secondOrm: Orm;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'otklik-second-'));
    secondOrm = await openOrm(t.dbUrl);
    second = await startApp({
      config: loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: t.dbUrl, DATA_DIR: dataDir, LOG_LEVEL: 'error' }),
      orm: secondOrm,
      now: t.clock.now,
    });
  });
  afterAll(async () => {
    await second?.stop();
    await secondOrm?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a change made through one reaches a subscriber of the other, masked for its role, and not an executor of another department', async () => {
    const analyst = await t.signInAs('analyst');
    const executor = await t.signInAs('executor');
    const base = second.pubsub.listenerCount('ITEM_EVENT');
    const an = listen<{ itemEvents: Change }>(wsClient(analyst, second.url), CHANGES);
    const ex = listen<{ itemEvents: Change }>(wsClient(executor, second.url), CHANGES);
    await listening(second, 'ITEM_EVENT', base + 2);
    // Made through the first instance.
    const item = await assign(await createItem({ categoryCode: 'ROADS_REPAIR' }), 'roads');
    const mine = await assign(await createItem({}), 'housing');
    await until(an, (es) => es.some((e) => e.itemEvents.itemId === mine.id && e.itemEvents.type === 'ASSIGNED'));
    await until(ex, (es) => es.some((e) => e.itemEvents.itemId === mine.id));
    expect(an.events.filter((e) => e.itemEvents.itemId === item.id).map((e) => e.itemEvents.type)).toEqual(['CREATED', 'REGISTERED', 'ASSIGNED']);
    expect(an.events.every((e) => e.itemEvents.item.applicant.masked)).toBe(true);
    expect(ex.events.some((e) => e.itemEvents.itemId === item.id)).toBe(false);
    expect(ex.events.find((e) => e.itemEvents.itemId === mine.id)!.itemEvents.item.applicant.masked).toBe(false);
  });
});

describe('live figures', () => {
  it('sectorUpdated gives every sector at once, then the sector an item lands in with its new counts', async () => {
    type Row = { sectorUpdated: { code: string; open: number; receivedToday: number; overdue: number; state: string | null } };
    const h = listen<Row>(wsClient(head), 'subscription { sectorUpdated { code open receivedToday overdue state } }');
    const sectors = (await t.gql<{ sectors: { code: string }[] }>('{ sectors { code } }', {}, head)).data!.sectors;
    await until(h, (es) => es.length >= sectors.length);
    const first = new Map(h.events.slice(0, sectors.length).map((e) => [e.sectorUpdated.code, e.sectorUpdated]));
    expect([...first.keys()].sort()).toEqual(sectors.map((s) => s.code).sort());
    const before = first.get('ROADS')!;
    await createItem({ categoryCode: 'ROADS_REPAIR' });
    await until(h, (es) => es.slice(sectors.length).some((e) => e.sectorUpdated.code === 'ROADS' && e.sectorUpdated.receivedToday === before.receivedToday + 1));
    const after = h.events.filter((e) => e.sectorUpdated.code === 'ROADS').at(-1)!.sectorUpdated;
    expect(after.open).toBe(before.open + 1);
    // Only sectors whose figures moved are sent again.
    expect(h.events.slice(sectors.length).every((e) => e.sectorUpdated.code === 'ROADS')).toBe(true);
  });

  it('a sector lead hears only their sectors (housing and roads in the demo district)', async () => {
    const lead = await t.signInAs('sector_lead');
    const h = listen<{ sectorUpdated: { code: string } }>(wsClient(lead), 'subscription { sectorUpdated { code } }');
    await until(h, (es) => es.length >= 2);
    await createItem({ categoryCode: 'EDU_SCHOOL' });
    await createItem({ categoryCode: 'ROADS_REPAIR' });
    await until(h, (es) => es.length >= 3);
    expect(new Set(h.events.map((e) => e.sectorUpdated.code))).toEqual(new Set(['ZHKH', 'ROADS']));
  });

  it('kpiUpdated gives today’s and the month’s figures at once, then again when an item arrives', async () => {
    type Live = { kpiUpdated: { today: { received: number; from: string }; month: { received: number; previous: { from: string } } } };
    const h = listen<Live>(wsClient(head), 'subscription { kpiUpdated { today { received from } month { received previous { from } } } }');
    await until(h, (es) => es.length >= 1);
    const first = h.events[0]!.kpiUpdated;
    // The municipality's day and month (Europe/Volgograd, UTC+3).
    expect(new Date(first.today.from).toISOString()).toBe('2026-11-19T21:00:00.000Z');
    expect(new Date(first.month.previous.from).toISOString()).toBe('2026-10-01T21:00:00.000Z');
    await createItem({});
    await until(h, (es) => es.some((e) => e.kpiUpdated.today.received === first.today.received + 1));
    expect(h.events.at(-1)!.kpiUpdated.month.received).toBe(first.month.received + 1);
  });
});

describe('leaving', () => {
  it('a subscriber who stops is let go at once, with no further event: item events, sector figures and KPIs', async () => {
    const watched = ['ITEM_EVENT', 'SECTOR_FIGURES', 'KPI_FIGURES'] as const;
    const before = watched.map((topic) => t.pubsub.listenerCount(topic));
    const hs = [
      listen<unknown>(wsClient(head), CHANGES),
      listen<unknown>(wsClient(head), 'subscription { sectorUpdated { code } }'),
      listen<unknown>(wsClient(head), 'subscription { kpiUpdated { today { received } } }'),
    ];
    await vi.waitFor(() => watched.forEach((topic, i) => expect(t.pubsub.listenerCount(topic)).toBeGreaterThan(before[i]!)), { timeout: 10_000, interval: 10 });
    await until(hs[1]!, (es) => es.length > 0);
    await until(hs[2]!, (es) => es.length > 0);
    for (const h of hs) h.stop();
    // Nothing is published meanwhile: the server lets go because the client left, not because an event came.
    await vi.waitFor(() => expect(watched.map((topic) => t.pubsub.listenerCount(topic))).toEqual(before), { timeout: 10_000, interval: 10 });
  });
});

describe('the map of the district', () => {
  it('settlementLoad counts the open items of each settlement, with its coordinates and short name', async () => {
    type Load = { settlementLoad: { settlementId: string; name: string; shortName: string; lat: number | null; lon: number | null; open: number; overdue: number }[] };
    const Q = '{ settlementLoad { settlementId name shortName lat lon open overdue } }';
    const before = (await t.gql<Load>(Q, {}, head)).data!.settlementLoad;
    const place = before.find((s) => s.lat !== null)!;
    expect(place.lon).not.toBeNull();
    // The same short name as the settlement itself has everywhere else.
    const { settlements } = (await t.gql<{ settlements: { id: string; shortName: string }[] }>('{ settlements { id shortName } }', {}, head)).data!;
    expect(place.shortName).toBe(settlements.find((s) => s.id === place.settlementId)!.shortName);
    expect(place.shortName.length).toBeLessThan(place.name.length);
    await createItem({ settlementId: place.settlementId });
    const after = (await t.gql<Load>(Q, {}, head)).data!.settlementLoad;
    expect(after.find((s) => s.settlementId === place.settlementId)!.open).toBe(place.open + 1);
    expect(after.filter((s) => s.settlementId !== place.settlementId)).toEqual(before.filter((s) => s.settlementId !== place.settlementId));
    // Not for a role that does not read figures.
    const r = await t.gql(Q, {}, await t.signInAs('executor'));
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('alertRaised', () => {
  it('an urgent item alerts those who reach it, not an executor of another department', async () => {
    const analyst = await t.signInAs('analyst');
    const executor = await t.signInAs('executor');
    const base = t.pubsub.listenerCount('ALERT');
    type A = { alertRaised: { type: string; level: string; itemId: string; item: { number: string } } };
    const an = listen<A>(wsClient(analyst), 'subscription { alertRaised { type level itemId item { number } } }');
    const ex = listen<A>(wsClient(executor), 'subscription { alertRaised { type level itemId } }');
    await listening(t, 'ALERT', base + 2);
    const urgent = await createItem({ urgent: true, categoryCode: 'ROADS_SNOW' });
    await until(an, (es) => es.length >= 1);
    expect(an.events[0]!.alertRaised).toEqual({ type: 'URGENT_ITEM', level: 'CRITICAL', itemId: urgent.id, item: { number: urgent.number } });
    // The executor reaches only its department's items: an unassigned roads item is not one of them.
    const mine = await assign(await createItem({ urgent: true }), 'housing');
    await until(an, (es) => es.length >= 2);
    expect(ex.events.some((e) => e.alertRaised.itemId === urgent.id)).toBe(false);
    expect(mine.id).toBeTruthy();
  });
});

describe('a slow subscriber', () => {
  it('is cut off once more events wait for it than the limit, instead of growing the server', async () => {
    const it = bufferedIterator<number>((push) => {
      for (let i = 0; i < 5; i++) push(i);
      return () => undefined;
    }, 3);
    await expect(it.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('within the limit, receives every event in order', async () => {
    let push: (v: number) => void = () => undefined;
    const it = bufferedIterator<number>((p) => ((push = p), () => undefined), 3);
    push(1);
    push(2);
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(await it.next()).toEqual({ value: 2, done: false });
    // Asked for before it exists: given as soon as it is pushed.
    const third = it.next();
    push(3);
    expect(await third).toEqual({ value: 3, done: false });
  });
});

describe('the listener and a database restart', () => {
  it('reconnects, listens again and catches up: a change after the restart reaches a subscriber connected before it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-restart-'));
    const port = await freePort();
    let pg = await startEmbeddedPostgres(dir, port);
    const orm = await openOrm(pg.url);
    let app: RunningApp | undefined;
    try {
      await migrate(orm);
      await seedDemoIfEmpty(orm, { password: 'restart-password', items: 0 });
      app = await startApp({
        config: loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: pg.url, DATA_DIR: dir, LOG_LEVEL: 'error' }),
        orm,
        now: () => new Date('2026-11-20T10:00:00+03:00'),
      });
      const url = app.url;
      const signIn = async () => {
        const r = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation { signIn(username: "head", password: "restart-password") { token } }' }),
        });
        return ((await r.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
      };
      const token = await signIn();
      const base = app.pubsub.listenerCount('ITEM_EVENT');
      const h = listen<{ itemEvents: { itemId: string; cursor: string } }>(wsClient(token, url), 'subscription { itemEvents { itemId cursor } }');
      await listening(app, 'ITEM_EVENT', base + 1);

      await pg.stop();
      await vi.waitFor(() => expect(app!.bus.connected).toBe(false), { timeout: 10_000, interval: 20 });
      pg = await startEmbeddedPostgres(dir, port);
      await vi.waitFor(() => expect(app!.bus.connected).toBe(true), { timeout: 20_000, interval: 50 });

      // The pool's connections died with the server: the first requests may fail until it has new ones.
      let created: string | undefined;
      await vi.waitFor(
        async () => {
          created ??= (await createItem({ applicant: undefined, identified: false, kind: 'MESSAGE', channel: 'PHONE' }, token, url)).id;
          expect(created).toBeTruthy();
        },
        { timeout: 20_000, interval: 200 },
      );
      await until(h, (es) => es.some((e) => e.itemEvents.itemId === created));
      expect(BigInt(app.bus.cursor)).toBeGreaterThan(0n);
    } finally {
      await app?.stop();
      await orm.close();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

