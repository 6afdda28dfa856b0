import type { EntityManager } from '@mikro-orm/postgresql';
import { KpiDimension, KpiItemSet, type KpiFigures, type ResolvedScope } from './kpi.types.js';
import { partsFor } from './kpi-rollup.js';

/**
 * Every KPI figure as a SQL aggregate over the items of a scope (docs/kpi.md). The sets of items behind the
 * countable figures are predicates (`ITEM_SETS`) used both by the aggregates here and by the inbox's drill-down
 * (item-queries.ts), so a number and its items cannot disagree. Tenancy is an explicit condition here (raw SQL does
 * not pass the ORM filter): the scope's municipalities come from shared/tenancy.ts through resolveScope.
 */

export type Bindings = Record<string, unknown>;

/** An instant the figures are judged at, and whether the period has ended by then. */
export type Period = { from: Date; to: Date; now: Date };

/** `:name` for each value: arrays expanded into one binding each, so the SQL works with any driver formatting. */
function list(b: Bindings, name: string, values: readonly unknown[]): string {
  return values.map((v, i) => {
    b[`${name}_${i}`] = v;
    return `:${name}_${i}`;
  }).join(', ');
}

/** The conditions of a scope on `item` rows aliased `alias`. */
export function scopeWhere(s: ResolvedScope, alias: string, b: Bindings): string {
  const w: string[] = [];
  const inList = (column: string, name: string, values: readonly unknown[]) =>
    w.push(values.length ? `${alias}.${column} in (${list(b, name, values)})` : 'false');
  if (s.municipalityIds) inList('municipality_id', 'municipality', s.municipalityIds);
  if (s.sectorIds) inList('sector_id', 'sector', s.sectorIds);
  if (s.categoryIds) inList('category_id', 'category', s.categoryIds);
  if (s.departmentId) inList('department_id', 'department', [s.departmentId]);
  if (s.settlementId) inList('settlement_id', 'settlement', [s.settlementId]);
  if (s.channel) inList('channel', 'channel', [s.channel]);
  if (s.kind) inList('kind', 'kind', [s.kind]);
  return w.length ? w.join(' and ') : 'true';
}

export const ANSWERED = `x.answered_at >= :from and x.answered_at < :to and x.status <> 'MERGED'`;
export const ON_TIME = `(case when x.kind = 'INCIDENT' then x.first_reaction_at <= x.first_reaction_due_at else x.answered_at <= x.answer_due_at end)`;
const RATING = (satisfied?: boolean) =>
  `exists (select 1 from item_event e where e.item_id = x.id and e.type = 'RATE' and e.at >= :from and e.at < :to${
    satisfied === undefined ? '' : ` and (e.details ->> 'satisfied')::boolean = ${satisfied}`
  })`;

/** The applicant had an item of the same category received in the 90 days before this one. */
export const REPEAT = (() => {
  const earlier = (match: string) => `exists (
        select 1 from item j
        where j.municipality_id = x.municipality_id and ${match}
          and j.category_id = x.category_id and j.id <> x.id
          and j.received_at < x.received_at and j.received_at >= x.received_at - interval '90 days')`;
  // Three lookups, one per way of recognising the applicant, each served by its own index (item.entity.ts).
  return `x.category_id is not null and (
      (x.applicant_phone is not null and ${earlier('j.applicant_phone = x.applicant_phone')})
      or (x.applicant_email is not null and ${earlier('lower(j.applicant_email) = lower(x.applicant_email)')})
      or (x.applicant_name is not null and x.applicant_address is not null
          and ${earlier('lower(j.applicant_name) = lower(x.applicant_name) and lower(j.applicant_address) = lower(x.applicant_address)')}))`;
})();

/** Time to answer: calendar days for an APPEAL, working days for a MESSAGE (null for an INCIDENT). */
export const SPEED = `case when x.kind = 'APPEAL' then extract(epoch from x.answered_at - coalesce(x.registered_at, x.received_at)) / 86400.0
                           when x.kind = 'MESSAGE' then x.answer_working_days end`;

