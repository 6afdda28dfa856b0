import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarFor } from '../modules/calendar/calendar.service.js';
import { Item } from '../modules/items/item.entity.js';
import { recordEvent, SCHEDULER } from '../modules/items/item-history.js';
import { emit } from '../modules/live/outbox.js';
import { alertFactsOf } from '../modules/live/alerts.js';
import { ItemStatus } from '../modules/items/item.enums.js';
import { CLOSED_STATUSES } from '../modules/items/lifecycle.js';
import { audienceOf, type Audience } from '../modules/items/item.notify.js';
import { deliverNotices, type ItemNotice } from '../modules/notifications/notification-delivery.js';

/** How many items of each kind one scan announces at most; the next scan takes the rest. */
export const DEADLINE_SCAN_BATCH = 500;
const BATCH = DEADLINE_SCAN_BATCH;
/** Items with no rating this many working days after the answer close by themselves (docs/domain.md §3). */
export const RATING_WAIT_WORKING_DAYS = 10;

export type ScanResult = { dueSoon: number; overdue: number; reviewOverdue: number; notified: number };

/**
 * The status each item had at an instant (its last history event then): a deadline event recorded at the deadline
 * it is about stands where it belongs in the history, between the steps before and after it.
 */
async function statusesAt(em: EntityManager, at: { id: string; at: Date }[]): Promise<Map<string, ItemStatus>> {
  if (!at.length) return new Map();
  const rows: { id: string; status: ItemStatus | null }[] = await em.execute(
    `select x.id, (select e.to_status from item_event e where e.item_id = x.id and e.at <= x.at
                   order by e.at desc, e.created_at desc limit 1) as status
     from jsonb_to_recordset(?::jsonb) as x(id uuid, at timestamptz)`,
    [JSON.stringify(at.map((a) => ({ id: a.id, at: a.at.toISOString() })))],
  );
  return new Map(rows.filter((r) => r.status).map((r) => [r.id, r.status!]));
}

/**
 * A deadline event, recorded at the instant it is about (the deadline that passed, the moment the clock became
 * DUE_SOON), not when the scan noticed it: after a restart or a pause of the scheduler the history still says
 * when the deadline passed. It is announced live now.
 */
function deadlineEvent(em: EntityManager, item: Item, type: 'DUE_SOON' | 'OVERDUE', at: Date, status: ItemStatus | undefined, now: Date): void {
  const then = status ?? item.status;
  const event = recordEvent(em, item, { type, at, announcedAt: now, actor: SCHEDULER, from: then, to: then });
  // Written now: among events of the same instant it comes after those already written.
  event.createdAt = now;
}

/*
 * The scans read with `em.execute`, in the unit of work's transaction when there is one: the demo seed scans the
 * items it has just written, before they are committed.
 */

/** Open items whose clock crossed into a state not yet announced for its current due time. */
async function pending(em: EntityManager, which: 'overdue' | 'dueSoon', now: Date): Promise<Item[]> {
  const skip = [...CLOSED_STATUSES];
  const condition =
    which === 'overdue'
      ? 'due_at < ? and overdue_notified_for is distinct from due_at'
      : 'due_at >= ? and due_soon_at <= ? and due_soon_notified_for is distinct from due_at';
  const params = which === 'overdue' ? [now] : [now, now];
  const rows: { id: string }[] = await em.execute(
    // A paused clock (a MESSAGE waiting for the citizen) is not running; an APPEAL's runs on while it waits.
    `select id from item where status not in (${skip.map(() => '?').join(', ')}) and paused_at is null and ${condition}
     order by due_at limit ${BATCH}`,
    [...skip, ...params],
  );
  return rows.length ? em.find(Item, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { dueAt: 'asc' } }) : [];
}

/**
 * Announces each running clock once when it becomes DUE_SOON (to the executor, or the department's executors)
 * and once when it becomes OVERDUE (also to the sector leads and the head), with a history event at the instant
 * it happened. The notifications of one scan are delivered together: one per person, item and kind, or one
 * digest for a person who would get more than a few of one kind (modules/notifications). `em` sees every
 * municipality.
 */
