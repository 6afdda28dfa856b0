import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * KPI targets (docs/kpi.md, "Targets"): the curator approves them, later approvals supersede earlier ones and keep
 * the history, the head, sector leads, analysts, the region and KPI tokens read them, and every KpiFigures sets its
 * figures against the target of its scope. Items are built by hand through the lifecycle at fixed instants: in
 * March 2026 (Europe/Volgograd, UTC+3) four appeals of the housing department are answered, three on time, so
 * onTimeShare is 0.75 for the municipality and for the housing department alike.
 *
 * Each test approves targets of its own figure or validity window and reads what it approved, so none depends on
 * which test ran before it.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const deps: Record<string, string> = {};
const FROM = '2026-03-01T00:00:00+03:00';
const TO = '2026-04-01T00:00:00+03:00';
const at = (local: string) => `${local}+03:00`;

type Ref = { id: string; version: number };

async function as<T>(when: string, doc: string, vars: Record<string, unknown> = {}, token = tok.head!): Promise<T> {
  t.clock.set(at(when));
  const r = await t.gql<Record<string, T>>(doc, vars, token);
  expect(r.errors, doc).toBeUndefined();
  return Object.values(r.data!)[0]!;
}
const step = (doc: string) => async (when: string, item: Ref, vars: Record<string, unknown> = {}): Promise<Ref> =>
  as<Ref>(when, doc, { id: item.id, v: item.version, ...vars });
const assign = step('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }');
const start = step('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id version } }');
const submit = step('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Работы выполнены, фото приложено." }) { id version } }');
const approve = step('mutation($id: ID!, $v: Int!) { approveAnswer(id: $id, version: $v, input: { outcome: SUPPORTED_MEASURES_TAKEN }) { id version } }');

/** An appeal of the housing department received at `received` and answered at `answered`. */
async function answeredAppeal(received: string, answered: string): Promise<void> {
  let r = await as<Ref>(received, 'mutation($i: ItemInput!) { createItem(input: $i) { id version } }', {
    i: { kind: 'APPEAL', identified: true, channel: 'LETTER', categoryCode: 'ZHKH_WATER', text: 'Обращение для проверки целевых значений', receivedAt: new Date(at(received)).toISOString() },
  });
  r = await assign(received, r, { d: deps.housing });
  r = await start(received, r);
  r = await submit(answered, r);
  await approve(answered, r);
}

const TARGET = `id figure level direction validFrom validTo value atRiskMargin comment approvedAt supersededAt
  approvedBy { username fullName } supersededBy { username } sector { code } department { code }`;
type Target = {
  id: string;
  figure: string;
  level: string;
  direction: string;
  validFrom: string;
  validTo: string | null;
  value: number;
  atRiskMargin: number;
  comment: string | null;
  approvedAt: string;
  supersededAt: string | null;
  approvedBy: { username: string; fullName: string };
  supersededBy: { username: string } | null;
  sector: { code: string } | null;
  department: { code: string } | null;
};
const SET = `mutation($i: KpiTargetInput!) { setKpiTarget(input: $i) { ${TARGET} } }`;
const LIST = `query($f: KpiFigure, $s: String, $d: ID, $all: Boolean) { kpiTargets(figure: $f, sectorCode: $s, departmentId: $d, includeSuperseded: $all) { ${TARGET} } }`;

/** The curator approves a target at the local instant `when`. */
async function setTarget(when: string, input: Record<string, unknown>): Promise<Target> {
  return as<Target>(when, SET, { i: input }, tok.curator);
}
async function list(token: string, vars: Record<string, unknown> = {}): Promise<GqlResult<{ kpiTargets: Target[] }>> {
  return t.gql<{ kpiTargets: Target[] }>(LIST, vars, token);
}
const targetCount = async () =>
  ((await t.orm.em.fork().getConnection().execute('select count(*)::int as n from kpi_target')) as { n: number }[])[0]!.n;

