import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/**
 * KPIs (docs/kpi.md) on items built by hand through the real lifecycle at chosen instants, against values worked
 * out by hand. The period is March 2026 in Europe/Volgograd (UTC+3): [2026-03-01T00:00+03, 2026-04-01T00:00+03).
 * 09.03.2026 is a day off (8 March fell on a Sunday).
 */

let t: TestApp;
let head: string;
const deps: Record<string, string> = {};
const FROM = '2026-03-01T00:00:00+03:00';
const TO = '2026-04-01T00:00:00+03:00';
const at = (local: string) => `${local}+03:00`;

type Ref = { id: string; version: number };

async function as<T>(when: string, doc: string, vars: Record<string, unknown> = {}, token = head): Promise<T> {
  t.clock.set(at(when));
  const r = await t.gql<Record<string, T>>(doc, vars, token);
  expect(r.errors, doc).toBeUndefined();
  return Object.values(r.data!)[0]!;
}

async function create(when: string, input: Record<string, unknown>): Promise<Ref> {
  return as<Ref>(when, 'mutation($i: ItemInput!) { createItem(input: $i) { id version } }', {
    i: { identified: true, channel: 'LETTER', text: 'Обращение для проверки показателей', receivedAt: new Date(at(when)).toISOString(), ...input },
  });
}
const step = (doc: string) => async (when: string, item: Ref, vars: Record<string, unknown> = {}): Promise<Ref> =>
  as<Ref>(when, doc, { id: item.id, v: item.version, ...vars });
const assign = step('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }');
const start = step('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id version } }');
const submit = step('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Работы выполнены, фото приложено." }) { id version } }');
const approve = step('mutation($id: ID!, $v: Int!) { approveAnswer(id: $id, version: $v, input: { outcome: SUPPORTED_MEASURES_TAKEN }) { id version } }');
const rework = step('mutation($id: ID!, $v: Int!) { returnForRework(id: $id, version: $v, input: { reasons: [NO_EVIDENCE] }) { id version } }');
const rate = step('mutation($id: ID!, $v: Int!, $s: Boolean!) { rateItem(id: $id, version: $v, input: { satisfied: $s }) { id version } }');
const extend = step('mutation($id: ID!, $v: Int!) { extendItem(id: $id, version: $v, input: { days: 30, reason: "Нужна экспертиза" }) { id version } }');
const redirect = step('mutation($id: ID!, $v: Int!) { redirectItem(id: $id, version: $v, input: { to: "Прокуратура" }) { id version } }');
const interim = step('mutation($id: ID!, $v: Int!) { publishInterimAnswer(id: $id, version: $v, input: { text: "Принято в работу." }) { id version } }');
const merge = step('mutation($id: ID!, $v: Int!, $p: ID!) { mergeItem(id: $id, version: $v, parentId: $p) { id version } }');

/** Assign to housing, start, submit and approve at the given instants. */
async function answer(item: Ref, assignAt: string, answerAt: string): Promise<Ref> {
  let r = await assign(assignAt, item, { d: deps.housing });
  r = await start(assignAt, r);
  r = await submit(answerAt, r);
  return approve(answerAt, r);
}