/** Open items past their deadline at the end of the period: now, or (for an ended period) as the deadlines stand. */
function overdueAtEnd(p: Period): string {
  if (p.to.getTime() > p.now.getTime()) {
    return `x.status not in ('CLOSED', 'REDIRECTED', 'MERGED') and x.due_at < :now and x.paused_at is null`;
  }
  // Unresolved at the end: neither answered nor closed by then (item_unresolved_until_index).
  return `x.status <> 'MERGED' and coalesce(least(x.answered_at, x.closed_at), 'infinity'::timestamptz) >= :to
    and coalesce(case when x.kind = 'INCIDENT'
                      then case when x.first_reaction_at is null or x.first_reaction_at >= :to then x.first_reaction_due_at else x.final_answer_due_at end
                      else x.answer_due_at end,
                 x.registration_due_at) < :to`;
}

/** The items behind each countable figure, as a predicate over `item` aliased `x` (with :from, :to, :now). */
export const ITEM_SETS: Record<KpiItemSet, (p: Period) => string> = {
  [KpiItemSet.RECEIVED]: () => `x.received_at >= :from and x.received_at < :to`,
  [KpiItemSet.ANSWERED]: () => ANSWERED,
  [KpiItemSet.ANSWERED_ON_TIME]: () => `${ANSWERED} and ${ON_TIME}`,
  [KpiItemSet.ANSWERED_LATE]: () => `${ANSWERED} and not coalesce(${ON_TIME}, false)`,
  [KpiItemSet.OVERDUE_OPEN]: overdueAtEnd,
  [KpiItemSet.EXTENDED]: () => `${ANSWERED} and x.extended_at is not null`,
  [KpiItemSet.REWORKED]: () => `${ANSWERED} and x.rework_count > 0`,
  [KpiItemSet.REOPENED]: () => `${ANSWERED} and x.reopen_count > 0`,
  [KpiItemSet.REDIRECTED]: () => `x.outcome = 'REDIRECTED' and x.closed_at >= :from and x.closed_at < :to`,
  [KpiItemSet.LEFT_WITHOUT_ANSWER]: () => `x.outcome = 'LEFT_WITHOUT_ANSWER' and x.closed_at >= :from and x.closed_at < :to`,
  [KpiItemSet.RATED]: () => RATING(),
  [KpiItemSet.SATISFIED]: () => RATING(true),
  [KpiItemSet.NOT_SATISFIED]: () => RATING(false),
  [KpiItemSet.REPEATS]: () => `x.received_at >= :from and x.received_at < :to and ${REPEAT}`,
};

/**
 * The ids of the items of a scope in one of the sets, as a SQL subquery with `?` placeholders and its parameters
 * (for a MikroORM `raw()` condition).
 */
export function itemSetSubquery(s: ResolvedScope, set: KpiItemSet, p: Period): { sql: string; params: unknown[] } {
  const b: Bindings = { from: p.from, to: p.to, now: p.now };
  const named = `select x.id from item x where ${scopeWhere(s, 'x', b)} and x.received_at < :to and ${ITEM_SETS[set](p)}`;
  const params: unknown[] = [];
  const sql = named.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_m, name: string) => {
    params.push(b[name]);
    return '?';
  });
  return { sql, params };
}

export const DIMENSION_COLUMN: Record<KpiDimension, string> = {
  [KpiDimension.DEPARTMENT]: 'department_id',
  [KpiDimension.SECTOR]: 'sector_id',
  [KpiDimension.SETTLEMENT]: 'settlement_id',
  [KpiDimension.CATEGORY]: 'category_id',
  [KpiDimension.CHANNEL]: 'channel',
};

type Row = Record<string, unknown> & { k: string | null };
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The additive parts of the figures (sums and counts), from which every figure but overdueOpen follows. */
export type Parts = {
  received: number;
  answered: number;
  answeredOnTime: number;
  speedSum: number;
  speedN: number;
  /** answers by speed in tenths of a day */
  speedHist: Map<number, number>;
  firstReactionSum: number;
  firstReactionN: number;
  extended: number;
  reworked: number;
  reopened: number;
  redirected: number;
  leftWithoutAnswer: number;
  rated: number;
  satisfied: number;
  repeats: number;
};