type State = { figure: string; level: string; target: number; margin: number; actual: number | null; state: string | null; targetId: string };
const STATES = 'targets { figure level target margin actual state targetId }';
async function statesOf(scope: Record<string, unknown> | null, token = tok.head!, from = FROM, to = TO): Promise<State[]> {
  const r = await t.gql<{ kpis: { targets: State[] } }>(
    `query($f: DateTime!, $t: DateTime!, $s: KpiScopeInput) { kpis(from: $f, to: $t, scope: $s) { ${STATES} } }`,
    { f: from, t: to, s: scope },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.kpis.targets;
}
const stateOf = async (figure: string, scope: Record<string, unknown> | null = null, token?: string) =>
  (await statesOf(scope, token)).find((s) => s.figure === figure);

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'curator', 'sector_lead', 'analyst', 'executor', 'region']) tok[u] = await t.signInAs(u);
  const token = await t.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "kpi wall", kind: WALL_DISPLAY, scopes: [KPI_READ] }) { token } }',
    {},
    tok.head,
  );
  tok.kpiToken = token.data!.createApiToken.token;
  const r = await t.gql<{ departments: { id: string; code: string }[]; me: { municipality: { id: string } } }>(
    '{ departments { id code } me { municipality { id } } }',
    {},
    tok.head,
  );
  for (const d of r.data!.departments) deps[d.code] = d.id;
  deps.municipality = r.data!.me.municipality.id;

  // Three appeals registered Mon 02.03 and answered 12.03 (due 01.04): in time. One registered 20.01 (due 19.02,
  // not extended) and answered 10.03: late.
  for (let i = 0; i < 3; i++) await answeredAppeal('2026-03-02T10:00:00', '2026-03-12T10:00:00');
  await answeredAppeal('2026-01-20T10:00:00', '2026-03-10T10:00:00');
  t.clock.set(at('2026-04-15T12:00:00'));
}, 120_000);
afterAll(async () => t?.stop());

