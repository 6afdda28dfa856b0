import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { systemEm } from '../src/db/orm.js';
import { DEFAULT_SPIKE_SETTINGS } from '../src/modules/spikes/spike-model.js';
import { scanSpikes } from '../src/modules/spikes/spike-scan.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The spike detector (docs/text.md "Spikes") on items created through createItem at fixed instants of the
 * municipality's days (Europe/Volgograd, UTC+3), the scan called with the test's clock: the SPIKE alert heard over a
 * real WebSocket and kept in the live outbox, the proposed problem with the day's items, one alert per spike, later
 * items joining it, a problem on the list taking a spike instead of a new proposal, a busy weekday not alerting at
 * its usual level, and pairs of other settlements or categories not counted together.
 */

let t: TestApp;
let head: string;
const cats: Record<string, string> = {};
const places: Record<string, string> = {};
const clients: Client[] = [];
const at = (local: string) => `${local}+03:00`;

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
  const r = await t.gql<{ categories: { id: string; code: string }[]; settlements: { id: string; code: string }[] }>('{ categories { id code } settlements { id code } }', {}, head);
  for (const c of r.data!.categories) cats[c.code] = c.id;
  for (const s of r.data!.settlements) places[s.code] = s.id;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

/** An item of a category in a settlement, received at a local instant, created by the head as an operator would. */
async function create(local: string, categoryCode: string, settlement: string): Promise<string> {
  t.clock.set(at(local));
  const r = await t.gql<{ createItem: { id: string } }>(
    'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
    {
      i: {
        kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'Звонок жителя о проблеме в поселении',
        categoryCode, settlementId: places[settlement], receivedAt: new Date(at(local)).toISOString(),
      },
    },
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createItem.id;
}

/** `n` items of one pair on one local day, a few minutes apart from `from` (HH:MM). */
async function createMany(n: number, day: string, from: string, categoryCode: string, settlement: string): Promise<string[]> {
  const [h, m] = from.split(':').map(Number) as [number, number];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const minutes = h * 60 + m + i * 7;
    ids.push(await create(`${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`, categoryCode, settlement));
  }
  return ids;
}

async function scan(local: string) {
  t.clock.set(at(local));
  return scanSpikes(systemEm(t.orm), t.clock.now(), DEFAULT_SPIKE_SETTINGS);
}

