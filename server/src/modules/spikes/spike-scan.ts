import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger, safeError } from '../../shared/logger.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { ItemStatus } from '../items/item.enums.js';
import { emit } from '../live/outbox.js';
import { Category } from '../organisation/category.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { ProblemItem } from '../problems/problem-item.entity.js';
import { ACTIVE_PROBLEM_STATUSES, ProblemStatus } from '../problems/problem.enums.js';
import { Problem } from '../problems/problem.entity.js';
import { addDaysToLocalDate, type LocalDate, type WorkingCalendar } from '../sla/index.js';
import { referenceDays, seasonWindows, spikeModel, type SpikeModel, type SpikeSettings } from './spike-model.js';
import { Spike } from './spike.entity.js';

/**
 * The spike scan (docs/text.md "Spikes"), run every minute by the scheduler over every municipality: for today and
 * yesterday (a municipality's local days; an item of 23:59 is counted by the scan of 00:00), each category and
 * settlement with at least `minCount` items that day is measured once against its history (a `Spike` row with the
 * figures); when its count reaches the threshold the live layer's SPIKE alert goes out once and the day's items go
 * to a problem: one on the list for that category and settlement (PROPOSED, CONFIRMED or IN_WORK) if there is one,
 * else a new PROPOSED problem. Later items of the same day join that problem on the next scans.
 *
 * `em` sees every municipality (the scheduler's). Every query names its municipality. Each spike is its own flush
 * (one transaction: the row, the problem, its links and the alert's outbox row), so a failure of one (an item
 * linked meanwhile by a person, another instance's scan) leaves the others and is retried a minute later.
 */

export type SpikeScanResult = { municipalities: number; measured: number; alerted: number; proposed: number; linked: number };

/** The statuses an item may be linked to a problem in (a merged duplicate is its parent's, a redirected one not ours). */
const NOT_LINKED = [ItemStatus.MERGED, ItemStatus.REDIRECTED];

const plural = new Intl.PluralRules('ru');
const itemsWord = (n: number) => ({ one: 'обращение', few: 'обращения' })[plural.select(n) as 'one' | 'few'] ?? 'обращений';
const figure = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const russianDate = (d: LocalDate) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** The SQL of the instant a local date begins in a zone (two bindings: the date, the zone). */
const START = `((?::date)::timestamp at time zone ?)`;

export async function scanSpikes(em: EntityManager, now: Date, settings: SpikeSettings): Promise<SpikeScanResult> {
  const result: SpikeScanResult = { municipalities: 0, measured: 0, alerted: 0, proposed: 0, linked: 0 };
  const municipalities = await em.find(Municipality, {}, { orderBy: { code: 'asc' } });
  for (const m of municipalities) {
    result.municipalities += 1;
    try {
      await scanMunicipality(em, m.id, now, settings, result);
    } catch (e) {
      em.clear();
      logger.error(`spike scan of a municipality failed`, { municipalityId: m.id, ...safeError(e) });
    }
  }
  return result;
}

type Candidate = { c: string; s: string; day: LocalDate; n: number };