describe('approving targets', () => {
  it('the curator approves a municipality target and a department target; the head, a sector lead, the analyst, the region and a KPI token read them', async () => {
    const municipal = await setTarget('2025-12-20T10:00:00', { figure: 'ON_TIME_SHARE', validFrom: '2025-01-01', validTo: '2026-01-01', value: 0.85, comment: '  План на 2025 год  ' });
    expect(municipal).toMatchObject({
      figure: 'ON_TIME_SHARE',
      level: 'MUNICIPALITY',
      direction: 'HIGHER_IS_BETTER',
      validFrom: '2025-01-01',
      validTo: '2026-01-01',
      value: 0.85,
      atRiskMargin: 0.085, // 10 % of the value by default
      comment: 'План на 2025 год',
      approvedAt: '2025-12-20T07:00:00.000Z',
      supersededAt: null,
      approvedBy: { username: 'curator', fullName: 'Ковалёв Сергей Петрович' },
      supersededBy: null,
      sector: null,
      department: null,
    });
    const housing = await setTarget('2025-12-20T10:05:00', { figure: 'ON_TIME_SHARE', departmentId: deps.housing, validFrom: '2025-01-01', validTo: '2026-01-01', value: 0.9, atRiskMargin: 0.05 });
    expect(housing).toMatchObject({ level: 'DEPARTMENT', department: { code: 'housing' }, sector: null, value: 0.9, atRiskMargin: 0.05, comment: null });

    for (const reader of ['head', 'sector_lead', 'analyst', 'region', 'kpiToken', 'curator']) {
      const r = await list(tok[reader]!, { f: 'ON_TIME_SHARE' });
      expect(r.errors, reader).toBeUndefined();
      const of2025 = r.data!.kpiTargets.filter((x) => x.validFrom === '2025-01-01');
      // Within a figure: the municipality's first, then sectors', then departments'.
      expect(of2025.map((x) => x.id), reader).toEqual([municipal.id, housing.id]);
    }
  });

  it('refuses setKpiTarget to the head, the analyst, an executor, a sector lead, the region and a KPI token (FORBIDDEN), and writes nothing', async () => {
    const before = await targetCount();
    for (const who of ['head', 'analyst', 'executor', 'sector_lead', 'region', 'kpiToken']) {
      const r = await t.gql(SET, { i: { figure: 'ON_TIME_SHARE', validFrom: '2024-01-01', value: 0.5 } }, tok[who]);
      expect(codeOf(r), who).toBe('FORBIDDEN');
      expect(r.data ?? null, who).toBeNull();
    }
    expect(await targetCount()).toBe(before);
  });

  it('supersedes an earlier active target of the same figure and unit whose validity overlaps, and keeps the history', async () => {
    const first = await setTarget('2026-01-10T09:00:00', { figure: 'MEAN_ANSWER_DAYS', validFrom: '2026-01-01', value: 20 });
    const second = await setTarget('2026-02-10T09:30:00', { figure: 'MEAN_ANSWER_DAYS', validFrom: '2026-02-01', validTo: '2027-01-01', value: 15, comment: 'Ужесточено' });
    // Another unit, or days that do not overlap: not superseded.
    const sector = await setTarget('2026-02-10T09:40:00', { figure: 'MEAN_ANSWER_DAYS', sectorCode: 'ZHKH', validFrom: '2026-01-01', value: 18 });
    const next = await setTarget('2026-02-10T09:50:00', { figure: 'MEAN_ANSWER_DAYS', validFrom: '2027-01-01', value: 12 });

    const active = await list(tok.head!, { f: 'MEAN_ANSWER_DAYS' });
    expect(active.errors).toBeUndefined();
    expect(active.data!.kpiTargets.map((x) => [x.level, x.value])).toEqual([
      ['MUNICIPALITY', 12],
      ['MUNICIPALITY', 15],
      ['SECTOR', 18],
    ]);
    const history = await list(tok.head!, { f: 'MEAN_ANSWER_DAYS', all: true });
    expect(history.data!.kpiTargets.map((x) => ({ id: x.id, by: x.approvedBy.username, at: x.approvedAt, supersededAt: x.supersededAt, supersededBy: x.supersededBy?.username ?? null }))).toEqual([
      { id: next.id, by: 'curator', at: '2026-02-10T06:50:00.000Z', supersededAt: null, supersededBy: null },
      { id: second.id, by: 'curator', at: '2026-02-10T06:30:00.000Z', supersededAt: null, supersededBy: null },
      { id: first.id, by: 'curator', at: '2026-01-10T06:00:00.000Z', supersededAt: '2026-02-10T06:30:00.000Z', supersededBy: 'curator' },
      { id: sector.id, by: 'curator', at: '2026-02-10T06:40:00.000Z', supersededAt: null, supersededBy: null },
    ]);
    const zhkh = await list(tok.head!, { f: 'MEAN_ANSWER_DAYS', s: 'ZHKH', all: true });
    expect(zhkh.data!.kpiTargets.map((x) => x.id)).toEqual([sector.id]);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await targetCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 1.5 }, 'value'],
      [{ figure: 'SATISFIED_SHARE', validFrom: '2026-01-01', value: -0.1 }, 'value'],
      [{ figure: 'MEAN_ANSWER_DAYS', validFrom: '2026-01-01', value: -1 }, 'value'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', validTo: '2026-01-01', value: 0.9 }, 'validTo'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-02-30', value: 0.9 }, 'validFrom'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '01.01.2026', value: 0.9 }, 'validFrom'],
      // PostgreSQL has no year 0: once an internal error.
      [{ figure: 'ON_TIME_SHARE', validFrom: '0000-01-01', value: 0.9 }, 'validFrom'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', validTo: '9999-12-31', value: 0.9 }, 'validTo'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 0.9, atRiskMargin: -0.1 }, 'atRiskMargin'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 0.9, sectorCode: 'NOPE' }, 'sectorCode'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 0.9, departmentId: '7d0b7f4e-0000-4000-8000-00000000abcd' }, 'departmentId'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 0.9, departmentId: 'not-an-id' }, 'departmentId'],
      [{ figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', value: 0.9, sectorCode: 'ZHKH', departmentId: deps.housing }, 'departmentId'],
    ];
    for (const [input, field] of cases) {
      const r = await t.gql(SET, { i: input }, tok.curator);
      expect(codeOf(r), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      const fields = (r.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field);
      expect(fields, JSON.stringify(input)).toEqual([field]);
    }
    expect(await targetCount()).toBe(before);
  });
});