export const emptyParts = (): Parts => ({
  received: 0, answered: 0, answeredOnTime: 0, speedSum: 0, speedN: 0, speedHist: new Map(), firstReactionSum: 0,
  firstReactionN: 0, extended: 0, reworked: 0, reopened: 0, redirected: 0, leftWithoutAnswer: 0, rated: 0, satisfied: 0, repeats: 0,
});

export function addParts(a: Parts, b: Parts): Parts {
  const out = { ...a, speedHist: new Map(a.speedHist) };
  for (const key of Object.keys(b) as (keyof Parts)[]) {
    if (key === 'speedHist') continue;
    (out[key] as number) = (a[key] as number) + (b[key] as number);
  }
  for (const [bucket, n] of b.speedHist) out.speedHist.set(bucket, (out.speedHist.get(bucket) ?? 0) + n);
  return out;
}

/** The median of a histogram of tenths, interpolated between the two middle answers like percentile_cont. */
export function histogramMedian(hist: Map<number, number>): number | null {
  const buckets = [...hist.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (rank < seen) return bucket / 10;
    }
    return buckets[buckets.length - 1]![0] / 10;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** The figures from their parts (and overdueOpen, which is not additive). */
export function figuresFrom(p: Parts, overdueOpen: number, population: number | null): Omit<KpiFigures, 'from' | 'to' | 'scope'> {
  const resolved = p.answered + p.redirected + p.leftWithoutAnswer;
  return {
    received: p.received,
    perThousandResidents: population ? (p.received * 1000) / population : null,
    answered: p.answered,
    answeredOnTime: p.answeredOnTime,
    onTimeShare: ratio(p.answeredOnTime, p.answered),
    overdueOpen,
    meanAnswerDays: p.speedN ? p.speedSum / p.speedN : null,
    medianAnswerDays: histogramMedian(p.speedHist),
    meanFirstReactionHours: p.firstReactionN ? p.firstReactionSum / p.firstReactionN : null,
    extendedShare: ratio(p.extended, p.answered),
    redirectedShare: ratio(p.redirected, resolved),
    reworkShare: ratio(p.reworked, p.answered),
    reopenedShare: ratio(p.reopened, p.answered),
    rated: p.rated,
    satisfied: p.satisfied,
    satisfiedShare: ratio(p.satisfied, p.rated),
    repeats: p.repeats,
  };
}

const hist = (v: unknown): Map<number, number> =>
  new Map(Object.entries((v ?? {}) as Record<string, number | string>).map(([k, n]) => [Number(k), Number(n)]));

function partsOf(r: Row | undefined): Parts {
  if (!r) return emptyParts();
  const n = (key: string) => num(r[key]) ?? 0;
  return {
    received: n('received'), answered: n('answered'), answeredOnTime: n('answered_on_time'), speedSum: n('speed_sum'), speedN: n('speed_n'),
    speedHist: hist(r.speed_hist), firstReactionSum: n('first_reaction_sum'), firstReactionN: n('first_reaction_n'), extended: n('extended'),
    reworked: n('reworked'), reopened: n('reopened'), redirected: n('redirected'), leftWithoutAnswer: n('left_without_answer'),
    rated: n('rated'), satisfied: n('satisfied'), repeats: n('repeats'),
  };
}

/** The parts of a scope and period from the items themselves, one per value of `dimension` (or one). */
export async function rawParts(em: EntityManager, s: ResolvedScope, p: Period, dimension?: KpiDimension): Promise<Map<string | null, Parts>> {
  const knex = em.getKnex();
  const b: Bindings = { from: p.from, to: p.to, now: p.now };
  const where = scopeWhere(s, 'x', b);
  const key = dimension ? `x.${DIMENSION_COLUMN[dimension]}::text` : 'null::text';
  const group = dimension ? 'group by 1' : '';
  const count = (set: KpiItemSet) => `count(*) filter (where ${ITEM_SETS[set](p)})::int`;
  const answers = `${ANSWERED} and x.kind <> 'INCIDENT'`;
  const items = `
    select ${key} as k,
      ${count(KpiItemSet.RECEIVED)} as received,
      ${count(KpiItemSet.ANSWERED)} as answered,
      ${count(KpiItemSet.ANSWERED_ON_TIME)} as answered_on_time,
      coalesce(sum(${SPEED}) filter (where ${answers}), 0) as speed_sum,
      count(${SPEED}) filter (where ${answers})::int as speed_n,
      coalesce(sum(x.first_reaction_working_hours) filter (where x.kind = 'INCIDENT' and x.status <> 'MERGED'
                                                  and x.first_reaction_at >= :from and x.first_reaction_at < :to), 0) as first_reaction_sum,
      count(x.first_reaction_working_hours) filter (where x.kind = 'INCIDENT' and x.status <> 'MERGED'
                                                  and x.first_reaction_at >= :from and x.first_reaction_at < :to)::int as first_reaction_n,
      ${count(KpiItemSet.EXTENDED)} as extended,
      ${count(KpiItemSet.REWORKED)} as reworked,
      ${count(KpiItemSet.REOPENED)} as reopened,
      ${count(KpiItemSet.REDIRECTED)} as redirected,
      ${count(KpiItemSet.LEFT_WITHOUT_ANSWER)} as left_without_answer,
      ${count(KpiItemSet.REPEATS)} as repeats
    from item x
    where ${where} and x.received_at < :to
    ${group}`;
  const speeds = `
    select k, jsonb_object_agg(sb, n) as speed_hist from (
      select ${key} as k, round((${SPEED}) * 10)::int as sb, count(*)::int as n
      from item x where ${where} and ${answers} and (${SPEED}) is not null
      group by 1, 2) h
    group by k`;
  // Ratings are events: an item rated, reopened and rated again counts twice in \`rated\`.
  const ratings = `
    select ${key} as k,
      count(*)::int as rated,
      count(*) filter (where (e.details ->> 'satisfied')::boolean)::int as satisfied
    from item_event e join item x on x.id = e.item_id
    where e.type = 'RATE' and e.at >= :from and e.at < :to and ${where}
    ${group}`;
  const [ir, hr, rr] = await Promise.all([items, speeds, ratings].map(async (sql) => ((await knex.raw(sql, b)) as { rows: Row[] }).rows));
  const out = new Map<string | null, Parts>();
  const keys = new Set<string | null>([...ir!, ...hr!, ...rr!].map((r) => r.k));
  if (!dimension) keys.add(null);
  for (const k of keys) {
    const parts = partsOf(ir!.find((x) => x.k === k));
    parts.speedHist = hist(hr!.find((x) => x.k === k)?.speed_hist);
    const rating = rr!.find((x) => x.k === k);
    parts.rated = num(rating?.rated) ?? 0;
    parts.satisfied = num(rating?.satisfied) ?? 0;
    out.set(k, parts);
  }
  return out;
}

/** Open items past their deadline at the end of the period, per value of `dimension` (or one). */
export async function overdueOpen(em: EntityManager, s: ResolvedScope, p: Period, dimension?: KpiDimension): Promise<Map<string | null, number>> {
  const b: Bindings = { from: p.from, to: p.to, now: p.now };
  const key = dimension ? `x.${DIMENSION_COLUMN[dimension]}::text` : 'null::text';
  const sql = `select ${key} as k, count(*)::int as n from item x
    where ${scopeWhere(s, 'x', b)} and x.received_at < :to and ${ITEM_SETS[KpiItemSet.OVERDUE_OPEN](p)}
    ${dimension ? 'group by 1' : ''}`;
  const rows = ((await em.getKnex().raw(sql, b)) as { rows: Row[] }).rows;
  return new Map(rows.map((r) => [r.k, num(r.n) ?? 0]));
}

/** Figures of a scope and period, one row per value of `dimension` (or one row): daily rollups where they serve, the items otherwise. */
export async function figureRows(
  em: EntityManager,
  s: ResolvedScope,
  p: Period,
  dimension?: KpiDimension,
): Promise<Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>> {
  const [parts, overdue] = await Promise.all([partsFor(em, s, p, dimension), overdueOpen(em, s, p, dimension)]);
  const out = new Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>();
  const keys = new Set([...parts.keys(), ...overdue.keys()]);
  if (!dimension) keys.add(null);
  for (const k of keys) out.set(k, figuresFrom(parts.get(k) ?? emptyParts(), overdue.get(k) ?? 0, dimension ? null : s.population));
  return out;
}
