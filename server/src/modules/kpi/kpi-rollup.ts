import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addParts, emptyParts, ON_TIME, rawParts, REPEAT, SPEED, type Parts, type Period } from './kpi.sql.js';
import { KpiDimension, type ResolvedScope } from './kpi.types.js';

/**
 * Daily and monthly rollups (docs/kpi.md, "Fast at any period"). Triggers mark a (municipality, local day) stale in
 * the same transaction as the change that affects it (db/migrations: kpi_mark_dirty); `refreshDays` rebuilds stale
 * days from the items, at every grain at once (GROUPING SETS), and marks their months stale; `refreshMonths` sums a
 * stale month's days. A reader refreshes the stale days of its period before it reads and takes a whole month from
 * its monthly row only while that month is not stale, so a figure is never behind the items. A scheduled job keeps
 * both backlogs small.
 */

const GRAINS: Record<string, string> = {
  sector_id: 'SECTOR',
  department_id: 'DEPARTMENT',
  settlement_id: 'SETTLEMENT',
  category_id: 'CATEGORY',
  channel: 'CHANNEL',
  kind: 'KIND',
};

/**
 * Rebuilds stale days (of one municipality and a day range, or any, up to `limit`). Returns how many days. Two
 * refreshers of the same days wait for each other (row locks on the stale marks), so a reader that refreshed
 * reads rollups that include every committed change.
 */
