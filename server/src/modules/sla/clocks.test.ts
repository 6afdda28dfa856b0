import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLA_SETTINGS,
  SlaRuleError,
  appealAnswerDueAt,
  appealExtendedDueAt,
  appealRedirectDueAt,
  appealRegistrationDueAt,
  incidentFinalAnswerDueAt,
  incidentFirstReactionDueAt,
  messageAnswerDueAt,
  qualityReviewDueAt,
  resolveSlaSettings,
  slaPreview,
} from './clocks.js';
import { calendarFromJson } from './working-calendar.js';
import { toZonedIso } from './zoned-iso.js';

// Expected values are worked out by hand from server/data/production-calendar-ru.json (see the reading aid in
// working-calendar.test.ts) and docs/domain.md §2. Europe/Volgograd = UTC+3.

const ZONE = 'Europe/Volgograd';
const json: unknown = JSON.parse(readFileSync(new URL('../../../data/production-calendar-ru.json', import.meta.url), 'utf8'));
const cal = calendarFromJson(json, ZONE);
const at = (iso: string) => new Date(iso);
const local = (d: Date | null) => (d === null ? null : toZonedIso(d, ZONE));
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof SlaRuleError ? e.code : `not an SlaRuleError: ${String(e)}`;
  }
  return undefined;
};

describe('APPEAL clocks (calendar days)', () => {
  it('registration: 3 calendar days from receipt', () => {
    // Received Sat 2025-12-27: +3 = Tue Dec 30, a working day.
    expect(local(appealRegistrationDueAt(at('2025-12-27T12:00:00+03:00'), cal))).toBe('2025-12-30T23:59:59.000+03:00');
    // Received Sun 2025-12-28: +3 = Wed Dec 31 (moved day off) → Jan 1–11 off → Mon 2026-01-12.
    expect(local(appealRegistrationDueAt(at('2025-12-28T12:00:00+03:00'), cal))).toBe('2026-01-12T23:59:59.000+03:00');
  });

  it('redirect: 7 calendar days from registration', () => {
    // Mon 2025-12-29 + 7 = Mon 2026-01-05 (holiday) → Mon Jan 12.
    expect(local(appealRedirectDueAt(at('2025-12-29T10:00:00+03:00'), cal))).toBe('2026-01-12T23:59:59.000+03:00');
    // Mon 2026-02-16 + 7 = Mon Feb 23 (holiday) → Tue Feb 24.
    expect(local(appealRedirectDueAt(at('2026-02-16T10:00:00+03:00'), cal))).toBe('2026-02-24T23:59:59.000+03:00');
  });

  it('answer: 30 calendar days from registration, moved off a holiday', () => {
    // Mon 2025-12-29 + 30 = Wed 2026-01-28, working.
    expect(local(appealAnswerDueAt(at('2025-12-29T10:00:00+03:00'), cal))).toBe('2026-01-28T23:59:59.000+03:00');
    // Wed 2025-04-09 + 30 = Fri May 9 (Victory Day); May 10–11 weekend → Mon May 12.
    expect(local(appealAnswerDueAt(at('2025-04-09T10:00:00+03:00'), cal))).toBe('2025-05-12T23:59:59.000+03:00');
    // Tue 2025-06-10 + 30 = Thu Jul 10, working (the Jun 12–15 break in between does not matter).
    expect(local(appealAnswerDueAt(at('2025-06-10T10:00:00+03:00'), cal))).toBe('2025-07-10T23:59:59.000+03:00');
  });

  it('honours a stricter municipal setting but refuses one looser than the law', () => {
    // 20 days: Mon 2025-12-29 + 20 = Sun 2026-01-18 → Mon Jan 19.
    expect(local(appealAnswerDueAt(at('2025-12-29T10:00:00+03:00'), cal, { appealAnswerCalendarDays: 20 }))).toBe(
      '2026-01-19T23:59:59.000+03:00',
    );
    expect(codeOf(() => appealAnswerDueAt(at('2025-12-29T10:00:00+03:00'), cal, { appealAnswerCalendarDays: 45 }))).toBe(
      'INVALID_SLA_SETTINGS',
    );
  });
});

