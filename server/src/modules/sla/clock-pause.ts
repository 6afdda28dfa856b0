import type { ClockName, ItemKind } from './clocks.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * Pausing (docs/domain.md §2): only the answer clock of a MESSAGE pauses, while the item is WAITING_CITIZEN, and resumes
 * with the working time it had left. The clocks of an APPEAL never pause (59-ФЗ); INCIDENT clocks do not pause.
 */

/** Whether `clock` of an item of `kind` pauses while the item waits for the citizen. */
export function clockPauses(kind: ItemKind, clock: ClockName = 'answer'): boolean {
  return kind === 'MESSAGE' && clock === 'answer';
}

/** Working time (ms) a clock had left at the pause; zero or negative when it was already due or overdue. */
export function workingTimeLeftAtPause(dueAt: Date, pausedAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingTimeBetween(pausedAt, dueAt);
}

/**
 * The due time after a pause from `pausedAt` to `resumedAt`: the working time left at the pause, added from the
 * resume (starting at the next start of working time if the resume is outside it).
 * - A clock that does not pause (every APPEAL clock, by law; INCIDENT clocks) keeps `dueAt` unchanged.
 * - A clock that was already at or past its due time when paused keeps `dueAt` (a pause does not rescue it).
 * Several pauses are applied one after the other. Throws RangeError when `resumedAt` is before `pausedAt`.
 */
export function dueAfterPause(
  kind: ItemKind,
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
  clock: ClockName = 'answer',
): Date {
  if (resumedAt.getTime() < pausedAt.getTime()) throw new RangeError('resumedAt is before pausedAt');
  if (!clockPauses(kind, clock)) return new Date(dueAt.getTime());
  const left = workingTimeLeftAtPause(dueAt, pausedAt, calendar);
  if (left <= 0) return new Date(dueAt.getTime());
  return calendar.addWorkingTime(resumedAt, left);
}