export async function refreshDays(
  em: EntityManager,
  opts: { municipalityId?: string; fromDay?: string; toDay?: string; limit?: number } = {},
): Promise<number> {
  const b: Record<string, unknown> = { limit: opts.limit ?? 400 };
  const w: string[] = ['true'];
  if (opts.municipalityId) {
    b.m = opts.municipalityId;
    w.push('municipality_id = :m');
  }
  if (opts.fromDay) {
    b.d0 = opts.fromDay;
    w.push('day >= :d0::date');
  }
  if (opts.toDay) {
    b.d1 = opts.toDay;
    w.push('day < :d1::date');
  }
  const cols = Object.keys(GRAINS);
  const item = `x.kind::text, x.channel::text, x.sector_id::text, x.department_id::text, x.settlement_id::text, x.category_id::text`;
  const zero = { received: 0, answered: 0, on_time: 0, speed: 'null::float8', sb: 'null::int', fr: 'null::float8', extended: 0, reworked: 0, reopened: 0, redirected: 0, lwa: 0, rated: 0, satisfied: 0, repeats: 0 };
  const row = (over: Partial<Record<keyof typeof zero, string | number>>) =>
    Object.entries({ ...zero, ...over }).map(([k, v]) => `${v} as ${k}`).join(', ');
  const inDay = (col: string) => `x.${col} >= d.s and x.${col} < d.e`;
  const sql = `
    with claimed as (
      delete from kpi_dirty k using unnest(:ms::uuid[], :ds::date[]) as c(m, d)
      where k.municipality_id = c.m and k.day = c.d
      returning k.municipality_id, k.day
    ), days as (
      select c.municipality_id as m, c.day, (c.day::timestamp at time zone mu.timezone) as s, ((c.day + 1)::timestamp at time zone mu.timezone) as e
      from (select distinct municipality_id, day from claimed) c join municipality mu on mu.id = c.municipality_id
    ), gone as (
      delete from kpi_day k using days where k.municipality_id = days.m and k.day = days.day returning 1
    ), months_behind as (
      insert into kpi_month_dirty (municipality_id, month)
      select distinct m, date_trunc('month', day::timestamp)::date from days on conflict do nothing returning 1
    ), contrib (m, day, kind, channel, sector_id, department_id, settlement_id, category_id,
                received, answered, on_time, speed, sb, fr, extended, reworked, reopened, redirected, lwa, rated, satisfied, repeats) as (
      select d.m, d.day, q.* from days d cross join lateral (
        select ${item}, ${row({ received: 1, repeats: `(${REPEAT})::int` })}
        from item x where x.municipality_id = d.m and ${inDay('received_at')}) q
      union all
      select d.m, d.day, q.* from days d cross join lateral (
        select ${item}, ${row({
          answered: 1,
          on_time: `coalesce(${ON_TIME}, false)::int`,
          speed: `(${SPEED})`,
          sb: `round((${SPEED}) * 10)::int`,
          extended: '(x.extended_at is not null)::int',
          reworked: '(x.rework_count > 0)::int',
          reopened: '(x.reopen_count > 0)::int',
        })}
        from item x where x.municipality_id = d.m and ${inDay('answered_at')} and x.status <> 'MERGED') q
      union all
      select d.m, d.day, q.* from days d cross join lateral (
        select ${item}, ${row({ fr: 'x.first_reaction_working_hours' })}
        from item x where x.municipality_id = d.m and ${inDay('first_reaction_at')} and x.kind = 'INCIDENT' and x.status <> 'MERGED') q
      union all
      select d.m, d.day, q.* from days d cross join lateral (
        select ${item}, ${row({ redirected: `(x.outcome = 'REDIRECTED')::int`, lwa: `(x.outcome = 'LEFT_WITHOUT_ANSWER')::int` })}
        from item x where x.municipality_id = d.m and ${inDay('closed_at')} and x.outcome in ('REDIRECTED', 'LEFT_WITHOUT_ANSWER')) q
      union all
      select d.m, d.day, q.* from days d cross join lateral (
        select ${item}, ${row({ rated: 1, satisfied: `coalesce((e.details ->> 'satisfied')::boolean, false)::int` })}
        from item_event e join item x on x.id = e.item_id
        where e.municipality_id = d.m and e.type = 'RATE' and e.at >= d.s and e.at < d.e) q
    ), by_bucket as (
      select m, day,
        case ${cols.map((c) => `when grouping(${c}) = 0 then '${GRAINS[c]}'`).join(' ')} else 'ALL' end as grain,
        case ${cols.map((c) => `when grouping(${c}) = 0 then ${c}`).join(' ')} end as dim,
        sb,
        sum(received) received, sum(answered) answered, sum(on_time) on_time,
        sum(speed) speed_sum, count(speed) speed_n, sum(fr) fr_sum, count(fr) fr_n,
        sum(extended) extended, sum(reworked) reworked, sum(reopened) reopened, sum(redirected) redirected, sum(lwa) lwa,
        sum(rated) rated, sum(satisfied) satisfied, sum(repeats) repeats
      from contrib
      group by grouping sets ((m, day, sb), ${cols.map((c) => `(m, day, ${c}, sb)`).join(', ')})
    )
    insert into kpi_day (municipality_id, day, grain, dim, received, answered, answered_on_time, speed_sum, speed_n, speed_hist,
                         first_reaction_sum, first_reaction_n, extended, reworked, reopened, redirected, left_without_answer,
                         rated, satisfied, repeats)
    select m, day, grain, dim, sum(received), sum(answered), sum(on_time), coalesce(sum(speed_sum), 0), sum(speed_n),
      coalesce(jsonb_object_agg(sb::text, speed_n) filter (where sb is not null), '{}'::jsonb),
      coalesce(sum(fr_sum), 0), sum(fr_n), sum(extended), sum(reworked), sum(reopened), sum(redirected), sum(lwa),
      sum(rated), sum(satisfied), sum(repeats)
    from by_bucket
    group by m, day, grain, dim
    returning 1`;
  const knex = em.getKnex();
  return knex.transaction(async (trx) => {
    // The stale days to rebuild, then a lock of each: two refreshers of a day wait for each other (in one order, so
    // never for each other both), and the rebuild, a statement of its own, sees whatever the first one committed.
    // Writers never wait: they only add marks (db/migrations, kpi_mark_dirty), and a mark added after the rebuild's
    // statement began is not among those it removes, so its day is rebuilt again.
    const found = (await trx.raw(
      `select municipality_id as m, day::text as d from kpi_dirty where ${w.join(' and ')} group by 1, 2 order by 2, 1 limit :limit`,
      b,
    )) as { rows: { m: string; d: string }[] };
    if (!found.rows.length) return 0;
    const days = { ms: found.rows.map((r) => r.m), ds: found.rows.map((r) => r.d) };
    await trx.raw(
      `select pg_advisory_xact_lock(k) from (
         select distinct hashtextextended('kpi_day:' || m::text || ':' || d::text, 0) as k from unnest(:ms::uuid[], :ds::date[]) as t(m, d) order by 1) x`,
      days,
    );
    if (process.env.KPI_EXPLAIN === '1') {
      // The plan of a real run, whose writes are then undone: the marks stay for a real rebuild.
      await trx.raw('savepoint kpi_explain');
      const plan = (await trx.raw(`explain (analyze, buffers off) ${sql}`, { ...b, ...days })) as { rows: { 'QUERY PLAN': string }[] };
      await trx.raw('rollback to savepoint kpi_explain');
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      return 0;
    }
    await trx.raw(sql, { ...b, ...days });
    return found.rows.length;
  });
}

const SUMS = ['received', 'answered', 'answered_on_time', 'speed_sum', 'speed_n', 'first_reaction_sum', 'first_reaction_n', 'extended',
  'reworked', 'reopened', 'redirected', 'left_without_answer', 'rated', 'satisfied', 'repeats'];

/**
 * Rebuilds stale months (of one municipality, or any, up to `limit`) as the sums of their daily rows, histograms
 * merged. Returns how many months. A day refreshed while its month is being rebuilt marks the month again.
 */
