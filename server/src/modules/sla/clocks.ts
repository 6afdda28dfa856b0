import type { WorkingCalendar, YearStatus } from './working-calendar.js';

/** The deadline clocks of docs/domain.md §2, as pure functions of instants, a calendar and settings. */

export type ItemKind = 'APPEAL' | 'MESSAGE' | 'INCIDENT';

export type ClockName =
  | 'registration'
  | 'redirect'
  | 'answer'
  | 'extension'
  | 'firstReaction'
  | 'finalAnswer'
  | 'qualityReview';

export interface SlaSettings {
  /** APPEAL: registration, calendar days from receipt (law: at most 3). */
  appealRegistrationCalendarDays: number;
  /** APPEAL: forwarding to the competent body, calendar days from registration (law: at most 7). */
  appealRedirectCalendarDays: number;
  /** APPEAL: answer, calendar days from registration (law: at most 30). */
  appealAnswerCalendarDays: number;
  /** APPEAL: the one extension, at most this many calendar days on top of the answer deadline (law: at most 30). */
  appealMaxExtensionCalendarDays: number;
  /** MESSAGE: answer, working days from registration (a category may override it). */
  messageAnswerWorkingDays: number;
  /** MESSAGE: answer of an urgent item, working days from registration. */
  messageUrgentAnswerWorkingDays: number;
  /** INCIDENT: first reaction, working hours from registration. */
  incidentFirstReactionWorkingHours: number;
  /** INCIDENT: first reaction of an urgent item, working hours from registration. */
  incidentUrgentFirstReactionWorkingHours: number;
  /** INCIDENT: final answer, working days from the interim answer. */
  incidentFinalAnswerWorkingDays: number;
  /** All kinds: quality review, working days from the answer draft. */
  qualityReviewWorkingDays: number;
}

export const DEFAULT_SLA_SETTINGS: Readonly<SlaSettings> = Object.freeze({
  appealRegistrationCalendarDays: 3,
  appealRedirectCalendarDays: 7,
  appealAnswerCalendarDays: 30,
  appealMaxExtensionCalendarDays: 30,
  messageAnswerWorkingDays: 10,
  messageUrgentAnswerWorkingDays: 1,
  incidentFirstReactionWorkingHours: 8,
  incidentUrgentFirstReactionWorkingHours: 4,
  incidentFinalAnswerWorkingDays: 7,
  qualityReviewWorkingDays: 1,
});

/** Limits set by 59-ФЗ: a municipality may be stricter, never looser. */
export const LAW_MAX_SLA: Readonly<
  Pick<
    SlaSettings,
    | 'appealRegistrationCalendarDays'
    | 'appealRedirectCalendarDays'
    | 'appealAnswerCalendarDays'
    | 'appealMaxExtensionCalendarDays'
  >
> = Object.freeze({
  appealRegistrationCalendarDays: 3,
  appealRedirectCalendarDays: 7,
  appealAnswerCalendarDays: 30,
  appealMaxExtensionCalendarDays: 30,
});

export type SlaRuleErrorCode =
  | 'INVALID_SLA_SETTINGS'
  | 'EXTENSION_NOT_ALLOWED'
  | 'EXTENSION_ALREADY_USED'
  | 'EXTENSION_OUT_OF_RANGE';

export class SlaRuleError extends Error {
  constructor(
    readonly code: SlaRuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SlaRuleError';
  }
}

const HOUR_SETTINGS: ReadonlySet<keyof SlaSettings> = new Set<keyof SlaSettings>([
  'incidentFirstReactionWorkingHours',
  'incidentUrgentFirstReactionWorkingHours',
]);

/**
 * Defaults overlaid with `overrides`, validated: day counts are positive integers, hour counts positive numbers,
 * APPEAL values within the law. Throws `SlaRuleError('INVALID_SLA_SETTINGS')`.
 */
