/**
 * Dates are shown in the municipality's time zone (deadlines are counted in it), in the interface language.
 * The server speaks ISO instants in UTC.
 */
export type DateStyle = 'datetime' | 'date' | 'time';

const formats: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  date: { day: '2-digit', month: '2-digit', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
};

export function formatDateTime(
  iso: string | Date | null | undefined,
  locale: string,
  timeZone?: string,
  style: DateStyle = 'datetime',
): string {
  if (!iso) return '';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { ...formats[style], timeZone }).format(date);
  } catch {
    // An unknown time zone: the browser's own is better than nothing.
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', formats[style]).format(date);
  }
}

/** The difference, in ms, between the wall clock in `timeZone` and UTC at `instant`. */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The last second of a calendar day (`YYYY-MM-DD`) in `timeZone`, as an ISO instant. */
export function endOfDayIso(day: string, timeZone?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (!timeZone) return new Date(y, mo, d, 23, 59, 59).toISOString();
  const wall = Date.UTC(y, mo, d, 23, 59, 59);
  const first = wall - timeZoneOffsetMs(wall, timeZone);
  return new Date(wall - timeZoneOffsetMs(first, timeZone)).toISOString();
}

/** An instant for a wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) in `timeZone`, as an ISO string; null if malformed. */
export function zonedInputToIso(value: string, timeZone?: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!timeZone) {
    const local = new Date(y, mo - 1, d, h, mi, s);
    return Number.isNaN(local.getTime()) ? null : local.toISOString();
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = wall - timeZoneOffsetMs(wall, timeZone);
  return new Date(wall - timeZoneOffsetMs(first, timeZone)).toISOString();
}

/** The first instant of a calendar day (`YYYY-MM-DD`) in `timeZone`, as an ISO instant. */
export function startOfDayIso(day: string, timeZone?: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a date: ${day}`);
  return zonedInputToIso(`${day}T00:00`, timeZone)!;
}

/** The wall-clock time of an instant in `timeZone`, as a `datetime-local` input value (`YYYY-MM-DDTHH:mm`). */
export function toZonedInputValue(instant: Date | string, timeZone?: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  const shifted = new Date(date.getTime() + (timeZone ? timeZoneOffsetMs(date.getTime(), timeZone) : -date.getTimezoneOffset() * 60_000));
  return shifted.toISOString().slice(0, 16);
}