export async function refreshMonths(em: EntityManager, opts: { municipalityId?: string; limit?: number } = {}): Promise<number> {
  const b: Record<string, unknown> = { limit: opts.limit ?? 3 };
  const w = opts.municipalityId ? ((b.m = opts.municipalityId), 'municipality_id = :m') : 'true';
  const sql = `
    with claimed as (
      delete from kpi_month_dirty k using (
        select municipality_id, month from kpi_month_dirty where ${w} order by month limit :limit for update
      ) c
      where k.municipality_id = c.municipality_id and k.month = c.month
      returning k.municipality_id, k.month
    ), gone as (
      delete from kpi_month k using claimed c where k.municipality_id = c.municipality_id and k.month = c.month returning 1
    ), src as (
      select c.month, k.* from claimed c
      join kpi_day k on k.municipality_id = c.municipality_id and k.day >= c.month and k.day < (c.month + interval '1 month')::date
    ), hist as (
      select municipality_id, month, grain, coalesce(dim, '') as d, jsonb_object_agg(sb, n) as speed_hist from (
        select s.municipality_id, s.month, s.grain, s.dim, e.key as sb, sum(e.value::int) as n
        from src s, jsonb_each_text(s.speed_hist) e group by 1, 2, 3, 4, 5) h
      group by 1, 2, 3, 4
    ), sums as (
      select municipality_id, month, grain, dim, ${SUMS.map((c) => `sum(${c}) as ${c}`).join(', ')}
      from src group by 1, 2, 3, 4
    )
    insert into kpi_month (municipality_id, month, grain, dim, ${SUMS.join(', ')}, speed_hist)
    select s.municipality_id, s.month, s.grain, s.dim, ${SUMS.map((c) => `s.${c}`).join(', ')}, coalesce(h.speed_hist, '{}'::jsonb)
    from sums s left join hist h on h.municipality_id = s.municipality_id and h.month = s.month and h.grain = s.grain and h.d = coalesce(s.dim, '')`;
  return em.getKnex().transaction(async (trx) => {
    const { rows } = (await trx.raw(`select count(*)::int as n from kpi_month_dirty where ${w}`, b)) as { rows: { n: number }[] };
    if (!rows[0]!.n) return 0;
    await trx.raw(sql, b);
    return Math.min(rows[0]!.n, Number(b.limit));
  });
}

/** Which grain serves a scope (and a ranking dimension), and the values to keep; null when none does. */
function grainFor(s: ResolvedScope, dimension?: KpiDimension): { grain: string; values?: string[] } | null {
  if (!s.municipalityIds || s.municipalityIds.length !== 1) return null; // days differ between time zones
  const filters: { grain: string; values: string[] }[] = [];
  if (s.sectorIds) filters.push({ grain: 'SECTOR', values: s.sectorIds });
  if (s.departmentId) filters.push({ grain: 'DEPARTMENT', values: [s.departmentId] });
  if (s.settlementId) filters.push({ grain: 'SETTLEMENT', values: [s.settlementId] });
  if (s.categoryIds) filters.push({ grain: 'CATEGORY', values: s.categoryIds });
  if (s.channel) filters.push({ grain: 'CHANNEL', values: [s.channel] });
  if (s.kind) filters.push({ grain: 'KIND', values: [s.kind] });
  if (filters.length > 1) return null;
  if (dimension) {
    if (filters.length && filters[0]!.grain !== dimension) return null;
    return { grain: dimension, values: filters[0]?.values };
  }
  return filters.length ? filters[0]! : { grain: 'ALL' };
}

/**
 * The parts of a scope and period: whole local days from the rollups (refreshed first if stale), the partial days at
 * either end from the items. Scopes no grain serves (several filters, a region across time zones) read the items.
 */
