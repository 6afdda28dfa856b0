import type { EntityManager } from '@mikro-orm/postgresql';
import { KpiDimension, KpiItemSet, type KpiFigures, type ResolvedScope } from './kpi.types.js';

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

const ANSWERED = `x.answered_at >= :from and x.answered_at < :to and x.status <> 'MERGED'`;
const ON_TIME = `(case when x.kind = 'INCIDENT' then x.first_reaction_at <= x.first_reaction_due_at else x.answered_at <= x.answer_due_at end)`;
const RATING = (satisfied?: boolean) =>
  `exists (select 1 from item_event e where e.item_id = x.id and e.type = 'RATE' and e.at >= :from and e.at < :to${
    satisfied === undefined ? '' : ` and (e.details ->> 'satisfied')::boolean = ${satisfied}`
  })`;

/** Open items past their deadline at the end of the period: now, or (for an ended period) as the deadlines stand. */
function overdueAtEnd(p: Period): string {
  if (p.to.getTime() > p.now.getTime()) {
    return `x.status not in ('CLOSED', 'REDIRECTED', 'MERGED') and x.due_at < :now and x.paused_at is null`;
  }
  return `x.status <> 'MERGED' and (x.answered_at is null or x.answered_at >= :to) and (x.closed_at is null or x.closed_at >= :to)
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
  [KpiItemSet.REPEATS]: () => `x.received_at >= :from and x.received_at < :to and x.category_id is not null
      and exists (
        select 1 from item j
        where j.municipality_id = x.municipality_id and j.category_id = x.category_id and j.id <> x.id
          and j.received_at < x.received_at and j.received_at >= x.received_at - interval '90 days'
          and ((x.applicant_phone is not null and j.applicant_phone = x.applicant_phone)
            or (x.applicant_email is not null and lower(j.applicant_email) = lower(x.applicant_email))
            or (x.applicant_name is not null and x.applicant_address is not null
                and lower(j.applicant_name) = lower(x.applicant_name) and lower(j.applicant_address) = lower(x.applicant_address))))`,
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

/** Figures of a scope and period, one row per value of `dimension` (or one row). */
export async function figureRows(
  em: EntityManager,
  s: ResolvedScope,
  p: Period,
  dimension?: KpiDimension,
): Promise<Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>> {
  const knex = em.getKnex();
  const b: Bindings = { from: p.from, to: p.to, now: p.now };
  const where = scopeWhere(s, 'x', b);
  const key = dimension ? `x.${DIMENSION_COLUMN[dimension]}::text` : 'null::text';
  const group = dimension ? 'group by 1' : '';
  const count = (set: KpiItemSet) => `count(*) filter (where ${ITEM_SETS[set](p)})::int`;
  const speed = `case when x.kind = 'APPEAL' then extract(epoch from x.answered_at - coalesce(x.registered_at, x.received_at)) / 86400.0
                      else x.answer_working_days end`;
  const items = `
    select ${key} as k,
      ${count(KpiItemSet.RECEIVED)} as received,
      ${count(KpiItemSet.ANSWERED)} as answered,
      ${count(KpiItemSet.ANSWERED_ON_TIME)} as answered_on_time,
      avg(${speed}) filter (where ${ANSWERED} and x.kind <> 'INCIDENT') as mean_answer_days,
      percentile_cont(0.5) within group (order by ${speed}) filter (where ${ANSWERED} and x.kind <> 'INCIDENT') as median_answer_days,
      avg(x.first_reaction_working_hours) filter (where x.kind = 'INCIDENT' and x.status <> 'MERGED'
                                                  and x.first_reaction_at >= :from and x.first_reaction_at < :to) as mean_first_reaction_hours,
      ${count(KpiItemSet.EXTENDED)} as extended,
      ${count(KpiItemSet.REWORKED)} as reworked,
      ${count(KpiItemSet.REOPENED)} as reopened,
      ${count(KpiItemSet.REDIRECTED)} as redirected,
      ${count(KpiItemSet.LEFT_WITHOUT_ANSWER)} as left_without_answer,
      ${count(KpiItemSet.OVERDUE_OPEN)} as overdue_open,
      ${count(KpiItemSet.REPEATS)} as repeats
    from item x
    where ${where} and x.received_at < :to
    ${group}`;
  // Ratings are events: an item rated, reopened and rated again counts twice in `rated`.
  const ratings = `
    select ${key} as k,
      count(*)::int as rated,
      count(*) filter (where (e.details ->> 'satisfied')::boolean)::int as satisfied
    from item_event e join item x on x.id = e.item_id
    where e.type = 'RATE' and e.at >= :from and e.at < :to and ${where}
    ${group}`;
  const [ir, rr] = await Promise.all([items, ratings].map(async (sql) => ((await knex.raw(sql, b)) as { rows: Row[] }).rows));
  const out = new Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>();
  const keys = new Set<string | null>([...ir!, ...rr!].map((r) => r.k));
  if (!dimension) keys.add(null);
  for (const k of keys) {
    const r = ir!.find((x) => x.k === k) ?? ({} as Row);
    const rating = rr!.find((x) => x.k === k) ?? ({} as Row);
    const received = num(r.received) ?? 0;
    const answered = num(r.answered) ?? 0;
    const onTime = num(r.answered_on_time) ?? 0;
    const redirected = num(r.redirected) ?? 0;
    const resolved = answered + redirected + (num(r.left_without_answer) ?? 0);
    const rated = num(rating.rated) ?? 0;
    const satisfied = num(rating.satisfied) ?? 0;
    out.set(k, {
      received,
      perThousandResidents: dimension || !s.population ? null : (received * 1000) / s.population,
      answered,
      answeredOnTime: onTime,
      onTimeShare: ratio(onTime, answered),
      overdueOpen: num(r.overdue_open) ?? 0,
      meanAnswerDays: num(r.mean_answer_days),
      medianAnswerDays: num(r.median_answer_days),
      meanFirstReactionHours: num(r.mean_first_reaction_hours),
      extendedShare: ratio(num(r.extended) ?? 0, answered),
      redirectedShare: ratio(redirected, resolved),
      reworkShare: ratio(num(r.reworked) ?? 0, answered),
      reopenedShare: ratio(num(r.reopened) ?? 0, answered),
      rated,
      satisfied,
      satisfiedShare: ratio(satisfied, rated),
      repeats: num(r.repeats) ?? 0,
    });
  }
  return out;
}