describe('who reads which targets', () => {
  it('a sector lead reads the municipality’s, their sectors’ and their sectors’ departments’ targets; another sector or department is FORBIDDEN', async () => {
    // The seeded sector lead leads ЖКХ and roads; housing serves ЖКХ, education serves education only.
    const own = await setTarget('2026-01-05T10:00:00', { figure: 'REWORK_SHARE', sectorCode: 'ROADS', validFrom: '2026-01-01', value: 0.1 });
    const ownDept = await setTarget('2026-01-05T10:01:00', { figure: 'REWORK_SHARE', departmentId: deps.housing, validFrom: '2026-01-01', value: 0.1 });
    const whole = await setTarget('2026-01-05T10:02:00', { figure: 'REWORK_SHARE', validFrom: '2026-01-01', value: 0.15 });
    const other = await setTarget('2026-01-05T10:03:00', { figure: 'REWORK_SHARE', sectorCode: 'EDUCATION', validFrom: '2026-01-01', value: 0.2 });
    const otherDept = await setTarget('2026-01-05T10:04:00', { figure: 'REWORK_SHARE', departmentId: deps.education, validFrom: '2026-01-01', value: 0.2 });

    const lead = await list(tok.sector_lead!, { f: 'REWORK_SHARE' });
    expect(lead.errors).toBeUndefined();
    expect(lead.data!.kpiTargets.map((x) => x.id)).toEqual([whole.id, own.id, ownDept.id]);
    const head = await list(tok.head!, { f: 'REWORK_SHARE' });
    // Within a level, the latest approval first.
    expect(head.data!.kpiTargets.map((x) => x.id)).toEqual([whole.id, other.id, own.id, otherDept.id, ownDept.id]);

    expect(codeOf(await list(tok.sector_lead!, { f: 'REWORK_SHARE', s: 'EDUCATION' }))).toBe('FORBIDDEN');
    expect(codeOf(await list(tok.sector_lead!, { f: 'REWORK_SHARE', d: deps.education }))).toBe('FORBIDDEN');
    expect((await list(tok.sector_lead!, { f: 'REWORK_SHARE', d: deps.housing })).data!.kpiTargets.map((x) => x.id)).toEqual([ownDept.id]);
    expect(codeOf(await list(tok.sector_lead!, { s: 'NOPE' }))).toBe('BAD_USER_INPUT');
  });
});

