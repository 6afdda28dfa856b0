import type { KpiBucket } from '../../gql/graphql';
import { startOfDayIso, toZonedInputValue } from '../../ui';

/**
 * The periods the analytics offer, as the half-open [from, to) of instants the KPI API reads, in whole days of
 * the municipality (its time zone, never the browser's). A period that has not ended yet runs until now (to the
 * next whole minute), so a month so far is compared with the same length just before it, and targets per month
 * are prorated to what has passed.
 */
export type PeriodPreset = 'month' | 'last-month' | 'quarter' | 'year' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['month', 'last-month', 'quarter', 'year', 'custom'];

export type Period = {
  /** ISO instants, [from, to). */
  from: string;
  to: string;
  /** The municipality's first and last day of the period (inclusive), YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** The period has not ended: it runs until now. */
  ongoing: boolean;
  /** The period of the same length just before it (the `previous` of the figures). */
  previousFrom: string;
};

/** The server's longest period (kpi.service.ts). */
export const MAX_PERIOD_DAYS = 3 * 366;
/** The server's most buckets of a series. */
export const MAX_BUCKETS = 400;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The municipality's date of an instant. */
export function localDay(instant: Date | number | string, timeZone?: string): string {
  return toZonedInputValue(instant instanceof Date ? instant : new Date(instant), timeZone).slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `n` months after the month of `day`. */
export function addMonths(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The first and the day after the last day of a preset, around today. */
function presetDays(preset: Exclude<PeriodPreset, 'custom'>, today: string): [string, string] {
  const month = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'month':
      return [month, addMonths(month, 1)];
    case 'last-month':
      return [addMonths(month, -1), month];
    case 'quarter': {
      const m = Number(today.slice(5, 7));
      const first = addMonths(`${today.slice(0, 4)}-01-01`, Math.floor((m - 1) / 3) * 3);
      return [first, addMonths(first, 3)];
    }
    case 'year':
      return [`${today.slice(0, 4)}-01-01`, `${Number(today.slice(0, 4)) + 1}-01-01`];
  }
}

/**
 * The period of a preset at `now` in `timeZone`; a custom one from its first to its last day (inclusive). Null
 * for a custom period that is incomplete, reversed, in the future or longer than the server allows.
 */
export function periodOf(preset: PeriodPreset, now: Date, timeZone?: string, custom: { from?: string; to?: string } = {}): Period | null {
  const today = localDay(now, timeZone);
  let first: string;
  let end: string;
  if (preset === 'custom') {
    if (!custom.from || !custom.to || !isDay(custom.from) || !isDay(custom.to) || custom.to < custom.from || custom.from > today) return null;
    first = custom.from;
    end = addDays(custom.to, 1);
  } else {
    [first, end] = presetDays(preset, today);
  }
  const fromMs = new Date(startOfDayIso(first, timeZone)).getTime();
  let toMs = new Date(startOfDayIso(end, timeZone)).getTime();
  // Not ended yet: until now, to the next whole minute (so that `to` is after `from` even at midnight).
  const ongoing = toMs > now.getTime();
  if (ongoing) toMs = Math.floor(now.getTime() / 60_000) * 60_000 + 60_000;
  if ((toMs - fromMs) / DAY_MS > MAX_PERIOD_DAYS) return null;
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    firstDay: first,
    lastDay: localDay(toMs - 1, timeZone),
    ongoing,
    previousFrom: new Date(fromMs - (toMs - fromMs)).toISOString(),
  };
}

/** Days a period spans (fractions for one that runs until now). */
export function periodDays(period: Pick<Period, 'from' | 'to'>): number {
  return (new Date(period.to).getTime() - new Date(period.from).getTime()) / DAY_MS;
}

/** The buckets a series of the period may use: days only while there are at most MAX_BUCKETS of them. */
export function bucketsFor(period: Pick<Period, 'from' | 'to'>): KpiBucket[] {
  const days = Math.ceil(periodDays(period));
  return [...(days + 1 <= MAX_BUCKETS ? (['DAY'] as const) : []), 'WEEK', 'MONTH'];
}

/** Days up to a month and a half, weeks up to half a year, else months. */
export function defaultBucket(period: Pick<Period, 'from' | 'to'>): KpiBucket {
  const days = periodDays(period);
  return days <= 45 ? 'DAY' : days <= 200 ? 'WEEK' : 'MONTH';
}