const ids: Record<string, string> = {};
const APPLICANT = { name: 'Кузнецов Пётр Ильич', phone: '+7 902 555-44-33', address: 'г. Суровикино, ул. Мира, д. 3' };

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
  const r = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
  for (const d of r.data!.departments) deps[d.code] = d.id;

  // A1: an appeal registered Mon 02.03 10:00, answered 12.03 10:00 (10.0 days, in time), rated satisfied 13.03.
  let a1 = await create('2026-03-02T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER', applicant: APPLICANT });
  a1 = await answer(a1, '2026-03-02T11:00:00', '2026-03-12T10:00:00');
  await rate('2026-03-13T10:00:00', a1, { s: true });
  ids.a1 = a1.id;

  // A2: registered 20.01 10:00 (due 19.02), extended by 30 days (21.03 is a Saturday: due Mon 23.03 23:59:59),
  // answered 25.03 10:00: late, extended, 64.0 days.
  let a2 = await create('2026-01-20T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' });
  a2 = await assign('2026-01-21T10:00:00', a2, { d: deps.housing });
  a2 = await start('2026-01-21T10:00:00', a2);
  a2 = await extend('2026-02-10T10:00:00', a2);
  a2 = await submit('2026-03-25T10:00:00', a2);
  a2 = await approve('2026-03-25T10:00:00', a2);
  ids.a2 = a2.id;

  // M1: a message registered Tue 03.03 09:00; returned for rework once; answered Fri 06.03 09:00; rated "not
  // satisfied" 06.03 15:00 (reopened); answered again Wed 11.03 09:00: 5.0 working days from registration
  // (03→04→05→06→10→11; 07, 08 weekend, 09 a day off), in time, reworked, reopened.
  let m1 = await create('2026-03-03T09:00:00', { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'ZHKH_WATER' });
  m1 = await assign('2026-03-03T09:00:00', m1, { d: deps.housing });
  m1 = await start('2026-03-03T09:00:00', m1);
  m1 = await submit('2026-03-05T09:00:00', m1);
  m1 = await rework('2026-03-05T10:00:00', m1);
  m1 = await submit('2026-03-06T09:00:00', m1);
  m1 = await approve('2026-03-06T09:00:00', m1);
  m1 = await rate('2026-03-06T15:00:00', m1, { s: false });
  m1 = await answer(m1, '2026-03-10T09:00:00', '2026-03-11T09:00:00');
  ids.m1 = m1.id;

  // I1: an incident registered Wed 04.03 10:00; interim answer 13:00 (2.0 working hours: lunch 12–13 does not
  // count; due in 8), final answer 10.03 10:00.
  let i1 = await create('2026-03-04T10:00:00', { kind: 'INCIDENT', channel: 'SOCIAL_VK', identified: false, categoryCode: 'ROADS_REPAIR' });
  i1 = await assign('2026-03-04T10:30:00', i1, { d: deps.roads });
  i1 = await start('2026-03-04T10:30:00', i1);
  i1 = await interim('2026-03-04T13:00:00', i1);
  i1 = await submit('2026-03-10T10:00:00', i1);
  await approve('2026-03-10T10:00:00', i1);
  ids.i1 = i1.id;

  // A3: redirected 06.03.
  const a3 = await create('2026-03-05T10:00:00', { kind: 'APPEAL', categoryCode: 'EDU_SCHOOL' });
  await redirect('2026-03-06T10:00:00', a3);
  ids.a3 = a3.id;

  // A4: registered 01.02 (a Sunday: due 03.03 23:59:59), never answered: overdue at the end of March.
  ids.a4 = (await create('2026-02-01T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' })).id;

  // A5: the applicant of A1 again, same category, 18 days later: a repeat. Open, due 20.04: not overdue.
  const a5 = await create('2026-03-20T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER', applicant: { ...APPLICANT, name: 'Кузнецов П. И.' } });
  ids.a5 = a5.id;

  // D1: a duplicate of A5, merged: received, but never answered or overdue on its own.
  const d1 = await create('2026-03-21T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' });
  await merge('2026-03-21T11:00:00', d1, { p: a5.id });
  ids.d1 = d1.id;

  t.clock.set('2026-04-15T12:00:00+03:00');
}, 120_000);
afterAll(async () => t?.stop());

const FIGURES = `received perThousandResidents answered answeredOnTime onTimeShare overdueOpen meanAnswerDays medianAnswerDays
  meanFirstReactionHours extendedShare redirectedShare reworkShare reopenedShare rated satisfied satisfiedShare repeats`;

