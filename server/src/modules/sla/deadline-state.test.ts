import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockMeasure, deadlineState, timeLeft, workingTimeLeft } from './deadline-state.js';
import { calendarFromJson } from './working-calendar.js';

// Expected values are worked out by hand from server/data/production-calendar-ru.json and docs/domain.md §2.
// DUE_SOON: less than 20% of the clock's length left (calendar time for APPEAL, working time otherwise), or less than
// one working day (8 working hours) of working time left on a clock longer than one working day.

const ZONE = 'Europe/Volgograd';
const json: unknown = JSON.parse(readFileSync(new URL('../../../data/production-calendar-ru.json', import.meta.url), 'utf8'));
const cal = calendarFromJson(json, ZONE);
const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('clockMeasure', () => {
  it('APPEAL runs in calendar time, the others in working time', () => {
    expect(clockMeasure('APPEAL')).toBe('calendar');
    expect(clockMeasure('MESSAGE')).toBe('working');
    expect(clockMeasure('INCIDENT')).toBe('working');
  });
});

describe('deadlineState: MESSAGE, 10 working days', () => {
  // Registered Mon 2026-01-12 09:00; due the 10th working day after: Jan 13–16 (4), 19–23 (9), Mon Jan 26 → 17:00.
  // Length: Jan 12 09–12 + 13–17 = 7 h, plus 10 × 8 h = 87 h; 20% = 17.4 h.
  const started = at('2026-01-12T09:00:00+03:00');
  const due = at('2026-01-26T17:00:00+03:00');
  const state = (now: string) => deadlineState(at(now), started, due, cal, 'MESSAGE');

  it('is ON_TRACK early on', () => {
    expect(state('2026-01-14T10:00:00+03:00')).toBe('ON_TRACK');
  });

  it('turns DUE_SOON when less than 20% (17.4 working hours) is left', () => {
    // Thu Jan 22 15:00: 2 h + Fri 8 h + Mon 8 h = 18 h ≥ 17.4 h.
    expect(state('2026-01-22T15:00:00+03:00')).toBe('ON_TRACK');
    // Thu Jan 22 16:00: 1 h + 16 h = 17 h < 17.4 h.
    expect(state('2026-01-22T16:00:00+03:00')).toBe('DUE_SOON');
    // Saturday Jan 24: only Monday's 8 h left.
    expect(state('2026-01-24T12:00:00+03:00')).toBe('DUE_SOON');
  });

  it('is DUE_SOON at the due time itself and OVERDUE just after', () => {
    expect(state('2026-01-26T17:00:00+03:00')).toBe('DUE_SOON');
    expect(state('2026-01-26T17:00:01+03:00')).toBe('OVERDUE');
  });

  it('uses the clock length given by the caller (e.g. after a pause moved dueAt)', () => {
    // Due moved to Tue Jan 27 17:00 by a pause of 8 working hours. Now Fri Jan 23 15:00: left 2 + 8 + 8 = 18 h.
    // Measured start→due the length would be 95 h (20% = 19 h → DUE_SOON); the real budget is 87 h (17.4 h → ON_TRACK).
    const moved = at('2026-01-27T17:00:00+03:00');
    const now = at('2026-01-23T15:00:00+03:00');
    expect(deadlineState(now, started, moved, cal, 'MESSAGE')).toBe('DUE_SOON');
    expect(deadlineState(now, started, moved, cal, 'MESSAGE', { totalMs: 87 * H })).toBe('ON_TRACK');
  });
});

describe('deadlineState: urgent MESSAGE, 1 working day (the "less than 1 working day" test)', () => {
  // Registered Mon 2026-01-12 10:00, due Tue Jan 13 17:00. Length 6 h + 8 h = 14 h (> 8 h); 20% = 2.8 h.
  const started = at('2026-01-12T10:00:00+03:00');
  const due = at('2026-01-13T17:00:00+03:00');

  it('is ON_TRACK with exactly one working day left and DUE_SOON with less', () => {
    // Mon 17:00: Tuesday's 8 h left, not less than 8 h.
    expect(deadlineState(at('2026-01-12T17:00:00+03:00'), started, due, cal, 'MESSAGE')).toBe('ON_TRACK');
    // Tue 09:00: 3 h + 4 h = 7 h < 8 h (while 7 h is still ≥ 20% = 2.8 h).
    expect(deadlineState(at('2026-01-13T09:00:00+03:00'), started, due, cal, 'MESSAGE')).toBe('DUE_SOON');
  });
});