export async function scanDeadlines(em: EntityManager, now: Date): Promise<ScanResult> {
  const result: ScanResult = { dueSoon: 0, overdue: 0, reviewOverdue: 0, notified: 0 };
  const notices: ItemNotice[] = [];
  const tell = async (item: Item, type: string, audience: Audience) => {
    for (const userId of await audienceOf(em, item, audience)) notices.push({ userId, item, type });
  };
  const workers = (item: Item): Audience => (item.executor ? [item.executor.id] : { departmentExecutors: item.department?.id ?? null });

  const overdueRows = await pending(em, 'overdue', now);
  const overdueStatus = await statusesAt(em, overdueRows.map((i) => ({ id: i.id, at: i.dueAt! })));
  for (const item of overdueRows) {
    await tell(item, 'OVERDUE', workers(item));
    await tell(item, 'OVERDUE', { escalation: true });
    deadlineEvent(em, item, 'OVERDUE', item.dueAt!, overdueStatus.get(item.id), now);
    item.overdueNotifiedFor = item.dueAt;
    item.dueSoonNotifiedFor ??= item.dueAt;
    emit(em, 'ALERT', {
      municipalityId: item.municipality.id,
      alertType: 'OVERDUE',
      level: 'WARNING',
      message: `Просрочено: ${item.number}`,
      at: now.toISOString(),
      itemId: item.id,
      ...alertFactsOf(item),
    }, now);
    result.overdue += 1;
  }

  const dueSoonRows = await pending(em, 'dueSoon', now);
  const dueSoonStatus = await statusesAt(em, dueSoonRows.map((i) => ({ id: i.id, at: i.dueSoonAt ?? now })));
  for (const item of dueSoonRows) {
    await tell(item, 'DUE_SOON', workers(item));
    deadlineEvent(em, item, 'DUE_SOON', item.dueSoonAt ?? now, dueSoonStatus.get(item.id), now);
    item.dueSoonNotifiedFor = item.dueAt;
    result.dueSoon += 1;
  }
  // The МЦУ's own clock: an answer draft is reviewed within one working day.
  const reviewRows: { id: string }[] = await em.execute(
    `select id from item where status = 'ON_REVIEW' and review_due_at < ? and review_overdue_notified_for is distinct from review_due_at
     order by review_due_at limit ${BATCH}`,
    [now],
  );
  const reviews = reviewRows.length ? await em.find(Item, { id: { $in: reviewRows.map((r) => r.id) } }) : [];
  for (const item of reviews) {
    await tell(item, 'REVIEW_OVERDUE', { reviewers: true });
    item.reviewOverdueNotifiedFor = item.reviewDueAt;
    result.reviewOverdue += 1;
  }
  result.notified = await deliverNotices(em, notices, now);

  // Notifications, history and announcements commit together (modules/live delivers them after the commit).
  await em.flush();
  return result;
}

/** Closes answered items that got no rating within 10 working days of the answer. */
export async function closeUnrated(em: EntityManager, now: Date): Promise<number> {
  // 10 working days are at least 12 calendar days: a cheap pre-filter before the calendar decides.
  const candidates = await em.find(
    Item,
    { status: ItemStatus.ANSWERED, satisfied: null, answeredAt: { $lt: new Date(now.getTime() - 12 * 86_400_000) } },
    { limit: BATCH },
  );
  const closed: Item[] = [];
  for (const item of candidates) {
    const calendar = await calendarFor(em, item.municipality.id, now.getTime());
    if (calendar.addWorkingDays(item.answeredAt!, RATING_WAIT_WORKING_DAYS).getTime() >= now.getTime()) continue;
    item.status = ItemStatus.CLOSED;
    item.closedAt = now;
    recordEvent(em, item, {
      type: 'AUTO_CLOSED',
      at: now,
      actor: SCHEDULER,
      from: ItemStatus.ANSWERED,
      to: ItemStatus.CLOSED,
      comment: `no rating within ${RATING_WAIT_WORKING_DAYS} working days`,
    });
    closed.push(item);
  }
  await em.flush();
  return closed.length;
}

/** docs/domain.md §6: items are kept five years after they close, then their applicant's personal data are erased. */
export const RETENTION_YEARS = 5;

export async function anonymiseExpired(em: EntityManager, now: Date): Promise<number> {
  const before = new Date(now);
  before.setUTCFullYear(before.getUTCFullYear() - RETENTION_YEARS);
  const rows: { id: string; municipality_id: string; status: ItemStatus }[] = await em.getConnection().execute(
    `update item set applicant_name = null, applicant_phone = null, applicant_email = null, applicant_address = null,
       updated_at = ?
     where closed_at < ? and (applicant_name is not null or applicant_phone is not null or applicant_email is not null
       or applicant_address is not null)
     returning id, municipality_id, status`,
    [now, before],
  );
  for (const r of rows) {
    recordEvent(em, { id: r.id, municipalityId: r.municipality_id }, {
      type: 'ANONYMISED',
      at: now,
      actor: SCHEDULER,
      from: r.status,
      to: r.status,
      comment: `personal data erased ${RETENTION_YEARS} years after closing`,
    });
  }
  await em.flush();
  return rows.length;
}
