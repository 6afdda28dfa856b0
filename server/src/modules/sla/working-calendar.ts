import { Info, type IANAZone } from 'luxon';
import { ianaZone } from './zoned-iso.js';

/**
 * The working calendar of one municipality: the production calendar (editable data, see
 * `server/data/production-calendar-ru.json`), the municipality's IANA time zone and its working-time settings.
 * Pure: every input is injected; the only state is a per-day cache of working intervals.
 *
 * Local dates are 'YYYY-MM-DD' strings in the municipality's zone; instants are `Date`s.
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** 'missing': the calendar has no data for the year and the engine falls back to the plain weekly rule. */
export type YearStatus = 'official' | 'provisional' | 'missing';

export interface ProductionCalendarYear {
  status: 'official' | 'provisional';
  basis?: string;
  /** Public holidays (informational; also treated as days off). */
  holidays: readonly LocalDate[];
  /** Monday–Friday dates that are not worked (holidays and moved days off). */
  nonWorkingWeekdays: readonly LocalDate[];
  /** Saturday/Sunday dates that are worked. */
  workingWeekends: readonly LocalDate[];
  /** Pre-holiday working days, shorter by `shortenedDayMinutes`. */
  shortened: readonly LocalDate[];
}

export interface ProductionCalendarData {
  years: Readonly<Record<string, ProductionCalendarYear>>;
}

/** Local wall-clock time range, 'HH:mm'–'HH:mm' ('24:00' is allowed as an end). */
export interface TimeRange {
  start: string;
  end: string;
}

export interface WorkingTimeSettings {
  /** ISO weekdays worked when the production calendar says nothing about a date: 1 = Monday … 7 = Sunday. */
  workWeekdays: readonly number[];
  dayStart: string;
  dayEnd: string;
  /** Breaks inside the working day (lunch). */
  breaks: readonly TimeRange[];
  /** A shortened (pre-holiday) day ends this many minutes before `dayEnd`. */
  shortenedDayMinutes: number;
}

export const DEFAULT_WORKING_TIME: Readonly<WorkingTimeSettings> = Object.freeze({
  workWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  dayStart: '08:00',
  dayEnd: '17:00',
  breaks: Object.freeze([Object.freeze({ start: '12:00', end: '13:00' })]),
  shortenedDayMinutes: 60,
});

/** One stretch of working time, as instants. */
export interface WorkingInterval {
  start: Date;
  end: Date;
}

export class CalendarDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid working calendar: ${problems.join('; ')}`);
    this.name = 'CalendarDataError';
  }
}

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;
/** Quarters of an hour whose offset is remembered (about three years' worth), then forgotten all at once. */
const OFFSET_CACHE_MAX = 100_000;
/** A search for the next working day gives up after this many consecutive days without working time. */
const MAX_DAYS_WITHOUT_WORK = 400;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

// ---------------------------------------------------------------------------------------------------------------
// Local-date helpers (zone-free arithmetic on 'YYYY-MM-DD')

function parseLocalDate(d: string): [number, number, number] | null {
  const m = LOCAL_DATE_RE.exec(d);
  if (!m) return null;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, da));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== da) return null;
  return [y, mo, da];
}

function requireLocalDate(d: string): [number, number, number] {
  const p = typeof d === 'string' ? parseLocalDate(d) : null;
  if (!p) throw new RangeError(`not a local date 'YYYY-MM-DD': ${String(d)}`);
  return p;
}

/** The day after each local date asked (the day loops of every deadline step one day at a time). */
const nextDays = new Map<LocalDate, LocalDate>();
const NEXT_DAYS_MAX = 20_000;

/** `d` plus `n` calendar days. */
export function addDaysToLocalDate(d: LocalDate, n: number): LocalDate {
  if (n === 1) {
    const known = nextDays.get(d);
    if (known !== undefined) return known;
  }
  const [y, m, day] = requireLocalDate(d);
  const out = new Date(Date.UTC(y, m - 1, day) + n * DAY_MS).toISOString().slice(0, 10);
  if (n === 1) {
    if (nextDays.size >= NEXT_DAYS_MAX) nextDays.clear();
    nextDays.set(d, out);
  }
  return out;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const [y, m, day] = requireLocalDate(d);
  const w = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  return w === 0 ? 7 : w;
}

function minutesOf(time: string): number | null {
  const m = TIME_RE.exec(time);
  if (!m) return null;
  return m[1] === undefined ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

function requireInstant(date: Date, what: string): number {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not a valid Date`);
  return t;
}

function requireCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading and validation

function stringList(value: unknown, where: string, year: string, problems: string[], required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    problems.push(`${where} must be an array of 'YYYY-MM-DD'`);
    return [];
  }
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string' || !parseLocalDate(v)) problems.push(`${where}: '${String(v)}' is not a valid date`);
    else if (!v.startsWith(`${year}-`)) problems.push(`${where}: ${v} is not in ${year}`);
    else out.push(v);
  }
  return out;
}

/**
 * Validates production-calendar JSON (the shape of `production-calendar-ru.json`) and returns a clean copy.
 * Throws `CalendarDataError` listing every problem.
 */
export function parseProductionCalendar(json: unknown): ProductionCalendarData {
  const problems: string[] = [];
  const years: Record<string, ProductionCalendarYear> = {};
  const root = json as { years?: unknown } | null;
  if (typeof root !== 'object' || root === null || typeof root.years !== 'object' || root.years === null) {
    throw new CalendarDataError(['the calendar must be an object with a "years" object']);
  }
  for (const [year, raw] of Object.entries(root.years as Record<string, unknown>)) {
    if (!/^\d{4}$/.test(year)) {
      problems.push(`years: '${year}' is not a year`);
      continue;
    }
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`years.${year} must be an object`);
      continue;
    }
    const y = raw as Record<string, unknown>;
    if (y.status !== 'official' && y.status !== 'provisional') {
      problems.push(`years.${year}.status must be 'official' or 'provisional'`);
    }
    const entry: ProductionCalendarYear = {
      status: y.status === 'official' ? 'official' : 'provisional',
      holidays: stringList(y.holidays, `years.${year}.holidays`, year, problems, false),
      nonWorkingWeekdays: stringList(y.nonWorkingWeekdays, `years.${year}.nonWorkingWeekdays`, year, problems, true),
      workingWeekends: stringList(y.workingWeekends, `years.${year}.workingWeekends`, year, problems, true),
      shortened: stringList(y.shortened, `years.${year}.shortened`, year, problems, true),
    };
    if (typeof y.basis === 'string') entry.basis = y.basis;
    const off = new Set([...entry.holidays, ...entry.nonWorkingWeekdays]);
    for (const d of entry.workingWeekends) {
      if (off.has(d)) problems.push(`years.${year}: ${d} is both a day off and a working weekend`);
    }
    years[year] = entry;
  }
  if (problems.length) throw new CalendarDataError(problems);
  return { years };
}

