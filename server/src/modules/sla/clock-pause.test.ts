import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockPauses, dueAfterPause, workingTimeLeftAtPause } from './clock-pause.js';
import { calendarFromJson } from './working-calendar.js';
import { toZonedIso } from './zoned-iso.js';

// Expected values are worked out by hand from server/data/production-calendar-ru.json and docs/domain.md §2
// (8-hour days 08–12 + 13–17, shortened days end 16:00). Europe/Volgograd = UTC+3.

const ZONE = 'Europe/Volgograd';
const json: unknown = JSON.parse(readFileSync(new URL('../../../data/production-calendar-ru.json', import.meta.url), 'utf8'));
const cal = calendarFromJson(json, ZONE);
const at = (iso: string) => new Date(iso);
const local = (d: Date) => toZonedIso(d, ZONE);
const H = 3_600_000;

describe('clockPauses', () => {
  it('pauses only the answer clock of a MESSAGE', () => {
    expect(clockPauses('MESSAGE')).toBe(true);
    expect(clockPauses('MESSAGE', 'answer')).toBe(true);
    expect(clockPauses('MESSAGE', 'qualityReview')).toBe(false);
    expect(clockPauses('APPEAL')).toBe(false); // law: never
    expect(clockPauses('APPEAL', 'registration')).toBe(false);
    expect(clockPauses('INCIDENT', 'firstReaction')).toBe(false);
  });
});

describe('dueAfterPause (MESSAGE answer clock)', () => {
  const due = at('2026-01-21T17:00:00+03:00'); // Wed

  it('measures the working time left at the pause', () => {
    // Paused Fri 2026-01-16 15:00: Fri 15–17 = 2 h, Mon 19, Tue 20, Wed 21 = 3 × 8 h → 26 h.
    expect(workingTimeLeftAtPause(due, at('2026-01-16T15:00:00+03:00'), cal)).toBe(26 * H);
  });

  it('resumes with that time after a weekend pause', () => {
    // 26 h from Mon 2026-01-19 10:00: Mon 10–12 + 13–17 = 6 h (20 left), Tue 8 (12 left), Wed 8 (4 left),
    // Thu Jan 22 08:00 + 4 h = 12:00.
    expect(local(dueAfterPause('MESSAGE', due, at('2026-01-16T15:00:00+03:00'), at('2026-01-19T10:00:00+03:00'), cal))).toBe(
      '2026-01-22T12:00:00.000+03:00',
    );
  });

  it('does not move the due time when the pause covered no working time', () => {
    // Paused Fri 17:00, resumed Mon 08:00 (or Sat noon, the clock starting Mon 08:00): 24 h left → Wed 17:00.
    expect(local(dueAfterPause('MESSAGE', due, at('2026-01-16T17:00:00+03:00'), at('2026-01-19T08:00:00+03:00'), cal))).toBe(
      '2026-01-21T17:00:00.000+03:00',
    );
    expect(local(dueAfterPause('MESSAGE', due, at('2026-01-16T17:00:00+03:00'), at('2026-01-17T12:00:00+03:00'), cal))).toBe(
      '2026-01-21T17:00:00.000+03:00',
    );
  });

  it('spans the New Year holidays', () => {
    // Due Tue 2026-01-13 17:00, paused Tue 2025-12-30 10:00: Dec 30 10–12 + 13–17 = 6 h, Jan 12 = 8 h,
    // Jan 13 = 8 h → 22 h. Resumed Mon 2026-01-12 10:00: Jan 12 = 6 h (16 left), Jan 13 = 8 h (8 left),
    // Jan 14 full day → 17:00.
    expect(
      local(
        dueAfterPause(
          'MESSAGE',
          at('2026-01-13T17:00:00+03:00'),
          at('2025-12-30T10:00:00+03:00'),
          at('2026-01-12T10:00:00+03:00'),
          cal,
        ),
      ),
    ).toBe('2026-01-14T17:00:00.000+03:00');
  });

  it('moves the due time by the working time paused, across a shortened day and the May days off', () => {
    // Due Tue 2026-05-12 17:00; paused Thu Apr 30 15:00 (shortened, ends 16:00), resumed Mon May 4 08:00:
    // the pause covered 1 working hour (15:00–16:00), so the due time moves 1 working hour → Wed May 13 09:00.
    // Check by counting: left at the pause = Apr 30 1 h + May 4–7 32 h + May 8 (shortened) 7 h + May 12 8 h = 48 h
    // (May 1–3, 9–11 off). From May 4 08:00: 32 h → May 7 17:00 (16 left), May 8 7 h (9 left), May 12 8 h (1 left),
    // May 13 08:00 + 1 h = 09:00.
    expect(
      local(
        dueAfterPause(
          'MESSAGE',
          at('2026-05-12T17:00:00+03:00'),
          at('2026-04-30T15:00:00+03:00'),
          at('2026-05-04T08:00:00+03:00'),
          cal,
        ),
      ),
    ).toBe('2026-05-13T09:00:00.000+03:00');
  });

  it('applies several pauses one after the other', () => {
    const first = dueAfterPause('MESSAGE', due, at('2026-01-16T15:00:00+03:00'), at('2026-01-19T10:00:00+03:00'), cal);
    // Due now Thu Jan 22 12:00. Paused Tue Jan 20 16:00: Tue 1 h + Wed 8 h + Thu 08–12 4 h = 13 h.
    // Resumed Wed Jan 21 13:00: Wed 13–17 4 h (9 left), Thu 8 h (1 left), Fri Jan 23 08:00 + 1 h = 09:00.
    expect(local(dueAfterPause('MESSAGE', first, at('2026-01-20T16:00:00+03:00'), at('2026-01-21T13:00:00+03:00'), cal))).toBe(
      '2026-01-23T09:00:00.000+03:00',
    );
  });

  it('keeps the due time of a clock that was already overdue at the pause', () => {
    const overdue = at('2026-01-14T17:00:00+03:00');
    expect(
      local(dueAfterPause('MESSAGE', overdue, at('2026-01-15T10:00:00+03:00'), at('2026-01-19T10:00:00+03:00'), cal)),
    ).toBe('2026-01-14T17:00:00.000+03:00');
  });

  it('refuses a resume before the pause', () => {
    expect(() => dueAfterPause('MESSAGE', due, at('2026-01-16T15:00:00+03:00'), at('2026-01-16T14:00:00+03:00'), cal)).toThrow(
      RangeError,
    );
  });
});

describe('dueAfterPause ignores a pause of clocks that never pause', () => {
  const paused = at('2026-01-16T15:00:00+03:00');
  const resumed = at('2026-01-19T10:00:00+03:00');

  it('APPEAL (law): the due time stays', () => {
    const due = at('2026-01-28T23:59:59+03:00');
    const after = dueAfterPause('APPEAL', due, paused, resumed, cal);
    expect(local(after)).toBe('2026-01-28T23:59:59.000+03:00');
    expect(after).not.toBe(due); // a copy: callers may mutate it safely
  });

  it('INCIDENT and a non-answer MESSAGE clock: the due time stays', () => {
    const due = at('2026-01-21T17:00:00+03:00');
    expect(local(dueAfterPause('INCIDENT', due, paused, resumed, cal, 'finalAnswer'))).toBe('2026-01-21T17:00:00.000+03:00');
    expect(local(dueAfterPause('MESSAGE', due, paused, resumed, cal, 'qualityReview'))).toBe('2026-01-21T17:00:00.000+03:00');
  });
});
