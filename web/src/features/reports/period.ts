import type { ReportKind } from '../../gql/graphql';
import { addDays, addMonths } from '../analytics/period';

/**
 * The periods of reports, as dates of the municipality (YYYY-MM-DD; never instants, so the machine's time zone
 * plays no part): a week from Monday to Sunday, a calendar month. `today` is the municipality's date.
 */
export type ReportPeriod = {
  /** The first day, the `periodStart` of generateReport. */
  start: string;
  /** The last day (inclusive). */
  last: string;
  /** The period has not ended yet (today is in it). */
  current: boolean;
};

/** The Monday of the week of a day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The last day of a period that starts on `start`. */
export function lastDayOf(kind: ReportKind, start: string): string {
  return kind === 'WEEKLY' ? addDays(start, 6) : addDays(addMonths(start, 1), -1);
}

/** The periods a report may be generated for: the current one (not ended) and `count - 1` before it, newest first. */
export function reportPeriods(kind: ReportKind, today: string, count = kind === 'WEEKLY' ? 26 : 24): ReportPeriod[] {
  const first = kind === 'WEEKLY' ? mondayOf(today) : `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => {
    const start = kind === 'WEEKLY' ? addDays(first, -7 * i) : addMonths(first, -i);
    return { start, last: lastDayOf(kind, start), current: i === 0 };
  });
}

/** The last period that has ended: what a report is usually wanted for. */
export function lastEndedPeriod(kind: ReportKind, today: string): ReportPeriod {
  return reportPeriods(kind, today, 2)[1]!;
}

/** A municipal day (YYYY-MM-DD) as the interface writes dates. */
export function dayText(day: string): string {
  return day.split('-').reverse().join('.');
}

/** The name of a month with its year ("Ноябрь 2026", "November 2026"), from its first day. */
export function monthText(start: string, locale: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const month = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${month.charAt(0).toLocaleUpperCase(locale)}${month.slice(1)} ${y}`;
}

/** The period of a report in words: a month by its name, a week by its days (`periodTo` is the day after). */
export function periodText(kind: ReportKind, periodFrom: string, periodTo: string, locale: string): string {
  const last = addDays(periodTo, -1);
  return kind === 'MONTHLY' ? monthText(periodFrom, locale) : `${dayText(periodFrom)} — ${dayText(last)}`;
}

/** A file size in bytes, kilobytes or megabytes, as the unit and the number to put into it. */
export function sizeParts(bytes: number): { unit: 'b' | 'kb' | 'mb'; value: number } {
  if (bytes < 1024) return { unit: 'b', value: bytes };
  if (bytes < 1024 * 1024) return { unit: 'kb', value: Math.round(bytes / 1024) };
  return { unit: 'mb', value: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}
