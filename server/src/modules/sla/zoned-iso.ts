import { DateTime, IANAZone } from 'luxon';

/**
 * A municipality's IANA zone as luxon's zone object, checked and made once per name: given a zone's name, every
 * luxon call checks it anew through `Intl.DateTimeFormat`, which was the most costly part of an SLA preview.
 * Throws for a name that is not a zone.
 */
const zones = new Map<string, IANAZone>();
export function ianaZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (typeof name !== 'string' || !IANAZone.isValidZone(name)) throw new RangeError(`unknown IANA time zone '${String(name)}'`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * ISO-8601 timestamp of an instant in the municipality's zone, with milliseconds and its offset,
 * e.g. 2026-01-12T23:59:59.000+03:00 for Europe/Volgograd.
 */
export function toZonedIso(date: Date, zone: string): string {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError('not a valid Date');
  return DateTime.fromMillis(t, { zone: ianaZone(zone) }).toISO({ includeOffset: true, suppressMilliseconds: false })!;
}
