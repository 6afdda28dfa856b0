import { DateTime, Info } from 'luxon';

/**
 * ISO-8601 timestamp of an instant in the municipality's zone, with milliseconds and its offset,
 * e.g. 2026-01-12T23:59:59.000+03:00 for Europe/Volgograd.
 */
export function toZonedIso(date: Date, zone: string): string {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError('not a valid Date');
  if (!Info.isValidIANAZone(zone)) throw new RangeError(`unknown IANA time zone '${zone}'`);
  return DateTime.fromMillis(t, { zone }).toISO({ includeOffset: true, suppressMilliseconds: false })!;
}