describe('deadlineState: INCIDENT first reaction, 8 working hours', () => {
  // Registered Wed 2026-01-14 09:00, due Thu Jan 15 09:00. Length 8 h (not longer than a working day, so only the
  // 20% test applies: 1.6 h).
  const started = at('2026-01-14T09:00:00+03:00');
  const due = at('2026-01-15T09:00:00+03:00');
  const state = (now: string) => deadlineState(at(now), started, due, cal, 'INCIDENT');

  it('is not DUE_SOON from the start just because the clock is shorter than a day', () => {
    expect(state('2026-01-14T09:30:00+03:00')).toBe('ON_TRACK'); // 7.5 h left
  });

  it('turns DUE_SOON under 1.6 working hours left, the night counting for nothing', () => {
    expect(state('2026-01-14T16:00:00+03:00')).toBe('ON_TRACK'); // 1 h today + 1 h tomorrow = 2 h
    expect(state('2026-01-14T16:30:00+03:00')).toBe('DUE_SOON'); // 0.5 h + 1 h = 1.5 h
    expect(state('2026-01-14T20:00:00+03:00')).toBe('DUE_SOON'); // 1 h
    expect(state('2026-01-15T09:00:01+03:00')).toBe('OVERDUE');
  });

  it('can be measured in calendar time on request (and then stays ON_TRACK at 16:30)', () => {
    // Calendar length 24 h, 20% = 4.8 h; at 16:30 16.5 h are left; working length 8 h is not > 8 h.
    expect(deadlineState(at('2026-01-14T16:30:00+03:00'), started, due, cal, 'INCIDENT', { measure: 'calendar' })).toBe(
      'ON_TRACK',
    );
  });
});

describe('deadlineState: APPEAL answer, 30 calendar days', () => {
  // Registered Mon 2026-01-12 10:00, due Wed Feb 11 23:59:59 (Jan 12 + 30; a working day).
  // Length 30 d 13:59:59 = 2 642 399 s; 20% = 528 479.8 s = 6 d 2:47:59.8 → DUE_SOON from Thu Feb 5 21:11:59.2.
  const started = at('2026-01-12T10:00:00+03:00');
  const due = at('2026-02-11T23:59:59+03:00');
  const state = (now: string) => deadlineState(at(now), started, due, cal, 'APPEAL');

  it('measures the 20% in calendar time', () => {
    expect(state('2026-02-05T21:00:00+03:00')).toBe('ON_TRACK'); // 6 d 2:59:59 left; 32 working hours left
    expect(state('2026-02-05T21:15:00+03:00')).toBe('DUE_SOON'); // 6 d 2:44:59 left
  });

  it('is OVERDUE from the next second after 23:59:59', () => {
    expect(state('2026-02-11T23:59:59+03:00')).toBe('DUE_SOON');
    expect(state('2026-02-12T00:00:00+03:00')).toBe('OVERDUE');
  });
});

describe('deadlineState: APPEAL registration, 3 calendar days (1 working day measured as 8 working hours)', () => {
  // Received Mon 2026-01-12 23:30, due Thu Jan 15 23:59:59. Length 3 d 0:29:59 = 260 999 s; 20% = 52 199.8 s
  // = 14:29:59.8 → the 20% test fires at Jan 15 09:29:59.2; the working-day test fires once Thursday's work begins.
  const started = at('2026-01-12T23:30:00+03:00');
  const due = at('2026-01-15T23:59:59+03:00');

  it('is ON_TRACK with Thursday still whole', () => {
    // 07:59: 16:00:59 of calendar time left (> 14:30), 8 working hours left (not < 8).
    expect(deadlineState(at('2026-01-15T07:59:00+03:00'), started, due, cal, 'APPEAL')).toBe('ON_TRACK');
  });

  it('is DUE_SOON once less than 8 working hours are left, before the 20% test fires', () => {
    // 09:00: 14:59:59 of calendar time left (> 14:30) but only 3 h + 4 h = 7 working hours.
    expect(deadlineState(at('2026-01-15T09:00:00+03:00'), started, due, cal, 'APPEAL')).toBe('DUE_SOON');
  });
});

describe('timeLeft / workingTimeLeft', () => {
  it('gives real time left, negative when overdue', () => {
    const due = at('2026-02-11T23:59:59+03:00');
    expect(timeLeft(at('2026-02-11T23:00:00+03:00'), due)).toBe(3_599_000);
    expect(timeLeft(at('2026-02-12T00:00:59+03:00'), due)).toBe(-60_000);
  });

  it('gives working time left, negative when overdue', () => {
    const due = at('2026-01-15T09:00:00+03:00');
    expect(workingTimeLeft(at('2026-01-14T16:30:00+03:00'), due, cal)).toBe(1.5 * H); // 0.5 h + 1 h
    expect(workingTimeLeft(at('2026-01-15T10:00:00+03:00'), due, cal)).toBe(-1 * H);
    // Overdue since Friday 17:00, now Monday 09:00: 1 working hour past.
    expect(workingTimeLeft(at('2026-01-19T09:00:00+03:00'), at('2026-01-16T17:00:00+03:00'), cal)).toBe(-1 * H);
  });
});