export function resolveSlaSettings(overrides?: Partial<SlaSettings> | null): SlaSettings {
  const s: SlaSettings = { ...DEFAULT_SLA_SETTINGS };
  for (const [key, value] of Object.entries(overrides ?? {}) as [keyof SlaSettings, number | undefined][]) {
    if (value !== undefined) s[key] = value;
  }
  const problems: string[] = [];
  for (const key of Object.keys(DEFAULT_SLA_SETTINGS) as (keyof SlaSettings)[]) {
    const v = s[key];
    const ok = HOUR_SETTINGS.has(key) ? Number.isFinite(v) && v > 0 : Number.isInteger(v) && v >= 1;
    if (!ok) problems.push(`${key} must be ${HOUR_SETTINGS.has(key) ? 'a positive number' : 'a positive integer'}`);
  }
  for (const [key, max] of Object.entries(LAW_MAX_SLA) as [keyof typeof LAW_MAX_SLA, number][]) {
    if (s[key] > max) problems.push(`${key} cannot exceed ${max} (59-ФЗ)`);
  }
  if (problems.length) throw new SlaRuleError('INVALID_SLA_SETTINGS', problems.join('; '));
  return s;
}

function positiveIntegerOrNull(n: number | null | undefined, what: string): number | null {
  if (n === null || n === undefined) return null;
  if (!Number.isInteger(n) || n < 1) throw new SlaRuleError('INVALID_SLA_SETTINGS', `${what} must be a positive integer`);
  return n;
}

// --- APPEAL (59-ФЗ, calendar days, never paused) ------------------------------------------------------------------

/** Registration deadline of an APPEAL: N calendar days from the day of receipt. */
export function appealRegistrationDueAt(receivedAt: Date, calendar: WorkingCalendar, settings?: Partial<SlaSettings>): Date {
  return calendar.addCalendarDays(receivedAt, resolveSlaSettings(settings).appealRegistrationCalendarDays);
}

/** Deadline to forward an APPEAL outside the municipality's competence: N calendar days from registration. */
export function appealRedirectDueAt(registeredAt: Date, calendar: WorkingCalendar, settings?: Partial<SlaSettings>): Date {
  return calendar.addCalendarDays(registeredAt, resolveSlaSettings(settings).appealRedirectCalendarDays);
}

/** Answer deadline of an APPEAL: N calendar days from registration. */
export function appealAnswerDueAt(registeredAt: Date, calendar: WorkingCalendar, settings?: Partial<SlaSettings>): Date {
  return calendar.addCalendarDays(registeredAt, resolveSlaSettings(settings).appealAnswerCalendarDays);
}

export interface AppealExtensionInput {
  kind: ItemKind;
  /** The answer deadline currently in force (already moved off a day off, if it was). */
  answerDueAt: Date;
  /** Calendar days to add, 1..appealMaxExtensionCalendarDays. */
  days: number;
  /** Whether the item was already extended once. */
  alreadyExtended: boolean;
}

/**
 * The answer deadline of an APPEAL after its one extension: `days` calendar days counted from the local day of the
 * deadline in force, landing on a day off moves to 23:59:59 of the next working day. Refuses (SlaRuleError) a
 * second extension, an extension of another kind, and a number of days outside 1..max.
 */
export function appealExtendedDueAt(
  input: AppealExtensionInput,
  calendar: WorkingCalendar,
  settings?: Partial<SlaSettings>,
): Date {
  const s = resolveSlaSettings(settings);
  if (input.kind !== 'APPEAL') {
    throw new SlaRuleError('EXTENSION_NOT_ALLOWED', `only an APPEAL can be extended, not a ${input.kind}`);
  }
  if (input.alreadyExtended) throw new SlaRuleError('EXTENSION_ALREADY_USED', 'an appeal can be extended only once');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > s.appealMaxExtensionCalendarDays) {
    throw new SlaRuleError(
      'EXTENSION_OUT_OF_RANGE',
      `an extension is 1..${s.appealMaxExtensionCalendarDays} calendar days, got ${input.days}`,
    );
  }
  return calendar.addCalendarDays(input.answerDueAt, input.days);
}

// --- MESSAGE (working days) ---------------------------------------------------------------------------------------

export interface MessageAnswerOptions {
  urgent?: boolean;
  /** The category's override of `messageAnswerWorkingDays`; null/undefined = the default. */
  messageAnswerDays?: number | null;
}

/**
 * Answer deadline of a MESSAGE: N working days from registration (category override, else the default); an urgent
 * item gets the urgent number, but never more than the non-urgent one.
 */