async function scanMunicipality(em: EntityManager, municipalityId: string, now: Date, settings: SpikeSettings, result: SpikeScanResult): Promise<void> {
  const calendar = await calendarFor(em, municipalityId, now.getTime());
  const zone = calendar.zone;
  const today = calendar.localDate(now);
  const yesterday = addDaysToLocalDate(today, -1);
  const conn = em.getConnection();
  const candidates: Candidate[] = await conn.execute(
    `select i.category_id as c, i.settlement_id as s, (i.received_at at time zone ?)::date::text as day, count(*)::int as n
     from item i
     where i.municipality_id = ? and i.category_id is not null and i.settlement_id is not null
       and i.received_at >= ${START} and i.received_at <= ?
     group by 1, 2, 3 having count(*) >= ?
     order by 3, 1, 2`,
    [zone, municipalityId, yesterday, zone, now, settings.minCount],
  );
  if (!candidates.length) return;
  const known = await em.find(Spike, { municipality: municipalityId, day: { $in: [yesterday, today] } });
  const rowOf = (x: Candidate) => known.find((k) => k.category.id === x.c && k.settlement.id === x.s && k.day === x.day);
  let firstDay: LocalDate | null | undefined;
  for (const x of candidates) {
    let spike = rowOf(x);
    if (spike?.alertedAt) {
      // Alerted already: later items of the day join its problem (while that is on the list), and nothing else.
      const linked = await takeItems(em, spike, municipalityId, zone, now);
      if (linked || spike.count !== x.n) {
        spike.count = x.n;
        result.linked += linked;
        if (!(await save(em, 'spike scan: later items'))) return;
      }
      continue;
    }
    if (!spike) {
      if (firstDay === undefined) firstDay = await firstLocalDay(em, municipalityId, calendar);
      const model = await measure(em, municipalityId, x, zone, calendar, firstDay, settings);
      spike = em.create(Spike, { municipality: municipalityId, category: x.c, settlement: x.s, day: x.day, count: x.n, ...model });
      known.push(spike);
      result.measured += 1;
    }
    spike.count = x.n;
    if (x.n >= spike.threshold) {
      const { proposed, linked } = await raise(em, spike, municipalityId, zone, now);
      result.alerted += 1;
      result.proposed += proposed ? 1 : 0;
      result.linked += linked;
    }
    // After a failed flush the unit of work is cleared: the rest of the municipality waits for the next scan.
    if (!(await save(em, 'spike scan'))) return;
  }
}

/** Flushes one spike's changes; a failure is logged and forgotten (the next scan tries again). */
async function save(em: EntityManager, what: string): Promise<boolean> {
  try {
    await em.flush();
    return true;
  } catch (e) {
    em.clear();
    if (e instanceof UniqueConstraintViolationException) logger.info(`${what}: changed meanwhile, retried at the next scan`);
    else logger.error(`${what} failed`, safeError(e));
    return false;
  }
}

/** The local day of the municipality's first item (null: it has none). */
async function firstLocalDay(em: EntityManager, municipalityId: string, calendar: WorkingCalendar): Promise<LocalDate | null> {
  const [row] = (await em.getConnection().execute(`select min(received_at) as first from item where municipality_id = ?`, [municipalityId])) as { first: Date | null }[];
  return row?.first ? calendar.localDate(new Date(row.first)) : null;
}

/** The model's figures of a pair on a day, from its reference days and the category's season a year ago. */
async function measure(
  em: EntityManager,
  municipalityId: string,
  x: Candidate,
  zone: string,
  calendar: WorkingCalendar,
  firstDay: LocalDate | null,
  settings: SpikeSettings,
): Promise<SpikeModel & { referenceDays: number }> {
  const conn = em.getConnection();
  const days = referenceDays(x.day, firstDay, settings.weeks, (d) => calendar.isWorkingDay(d));
  const counts = new Map<string, number>();
  if (days.length) {
    const rows: { day: string; n: number }[] = await conn.execute(
      `select (received_at at time zone ?)::date::text as day, count(*)::int as n from item
       where municipality_id = ? and category_id = ? and settlement_id = ? and received_at >= ${START} and received_at < ${START}
       group by 1`,
      [zone, municipalityId, x.c, x.s, days[days.length - 1], zone, x.day, zone],
    );
    for (const r of rows) counts.set(r.day, r.n);
  }
  const w = seasonWindows(x.day, settings.weeks);
  let lastYear = null;
  if (firstDay && w.beforeFrom >= firstDay) {
    const [r] = (await conn.execute(
      `select count(*) filter (where received_at >= ${START})::int as period, count(*) filter (where received_at < ${START})::int as before
       from item where municipality_id = ? and category_id = ? and received_at >= ${START} and received_at < ${START}`,
      [w.periodFrom, zone, w.periodFrom, zone, municipalityId, x.c, w.beforeFrom, zone, addDaysToLocalDate(w.periodTo, 1), zone],
    )) as { period: number; before: number }[];
    lastYear = { period: r!.period, periodDays: 2 * 7 + 1, before: r!.before, beforeDays: 7 * settings.weeks };
  }
  const model = spikeModel({ sameWeekday: days.map((d) => counts.get(d) ?? 0), lastYear }, settings);
  return { ...model, referenceDays: days.length };
}

/**
 * The spike's count reached its threshold: the problem that takes its items (one on the list for the category and
 * settlement, else a new PROPOSED one), the items, and the alert, in the unit of work of the spike.
 */
