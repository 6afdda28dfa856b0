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

/*
 * Date fields (UiDateField). A browser's own date input follows the operating system, not the interface: a Russian
 * dashboard on an English system asked for mm/dd/yyyy and 10:44 PM. The dashboard's fields are text typed in the
 * interface language instead, day first and 24-hour (ru `дд.мм.гггг чч:мм`, en `dd/mm/yyyy hh:mm`, as
 * formatDateTime shows dates), and hold the same values a native input did: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` on
 * the wall clock of the municipality, which zonedInputToIso, startOfDayIso and endOfDayIso turn into instants.
 */
export type DateFieldMode = 'date' | 'datetime';

/** What separates day, month and year as the interface language writes them. */
export function dateSeparator(locale: string): string {
  return locale === 'en' ? '/' : '.';
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A field's value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) as the person reads it; empty if there is none or it is malformed. */
export function formatFieldValue(value: string | null | undefined, locale: string, mode: DateFieldMode): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value ?? '');
  if (!m) return '';
  const sep = dateSeparator(locale);
  const date = `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
  if (mode === 'date') return date;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : '';
}

/**
 * What a person typed, as a field's value; null when it is not a whole real date (and, in `datetime` mode, a time).
 * Day first with `.`, `/` or `-` (either language), digits only (`27112026`), or ISO as pasted (`2026-11-27`);
 * the time after a space, a comma or `T`, with `:` or `.`.
 */
export function parseFieldText(text: string, mode: DateFieldMode): string | null {
  const s = text.trim();
  const time = String.raw`(?:[\sT,]+(\d{1,2})[:.](\d{2}))?`;
  const dayFirst = new RegExp(String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4})${time}$`).exec(s);
  const digits = new RegExp(String.raw`^(\d{2})(\d{2})(\d{4})(?:\s*(\d{2}):?(\d{2}))?$`).exec(s);
  const iso = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${time}$`).exec(s);
  let parts: (string | undefined)[];
  if (dayFirst || digits) {
    const m = (dayFirst ?? digits)!;
    parts = [m[3], m[2], m[1], m[4], m[5]];
  } else if (iso) parts = [iso[1], iso[2], iso[3], iso[4], iso[5]];
  else return null;
  const [y, mo, d] = parts.slice(0, 3).map(Number) as [number, number, number];
  if (!isRealDate(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const hasTime = parts[3] !== undefined;
  if (mode === 'date') return hasTime ? null : date;
  if (!hasTime) return null;
  const [h, mi] = [Number(parts[3]), Number(parts[4])];
  if (h > 23 || mi > 59) return null;
  return `${date}T${pad(h)}:${pad(mi)}`;
}

/**
 * The separator a person would type next, added as they type at the end of the field: `27` → `27.`, `27.11` →
 * `27.11.`, and in `datetime` mode `27.11.2026` → `27.11.2026 ` and `27.11.2026 12` → `27.11.2026 12:`. A separator
 * typed by hand where one was just added is not doubled. Anything else is left as typed.
 */
export function withNextSeparator(text: string, locale: string, mode: DateFieldMode): string {
  const sep = dateSeparator(locale);
  if (/[./-][./-]$|  $|::$/.test(text)) return text.slice(0, -1);
  if (/^\d{2}$/.test(text) || /^\d{1,2}[./-]\d{2}$/.test(text)) return text + sep;
  if (mode === 'datetime') {
    if (/^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(text)) return `${text} `;
    if (/^\d{1,2}[./-]\d{1,2}[./-]\d{4} \d{2}$/.test(text)) return `${text}:`;
  }
  return text;
}