describe('APPEAL extension', () => {
  it('adds up to 30 calendar days on top of the answer deadline', () => {
    // Answer due Wed 2026-01-28 23:59:59; + 30 = Fri Feb 27 (Jan 28 + 3 = Jan 31, + 27 = Feb 27), working.
    const due = at('2026-01-28T23:59:59+03:00');
    expect(local(appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 30, alreadyExtended: false }, cal))).toBe(
      '2026-02-27T23:59:59.000+03:00',
    );
    // + 10 = Sat Feb 7 → Mon Feb 9.
    expect(local(appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 10, alreadyExtended: false }, cal))).toBe(
      '2026-02-09T23:59:59.000+03:00',
    );
  });

  it('moves an extended deadline landing on a holiday to the next working day', () => {
    // Fri 2026-02-06 + 30 = Sun Mar 8 (Feb 6 + 22 = Feb 28, + 8 = Mar 8); Mon Mar 9 off → Tue Mar 10.
    const due = at('2026-02-06T23:59:59+03:00');
    expect(local(appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 30, alreadyExtended: false }, cal))).toBe(
      '2026-03-10T23:59:59.000+03:00',
    );
  });

  it('refuses a second extension, more than 30 days, and other kinds', () => {
    const due = at('2026-01-28T23:59:59+03:00');
    expect(codeOf(() => appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 5, alreadyExtended: true }, cal))).toBe(
      'EXTENSION_ALREADY_USED',
    );
    expect(codeOf(() => appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 31, alreadyExtended: false }, cal))).toBe(
      'EXTENSION_OUT_OF_RANGE',
    );
    expect(codeOf(() => appealExtendedDueAt({ kind: 'APPEAL', answerDueAt: due, days: 0, alreadyExtended: false }, cal))).toBe(
      'EXTENSION_OUT_OF_RANGE',
    );
    expect(codeOf(() => appealExtendedDueAt({ kind: 'MESSAGE', answerDueAt: due, days: 5, alreadyExtended: false }, cal))).toBe(
      'EXTENSION_NOT_ALLOWED',
    );
  });
});

describe('MESSAGE answer clock (working days)', () => {
  const reg = at('2025-12-29T10:00:00+03:00'); // Monday

  it('10 working days by default', () => {
    // Dec 30 = 1; Dec 31 – Jan 11 off; Jan 12..16 = 2..6; Jan 19..22 = 7..10.
    expect(local(messageAnswerDueAt(reg, {}, cal))).toBe('2026-01-22T17:00:00.000+03:00');
    expect(local(messageAnswerDueAt(reg, { messageAnswerDays: null }, cal))).toBe('2026-01-22T17:00:00.000+03:00');
  });

  it('uses the category override', () => {
    // 5 working days: Dec 30 = 1; Jan 12 = 2, 13 = 3, 14 = 4, 15 = 5.
    expect(local(messageAnswerDueAt(reg, { messageAnswerDays: 5 }, cal))).toBe('2026-01-15T17:00:00.000+03:00');
    expect(codeOf(() => messageAnswerDueAt(reg, { messageAnswerDays: 0 }, cal))).toBe('INVALID_SLA_SETTINGS');
  });

  it('urgent: 1 working day, whatever the category says', () => {
    expect(local(messageAnswerDueAt(reg, { urgent: true }, cal))).toBe('2025-12-30T17:00:00.000+03:00');
    expect(local(messageAnswerDueAt(reg, { urgent: true, messageAnswerDays: 5 }, cal))).toBe('2025-12-30T17:00:00.000+03:00');
  });

  it('registered on Friday evening before the shortened Nov 1 2025', () => {
    // Fri 2025-10-31 19:00: Sat Nov 1 = 1 (shortened, 16:00).
    expect(local(messageAnswerDueAt(at('2025-10-31T19:00:00+03:00'), { urgent: true }, cal))).toBe(
      '2025-11-01T16:00:00.000+03:00',
    );
  });
});

describe('INCIDENT clocks', () => {
  it('first reaction: 8 working hours, urgent 4, across the New Year holidays', () => {
    // Tue 2025-12-30 16:00–17:00 = 1 h; Jan 12 08–12 = 4 h (5 h); 13:00 + 3 h = 16:00.
    const reg = at('2025-12-30T16:00:00+03:00');
    expect(local(incidentFirstReactionDueAt(reg, {}, cal))).toBe('2026-01-12T16:00:00.000+03:00');
    // Urgent: 1 h on Dec 30, then Jan 12 08:00 + 3 h = 11:00.
    expect(local(incidentFirstReactionDueAt(reg, { urgent: true }, cal))).toBe('2026-01-12T11:00:00.000+03:00');
  });

  it('first reaction started on a Sunday starts Monday 08:00', () => {
    // Sun 2026-01-18 → Mon Jan 19 08–12 = 4 h → 12:00 (urgent).
    expect(local(incidentFirstReactionDueAt(at('2026-01-18T21:00:00+03:00'), { urgent: true }, cal))).toBe(
      '2026-01-19T12:00:00.000+03:00',
    );
  });

  it('final answer: 7 working days from the interim answer, ending on a shortened day', () => {
    // Tue 2026-04-28: Apr 29 = 1, Apr 30 = 2 (shortened); May 1–3 off; May 4..7 = 3..6; Fri May 8 = 7, shortened → 16:00.
    expect(local(incidentFinalAnswerDueAt(at('2026-04-28T10:00:00+03:00'), cal))).toBe('2026-05-08T16:00:00.000+03:00');
  });
});