function resolveWorkingTime(overrides: Partial<WorkingTimeSettings> | undefined): {
  settings: WorkingTimeSettings;
  normal: [number, number][];
  shortened: [number, number][];
} {
  const s: WorkingTimeSettings = { ...DEFAULT_WORKING_TIME, ...(overrides ?? {}) };
  const problems: string[] = [];
  const weekdays = [...new Set(s.workWeekdays)];
  if (!weekdays.length || weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) {
    problems.push('workWeekdays must be a non-empty list of ISO weekdays 1..7');
  }
  const start = minutesOf(s.dayStart);
  const end = minutesOf(s.dayEnd);
  if (start === null || end === null || start >= end) problems.push('dayStart and dayEnd must be HH:mm with dayStart < dayEnd');
  const breaks: [number, number][] = [];
  for (const b of s.breaks) {
    const bs = minutesOf(b.start);
    const be = minutesOf(b.end);
    if (bs === null || be === null || bs >= be) problems.push(`break ${b.start}-${b.end} must be HH:mm with start < end`);
    else breaks.push([bs, be]);
  }
  if (!Number.isInteger(s.shortenedDayMinutes) || s.shortenedDayMinutes < 0) {
    problems.push('shortenedDayMinutes must be a non-negative integer');
  }
  if (problems.length) throw new CalendarDataError(problems);

  const cut = (from: number, to: number): [number, number][] => {
    let parts: [number, number][] = from < to ? [[from, to]] : [];
    for (const [bs, be] of breaks) {
      parts = parts.flatMap(([ps, pe]): [number, number][] => {
        if (be <= ps || bs >= pe) return [[ps, pe]];
        const out: [number, number][] = [];
        if (bs > ps) out.push([ps, bs]);
        if (be < pe) out.push([be, pe]);
        return out;
      });
    }
    return parts;
  };
  const normal = cut(start!, end!);
  const shortened = cut(start!, end! - s.shortenedDayMinutes);
  if (!shortened.length) problems.push('a shortened day would have no working time left');
  if (problems.length) throw new CalendarDataError(problems);
  return { settings: { ...s, workWeekdays: weekdays, breaks: s.breaks.map((b) => ({ ...b })) }, normal, shortened };
}

interface CompiledYear {
  status: 'official' | 'provisional';
  off: Set<string>;
  workingWeekends: Set<string>;
  shortened: Set<string>;
}

const STATUS_RANK: Record<YearStatus, number> = { official: 0, provisional: 1, missing: 2 };

/** The worse of two year statuses ('missing' > 'provisional' > 'official'). */
export function worseYearStatus(a: YearStatus, b: YearStatus): YearStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

// ---------------------------------------------------------------------------------------------------------------

export class WorkingCalendar {
  readonly zone: string;
  /** The zone as luxon's object, made once (a zone's name is checked anew by every luxon call given it). */
  private readonly tz: IANAZone;
  readonly settings: Readonly<WorkingTimeSettings>;
  /** Working time of an ordinary (not shortened) working day, in ms: 8 h with the defaults. */
  readonly workingDayMs: number;

  private readonly years = new Map<string, CompiledYear>();
  private readonly workWeekdays: Set<number>;
  private readonly normalMinutes: [number, number][];
  private readonly shortenedMinutes: [number, number][];
  private readonly intervalCache = new Map<string, readonly (readonly [number, number])[]>();
  private readonly workingDayCache = new Map<LocalDate, boolean>();
  /** The zone's UTC offset (minutes) per quarter of an hour of UTC: offsets change only at such instants. */
  private readonly offsetCache = new Map<number, number>();

  constructor(data: ProductionCalendarData, zone: string, workingTime?: Partial<WorkingTimeSettings>) {
    if (typeof zone !== 'string' || !Info.isValidIANAZone(zone)) {
      throw new CalendarDataError([`unknown IANA time zone '${String(zone)}'`]);
    }
    this.zone = zone;
    this.tz = ianaZone(zone);
    const parsed = parseProductionCalendar(data);
    for (const [year, y] of Object.entries(parsed.years)) {
      this.years.set(year, {
        status: y.status,
        off: new Set([...y.holidays, ...y.nonWorkingWeekdays]),
        workingWeekends: new Set(y.workingWeekends),
        shortened: new Set(y.shortened),
      });
    }
    const wt = resolveWorkingTime(workingTime);
    this.settings = Object.freeze(wt.settings);
    this.workWeekdays = new Set(wt.settings.workWeekdays);
    this.normalMinutes = wt.normal;
    this.shortenedMinutes = wt.shortened;
    this.workingDayMs = wt.normal.reduce((sum, [s, e]) => sum + (e - s) * 60_000, 0);
  }

  /** Whether the calendar knows the year, and how firmly. */
  yearStatus(year: number | string): YearStatus {
    return this.years.get(String(year))?.status ?? 'missing';
  }

