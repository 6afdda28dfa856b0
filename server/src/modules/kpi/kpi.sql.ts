import type { EntityManager } from '@mikro-orm/postgresql';
import { KpiDimension, type KpiFigures, type ResolvedScope } from './kpi.types.js';

/**
 * Every KPI figure as a SQL aggregate over the items of a scope (docs/kpi.md). One statement for the item
 * figures, one for the ratings (from the history's RATE events) and one for repeats; each may be grouped by a
 * dimension for rankings. Tenancy is an explicit condition here (raw SQL does not pass the ORM filter): the scope's
 * municipalities come from shared/tenancy.ts.
 */

type Bindings = Record<string, unknown>;

/** The conditions of a scope on `item` rows aliased `alias`. */
function scopeWhere(s: ResolvedScope, alias: string, b: Bindings): string {
  const w: string[] = [];
  if (s.municipalityIds) {
    b.municipalities = s.municipalityIds;
    w.push(`${alias}.municipality_id = any(:municipalities::uuid[])`);
  }
  if (s.sectorIds) {
    b.sectors = s.sectorIds;
    w.push(`${alias}.sector_id = any(:sectors::uuid[])`);
  }
  if (s.categoryIds) {
    b.categories = s.categoryIds;
    w.push(`${alias}.category_id = any(:categories::uuid[])`);
  }
  if (s.departmentId) {
    b.department = s.departmentId;
    w.push(`${alias}.department_id = :department`);
  }
  if (s.settlementId) {
    b.settlement = s.settlementId;
    w.push(`${alias}.settlement_id = :settlement`);
  }
  if (s.channel) {
    b.channel = s.channel;
    w.push(`${alias}.channel = :channel`);
  }
  if (s.kind) {
    b.kind = s.kind;
    w.push(`${alias}.kind = :kind`);
  }
  return w.length ? w.join(' and ') : 'true';
}

export const DIMENSION_COLUMN: Record<KpiDimension, string> = {
  [KpiDimension.DEPARTMENT]: 'department_id',
  [KpiDimension.SECTOR]: 'sector_id',
  [KpiDimension.SETTLEMENT]: 'settlement_id',
  [KpiDimension.CATEGORY]: 'category_id',
  [KpiDimension.CHANNEL]: 'channel',
};

/** An instant the figures are judged at, and whether the period has ended by then. */
export type Period = { from: Date; to: Date; now: Date };

type Row = Record<string, unknown> & { k: string | null };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Open items past their deadline at the end of the period: now, or (for an ended period) as the deadlines stand. */
function overdueAtEnd(p: Period): string {
  if (p.to.getTime() > p.now.getTime()) {
    return `x.status not in ('CLOSED', 'REDIRECTED', 'MERGED') and x.due_at < :now and x.paused_at is null and x.received_at < :to`;
  }
  return `x.received_at < :to and x.status <> 'MERGED'
    and (x.answered_at is null or x.answered_at >= :to) and (x.closed_at is null or x.closed_at >= :to)
    and coalesce(case when x.kind = 'INCIDENT'
                      then case when x.first_reaction_at is null or x.first_reaction_at >= :to then x.first_reaction_due_at else x.final_answer_due_at end
                      else x.answer_due_at end,
                 x.registration_due_at) < :to`;
}

/** Figures of a scope and period, one row per value of `dimension` (or one row). */
export async function figureRows(em: EntityManager, s: ResolvedScope, p: Period, dimension?: KpiDimension): Promise<Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>> {
  const knex = em.getKnex();
  const b: Bindings = { from: p.from, to: p.to, now: p.now };
  const where = scopeWhere(s, 'i', b);
  const key = (alias: string) => (dimension ? `${alias}.${DIMENSION_COLUMN[dimension]}::text` : 'null::text');
  const group = dimension ? 'group by 1' : '';
  const items = `
    select ${key('x')} as k,
      count(*) filter (where x.received_at >= :from and x.received_at < :to)::int as received,
      count(*) filter (where x.answered)::int as answered,
      count(*) filter (where x.answered and (case when x.kind = 'INCIDENT' then x.first_reaction_at <= x.first_reaction_due_at
                                                  else x.answered_at <= x.answer_due_at end))::int as answered_on_time,
      avg(x.speed) filter (where x.answered and x.kind <> 'INCIDENT') as mean_answer_days,
      percentile_cont(0.5) within group (order by x.speed) filter (where x.answered and x.kind <> 'INCIDENT') as median_answer_days,
      avg(x.first_reaction_working_hours) filter (where x.kind = 'INCIDENT' and x.status <> 'MERGED'
                                                  and x.first_reaction_at >= :from and x.first_reaction_at < :to) as mean_first_reaction_hours,
      count(*) filter (where x.answered and x.extended_at is not null)::int as extended,
      count(*) filter (where x.answered and x.rework_count > 0)::int as reworked,
      count(*) filter (where x.answered and x.reopen_count > 0)::int as reopened,
      count(*) filter (where x.outcome = 'REDIRECTED' and x.closed_at >= :from and x.closed_at < :to)::int as redirected,
      count(*) filter (where x.outcome = 'LEFT_WITHOUT_ANSWER' and x.closed_at >= :from and x.closed_at < :to)::int as left_without_answer,
      count(*) filter (where ${overdueAtEnd(p)})::int as overdue_open
    from (
      select i.*,
        (i.answered_at >= :from and i.answered_at < :to and i.status <> 'MERGED') as answered,
        case when i.kind = 'APPEAL' then extract(epoch from i.answered_at - coalesce(i.registered_at, i.received_at)) / 86400.0
             else i.answer_working_days end as speed
      from item i
      where ${where}
        and (i.received_at < :to)
    ) x
    ${group}`;
  const ratings = `
    select ${key('i')} as k,
      count(*)::int as rated,
      count(*) filter (where (e.details ->> 'satisfied')::boolean)::int as satisfied
    from item_event e join item i on i.id = e.item_id
    where e.type = 'RATE' and e.at >= :from and e.at < :to and ${where}
    ${group}`;
  const repeats = `
    select ${key('i')} as k, count(*)::int as repeats
    from item i
    where ${where} and i.received_at >= :from and i.received_at < :to and i.category_id is not null
      and exists (
        select 1 from item j
        where j.municipality_id = i.municipality_id and j.category_id = i.category_id and j.id <> i.id
          and j.received_at < i.received_at and j.received_at >= i.received_at - interval '90 days'
          and ((i.applicant_phone is not null and j.applicant_phone = i.applicant_phone)
            or (i.applicant_email is not null and lower(j.applicant_email) = lower(i.applicant_email))
            or (i.applicant_name is not null and i.applicant_address is not null
                and lower(j.applicant_name) = lower(i.applicant_name) and lower(j.applicant_address) = lower(i.applicant_address))))
    ${group}`;
  const [ir, rr, pr] = await Promise.all(
    [items, ratings, repeats].map(async (sql) => ((await knex.raw(sql, b)) as { rows: Row[] }).rows),
  );
  const out = new Map<string | null, Omit<KpiFigures, 'from' | 'to' | 'scope'>>();
  const keys = new Set<string | null>([...ir!, ...rr!, ...pr!].map((r) => r.k));
  if (!dimension) keys.add(null);
  for (const k of keys) {
    const r = ir!.find((x) => x.k === k) ?? ({} as Row);
    const rating = rr!.find((x) => x.k === k) ?? ({} as Row);
    const rep = pr!.find((x) => x.k === k) ?? ({} as Row);
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
      repeats: num(rep.repeats) ?? 0,
    });
  }
  return out;
}