type ProblemView = { id: string; status: string; title: string; description: string | null; category: { code: string }; sector: { code: string }; settlement: { code: string }; items: { id: string }[] };
async function problem(id: string): Promise<ProblemView> {
  const r = await t.gql<{ problem: ProblemView }>(
    'query($id: ID!) { problem(id: $id) { id status title description category { code } sector { code } settlement { code } items { id } } }',
    { id },
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.problem;
}

async function problemsOf(category: string, settlement: string): Promise<{ id: string; status: string }[]> {
  return (await t.orm.em.fork().getConnection().execute(
    `select id, status from problem where category_id = ? and settlement_id = ? order by created_at`,
    [cats[category], places[settlement]],
  )) as { id: string; status: string }[];
}

/** The SPIKE alerts committed to the live outbox, oldest first. */
async function spikeAlerts(): Promise<{ problemId: string; message: string }[]> {
  const rows = (await t.orm.em.fork().getConnection().execute(
    `select payload from live_event where topic = 'ALERT' and payload ->> 'alertType' = 'SPIKE' order by cursor`,
  )) as { payload: { problemId: string; message: string } }[];
  return rows.map((r) => r.payload);
}

describe('a spike of one category in one settlement', () => {
  it('fifteen similar items in one settlement in a day raise a SPIKE alert (heard on alertRaised over a WebSocket) and a proposed problem holding them', async () => {
    const client = createClient({ url: t.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${head}` }, retryAttempts: 0 });
    clients.push(client);
    type A = { alertRaised: { type: string; level: string; message: string; problemId: string | null; itemId: string | null } };
    const heard: A[] = [];
    const base = t.pubsub.listenerCount('ALERT');
    const stop = client.subscribe<A>(
      { query: 'subscription { alertRaised { type level message problemId itemId } }' },
      { next: (v) => v.data && heard.push(v.data as A), error: (e) => heard.push({ alertRaised: { type: `error ${String(e)}`, level: '', message: '', problemId: null, itemId: null } }), complete: () => undefined },
    );
    await vi.waitFor(() => expect(t.pubsub.listenerCount('ALERT')).toBeGreaterThan(base), { timeout: 10_000, interval: 10 });

    // Wednesday 11 March 2026: no history at all, so the minimum count (8) is the threshold.
    const ids = await createMany(15, '2026-03-11', '08:30', 'ZHKH_WATER', 'surovikino_gp');
    const first = await scan('2026-03-11T10:30:00');
    expect(first).toMatchObject({ measured: 1, alerted: 1, proposed: 1, linked: 15 });

    await vi.waitFor(() => expect(heard.map((h) => h.alertRaised.type)).toContain('SPIKE'), { timeout: 10_000, interval: 20 });
    const alert = heard.find((h) => h.alertRaised.type === 'SPIKE')!.alertRaised;
    expect(alert.level).toBe('WARNING');
    expect(alert.itemId).toBeNull();
    expect(alert.message).toMatch(/^Всплеск: 15 обращений «.+» — /);
    stop();

    const p = await problem(alert.problemId!);
    expect(p.status).toBe('PROPOSED');
    expect(p.title).toMatch(/^Всплеск: .+ — Городское поселение город Суровикино$/);
    expect(p.description).toContain('11.03.2026 поступило 15 обращений');
    expect(p.description).toContain('порог всплеска 8');
    expect(p).toMatchObject({ category: { code: 'ZHKH_WATER' }, sector: { code: 'ZHKH' }, settlement: { code: 'surovikino_gp' } });
    expect(p.items.map((i) => i.id).sort()).toEqual([...ids].sort());
  });

  it('a second scan does not alert twice; a later item of the same day joins the spike’s problem instead of a new one', async () => {
    const [proposed] = await problemsOf('ZHKH_WATER', 'surovikino_gp');
    expect(await scan('2026-03-11T10:31:00')).toMatchObject({ measured: 0, alerted: 0, proposed: 0, linked: 0 });
    const later = await create('2026-03-11T16:00:00', 'ZHKH_WATER', 'surovikino_gp');
    expect(await scan('2026-03-11T16:01:00')).toMatchObject({ alerted: 0, proposed: 0, linked: 1 });
    // The next day still counts the day before (an item of 23:59), and takes nothing twice.
    expect(await scan('2026-03-12T00:00:30')).toMatchObject({ alerted: 0, linked: 0 });
    expect(await spikeAlerts()).toHaveLength(1);
    expect(await problemsOf('ZHKH_WATER', 'surovikino_gp')).toEqual([proposed]);
    expect((await problem(proposed!.id)).items.map((i) => i.id)).toContain(later);
    expect((await problem(proposed!.id)).items).toHaveLength(16);
  });

  it('items of another settlement or another category do not count: 7 + 7 + 7 do not alert, the eighth of one pair does', async () => {
    // Friday 13 March: water in the town, water in a rural settlement, heating in the town, seven each.
    const town = await createMany(7, '2026-03-13', '09:00', 'ZHKH_WATER', 'surovikino_gp');
    await createMany(7, '2026-03-13', '09:03', 'ZHKH_WATER', 'blizhneosinovskoe');
    await createMany(7, '2026-03-13', '09:05', 'ZHKH_HEATING', 'surovikino_gp');
    expect(await scan('2026-03-13T11:00:00')).toMatchObject({ measured: 0, alerted: 0, linked: 0 });
    const eighth = await create('2026-03-13T11:30:00', 'ZHKH_WATER', 'surovikino_gp');
    expect(await scan('2026-03-13T11:31:00')).toMatchObject({ measured: 1, alerted: 1, linked: 8 });
    // The water problem of the town proposed on the 11th is still on the list: it takes these items, no new proposal.
    const problems = await problemsOf('ZHKH_WATER', 'surovikino_gp');
    expect(problems).toHaveLength(1);
    const alerts = await spikeAlerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.problemId).toBe(problems[0]!.id);
    const items = (await problem(problems[0]!.id)).items.map((i) => i.id);
    for (const id of [...town, eighth]) expect(items).toContain(id);
    expect(items).toHaveLength(24);
    expect(await problemsOf('ZHKH_WATER', 'blizhneosinovskoe')).toEqual([]);
    expect(await problemsOf('ZHKH_HEATING', 'surovikino_gp')).toEqual([]);
  });

  it('an item a person unlinks from the spike’s problem is not linked again, and a rejected problem takes no more items', async () => {
    // Saturday 14 March: heating in a rural settlement, eight items, no history of that pair.
    const ids = await createMany(8, '2026-03-14', '10:00', 'ZHKH_HEATING', 'blizhneosinovskoe');
    expect(await scan('2026-03-14T11:00:00')).toMatchObject({ alerted: 1, proposed: 1, linked: 8 });
    const [proposed] = await problemsOf('ZHKH_HEATING', 'blizhneosinovskoe');
    const unlink = await t.gql('mutation($id: ID!, $ids: [ID!]!) { unlinkProblemItems(id: $id, itemIds: $ids) { id } }', { id: proposed!.id, ids: [ids[0]] }, head);
    expect(unlink.errors).toBeUndefined();
    expect(await scan('2026-03-14T11:01:00')).toMatchObject({ alerted: 0, linked: 0 });
    expect((await problem(proposed!.id)).items.map((i) => i.id)).not.toContain(ids[0]);

    const reject = await t.gql('mutation($id: ID!) { rejectProblem(id: $id, reason: "Авария устранена, не проблема перечня") { status } }', { id: proposed!.id }, head);
    expect(reject.errors).toBeUndefined();
    const later = await create('2026-03-14T15:00:00', 'ZHKH_HEATING', 'blizhneosinovskoe');
    expect(await scan('2026-03-14T15:01:00')).toMatchObject({ alerted: 0, proposed: 0, linked: 0 });
    expect(await problemsOf('ZHKH_HEATING', 'blizhneosinovskoe')).toEqual([{ id: proposed!.id, status: 'REJECTED' }]);
    expect((await problem(proposed!.id)).items.map((i) => i.id)).not.toContain(later);
  });
});

describe('the history of the weekday', () => {
  it('a settlement whose Wednesdays are usually busy does not alert at its usual level, but does at twice it; its quiet Thursday alerts at 15', async () => {
    // Roads in a rural settlement: fifteen items on each of three Wednesdays, the scan never run on those days.
    for (const day of ['2026-03-04', '2026-03-11', '2026-03-18']) await createMany(15, day, '08:00', 'ROADS_REPAIR', 'verkhnesolonovskoe');
    // Wednesday 25 March: fifteen again, the usual level (expected 15, threshold 29).
    await createMany(15, '2026-03-25', '08:00', 'ROADS_REPAIR', 'verkhnesolonovskoe');
    expect(await scan('2026-03-25T11:00:00')).toMatchObject({ measured: 1, alerted: 0 });
    expect(await problemsOf('ROADS_REPAIR', 'verkhnesolonovskoe')).toEqual([]);
    const row = (await t.orm.em.fork().getConnection().execute(
      `select reference_days, baseline, expected, threshold, alerted_at from spike where category_id = ? and settlement_id = ? and day = '2026-03-25'`,
      [cats.ROADS_REPAIR, places.verkhnesolonovskoe],
    )) as { reference_days: number; baseline: number; expected: number; threshold: number; alerted_at: Date | null }[];
    expect(row).toEqual([{ reference_days: 3, baseline: 15, expected: 15, threshold: 29, alerted_at: null }]);
    // Fourteen more the same day: 29 reach the threshold measured in the morning.
    await createMany(14, '2026-03-25', '12:00', 'ROADS_REPAIR', 'verkhnesolonovskoe');
    expect(await scan('2026-03-25T14:00:00')).toMatchObject({ measured: 0, alerted: 1, proposed: 1, linked: 29 });

    // Thursday 26 March: Thursdays bring none, so fifteen are a spike; the problem proposed yesterday takes them.
    await createMany(15, '2026-03-26', '08:00', 'ROADS_REPAIR', 'verkhnesolonovskoe');
    expect(await scan('2026-03-26T11:00:00')).toMatchObject({ measured: 1, alerted: 1, proposed: 0, linked: 15 });
    const problems = await problemsOf('ROADS_REPAIR', 'verkhnesolonovskoe');
    expect(problems).toHaveLength(1);
    expect((await problem(problems[0]!.id)).items).toHaveLength(44);
  });
});
