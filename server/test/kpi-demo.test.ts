import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * On a year of demo items lived through the real lifecycle, `kpis` agrees with the items: for several scopes and
 * months, `received`, `answered`, `answeredOnTime` and `satisfied` equal counts made here, item by item, from the
 * items' own fields and histories as the `items` query returns them (by the definitions of docs/kpi.md), and the
 * drill-down lists exactly those items.
 */

const NOW = new Date('2026-11-20T12:00:00+03:00');
let t: TestApp;
let head: string;

type Row = {
  id: string;
  kind: string;
  status: string;
  channel: string;
  receivedAt: string;
  answeredAt: string | null;
  answerDueAt: string | null;
  firstReactionAt: string | null;
  firstReactionDueAt: string | null;
  department: { id: string } | null;
  sector: { code: string } | null;
  history: { type: string; at: string; details: { satisfied?: boolean } | null }[];
};
const all: Row[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const em = systemEm(t.orm);
  await seedDemoItems(em, await em.findOneOrFail(Municipality, { code: 'surovikino' }), { count: 600, now: NOW });
  t.clock.set(NOW.toISOString());
  head = await t.signInAs('head');
  let after: string | null = null;
  for (;;) {
    const r: { data?: { items: { nodes: Row[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null; errors?: unknown } = await t.gql(
      `query($after: String) { items(first: 100, after: $after, sort: RECEIVED_ASC) {
         nodes { id kind status channel receivedAt answeredAt answerDueAt firstReactionAt firstReactionDueAt
                 department { id } sector { code } history { type at details } }
         pageInfo { endCursor hasNextPage } } }`,
      { after },
      head,
    );
    expect(r.errors).toBeUndefined();
    all.push(...r.data!.items.nodes);
    if (!r.data!.items.pageInfo.hasNextPage) break;
    after = r.data!.items.pageInfo.endCursor;
  }
}, 180_000);
afterAll(async () => t?.stop());

const inPeriod = (iso: string | null, from: Date, to: Date) => !!iso && new Date(iso) >= from && new Date(iso) < to;

/** docs/kpi.md, item by item. */
function expected(rows: Row[], from: Date, to: Date) {
  const answered = rows.filter((r) => r.status !== 'MERGED' && inPeriod(r.answeredAt, from, to));
  const onTime = answered.filter((r) =>
    r.kind === 'INCIDENT'
      ? !!r.firstReactionAt && !!r.firstReactionDueAt && new Date(r.firstReactionAt) <= new Date(r.firstReactionDueAt)
      : !!r.answerDueAt && new Date(r.answeredAt!) <= new Date(r.answerDueAt),
  );
  const satisfied = rows.filter((r) => r.history.some((e) => e.type === 'RATE' && inPeriod(e.at, from, to) && e.details?.satisfied === true));
  return {
    received: rows.filter((r) => inPeriod(r.receivedAt, from, to)).length,
    answered: answered.length,
    answeredOnTime: onTime.length,
    satisfied: satisfied.length,
    ids: { answered: answered.map((r) => r.id).sort(), satisfied: satisfied.map((r) => r.id).sort() },
  };
}

const MONTHS: [string, string][] = [
  ['2026-08-01T00:00:00+03:00', '2026-09-01T00:00:00+03:00'],
  ['2026-09-01T00:00:00+03:00', '2026-10-01T00:00:00+03:00'],
  ['2026-10-01T00:00:00+03:00', '2026-11-01T00:00:00+03:00'],
];

describe('kpis on the demo data', () => {
  const scopes: [string, Record<string, unknown> | undefined, (r: Row) => boolean][] = [
    ['the municipality', undefined, () => true],
    ['the ЖКХ sector', { sectorCode: 'ZHKH' }, (r) => r.sector?.code === 'ZHKH'],
    ['messages from the ПОС', { channel: 'POS', kind: 'MESSAGE' }, (r) => r.channel === 'POS' && r.kind === 'MESSAGE'],
    ['one department', 'housing' as never, () => true],
  ];

  it.each(scopes.flatMap(([name, scope, match]) => MONTHS.map(([from, to]) => [name, scope, match, from, to] as const)))(
    '%s, from %s: received, answered, answeredOnTime and satisfied equal the counts over the items behind them',
    async (_name, scopeArg, match, from, to) => {
      let scope = scopeArg as Record<string, unknown> | undefined;
      let matches = match;
      if ((scopeArg as unknown) === 'housing') {
        const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
        const id = deps.data!.departments.find((d) => d.code === 'housing')!.id;
        scope = { departmentId: id };
        matches = (r) => r.department?.id === id;
      }
      const want = expected(all.filter(matches), new Date(from), new Date(to));
      expect(want.received + want.answered).toBeGreaterThan(0); // the scope and month hold items at all
      const k = await t.gql<{ kpis: { received: number; answered: number; answeredOnTime: number; satisfied: number } }>(
        'query($f: DateTime!, $t: DateTime!, $s: KpiScopeInput) { kpis(from: $f, to: $t, scope: $s) { received answered answeredOnTime satisfied } }',
        { f: from, t: to, s: scope },
        head,
      );
      expect(k.errors).toBeUndefined();
      expect(k.data!.kpis).toEqual({ received: want.received, answered: want.answered, answeredOnTime: want.answeredOnTime, satisfied: want.satisfied });
      for (const set of ['answered', 'satisfied'] as const) {
        const d = await t.gql<{ items: { totalCount: number; nodes: { id: string }[] } }>(
          'query($k: KpiDrillInput!) { items(first: 100, filter: { kpi: $k }) { totalCount nodes { id } } }',
          { k: { set: set.toUpperCase(), from, to, scope } },
          head,
        );
        expect(d.errors).toBeUndefined();
        expect(d.data!.items.totalCount).toBe(want.ids[set].length);
        expect(d.data!.items.nodes.map((n) => n.id).sort()).toEqual(want.ids[set]);
      }
    },
  );
});