describe('figures against their targets', () => {
  it('sets onTimeShare 0.75 against the municipality’s target: 0.9 FAILING, 0.8 AT_RISK, 0.7 ON_TRACK (each approval superseding the last)', async () => {
    const expected: [number, string, number][] = [
      [0.9, 'FAILING', 0.09],
      [0.8, 'AT_RISK', 0.08],
      [0.7, 'ON_TRACK', 0.07],
    ];
    const ids: string[] = [];
    for (const [i, [value, state, margin]] of expected.entries()) {
      const target = await setTarget(`2026-04-0${i + 1}T09:00:00`, { figure: 'ON_TIME_SHARE', validFrom: '2026-01-01', validTo: '2027-01-01', value });
      ids.push(target.id);
      t.clock.set(at('2026-04-15T12:00:00'));
      const s = await stateOf('ON_TIME_SHARE');
      expect(s).toEqual({ figure: 'ON_TIME_SHARE', level: 'MUNICIPALITY', target: value, margin: expect.closeTo(margin, 12), actual: 0.75, state, targetId: target.id });
    }
    const history = (await list(tok.head!, { f: 'ON_TIME_SHARE', all: true })).data!.kpiTargets.filter((x) => ids.includes(x.id));
    expect(history.map((x) => [x.value, x.supersededAt])).toEqual([
      [0.7, null],
      [0.8, '2026-04-03T06:00:00.000Z'],
      [0.9, '2026-04-02T06:00:00.000Z'],
    ]);
    // The wall (a KPI token) sees the same.
    expect((await stateOf('ON_TIME_SHARE', null, tok.kpiToken))?.state).toBe('ON_TRACK');
  });

  it('a department’s scope takes the department’s target over the municipality’s; one without its own takes the municipality’s', async () => {
    const municipal = await setTarget('2026-04-05T09:00:00', { figure: 'ON_TIME_SHARE', validFrom: '2026-03-01', validTo: '2026-04-01', value: 0.5 });
    const satisfied = await setTarget('2026-04-05T09:01:00', { figure: 'SATISFIED_SHARE', validFrom: '2026-03-01', validTo: '2026-04-01', value: 0.6 });
    const housingTarget = await setTarget('2026-04-05T09:02:00', { figure: 'ON_TIME_SHARE', departmentId: deps.housing, validFrom: '2026-03-01', validTo: '2026-04-01', value: 0.95, atRiskMargin: 0.25 });
    t.clock.set(at('2026-04-15T12:00:00'));

    const housing = await statesOf({ departmentId: deps.housing });
    expect(housing.find((s) => s.figure === 'ON_TIME_SHARE')).toEqual({ figure: 'ON_TIME_SHARE', level: 'DEPARTMENT', target: 0.95, margin: 0.25, actual: 0.75, state: 'AT_RISK', targetId: housingTarget.id });
    // Nothing was rated: no actual, no state.
    expect(housing.find((s) => s.figure === 'SATISFIED_SHARE')).toEqual({ figure: 'SATISFIED_SHARE', level: 'MUNICIPALITY', target: 0.6, margin: 0.06, actual: null, state: null, targetId: satisfied.id });
    // The municipality's own scope does not take a department's target.
    expect(await stateOf('ON_TIME_SHARE')).toEqual({ figure: 'ON_TIME_SHARE', level: 'MUNICIPALITY', target: 0.5, margin: 0.05, actual: 0.75, state: 'ON_TRACK', targetId: municipal.id });
    // A department without a target of its own (roads answered nothing in March): the municipality's.
    expect((await statesOf({ departmentId: deps.roads })).find((s) => s.figure === 'ON_TIME_SHARE')).toEqual({
      figure: 'ON_TIME_SHARE', level: 'MUNICIPALITY', target: 0.5, margin: 0.05, actual: null, state: null, targetId: municipal.id,
    });
    // The sector lead reading the housing department sees the department's target too.
    expect((await stateOf('ON_TIME_SHARE', { departmentId: deps.housing }, tok.sector_lead))?.targetId).toBe(housingTarget.id);
  });

  it('a count takes only its own unit’s target; a per-month figure is prorated to the period; a region-wide scope has none', async () => {
    const overdue = await setTarget('2026-04-06T09:00:00', { figure: 'OVERDUE_OPEN', validFrom: '2026-03-01', validTo: '2026-04-01', value: 5 });
    const repeats = await setTarget('2026-04-06T09:01:00', { figure: 'REPEATS', validFrom: '2026-03-01', validTo: '2026-04-01', value: 31, atRiskMargin: 3.1 });
    t.clock.set(at('2026-04-15T12:00:00'));

    const whole = await statesOf(null);
    expect(whole.find((s) => s.figure === 'OVERDUE_OPEN')).toMatchObject({ level: 'MUNICIPALITY', target: 5, actual: 0, state: 'ON_TRACK', targetId: overdue.id });
    expect(whole.find((s) => s.figure === 'REPEATS')).toMatchObject({ target: 31, margin: 3.1, actual: 0, state: 'ON_TRACK', targetId: repeats.id });
    // A department is not the municipality: the municipality's count says nothing about it.
    expect((await statesOf({ departmentId: deps.housing })).map((s) => s.figure)).not.toContain('OVERDUE_OPEN');
    // Nor about a channel of it.
    expect((await statesOf({ channel: 'LETTER' })).map((s) => s.figure)).not.toContain('OVERDUE_OPEN');
    // The first ten days of March: 10/31 of the monthly target.
    const tenDays = await statesOf(null, tok.head, FROM, '2026-03-11T00:00:00+03:00');
    expect(tenDays.find((s) => s.figure === 'REPEATS')).toMatchObject({ target: expect.closeTo(10, 9), margin: expect.closeTo(1, 9) });

    // A row of a ranking is a part of the municipality: shares are set against its target, counts are not.
    const ranking = await t.gql<{ kpiRanking: { key: string; figures: { targets: State[] } }[] }>(
      `query($f: DateTime!, $t: DateTime!) { kpiRanking(by: DEPARTMENT, from: $f, to: $t) { key figures { ${STATES} } } }`,
      { f: FROM, t: TO },
      tok.head,
    );
    expect(ranking.errors).toBeUndefined();
    const row = ranking.data!.kpiRanking.find((x) => x.key === deps.housing)!;
    expect(row.figures.targets.map((s) => s.figure)).not.toContain('OVERDUE_OPEN');
    expect(row.figures.targets.map((s) => s.figure)).not.toContain('REPEATS');

    // The region reads every municipality together: no target; one municipality: its targets.
    const region = await statesOf(null, tok.region);
    expect(region).toEqual([]);
    const one = await statesOf({ municipalityId: deps.municipality }, tok.region);
    expect(one.find((s) => s.figure === 'OVERDUE_OPEN')?.targetId).toBe(overdue.id);
  });
});