describe('kpis', () => {
  it('computes every figure of March for the municipality as worked out by hand', async () => {
    const population = (await t.orm.em.fork().getConnection().execute(`select population from municipality`)) as { population: number }[];
    expect(population).toEqual([{ population: 32546 }]);
    const r = await t.gql<{ kpis: Record<string, number | null> }>(`query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { ${FIGURES} } }`, { f: FROM, t: TO }, head);
    expect(r.errors).toBeUndefined();
    const k = r.data!.kpis;
    expect(k).toMatchObject({
      received: 6, // A1, M1, I1, A3, A5, D1
      answered: 4, // A1 12.03, M1 11.03, I1 10.03, A2 25.03
      answeredOnTime: 3, // A2 was late
      onTimeShare: 0.75,
      overdueOpen: 1, // A4
      rated: 2, // A1 satisfied, M1 not
      satisfied: 1,
      satisfiedShare: 0.5,
      repeats: 1, // A5
      extendedShare: 0.25, // A2
      reworkShare: 0.25, // M1
      reopenedShare: 0.25, // M1
      redirectedShare: 0.2, // A3 of 5 resolved
    });
    expect(k.perThousandResidents).toBeCloseTo((6 * 1000) / 32546, 10);
    // APPEAL in calendar days, MESSAGE in working days: A1 10, A2 64, M1 5.
    expect(k.meanAnswerDays).toBeCloseTo((10 + 64 + 5) / 3, 10);
    expect(k.medianAnswerDays).toBeCloseTo(10, 10);
    expect(k.meanFirstReactionHours).toBeCloseTo(2, 10);
  });

  it('gives the figures of the period of the same length just before as previous', async () => {
    const r = await t.gql<{ kpis: { from: string; received: number; previous: { from: string; to: string; received: number; answered: number; overdueOpen: number } } }>(
      `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { received previous { from to received answered overdueOpen } } }`,
      { f: FROM, t: TO },
      head,
    );
    expect(r.errors).toBeUndefined();
    // 31 days before 01.03 00:00: from 29.01 00:00. Received then: A4 (01.02). A2 was due 19.02 but extended: not overdue on 01.03.
    expect(r.data!.kpis.previous).toEqual({ from: '2026-01-28T21:00:00.000Z', to: '2026-02-28T21:00:00.000Z', received: 1, answered: 0, overdueOpen: 0 });
  });

  it('narrows to a sector, a department, a kind and a channel', async () => {
    const q = `query($f: DateTime!, $t: DateTime!, $s: KpiScopeInput) { kpis(from: $f, to: $t, scope: $s) { received answered } }`;
    const of = async (scope: Record<string, unknown>) => (await t.gql<{ kpis: { received: number; answered: number } }>(q, { f: FROM, t: TO, s: scope }, head)).data!.kpis;
    expect(await of({ sectorCode: 'ZHKH' })).toEqual({ received: 4, answered: 3 }); // A1, M1, A5, D1; A1, M1, A2
    expect(await of({ departmentId: deps.roads })).toEqual({ received: 1, answered: 1 }); // I1
    expect(await of({ kind: 'MESSAGE' })).toEqual({ received: 1, answered: 1 });
    expect(await of({ channel: 'SOCIAL_VK' })).toEqual({ received: 1, answered: 1 });
    expect(await of({ categoryCode: 'EDU_SCHOOL' })).toEqual({ received: 1, answered: 0 });
  });

  it('ranks by sector, and the ranking adds up to the whole', async () => {
    const r = await t.gql<{ kpiRanking: { key: string; name: string; figures: { received: number; answered: number } }[] }>(
      `query($f: DateTime!, $t: DateTime!) { kpiRanking(by: SECTOR, from: $f, to: $t) { key name figures { received answered } } }`,
      { f: FROM, t: TO },
      head,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.kpiRanking;
    expect(rows.map((x) => [x.name, x.figures.received, x.figures.answered])).toEqual([
      ['ЖКХ', 4, 3],
      ['Дороги', 1, 1],
      ['Образование', 1, 0],
    ].map(([n, a, b]) => [expect.stringContaining(String(n)), a, b]));
    expect(rows.reduce((s, x) => s + x.figures.received, 0)).toBe(6);
  });

  it('gives a weekly series in the municipality’s weeks (from Monday), adding up to the period', async () => {
    const r = await t.gql<{ kpiSeries: { from: string; to: string; figures: { received: number; answered: number } }[] }>(
      `query($f: DateTime!, $t: DateTime!) { kpiSeries(from: $f, to: $t, bucket: WEEK) { from to figures { received answered } } }`,
      { f: FROM, t: TO },
      head,
    );
    expect(r.errors).toBeUndefined();
    const s = r.data!.kpiSeries;
    // 01.03 is a Sunday: the first bucket is that day alone, then weeks from Monday 02.03; the last ends 01.04.
    expect(s[0]).toMatchObject({ from: '2026-02-28T21:00:00.000Z', to: '2026-03-01T21:00:00.000Z' });
    expect(s[1]!.from).toBe('2026-03-01T21:00:00.000Z');
    expect(s.at(-1)!.to).toBe('2026-03-31T21:00:00.000Z');
    // 01.03 | 02–08: A1, M1, I1, A3 | 09–15 | 16–22: A5, D1 | 23–29 | 30–31
    expect(s.map((p) => p.figures.received)).toEqual([0, 4, 0, 2, 0, 0]);
    expect(s.reduce((n, p) => n + p.figures.received, 0)).toBe(6);
    expect(s.reduce((n, p) => n + p.figures.answered, 0)).toBe(4);
  });
});

describe('drilling into a figure: the items behind it', () => {
  const Q = `query($k: KpiDrillInput!) { items(first: 100, filter: { kpi: $k }) { totalCount nodes { id } } }`;
  const drill = async (set: string, scope?: Record<string, unknown>, token = head) => {
    const r = await t.gql<{ items: { totalCount: number; nodes: { id: string }[] } }>(Q, { k: { set, from: FROM, to: TO, scope } }, token);
    expect(r.errors).toBeUndefined();
    return { total: r.data!.items.totalCount, ids: r.data!.items.nodes.map((n) => n.id).sort() };
  };
  const sorted = (...names: string[]) => names.map((n) => ids[n]!).sort();

  it('lists exactly the items each figure of March counts', async () => {
    expect(await drill('RECEIVED')).toEqual({ total: 6, ids: [...sorted('a1', 'm1', 'i1', 'a3', 'a5', 'd1')] });
    expect(await drill('ANSWERED')).toEqual({ total: 4, ids: sorted('a1', 'a2', 'm1', 'i1') });
    expect(await drill('ANSWERED_ON_TIME')).toEqual({ total: 3, ids: sorted('a1', 'm1', 'i1') });
    expect(await drill('ANSWERED_LATE')).toEqual({ total: 1, ids: sorted('a2') });
    expect(await drill('OVERDUE_OPEN')).toEqual({ total: 1, ids: sorted('a4') });
    expect(await drill('REDIRECTED')).toEqual({ total: 1, ids: sorted('a3') });
    expect(await drill('EXTENDED')).toEqual({ total: 1, ids: sorted('a2') });
    expect(await drill('REWORKED')).toEqual({ total: 1, ids: sorted('m1') });
    expect(await drill('REOPENED')).toEqual({ total: 1, ids: sorted('m1') });
    expect(await drill('RATED')).toEqual({ total: 2, ids: sorted('a1', 'm1') });
    expect(await drill('SATISFIED')).toEqual({ total: 1, ids: sorted('a1') });
    expect(await drill('NOT_SATISFIED')).toEqual({ total: 1, ids: sorted('m1') });
    expect(await drill('REPEATS')).toEqual({ total: 1, ids: sorted('a5') });
  });

  it('answered late in the housing department in March: exactly that item', async () => {
    expect(await drill('ANSWERED_LATE', { departmentId: deps.housing })).toEqual({ total: 1, ids: sorted('a2') });
    expect(await drill('ANSWERED_LATE', { departmentId: deps.roads })).toEqual({ total: 0, ids: [] });
  });

  it('is refused to a role that does not read KPIs, and keeps a sector lead to their sectors', async () => {
    const r = await t.gql(Q, { k: { set: 'RECEIVED', from: FROM, to: TO } }, await t.signInAs('executor'));
    expect(codeOf(r)).toBe('FORBIDDEN');
    const lead = await t.signInAs('sector_lead');
    expect(await drill('RECEIVED', undefined, lead)).toEqual({ total: 5, ids: sorted('a1', 'm1', 'i1', 'a5', 'd1') });
    expect(codeOf(await t.gql(Q, { k: { set: 'RECEIVED', from: FROM, to: TO, scope: { sectorCode: 'EDUCATION' } } }, lead))).toBe('FORBIDDEN');
  });
});

describe('who reads KPIs', () => {
  const Q = `query($f: DateTime!, $t: DateTime!, $s: KpiScopeInput) { kpis(from: $f, to: $t, scope: $s) { received } }`;

  it('a sector lead reads their sectors’ figures, and is refused another sector', async () => {
    const lead = await t.signInAs('sector_lead'); // ЖКХ and roads
    const own = await t.gql<{ kpis: { received: number } }>(Q, { f: FROM, t: TO }, lead);
    expect(own.data?.kpis.received).toBe(5); // ЖКХ 4 + roads 1
    expect(codeOf(await t.gql(Q, { f: FROM, t: TO, s: { sectorCode: 'EDUCATION' } }, lead))).toBe('FORBIDDEN');
    const roads = await t.gql<{ kpis: { received: number } }>(Q, { f: FROM, t: TO, s: { sectorCode: 'ROADS' } }, lead);
    expect(roads.data?.kpis.received).toBe(1);
  });

  it('executors and the ПОС operator do not read KPIs; a token with KPI_READ does', async () => {
    for (const u of ['executor', 'pos_operator', 'incident_manager']) {
      expect(codeOf(await t.gql(Q, { f: FROM, t: TO }, await t.signInAs(u)))).toBe('FORBIDDEN');
    }
    const created = await t.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "wall kpi", kind: WALL_DISPLAY, scopes: [KPI_READ] }) { token } }',
      {},
      head,
    );
    const r = await t.gql<{ kpis: { received: number } }>(Q, { f: FROM, t: TO }, created.data!.createApiToken.token);
    expect(r.data?.kpis.received).toBe(6);
  });

  it('refuses a period that ends before it starts, with the field named', async () => {
    const r = await t.gql(Q, { f: TO, t: FROM }, head);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toEqual([{ field: 'to', problems: ['must be after from'] }]);
  });
});

