import type { ItemKind } from './clocks.js';
import type { WorkingCalendar } from './working-calendar.js';

export type DeadlineState = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE';

/** How a clock's length and time left are measured for the 20% rule. */
export type ClockMeasure = 'calendar' | 'working';

/** APPEAL clocks run in calendar time; MESSAGE and INCIDENT clocks in working time. */
export function clockMeasure(kind: ItemKind): ClockMeasure {
  return kind === 'APPEAL' ? 'calendar' : 'working';
}

export interface DeadlineStateOptions {
  /** Override the measure implied by the kind (e.g. 'working' for the quality-review clock of an APPEAL). */
  measure?: ClockMeasure;
  /** DUE_SOON below this share of the clock's length left; default 0.2. */
  dueSoonShare?: number;
  /** "1 working day", in ms of working time; default `calendar.workingDayMs` (8 h). */
  dueSoonWorkingMs?: number;
  /** The clock's length in the chosen measure, if not `startedAt`→`dueAt` (e.g. a MESSAGE clock moved by pauses). */
  totalMs?: number;
}

/** Real time left until `dueAt` in ms; negative when overdue. */
export function timeLeft(now: Date, dueAt: Date): number {
  return dueAt.getTime() - now.getTime();
}

/** Working time left until `dueAt` in ms; negative (working time since the due time) when overdue. */
export function workingTimeLeft(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingTimeBetween(now, dueAt);
}

/**
 * ON_TRACK / DUE_SOON / OVERDUE (docs/domain.md §2):
 * - OVERDUE strictly after `dueAt` (at `dueAt` itself the clock is DUE_SOON with zero left).
 * - DUE_SOON when less than 20% of the clock's length is left, measured in calendar time for APPEAL and in working
 *   time for MESSAGE/INCIDENT;
 * - or when less than one working day is left, for every kind measured as working time left (working time between
 *   now and `dueAt`) against `workingDayMs` (8 working hours). This second test applies only to clocks longer than
 *   one working day (of working time): otherwise the 8/4-hour INCIDENT clocks would be DUE_SOON from their start.
 * - a clock whose length is zero or negative is DUE_SOON until it is overdue.
 */
export function deadlineState(
  now: Date,
  startedAt: Date,
  dueAt: Date,
  calendar: WorkingCalendar,
  kind: ItemKind,
  options: DeadlineStateOptions = {},
): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return 'OVERDUE';
  const measure = options.measure ?? clockMeasure(kind);
  const share = options.dueSoonShare ?? 0.2;
  const day = options.dueSoonWorkingMs ?? calendar.workingDayMs;

  const workingLeft = workingTimeLeft(now, dueAt, calendar);
  const left = measure === 'calendar' ? timeLeft(now, dueAt) : workingLeft;
  const total =
    options.totalMs ??
    (measure === 'calendar' ? timeLeft(startedAt, dueAt) : calendar.workingTimeBetween(startedAt, dueAt));
  if (total <= 0) return 'DUE_SOON';
  if (left < share * total) return 'DUE_SOON';

  const totalWorking = measure === 'working' ? total : calendar.workingTimeBetween(startedAt, dueAt);
  if (totalWorking > day && workingLeft < day) return 'DUE_SOON';
  return 'ON_TRACK';
}