  /** The worst year status over the local years from `from` to `to` (inclusive, either order). */
  yearStatusBetween(from: Date, to: Date): YearStatus {
    let a = Number(this.localDate(from).slice(0, 4));
    let b = Number(this.localDate(to).slice(0, 4));
    if (a > b) [a, b] = [b, a];
    let worst: YearStatus = 'official';
    for (let y = a; y <= b; y++) worst = worseYearStatus(worst, this.yearStatus(y));
    return worst;
  }

  /** The local date of an instant in the municipality's zone. */
  localDate(instant: Date): LocalDate {
    const t = requireInstant(instant, 'instant');
    return new Date(t + this.offsetAt(t) * 60_000).toISOString().slice(0, 10);
  }

  /**
   * The zone's offset from UTC at an instant, in minutes. Asking the zone (luxon, Intl) costs tens of microseconds
   * a call and deadlines ask it for every day they pass; offsets change only at whole quarters of an hour (UTC), so
   * each quarter is asked once.
   */
  private offsetAt(ms: number): number {
    const quarter = Math.floor(ms / QUARTER_MS);
    let offset = this.offsetCache.get(quarter);
    if (offset === undefined) {
      if (this.offsetCache.size >= OFFSET_CACHE_MAX) this.offsetCache.clear();
      offset = this.tz.offset(quarter * QUARTER_MS);
      this.offsetCache.set(quarter, offset);
    }
    return offset;
  }

  /**
   * The instant of a local wall-clock time in the zone, as luxon computes it (its `fixOffset`): the offset guessed,
   * checked at the instant it gives, corrected once; a time in a gap moves forward.
   */
  private instantOfLocal(y: number, m: number, d: number, hour: number, minute: number, second: number): number {
    const local = Date.UTC(y, m - 1, d, hour, minute, second);
    const guess = this.offsetAt(local);
    let utc = local - guess * 60_000;
    const o2 = this.offsetAt(utc);
    if (o2 === guess) return utc;
    utc -= (o2 - guess) * 60_000;
    const o3 = this.offsetAt(utc);
    if (o2 === o3) return utc;
    return local - Math.min(o2, o3) * 60_000;
  }

  isWorkingDay(date: LocalDate): boolean {
    const known = this.workingDayCache.get(date);
    if (known !== undefined) return known;
    requireLocalDate(date);
    const y = this.years.get(date.slice(0, 4));
    const working = y?.off.has(date) ? false : y?.workingWeekends.has(date) ? true : this.workWeekdays.has(isoWeekday(date));
    if (this.workingDayCache.size >= OFFSET_CACHE_MAX) this.workingDayCache.clear();
    this.workingDayCache.set(date, working);
    return working;
  }

  /** A working day that the calendar marks as pre-holiday (shortened). */
  isShortenedDay(date: LocalDate): boolean {
    return this.isWorkingDay(date) && (this.years.get(date.slice(0, 4))?.shortened.has(date) ?? false);
  }

  /** `date` itself if it is a working day, else the next working day. */
  sameOrNextWorkingDay(date: LocalDate): LocalDate {
    let d = date;
    for (let i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++) {
      if (this.isWorkingDay(d)) return d;
      d = addDaysToLocalDate(d, 1);
    }
    throw new CalendarDataError([`no working day within ${MAX_DAYS_WITHOUT_WORK} days from ${date}`]);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.sameOrNextWorkingDay(addDaysToLocalDate(date, 1));
  }

  /** The working intervals of a local day, as instants, in order; empty for a day off. */
  workingIntervals(date: LocalDate): WorkingInterval[] {
    return this.intervalsMs(date).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
  }

  /** The end of working time of a working day (17:00, or 16:00 when shortened, with the defaults). */
  endOfWorkingDay(date: LocalDate): Date {
    const iv = this.intervalsMs(date);
    if (!iv.length) throw new RangeError(`${date} is not a working day`);
    return new Date(iv[iv.length - 1]![1]);
  }

  /**
   * "N calendar days from day D": 23:59:59 local on D+N, where D is the local date of `from`; if D+N is a day
   * off, 23:59:59 of the next working day.
   */
  addCalendarDays(from: Date, n: number): Date {
    requireCount(n, 'n');
    const day = this.sameOrNextWorkingDay(addDaysToLocalDate(this.localDate(from), n));
    const [y, m, d] = requireLocalDate(day);
    return new Date(this.instantOfLocal(y, m, d, 23, 59, 59));
  }