describe('speed of items answered before it was recorded', () => {
  it('is measured at start-up (backfill) to the same values the lifecycle records', async () => {
    const { backfillSpeed } = await import('../src/db/backfill.js');
    const conn = t.orm.em.fork().getConnection();
    const recorded = (await conn.execute(
      `select id, answer_working_days, first_reaction_working_hours from item where id in (?, ?) order by id`,
      [ids.m1, ids.i1],
    )) as { id: string; answer_working_days: number; first_reaction_working_hours: number }[];
    expect(recorded.find((r) => r.id === ids.m1)!.answer_working_days).toBeCloseTo(5, 10);
    expect(recorded.find((r) => r.id === ids.i1)!.first_reaction_working_hours).toBeCloseTo(2, 10);
    await conn.execute(`update item set answer_working_days = null, first_reaction_working_hours = null where id in (?, ?)`, [ids.m1, ids.i1]);
    expect(await backfillSpeed(t.orm, t.clock.now())).toBe(2);
    const after = await conn.execute(`select id, answer_working_days, first_reaction_working_hours from item where id in (?, ?) order by id`, [ids.m1, ids.i1]);
    expect(after).toEqual(recorded);
    expect(await backfillSpeed(t.orm, t.clock.now())).toBe(0);
  });
});

describe('daily rollups', () => {
  it('serve a whole-day period and give the same figures as the items themselves, for every grain and ranking', async () => {
    const { rawParts, figuresFrom } = await import('../src/modules/kpi/kpi.sql.js');
    const { partsFor } = await import('../src/modules/kpi/kpi-rollup.js');
    const { KpiDimension } = await import('../src/modules/kpi/kpi.types.js');
    const { systemEm } = await import('../src/db/orm.js');
    const em = systemEm(t.orm);
    const [m] = (await em.getConnection().execute(`select id, timezone, population from municipality`)) as { id: string; timezone: string; population: number }[];
    const sectors = (await em.getConnection().execute(`select id from sector where code in ('ZHKH', 'ROADS')`)) as { id: string }[];
    const base = { municipalityIds: [m!.id], population: m!.population, zone: m!.timezone };
    const p = { from: new Date(FROM), to: new Date(TO), now: t.clock.now() };
    const scopes = [
      base,
      { ...base, sectorIds: sectors.map((s) => s.id) },
      { ...base, departmentId: deps.housing },
      { ...base, kind: 'MESSAGE' as never },
      { ...base, channel: 'SOCIAL_VK' as never },
    ];
    const view = (parts: Map<string | null, Parameters<typeof figuresFrom>[0]>) =>
      Object.fromEntries([...parts].map(([k, v]) => [String(k), figuresFrom(v, 0, null)]));
    for (const s of scopes) expect(view(await partsFor(em, s, p)), JSON.stringify(s)).toEqual(view(await rawParts(em, s, p)));
    for (const d of Object.values(KpiDimension)) expect(view(await partsFor(em, base, p, d)), d).toEqual(view(await rawParts(em, base, p, d)));
    // A period that does not start or end at midnight: whole days from the rollups, the edges from the items.
    const odd = { from: new Date('2026-03-02T10:30:00+03:00'), to: new Date('2026-03-20T15:00:00+03:00'), now: t.clock.now() };
    expect(view(await partsFor(em, base, odd))).toEqual(view(await rawParts(em, base, odd)));
    const rows = (await em.getConnection().execute(`select grain, count(*)::int as n from kpi_day group by grain order by grain`)) as { grain: string; n: number }[];
    expect(rows.map((r) => r.grain)).toEqual(['ALL', 'CATEGORY', 'CHANNEL', 'DEPARTMENT', 'KIND', 'SECTOR', 'SETTLEMENT']);
  });

  it('a change after a read is in the next read (the change marks its days stale in its own transaction)', async () => {
    // April (not March, which the other tests read): a whole-day period up to 15.04, served by the rollups.
    const q = `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { received answered } }`;
    const period = { f: '2026-04-01T00:00:00+03:00', t: '2026-04-15T00:00:00+03:00' };
    const before = (await t.gql<{ kpis: { received: number; answered: number } }>(q, period, head)).data!.kpis;
    const stale = async () =>
      ((await t.orm.em.fork().getConnection().execute(`select day::text from kpi_dirty where day >= '2026-04-01' and day < '2026-04-15' order by day`)) as { day: string }[]).map((d) => d.day);
    expect(await stale()).toEqual([]);
    await create('2026-04-10T23:30:00', { kind: 'APPEAL', categoryCode: 'WASTE_COLLECTION' });
    t.clock.set('2026-04-15T12:00:00+03:00');
    expect(await stale()).toEqual(['2026-04-10']);
    const after = (await t.gql<{ kpis: { received: number; answered: number } }>(q, period, head)).data!.kpis;
    expect(after).toEqual({ received: before.received + 1, answered: before.answered });
    expect(await stale()).toEqual([]);
  });
});