describe('quality review (1 working day from the draft)', () => {
  it('ends at the end of the next working day', () => {
    // Thu 2026-05-07 → Fri May 8, shortened → 16:00.
    expect(local(qualityReviewDueAt(at('2026-05-07T15:00:00+03:00'), cal))).toBe('2026-05-08T16:00:00.000+03:00');
    // Fri 2026-05-08 → May 9–10 weekend, May 11 (for May 9) off → Tue May 12 17:00.
    expect(local(qualityReviewDueAt(at('2026-05-08T15:00:00+03:00'), cal))).toBe('2026-05-12T17:00:00.000+03:00');
  });
});

describe('slaPreview', () => {
  it('APPEAL: registration from receipt, redirect and answer from registration; no first reaction', () => {
    const p = slaPreview('APPEAL', at('2025-12-29T10:00:00+03:00'), { receivedAt: at('2025-12-27T12:00:00+03:00') }, cal);
    expect({
      registrationDueAt: local(p.registrationDueAt),
      redirectDueAt: local(p.redirectDueAt),
      answerDueAt: local(p.answerDueAt),
      firstReactionDueAt: local(p.firstReactionDueAt),
      calendarStatus: p.calendarStatus,
    }).toEqual({
      registrationDueAt: '2025-12-30T23:59:59.000+03:00', // Sat Dec 27 + 3 = Tue Dec 30
      redirectDueAt: '2026-01-12T23:59:59.000+03:00', // Mon Dec 29 + 7 = Jan 5 (holiday) → Jan 12
      answerDueAt: '2026-01-28T23:59:59.000+03:00', // Mon Dec 29 + 30 = Wed Jan 28
      firstReactionDueAt: null,
      calendarStatus: 'official',
    });
  });

  it('APPEAL without receivedAt counts registration from registeredAt', () => {
    // Mon 2026-01-12 + 3 = Thu Jan 15.
    const p = slaPreview('APPEAL', at('2026-01-12T10:00:00+03:00'), {}, cal);
    expect(local(p.registrationDueAt)).toBe('2026-01-15T23:59:59.000+03:00');
  });

  it('APPEAL into 2027 reports the provisional calendar', () => {
    // Tue 2026-12-01 + 30 = Dec 31 (off) → 2027-01-11 (provisional data).
    const p = slaPreview('APPEAL', at('2026-12-01T10:00:00+03:00'), {}, cal);
    expect(local(p.answerDueAt)).toBe('2027-01-11T23:59:59.000+03:00');
    expect(p.calendarStatus).toBe('provisional');
  });

  it('MESSAGE: only the answer clock', () => {
    const p = slaPreview('MESSAGE', at('2025-12-29T10:00:00+03:00'), { messageAnswerDays: 5 }, cal);
    expect(p.registrationDueAt).toBeNull();
    expect(p.redirectDueAt).toBeNull();
    expect(p.firstReactionDueAt).toBeNull();
    expect(local(p.answerDueAt)).toBe('2026-01-15T17:00:00.000+03:00'); // see the MESSAGE override case
    expect(p.calendarStatus).toBe('official');
  });

  it('INCIDENT: only the first reaction clock', () => {
    const p = slaPreview('INCIDENT', at('2025-12-30T16:00:00+03:00'), { urgent: true }, cal);
    expect(p.answerDueAt).toBeNull();
    expect(p.registrationDueAt).toBeNull();
    expect(local(p.firstReactionDueAt)).toBe('2026-01-12T11:00:00.000+03:00');
  });

  it('takes municipal settings', () => {
    // MESSAGE default 3 working days: Wed 2026-01-14 → Jan 15, 16, 19 → Mon Jan 19 17:00.
    const p = slaPreview('MESSAGE', at('2026-01-14T10:00:00+03:00'), {}, cal, { messageAnswerWorkingDays: 3 });
    expect(local(p.answerDueAt)).toBe('2026-01-19T17:00:00.000+03:00');
  });
});

describe('resolveSlaSettings', () => {
  it('has the defaults of docs/domain.md §2', () => {
    expect(resolveSlaSettings()).toEqual({
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
    expect(resolveSlaSettings()).not.toBe(DEFAULT_SLA_SETTINGS);
  });

  it('refuses nonsense values', () => {
    expect(codeOf(() => resolveSlaSettings({ messageAnswerWorkingDays: 0 }))).toBe('INVALID_SLA_SETTINGS');
    expect(codeOf(() => resolveSlaSettings({ qualityReviewWorkingDays: 1.5 }))).toBe('INVALID_SLA_SETTINGS');
    expect(codeOf(() => resolveSlaSettings({ incidentFirstReactionWorkingHours: -2 }))).toBe('INVALID_SLA_SETTINGS');
    expect(codeOf(() => resolveSlaSettings({ appealRedirectCalendarDays: 8 }))).toBe('INVALID_SLA_SETTINGS');
    expect(resolveSlaSettings({ incidentFirstReactionWorkingHours: 2.5 }).incidentFirstReactionWorkingHours).toBe(2.5);
  });
});
