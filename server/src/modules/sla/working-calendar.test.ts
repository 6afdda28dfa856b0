import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CalendarDataError,
  WorkingCalendar,
  addDaysToLocalDate,
  calendarFromJson,
  isoWeekday,
  parseProductionCalendar,
} from './working-calendar.js';
import { toZonedIso } from './zoned-iso.js';

// Expected values below are worked out by hand from server/data/production-calendar-ru.json and docs/domain.md §2.
// Reading aid (5-day week, from the file):
//   2025: Jan 1–8 off (Jan 9 Thu first working day); May 1–4 and May 8–11 off (May 2 Fri, May 8 Thu moved days
//         off); Jun 12–15 off; Nov 1 Sat is a working, shortened day, Nov 2–4 off; Dec 31 Wed off.
//         Shortened: Mar 7, Apr 30, Jun 11, Nov 1.
//   2026: Dec 31 2025 – Jan 11 2026 off (Jan 12 Mon first working day); Feb 23 Mon, Mar 9 Mon, May 1 Fri, May 11 Mon,
//         Jun 12 Fri, Nov 4 Wed, Dec 31 Thu off. Shortened: Apr 30, May 8, Jun 11, Nov 3.
//   2027 (provisional): Jan 1–10 off (Jan 11 Mon first working day).
// Europe/Volgograd is UTC+3 all year (no DST).

const ZONE = 'Europe/Volgograd';
const json: unknown = JSON.parse(readFileSync(new URL('../../../data/production-calendar-ru.json', import.meta.url), 'utf8'));
const cal = calendarFromJson(json, ZONE);
const at = (iso: string) => new Date(iso);
const local = (d: Date) => toZonedIso(d, ZONE);
const H = 3_600_000;

describe('local-date helpers', () => {
  it('adds days across month and year ends and knows ISO weekdays', () => {
    expect(addDaysToLocalDate('2025-12-29', 30)).toBe('2026-01-28'); // Dec 29 + 2 = Dec 31, + 28 = Jan 28
    expect(addDaysToLocalDate('2028-02-28', 1)).toBe('2028-02-29'); // 2028 is a leap year
    expect(isoWeekday('2025-11-01')).toBe(6); // Saturday
    expect(isoWeekday('2026-01-11')).toBe(7); // Sunday
    expect(isoWeekday('2026-01-12')).toBe(1); // Monday
  });

  it('refuses malformed local dates', () => {
    expect(() => addDaysToLocalDate('2025-02-30', 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('12.01.2026')).toThrow(RangeError);
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2025-01-08', false, 'Wed, last day of the 2025 New Year holidays'],
    ['2025-01-09', true, 'Thu, first working day of 2025'],
    ['2025-05-02', false, 'Fri, day off moved from Sat Jan 4'],
    ['2025-05-05', true, 'Mon between the May holidays'],
    ['2025-05-08', false, 'Thu, day off moved from Sun Feb 23'],
    ['2025-06-13', false, 'Fri, day off moved from Sat Mar 8'],
    ['2025-11-01', true, 'Sat, working weekend'],
    ['2025-11-02', false, 'ordinary Sunday'],
    ['2025-11-03', false, 'Mon, day off moved from Sat Nov 1'],
    ['2025-12-30', true, 'Tue, last working day of 2025'],
    ['2025-12-31', false, 'Wed, day off moved from Sun Jan 5'],
    ['2026-01-09', false, 'Fri, day off moved from Sat Jan 3'],
    ['2026-01-12', true, 'Mon, first working day of 2026'],
    ['2026-01-17', false, 'ordinary Saturday'],
    ['2026-02-23', false, 'Mon, Defender of the Fatherland Day'],
    ['2026-03-09', false, 'Mon, for Sun Mar 8'],
    ['2026-12-31', false, 'Thu, moved day off'],
    ['2027-01-08', false, 'Fri, provisional 2027 holiday'],
    ['2027-01-11', true, 'Mon, first working day of 2027 (provisional)'],
  ])('%s is working: %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('marks shortened days only when listed and worked', () => {
    expect(cal.isShortenedDay('2025-11-01')).toBe(true);
    expect(cal.isShortenedDay('2025-04-30')).toBe(true);
    expect(cal.isShortenedDay('2026-05-08')).toBe(true);
    expect(cal.isShortenedDay('2026-05-07')).toBe(false);
    expect(cal.isShortenedDay('2025-12-30')).toBe(false); // Dec 31 is a moved day off, not a holiday
  });
});