describe('a rollup being rebuilt', () => {
  it('does not hold up an item written on its day: the write adds a mark of its own, and the day is rebuilt again with it', async () => {
    const q = `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { received } }`;
    const period = { f: '2026-04-20T00:00:00+03:00', t: '2026-04-22T00:00:00+03:00' };
    t.clock.set('2026-04-25T12:00:00+03:00');
    const before = (await t.gql<{ kpis: { received: number } }>(q, period, head)).data!.kpis.received;
    await create('2026-04-21T10:00:00', { kind: 'APPEAL', categoryCode: 'WASTE_COLLECTION' });
    // A refresher of 21 April holds what refreshDays holds while it rebuilds the day: the day's lock and its marks removed.
    const refresher = await t.orm.em.getKnex().transaction();
    try {
      await refresher.raw(`select pg_advisory_xact_lock(hashtextextended('kpi_day:' || municipality_id::text || ':' || day::text, 0)) from kpi_dirty where day = '2026-04-21'`);
      const removed = await refresher.raw(`delete from kpi_dirty where day = '2026-04-21'`);
      expect((removed as { rowCount: number }).rowCount).toBeGreaterThan(0);
      // Another item of that day is written meanwhile, without waiting for the refresher's commit.
      await create('2026-04-21T11:00:00', { kind: 'APPEAL', categoryCode: 'WASTE_COLLECTION' });
      const marks = (await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from kpi_dirty where day = '2026-04-21'`)) as { n: number }[];
      expect(marks[0]!.n).toBeGreaterThan(0);
    } finally {
      await refresher.commit();
    }
    // Its mark outlived the refresher's removal: the next read rebuilds the day with both items.
    const after = (await t.gql<{ kpis: { received: number } }>(q, period, head)).data!.kpis.received;
    expect(after).toBe(before + 2);
  }, 30_000);
});

describe('monthly rollups', () => {
  const load = async () => {
    const { rawParts, figuresFrom } = await import('../src/modules/kpi/kpi.sql.js');
    const { partsFor, refreshMonths } = await import('../src/modules/kpi/kpi-rollup.js');
    const { KpiDimension } = await import('../src/modules/kpi/kpi.types.js');
    const { systemEm } = await import('../src/db/orm.js');
    const em = systemEm(t.orm);
    const [m] = (await em.getConnection().execute(`select id, timezone, population from municipality`)) as { id: string; timezone: string; population: number }[];
    const base = { municipalityIds: [m!.id], population: m!.population, zone: m!.timezone };
    const view = (parts: Map<string | null, Parameters<typeof figuresFrom>[0]>) =>
      Object.fromEntries([...parts].map(([k, v]) => [String(k), figuresFrom(v, 0, null)]));
    const buildMonths = async () => {
      while ((await refreshMonths(em)) > 0);
    };
    const months = async () =>
      ((await em.getConnection().execute(`select distinct month::text from kpi_month where grain = 'ALL' order by 1`)) as { month: string }[]).map((r) => r.month);
    const stale = async () => ((await em.getConnection().execute(`select month::text from kpi_month_dirty order by 1`)) as { month: string }[]).map((r) => r.month);
    return { rawParts, partsFor, KpiDimension, em, base, view, buildMonths, months, stale };
  };

  it('serve the whole months of a long period (the days at either end from the daily rows) with the figures of the items', async () => {
    const { rawParts, partsFor, KpiDimension, em, base, view, buildMonths, months } = await load();
    const p = { from: new Date('2026-01-15T00:00:00+03:00'), to: new Date('2026-04-15T00:00:00+03:00'), now: t.clock.now() };
    await partsFor(em, base, p); // the days of the period are current
    await buildMonths();
    expect(await months()).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-01', '2026-03-01']));
    expect(view(await partsFor(em, base, p))).toEqual(view(await rawParts(em, base, p)));
    expect(view(await partsFor(em, { ...base, departmentId: deps.housing }, p))).toEqual(view(await rawParts(em, { ...base, departmentId: deps.housing }, p)));
    for (const d of Object.values(KpiDimension)) expect(view(await partsFor(em, base, p, d)), d).toEqual(view(await rawParts(em, base, p, d)));
    const [{ answered }] = (await em.getConnection().execute(
      `select answered from kpi_month where grain = 'ALL' and month = '2026-03-01'`)) as { answered: number }[] as [{ answered: number }];
    expect(answered).toBe(4); // A1, M1, I1, A2: the March row holds what the figures of March hold
  });

  it('a change inside a built month is read at once (the month is read from its days until it is rebuilt)', async () => {
    const { rawParts, partsFor, em, base, view, buildMonths, stale } = await load();
    // December 2025, which no other test reads.
    const p = { from: new Date('2025-12-01T00:00:00+03:00'), to: new Date('2026-02-01T00:00:00+03:00'), now: t.clock.now() };
    await partsFor(em, base, p);
    await buildMonths();
    const before = view(await partsFor(em, base, p));
    await create('2025-12-10T10:00:00', { kind: 'APPEAL', categoryCode: 'WASTE_COLLECTION' });
    t.clock.set('2026-04-15T12:00:00+03:00');
    const after = view(await partsFor(em, base, p));
    expect(after.null!.received).toBe(before.null!.received + 1);
    expect(after).toEqual(view(await rawParts(em, base, p)));
    expect(await stale()).toContain('2025-12-01');
    await buildMonths();
    expect(await stale()).toEqual([]);
    expect(view(await partsFor(em, base, p))).toEqual(after);
  });
});