async function raise(em: EntityManager, spike: Spike, municipalityId: string, zone: string, now: Date): Promise<{ proposed: boolean; linked: number }> {
  const [category, settlement] = await Promise.all([
    em.findOneOrFail(Category, { id: spike.category.id }),
    em.findOneOrFail(Settlement, { id: spike.settlement.id }),
  ]);
  let problem = await em.findOne(
    Problem,
    { municipality: municipalityId, category: category.id, settlement: settlement.id, status: { $in: [...ACTIVE_PROBLEM_STATUSES] } },
    { orderBy: { createdAt: 'asc' } },
  );
  const proposed = !problem;
  const season = spike.seasonRatio !== 1 ? `, с поправкой на сезон ×${figure(spike.seasonRatio)}` : '';
  const usual = spike.referenceDays
    ? `обычно ${figure(spike.baseline)} в этот день недели${season}`
    : `прежних недель для сравнения нет${season}`;
  if (!problem) {
    problem = em.create(Problem, {
      municipality: municipalityId,
      title: `Всплеск: ${category.name} — ${settlement.name}`,
      description:
        `${russianDate(spike.day)} поступило ${spike.count} ${itemsWord(spike.count)} по теме «${category.name}» из поселения «${settlement.name}» ` +
        `(${usual}; ожидалось ${figure(spike.expected)}, порог всплеска ${spike.threshold}). Предложено автоматически.`,
      category,
      sector: category.sector,
      settlement,
      status: ProblemStatus.PROPOSED,
    });
  }
  spike.problem = em.getReference(Problem, problem.id, { wrapped: true });
  spike.proposed = proposed;
  spike.alertedAt = now;
  const linked = await takeItems(em, spike, municipalityId, zone, now, problem);
  emit(
    em,
    'ALERT',
    {
      municipalityId,
      alertType: 'SPIKE',
      level: 'WARNING',
      message: `Всплеск: ${spike.count} ${itemsWord(spike.count)} «${category.name}» — ${settlement.shortName ?? settlement.name} (${usual})`,
      at: now.toISOString(),
      problemId: problem.id,
    },
    now,
  );
  return { proposed, linked };
}

/**
 * Links to the spike's problem the items of its day it has not taken yet, while the problem is on the list: each
 * item once (`Spike.itemIds`), and not one that is in another problem on the list, merged or redirected. The links
 * are the problem module's own rows (ProblemItem, active), made here rather than through problem.service.ts, whose
 * linking asks what a person reaches: the scan is nobody, and an item in another active problem is skipped, not
 * refused, so that one such item does not keep the rest of the spike out.
 */
async function takeItems(em: EntityManager, spike: Spike, municipalityId: string, zone: string, now: Date, loaded?: Problem): Promise<number> {
  if (!spike.problem) return 0;
  const problem = loaded ?? (await em.findOne(Problem, { id: spike.problem.id }));
  if (!problem || !ACTIVE_PROBLEM_STATUSES.includes(problem.status)) return 0;
  const rows: { id: string; status: ItemStatus; elsewhere: boolean }[] = await em.getConnection().execute(
    `select i.id, i.status, exists (select 1 from problem_item l where l.item_id = i.id and (l.active or l.problem_id = ?)) as elsewhere
     from item i
     where i.municipality_id = ? and i.category_id = ? and i.settlement_id = ?
       and i.received_at >= ${START} and i.received_at < ${START} and i.received_at <= ?
       and not (i.id = any(?::uuid[]))
     order by i.received_at, i.id`,
    [problem.id, municipalityId, spike.category.id, spike.settlement.id, spike.day, zone, addDaysToLocalDate(spike.day, 1), zone, now, `{${spike.itemIds.join(',')}}`],
  );
  if (!rows.length) return 0;
  let linked = 0;
  for (const r of rows) {
    if (r.elsewhere || NOT_LINKED.includes(r.status)) continue;
    em.create(ProblemItem, { municipality: municipalityId, problem, item: r.id, active: true, linkedAt: now });
    linked += 1;
  }
  spike.itemIds = [...spike.itemIds, ...rows.map((r) => r.id)];
  if (linked) problem.updatedAt = now;
  return linked;
}