describe('WorkingCalendar.yearStatus and the fallback for unknown years', () => {
  it('reports official, provisional and missing years', () => {
    expect(cal.yearStatus(2025)).toBe('official');
    expect(cal.yearStatus('2026')).toBe('official');
    expect(cal.yearStatus(2027)).toBe('provisional');
    expect(cal.yearStatus(2028)).toBe('missing');
    expect(cal.yearStatus(2024)).toBe('missing');
  });

  it('reports the worst status over a span of years', () => {
    expect(cal.yearStatusBetween(at('2025-03-01T12:00:00+03:00'), at('2026-06-01T12:00:00+03:00'))).toBe('official');
    expect(cal.yearStatusBetween(at('2026-12-01T12:00:00+03:00'), at('2027-01-11T23:59:59+03:00'))).toBe('provisional');
    expect(cal.yearStatusBetween(at('2028-01-03T12:00:00+03:00'), at('2026-01-12T12:00:00+03:00'))).toBe('missing');
    // 2026-12-31T21:30Z is already Jan 1 2027 in Volgograd: the local year counts.
    expect(cal.yearStatusBetween(at('2026-12-31T21:30:00Z'), at('2026-12-31T21:30:00Z'))).toBe('provisional');
  });

  it('falls back to Mon–Fri in a missing year, without throwing', () => {
    // 2028-01-01 Sat, 01-02 Sun, 01-03 Mon. Without data Jan 3 is an ordinary Monday (a real holiday, hence the
    // 'missing' status the UI must show).
    expect(cal.isWorkingDay('2028-01-01')).toBe(false);
    expect(cal.isWorkingDay('2028-01-03')).toBe(true);
    expect(cal.isShortenedDay('2028-01-03')).toBe(false);
    // 2 working days from Thu 2027-12-30: Fri Dec 31 2027 (not listed in 2027 → working) = 1,
    // Sat/Sun Jan 1–2 2028 off, Mon Jan 3 2028 (fallback) = 2 → 17:00.
    expect(local(cal.addWorkingDays(at('2027-12-30T10:00:00+03:00'), 2))).toBe('2028-01-03T17:00:00.000+03:00');
  });
});

describe('WorkingCalendar.workingIntervals', () => {
  it('splits an ordinary day at lunch: 08:00–12:00 and 13:00–17:00 local (05:00–09:00, 10:00–14:00 UTC)', () => {
    expect(cal.workingIntervals('2026-01-14')).toEqual([
      { start: at('2026-01-14T05:00:00Z'), end: at('2026-01-14T09:00:00Z') },
      { start: at('2026-01-14T10:00:00Z'), end: at('2026-01-14T14:00:00Z') },
    ]);
  });

  it('ends a shortened day (the working Saturday 2025-11-01) at 16:00', () => {
    expect(cal.workingIntervals('2025-11-01').map((i) => [local(i.start), local(i.end)])).toEqual([
      ['2025-11-01T08:00:00.000+03:00', '2025-11-01T12:00:00.000+03:00'],
      ['2025-11-01T13:00:00.000+03:00', '2025-11-01T16:00:00.000+03:00'],
    ]);
  });

  it('is empty on a day off', () => {
    expect(cal.workingIntervals('2026-01-05')).toEqual([]);
    expect(cal.workingIntervals('2025-05-08')).toEqual([]);
  });

  it('returns fresh Date objects (mutating them does not corrupt the calendar)', () => {
    const first = cal.workingIntervals('2026-01-15');
    first[0]!.start.setTime(0);
    expect(local(cal.workingIntervals('2026-01-15')[0]!.start)).toBe('2026-01-15T08:00:00.000+03:00');
  });

  it('uses the configured zone and working time', () => {
    // Same calendar, Yekaterinburg (UTC+5), 09:00–18:00 with lunch 13:00–14:00, shortened by 2 h.
    const ekb = calendarFromJson(json, 'Asia/Yekaterinburg', {
      dayStart: '09:00',
      dayEnd: '18:00',
      breaks: [{ start: '13:00', end: '14:00' }],
      shortenedDayMinutes: 120,
    });
    expect(ekb.workingDayMs).toBe(8 * H);
    expect(ekb.workingIntervals('2026-01-14')).toEqual([
      { start: at('2026-01-14T04:00:00Z'), end: at('2026-01-14T08:00:00Z') }, // 09:00–13:00 +05
      { start: at('2026-01-14T09:00:00Z'), end: at('2026-01-14T13:00:00Z') }, // 14:00–18:00 +05
    ]);
    // Shortened 2026-04-30: ends 18:00 − 2 h = 16:00 local = 11:00Z.
    expect(ekb.endOfWorkingDay('2026-04-30')).toEqual(at('2026-04-30T11:00:00Z'));
  });

  it('drops a break that the shortened end cuts into', () => {
    // 08:00–17:00, lunch 12:00–13:00, shortened by 5 h → ends 12:00: only 08:00–12:00 is left.
    const c = new WorkingCalendar(parseProductionCalendar(json), ZONE, { shortenedDayMinutes: 300 });
    expect(c.workingIntervals('2025-04-30').map((i) => [local(i.start), local(i.end)])).toEqual([
      ['2025-04-30T08:00:00.000+03:00', '2025-04-30T12:00:00.000+03:00'],
    ]);
  });
});

