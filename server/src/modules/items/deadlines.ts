import type { Item } from './item.entity.js';
import { ItemKind } from './item.enums.js';
import { deadlineState, slaPreview, type WorkingCalendar } from '../sla/index.js';
import { DeadlineState } from './item.enums.js';

/**
 * The instant from which a running clock counts as DUE_SOON: the earliest moment at which `deadlineState`
 * leaves ON_TRACK (it only moves forward, so a binary search to the minute finds it). Stored on the item, so that
 * queues and filters compare timestamps in SQL instead of running the calendar per row.
 */
export function dueSoonAt(startedAt: Date, dueAt: Date, calendar: WorkingCalendar, kind: ItemKind, totalMs?: number): Date {
  let lo = startedAt.getTime();
  let hi = dueAt.getTime();
  if (hi <= lo) return new Date(hi);
  const state = (t: number) => deadlineState(new Date(t), startedAt, dueAt, calendar, kind, totalMs ? { totalMs } : {});
  if (state(lo) !== 'ON_TRACK') return new Date(lo);
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (state(mid) === 'ON_TRACK') lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** The state of the clock that runs now, from the stored instants. */
export function stateOf(item: Pick<Item, 'dueAt' | 'dueSoonAt' | 'pausedAt'>, now: Date): DeadlineState | null {
  if (!item.dueAt) return null;
  // A paused clock keeps the state it had when it stopped.
  if (item.pausedAt) now = item.pausedAt;
  if (now.getTime() > item.dueAt.getTime()) return DeadlineState.OVERDUE;
  if (item.dueSoonAt && now.getTime() >= item.dueSoonAt.getTime()) return DeadlineState.DUE_SOON;
  return DeadlineState.ON_TRACK;
}

/** Starts (or restarts) the running clock of an item. */
export function runClock(item: Item, startedAt: Date, dueAt: Date | null | undefined, calendar: WorkingCalendar, totalMs?: number): void {
  item.clockStartedAt = dueAt ? startedAt : undefined;
  item.dueAt = dueAt ?? undefined;
  item.dueSoonAt = dueAt ? dueSoonAt(startedAt, dueAt, calendar, item.kind, totalMs) : undefined;
}

export function stopClock(item: Item): void {
  item.dueAt = undefined;
  item.dueSoonAt = undefined;
  item.clockStartedAt = undefined;
}

/** The deadlines an item gets when it is registered at `at` (docs/domain.md §2). */
export function applyRegistrationClocks(item: Item, at: Date, calendar: WorkingCalendar, messageAnswerDays: number | null): void {
  const p = slaPreview(item.kind, at, { urgent: item.urgent, messageAnswerDays, receivedAt: item.receivedAt }, calendar);
  item.registeredAt = at;
  item.redirectDueAt = p.redirectDueAt ?? undefined;
  item.answerDueAt = p.answerDueAt ?? undefined;
  item.firstReactionDueAt = p.firstReactionDueAt ?? undefined;
  runClock(item, at, item.kind === ItemKind.INCIDENT ? item.firstReactionDueAt : item.answerDueAt, calendar);
}

/** A working day of the standard calendar (8 hours): the unit of the speed of a MESSAGE. */
export const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * Records how fast the item was answered and first reacted to, on the working calendar (docs/kpi.md): working
 * days from registration (or receipt) to the answer, working hours to the first reaction. Cleared when the answer
 * is taken back (a reopened item). Call after any change of `answeredAt` or `firstReactionAt`.
 */
export function measureSpeed(item: Item, calendar: WorkingCalendar): void {
  const start = item.registeredAt ?? item.receivedAt;
  item.answerWorkingDays = item.answeredAt ? Math.max(0, calendar.workingTimeBetween(start, item.answeredAt)) / WORKING_DAY_MS : undefined;
  item.firstReactionWorkingHours = item.firstReactionAt
    ? Math.max(0, calendar.workingTimeBetween(start, item.firstReactionAt)) / 3_600_000
    : undefined;
}