export async function partsFor(em: EntityManager, s: ResolvedScope, p: Period, dimension?: KpiDimension): Promise<Map<string | null, Parts>> {
  const g = grainFor(s, dimension);
  if (!g) return rawParts(em, s, p, dimension);
  const zone = s.zone;
  const first = DateTime.fromJSDate(p.from, { zone }).startOf('day');
  const d0 = first.toMillis() === p.from.getTime() ? first : first.plus({ days: 1 });
  const d1 = DateTime.fromJSDate(p.to, { zone }).startOf('day');
  if (d1.toMillis() <= d0.toMillis()) return rawParts(em, s, p, dimension);
  const municipalityId = s.municipalityIds![0]!;
  const fromDay = d0.toISODate()!;
  const toDay = d1.toISODate()!;
  // Stale days of the period are rebuilt before reading (a handful after a change; all of them only once).
  while ((await refreshDays(em, { municipalityId, fromDay, toDay, limit: 31 })) > 0);
  // Whole months inside the period come from their monthly rows while those are current, other days from the days.
  const m0 = d0.day === 1 ? d0 : d0.plus({ months: 1 }).startOf('month');
  const m1 = d1.startOf('month');
  const b: Record<string, unknown> = { m: municipalityId, grain: g.grain, d0: fromDay, d1: toDay, m0: m0.toISODate(), m1: m1.toISODate() };
  let dimWhere = '';
  if (g.values) {
    dimWhere = `and k.dim in (${g.values.map((v, i) => ((b[`v${i}`] = v), `:v${i}`)).join(', ')})`;
  }
  const months = m1.toMillis() > m0.toMillis();
  const source = months
    ? `with clean as (
        select g::date as month from generate_series(:m0::timestamp, :m1::timestamp - interval '1 day', interval '1 month') g
        where not exists (select 1 from kpi_month_dirty d where d.municipality_id = :m and d.month = g::date)
      ), src as (
        select k.dim, ${SUMS.join(', ')}, speed_hist from kpi_month k
        where k.municipality_id = :m and k.grain = :grain and k.month in (select month from clean) ${dimWhere}
        union all
        select k.dim, ${SUMS.join(', ')}, speed_hist from kpi_day k
        where k.municipality_id = :m and k.grain = :grain ${dimWhere}
          and ((k.day >= :d0::date and k.day < :m0::date) or (k.day >= :m1::date and k.day < :d1::date))
        union all
        select k.dim, ${SUMS.join(', ')}, speed_hist from kpi_month_dirty d
        join kpi_day k on k.municipality_id = d.municipality_id and k.grain = :grain
          and k.day >= d.month and k.day < (d.month + interval '1 month')::date ${dimWhere}
        where d.municipality_id = :m and d.month >= :m0::date and d.month < :m1::date
      )`
    : `with src as (
        select k.dim, ${SUMS.join(', ')}, speed_hist from kpi_day k
        where k.municipality_id = :m and k.grain = :grain and k.day >= :d0::date and k.day < :d1::date ${dimWhere}
      )`;
  const key = dimension ? 'k.dim' : 'null::text';
  const sql = `${source}
    select ${key} as k, sum(received)::int received, sum(answered)::int answered, sum(answered_on_time)::int answered_on_time,
      sum(speed_sum) speed_sum, sum(speed_n)::int speed_n, sum(first_reaction_sum) first_reaction_sum, sum(first_reaction_n)::int first_reaction_n,
      sum(extended)::int extended, sum(reworked)::int reworked, sum(reopened)::int reopened, sum(redirected)::int redirected,
      sum(left_without_answer)::int left_without_answer, sum(rated)::int rated, sum(satisfied)::int satisfied, sum(repeats)::int repeats
    from src k
    ${dimension ? 'group by k.dim' : ''}`;
  // The rows' histograms merged here: parsing a few hundred JSON objects is cheaper than expanding them in SQL.
  const histSql = `${source}
    select ${key} as k, speed_hist as h from src k where speed_hist <> '{}'::jsonb`;
  const [rows, histRows] = await Promise.all(
    [sql, histSql].map(async (q) => ((await em.getKnex().raw(q, b)) as { rows: (Record<string, unknown> & { k: string | null })[] }).rows),
  );
  const hists = new Map<string | null, Map<number, number>>();
  for (const row of histRows!) {
    let merged = hists.get(row.k);
    if (!merged) hists.set(row.k, (merged = new Map()));
    for (const [b, n] of Object.entries(row.h as Record<string, number>)) merged.set(Number(b), (merged.get(Number(b)) ?? 0) + Number(n));
  }
  const out = new Map<string | null, Parts>();
  for (const r of rows!) {
    const n = (key: string) => Number(r[key] ?? 0);
    out.set(r.k, {
      received: n('received'), answered: n('answered'), answeredOnTime: n('answered_on_time'), speedSum: n('speed_sum'), speedN: n('speed_n'),
      speedHist: hists.get(r.k) ?? new Map(),
      firstReactionSum: n('first_reaction_sum'), firstReactionN: n('first_reaction_n'), extended: n('extended'), reworked: n('reworked'),
      reopened: n('reopened'), redirected: n('redirected'), leftWithoutAnswer: n('left_without_answer'), rated: n('rated'),
      satisfied: n('satisfied'), repeats: n('repeats'),
    });
  }
  const edges: Period[] = [];
  if (d0.toMillis() > p.from.getTime()) edges.push({ from: p.from, to: d0.toJSDate(), now: p.now });
  if (d1.toMillis() < p.to.getTime()) edges.push({ from: d1.toJSDate(), to: p.to, now: p.now });
  for (const edge of edges) {
    for (const [k, parts] of await rawParts(em, s, edge, dimension)) out.set(k, addParts(out.get(k) ?? emptyParts(), parts));
  }
  if (!dimension && !out.has(null)) out.set(null, emptyParts());
  return out;
}