  /**
   * "N working days from day D": the end of working time of the N-th working day after D (D not counted), where D
   * is the local date of `from`. n = 0 means the end of working time of D, or of the next working day if D is off.
   */
  addWorkingDays(from: Date, n: number): Date {
    requireCount(n, 'n');
    let day = this.localDate(from);
    if (n === 0) day = this.sameOrNextWorkingDay(day);
    for (let i = 0; i < n; i++) day = this.nextWorkingDay(day);
    return this.endOfWorkingDay(day);
  }

  /**
   * Adds `ms` of working time to `from`. Outside working time the clock starts at the next start of working
   * time; a deadline that uses up an interval exactly ends at that interval's end (e.g. 17:00, not 08:00 next day).
   */
  addWorkingTime(from: Date, ms: number): Date {
    let cursor = requireInstant(from, 'from');
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a non-negative number, got ${ms}`);
    let remaining = ms;
    let day = this.localDate(from);
    let idle = 0;
    for (;;) {
      const iv = this.intervalsMs(day);
      for (const [s, e] of iv) {
        if (e <= cursor) continue;
        const start = Math.max(s, cursor);
        const available = e - start;
        if (remaining <= available) return new Date(start + remaining);
        remaining -= available;
        cursor = e;
      }
      idle = iv.length ? 0 : idle + 1;
      if (idle > MAX_DAYS_WITHOUT_WORK) {
        throw new CalendarDataError([`no working time within ${MAX_DAYS_WITHOUT_WORK} days after ${day}`]);
      }
      day = addDaysToLocalDate(day, 1);
    }
  }

  /** `addWorkingTime` in hours ("N working hours from instant T"). */
  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingTime(from, Math.round(hours * 3_600_000));
  }

  /** Working time between two instants, in ms; negative when `b` is before `a`. */
  workingTimeBetween(a: Date, b: Date): number {
    const ta = requireInstant(a, 'a');
    const tb = requireInstant(b, 'b');
    if (tb < ta) return 0 - this.workingTimeBetween(b, a);
    let total = 0;
    const last = this.localDate(b);
    for (let day = this.localDate(a); day <= last; day = addDaysToLocalDate(day, 1)) {
      for (const [s, e] of this.intervalsMs(day)) {
        const from = Math.max(s, ta);
        const to = Math.min(e, tb);
        if (to > from) total += to - from;
      }
    }
    return total;
  }

  private intervalsMs(date: LocalDate): readonly (readonly [number, number])[] {
    const cached = this.intervalCache.get(date);
    if (cached) return cached;
    let out: (readonly [number, number])[] = [];
    if (this.isWorkingDay(date)) {
      const minutes = this.isShortenedDay(date) ? this.shortenedMinutes : this.normalMinutes;
      out = minutes.map(([s, e]) => [this.instantAt(date, s), this.instantAt(date, e)] as const);
    }
    const frozen = Object.freeze(out);
    this.intervalCache.set(date, frozen);
    return frozen;
  }

  /** The instant of local wall-clock minute `minute` (0..1440) of `date` in the zone. */
  private instantAt(date: LocalDate, minute: number): number {
    if (minute >= 24 * 60) return this.instantAt(addDaysToLocalDate(date, 1), minute - 24 * 60);
    const [y, m, d] = requireLocalDate(date);
    return this.instantOfLocal(y, m, d, Math.floor(minute / 60), minute % 60, 0);
  }
}

/**
 * Builds a `WorkingCalendar` from production-calendar JSON (validated; throws `CalendarDataError`),
 * a municipality's IANA zone and optional working-time settings.
 */
export function calendarFromJson(
  json: unknown,
  zone: string,
  workingTime?: Partial<WorkingTimeSettings>,
): WorkingCalendar {
  return new WorkingCalendar(parseProductionCalendar(json), zone, workingTime);
}