export function messageAnswerDueAt(
  registeredAt: Date,
  opts: MessageAnswerOptions,
  calendar: WorkingCalendar,
  settings?: Partial<SlaSettings>,
): Date {
  const s = resolveSlaSettings(settings);
  const normal = positiveIntegerOrNull(opts.messageAnswerDays, 'messageAnswerDays') ?? s.messageAnswerWorkingDays;
  const days = opts.urgent ? Math.min(s.messageUrgentAnswerWorkingDays, normal) : normal;
  return calendar.addWorkingDays(registeredAt, days);
}

// --- INCIDENT (working hours / working days) ----------------------------------------------------------------------

/** First-reaction deadline of an INCIDENT: N working hours from registration (urgent: the shorter urgent number). */
export function incidentFirstReactionDueAt(
  registeredAt: Date,
  opts: { urgent?: boolean },
  calendar: WorkingCalendar,
  settings?: Partial<SlaSettings>,
): Date {
  const s = resolveSlaSettings(settings);
  const hours = opts.urgent
    ? Math.min(s.incidentUrgentFirstReactionWorkingHours, s.incidentFirstReactionWorkingHours)
    : s.incidentFirstReactionWorkingHours;
  return calendar.addWorkingHours(registeredAt, hours);
}

/** Final-answer deadline of an INCIDENT: N working days from the published interim answer. */
export function incidentFinalAnswerDueAt(
  interimAnsweredAt: Date,
  calendar: WorkingCalendar,
  settings?: Partial<SlaSettings>,
): Date {
  return calendar.addWorkingDays(interimAnsweredAt, resolveSlaSettings(settings).incidentFinalAnswerWorkingDays);
}

// --- all kinds ----------------------------------------------------------------------------------------------------

/** Quality-review deadline: N working days from the answer draft. */
export function qualityReviewDueAt(draftAt: Date, calendar: WorkingCalendar, settings?: Partial<SlaSettings>): Date {
  return calendar.addWorkingDays(draftAt, resolveSlaSettings(settings).qualityReviewWorkingDays);
}

export interface SlaPreviewOptions {
  urgent?: boolean;
  messageAnswerDays?: number | null;
  /** APPEAL: when it was received; the registration clock counts from it. Defaults to `registeredAt`. */
  receivedAt?: Date;
}

export interface SlaPreview {
  registrationDueAt: Date | null;
  redirectDueAt: Date | null;
  answerDueAt: Date | null;
  firstReactionDueAt: Date | null;
  /**
   * The worst calendar status over the years from receipt/registration to the latest deadline: 'provisional' or
   * 'missing' means a deadline may move once the calendar is confirmed (show a warning).
   */
  calendarStatus: YearStatus;
}

/**
 * The deadlines an item gets at registration. APPEAL: registration, redirect and answer; MESSAGE: answer;
 * INCIDENT: first reaction (its final-answer clock starts only with an interim answer, so `answerDueAt` is null).
 */
export function slaPreview(
  kind: ItemKind,
  registeredAt: Date,
  opts: SlaPreviewOptions,
  calendar: WorkingCalendar,
  settings?: Partial<SlaSettings>,
): SlaPreview {
  const s = resolveSlaSettings(settings);
  const out: Omit<SlaPreview, 'calendarStatus'> = {
    registrationDueAt: null,
    redirectDueAt: null,
    answerDueAt: null,
    firstReactionDueAt: null,
  };
  let start = registeredAt;
  switch (kind) {
    case 'APPEAL':
      start = opts.receivedAt ?? registeredAt;
      out.registrationDueAt = appealRegistrationDueAt(start, calendar, s);
      out.redirectDueAt = appealRedirectDueAt(registeredAt, calendar, s);
      out.answerDueAt = appealAnswerDueAt(registeredAt, calendar, s);
      break;
    case 'MESSAGE':
      out.answerDueAt = messageAnswerDueAt(registeredAt, opts, calendar, s);
      break;
    case 'INCIDENT':
      out.firstReactionDueAt = incidentFirstReactionDueAt(registeredAt, opts, calendar, s);
      break;
    default: {
      const never: never = kind;
      throw new RangeError(`unknown item kind ${String(never)}`);
    }
  }
  const dues = Object.values(out).filter((d): d is Date => d !== null);
  const latest = new Date(Math.max(...dues.map((d) => d.getTime())));
  const earliest = start.getTime() < registeredAt.getTime() ? start : registeredAt;
  return { ...out, calendarStatus: calendar.yearStatusBetween(earliest, latest) };
}