describe('WorkingCalendar.addCalendarDays', () => {
  it('ends at 23:59:59 local on D+N when that is a working day', () => {
    // Fri 2026-01-16 + 3 = Mon Jan 19, working.
    expect(local(cal.addCalendarDays(at('2026-01-16T10:00:00+03:00'), 3))).toBe('2026-01-19T23:59:59.000+03:00');
  });

  it('moves a deadline landing in the New Year holidays to 23:59:59 of the next working day', () => {
    // Mon 2025-12-29 + 3 = Thu 2026-01-01 (holiday); Jan 1–11 off → Mon Jan 12.
    expect(local(cal.addCalendarDays(at('2025-12-29T10:00:00+03:00'), 3))).toBe('2026-01-12T23:59:59.000+03:00');
  });

  it('moves a deadline landing on a moved day off (2025-05-08) past the whole May break', () => {
    // 2025-04-08 + 30 = May 8 (Thu, moved day off); May 9 holiday, May 10–11 weekend → Mon May 12.
    expect(local(cal.addCalendarDays(at('2025-04-08T09:00:00+03:00'), 30))).toBe('2025-05-12T23:59:59.000+03:00');
  });

  it('moves a deadline landing on 2025-12-31 into 2026', () => {
    // Wed 2025-12-24 + 7 = Wed Dec 31 (moved day off) → Jan 1–11 off → Mon 2026-01-12.
    expect(local(cal.addCalendarDays(at('2025-12-24T15:00:00+03:00'), 7))).toBe('2026-01-12T23:59:59.000+03:00');
  });

  it('moves a weekend deadline to Monday, and skips days off after a shortened day', () => {
    // Wed 2025-04-30 + 3 = Sat May 3; Sun May 4 off; Mon May 5 working.
    expect(local(cal.addCalendarDays(at('2025-04-30T11:00:00+03:00'), 3))).toBe('2025-05-05T23:59:59.000+03:00');
  });

  it('crosses into the provisional 2027', () => {
    // Tue 2026-12-01 + 30 = Thu Dec 31 (off); 2027 Jan 1 (Fri) off, Jan 2–3 weekend, Jan 4–8 off, Jan 9–10 weekend
    // → Mon 2027-01-11.
    expect(local(cal.addCalendarDays(at('2026-12-01T10:00:00+03:00'), 30))).toBe('2027-01-11T23:59:59.000+03:00');
  });

  it('counts from the local date, not the UTC date', () => {
    // 2026-01-14T21:30Z is Thu Jan 15 00:30 in Volgograd: D = Jan 15, +1 = Fri Jan 16.
    // (Counting from the UTC date Jan 14 would give Jan 15.)
    expect(local(cal.addCalendarDays(at('2026-01-14T21:30:00Z'), 1))).toBe('2026-01-16T23:59:59.000+03:00');
  });

  it('with N = 0 ends on D, or the next working day if D is off', () => {
    expect(local(cal.addCalendarDays(at('2026-01-14T10:00:00+03:00'), 0))).toBe('2026-01-14T23:59:59.000+03:00');
    // Sat 2026-01-17 → Mon Jan 19.
    expect(local(cal.addCalendarDays(at('2026-01-17T10:00:00+03:00'), 0))).toBe('2026-01-19T23:59:59.000+03:00');
  });

  it('refuses a negative or fractional N', () => {
    expect(() => cal.addCalendarDays(at('2026-01-14T10:00:00+03:00'), -1)).toThrow(RangeError);
    expect(() => cal.addCalendarDays(at('2026-01-14T10:00:00+03:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addCalendarDays(new Date(NaN), 1)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('ends at 17:00 of the N-th working day after D, D not counted, whatever the time on D', () => {
    // Wed 2026-01-14 20:00 (evening) + 1 → Thu Jan 15 17:00.
    expect(local(cal.addWorkingDays(at('2026-01-14T20:00:00+03:00'), 1))).toBe('2026-01-15T17:00:00.000+03:00');
    // Wed 2026-01-14 07:00 (before work) + 1 → still Thu Jan 15: D is not counted even if it had time left.
    expect(local(cal.addWorkingDays(at('2026-01-14T07:00:00+03:00'), 1))).toBe('2026-01-15T17:00:00.000+03:00');
  });

  it('skips the New Year holidays', () => {
    // From Mon 2025-12-29: Dec 30 = 1; Dec 31 – Jan 11 off; Jan 12 = 2, 13 = 3, 14 = 4, 15 = 5, 16 = 6,
    // 19 = 7, 20 = 8, 21 = 9, 22 = 10.
    expect(local(cal.addWorkingDays(at('2025-12-29T10:00:00+03:00'), 10))).toBe('2026-01-22T17:00:00.000+03:00');
  });

  it('skips the two May 2025 breaks', () => {
    // From Tue 2025-04-29: Apr 30 = 1; May 1–4 off; May 5 = 2, 6 = 3, 7 = 4; May 8–11 off;
    // May 12 = 5, 13 = 6, 14 = 7, 15 = 8, 16 = 9, 19 = 10.
    expect(local(cal.addWorkingDays(at('2025-04-29T10:00:00+03:00'), 10))).toBe('2025-05-19T17:00:00.000+03:00');
  });

  it('ends at 16:00 when the N-th day is shortened', () => {
    // Tue 2025-04-29 + 1 = Wed Apr 30, shortened.
    expect(local(cal.addWorkingDays(at('2025-04-29T10:00:00+03:00'), 1))).toBe('2025-04-30T16:00:00.000+03:00');
  });

  it('counts the working Saturday 2025-11-01 (shortened) and skips Nov 2–4', () => {
    // From Fri 2025-10-31: Sat Nov 1 = 1 (shortened → 16:00); Nov 2 Sun, 3 Mon, 4 Tue off; Wed Nov 5 = 2.
    expect(local(cal.addWorkingDays(at('2025-10-31T09:00:00+03:00'), 1))).toBe('2025-11-01T16:00:00.000+03:00');
    expect(local(cal.addWorkingDays(at('2025-10-31T09:00:00+03:00'), 2))).toBe('2025-11-05T17:00:00.000+03:00');
  });

  it('starts counting after a day off the same way', () => {
    // Sat 2026-01-17 → first working day after it is Mon Jan 19.
    expect(local(cal.addWorkingDays(at('2026-01-17T12:00:00+03:00'), 1))).toBe('2026-01-19T17:00:00.000+03:00');
    // Sat 2026-01-03 (holiday) → next working day Mon Jan 12.
    expect(local(cal.addWorkingDays(at('2026-01-03T12:00:00+03:00'), 1))).toBe('2026-01-12T17:00:00.000+03:00');
  });

  it('crosses into the provisional 2027', () => {
    // From Tue 2026-12-29: Dec 30 = 1; Dec 31 – Jan 10 off; Mon 2027-01-11 = 2, Tue Jan 12 = 3.
    expect(local(cal.addWorkingDays(at('2026-12-29T10:00:00+03:00'), 3))).toBe('2027-01-12T17:00:00.000+03:00');
  });

  it('with N = 0 ends at the end of D, or of the next working day', () => {
    expect(local(cal.addWorkingDays(at('2026-01-14T10:00:00+03:00'), 0))).toBe('2026-01-14T17:00:00.000+03:00');
    expect(local(cal.addWorkingDays(at('2025-12-31T10:00:00+03:00'), 0))).toBe('2026-01-12T17:00:00.000+03:00');
  });
});

describe('WorkingCalendar.addWorkingTime / addWorkingHours', () => {
  it('skips the lunch break: 1 h from 11:30 ends at 13:30', () => {
    // 11:30–12:00 = 0.5 h, lunch, 13:00–13:30 = 0.5 h.
    expect(local(cal.addWorkingHours(at('2026-01-14T11:30:00+03:00'), 1))).toBe('2026-01-14T13:30:00.000+03:00');
  });

  it('starts at 13:00 when started during lunch', () => {
    expect(local(cal.addWorkingTime(at('2026-01-14T12:15:00+03:00'), 30 * 60_000))).toBe(
      '2026-01-14T13:30:00.000+03:00',
    );
  });

  it('8 working hours from Wed 09:00 end Thu 09:00', () => {
    // Wed 09–12 = 3 h, 13–17 = 4 h (7 h); Thu 08–09 = 1 h.
    expect(local(cal.addWorkingHours(at('2026-01-14T09:00:00+03:00'), 8))).toBe('2026-01-15T09:00:00.000+03:00');
  });

  it('a full day of work from 08:00 ends at 17:00 the same day, not 08:00 the next', () => {
    expect(local(cal.addWorkingHours(at('2026-01-14T08:00:00+03:00'), 8))).toBe('2026-01-14T17:00:00.000+03:00');
  });

  it('starts on Monday 08:00 when started on Friday evening; ends at 12:00, not after lunch', () => {
    // Fri 2026-01-16 18:00 → Mon Jan 19 08:00 + 4 h = 12:00.
    expect(local(cal.addWorkingHours(at('2026-01-16T18:00:00+03:00'), 4))).toBe('2026-01-19T12:00:00.000+03:00');
  });

  it('starts the next morning when started exactly at 17:00', () => {
    expect(local(cal.addWorkingHours(at('2026-01-14T17:00:00+03:00'), 1))).toBe('2026-01-15T09:00:00.000+03:00');
  });

  it('starts after the holidays when started on a holiday', () => {
    // Mon 2026-01-05 (holiday) → Mon Jan 12 08:00; 8 h = 08–12 + 13–17 → 17:00.
    expect(local(cal.addWorkingHours(at('2026-01-05T10:00:00+03:00'), 8))).toBe('2026-01-12T17:00:00.000+03:00');
  });

  it('uses the shortened end 16:00 of the working Saturday, then skips Nov 2–4', () => {
    // Sat 2025-11-01 15:00–16:00 = 1 h; Nov 2–4 off; Wed Nov 5 08:00 + 3 h = 11:00.
    expect(local(cal.addWorkingHours(at('2025-11-01T15:00:00+03:00'), 4))).toBe('2025-11-05T11:00:00.000+03:00');
  });

  it('crosses the year end 2025 → 2026', () => {
    // Tue 2025-12-30 16:00–17:00 = 1 h; Dec 31 – Jan 11 off; Mon 2026-01-12 08:00 + 3 h = 11:00.
    expect(local(cal.addWorkingHours(at('2025-12-30T16:00:00+03:00'), 4))).toBe('2026-01-12T11:00:00.000+03:00');
  });

  it('crosses the year end 2026 → 2027 (provisional)', () => {
    // Wed 2026-12-30 15:30–17:00 = 1.5 h; Dec 31 – Jan 10 off; Mon 2027-01-11 08–12 = 4 h (5.5 h),
    // 13:00 + 2.5 h = 15:30.
    expect(local(cal.addWorkingHours(at('2026-12-30T15:30:00+03:00'), 8))).toBe('2027-01-11T15:30:00.000+03:00');
  });

  it('refuses negative time', () => {
    expect(() => cal.addWorkingTime(at('2026-01-14T10:00:00+03:00'), -1)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.workingTimeBetween', () => {
  it('counts only working time', () => {
    // 11:00–12:00 + 13:00–14:00 = 2 h.
    expect(cal.workingTimeBetween(at('2026-01-14T11:00:00+03:00'), at('2026-01-14T14:00:00+03:00'))).toBe(2 * H);
    // Fri 15:00–17:00 = 2 h, weekend, Mon 08:00–10:00 = 2 h.
    expect(cal.workingTimeBetween(at('2026-01-16T15:00:00+03:00'), at('2026-01-19T10:00:00+03:00'))).toBe(4 * H);
  });

  it('is negative when reversed, and zero (not -0) outside working time', () => {
    expect(cal.workingTimeBetween(at('2026-01-19T10:00:00+03:00'), at('2026-01-16T15:00:00+03:00'))).toBe(-4 * H);
    expect(cal.workingTimeBetween(at('2026-01-18T10:00:00+03:00'), at('2026-01-17T10:00:00+03:00'))).toBe(0);
  });

  it('spans the New Year holidays', () => {
    // Tue 2025-12-30 08:00–17:00 = 8 h; Dec 31 – Jan 11 nothing; Mon 2026-01-12 = 8 h.
    expect(cal.workingTimeBetween(at('2025-12-30T08:00:00+03:00'), at('2026-01-12T17:00:00+03:00'))).toBe(16 * H);
  });

  it('counts 7 h on a shortened day', () => {
    expect(cal.workingTimeBetween(at('2025-04-30T00:00:00+03:00'), at('2025-05-01T00:00:00+03:00'))).toBe(7 * H);
  });

  it('is the inverse of addWorkingTime', () => {
    const from = at('2025-12-30T16:00:00+03:00');
    expect(cal.workingTimeBetween(from, cal.addWorkingHours(from, 4))).toBe(4 * H);
  });
});

describe('loading and validation', () => {
  it('knows an 8-hour working day with the defaults', () => {
    expect(cal.workingDayMs).toBe(8 * H);
    expect(cal.zone).toBe(ZONE);
  });

  it('refuses broken calendar data with every problem listed', () => {
    const bad = {
      years: {
        '2025': {
          status: 'draft',
          nonWorkingWeekdays: ['2025-13-01', '2026-01-01'],
          workingWeekends: ['2025-11-01'],
          shortened: 'no',
          holidays: ['2025-11-01'],
        },
      },
    };
    try {
      calendarFromJson(bad, ZONE);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarDataError);
      expect((e as CalendarDataError).problems).toHaveLength(5);
    }
    expect(() => calendarFromJson(null, ZONE)).toThrow(CalendarDataError);
    expect(() => calendarFromJson({ years: { 2025: { status: 'official' } } }, ZONE)).toThrow(CalendarDataError);
  });

  it('refuses an unknown zone and impossible working time', () => {
    expect(() => calendarFromJson(json, 'Europe/Surovikino')).toThrow(CalendarDataError);
    expect(() => calendarFromJson(json, ZONE, { dayStart: '17:00', dayEnd: '08:00' })).toThrow(CalendarDataError);
    expect(() => calendarFromJson(json, ZONE, { workWeekdays: [] })).toThrow(CalendarDataError);
    expect(() => calendarFromJson(json, ZONE, { workWeekdays: [0] })).toThrow(CalendarDataError);
    expect(() => calendarFromJson(json, ZONE, { shortenedDayMinutes: 9 * 60 })).toThrow(CalendarDataError);
  });

  it('accepts an empty calendar and then uses Mon–Fri everywhere', () => {
    const bare = calendarFromJson({ years: {} }, ZONE);
    expect(bare.yearStatus(2026)).toBe('missing');
    expect(bare.isWorkingDay('2026-01-05')).toBe(true); // a Monday; the real holiday is unknown here
    expect(bare.isWorkingDay('2026-01-10')).toBe(false); // Saturday
  });
});

describe('time zones without luxon on the hot path', () => {
  // The calendar converts between instants and local times itself (offsets remembered per quarter of an hour);
  // luxon is the reference, in zones with summer time, half-hour and 45-minute offsets and midnight transitions.
  const ZONES = ['Europe/Volgograd', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe'];

  for (const zone of ZONES) {
    it(`${zone}: local dates of instants every 7 hours 13 minutes, and working intervals and day ends of every day 2024–2027, as luxon gives them`, async () => {
      const { DateTime } = await import('luxon');
      const c = calendarFromJson(json, zone);
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * H + 13 * 60_000) {
        expect(c.localDate(new Date(t))).toBe(DateTime.fromMillis(t, { zone }).toISODate());
      }
      for (let day = '2024-01-01'; day < '2028-01-01'; day = addDaysToLocalDate(day, 1)) {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const luxon = (hour: number, minute: number, second = 0) => DateTime.fromObject({ year: y, month: m, day: d, hour, minute, second }, { zone }).toMillis();
        const iv = c.workingIntervals(day).map((i) => [i.start.getTime(), i.end.getTime()]);
        if (iv.length) expect(iv[0]).toEqual([luxon(8, 0), luxon(12, 0)]);
        const noon = new Date(luxon(12, 0));
        const end = c.addCalendarDays(noon, 0);
        const endDay = c.sameOrNextWorkingDay(day);
        const [ey, em, ed] = endDay.split('-').map(Number) as [number, number, number];
        expect(end.getTime()).toBe(DateTime.fromObject({ year: ey, month: em, day: ed, hour: 23, minute: 59, second: 59 }, { zone }).toMillis());
      }
    });
  }
});
