import { describe, expect, it } from 'vitest';
import { lastEndedPeriod, mondayOf, periodText, reportPeriods, sizeParts } from './period';

describe('report periods', () => {
  it('finds the Monday of any day of a week, across a month and a year', () => {
    expect(mondayOf('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
  });

  it('offers the current week first, marked as not ended, then the weeks before, Monday to Sunday', () => {
    const weeks = reportPeriods('WEEKLY', '2026-11-27', 3);
    expect(weeks).toEqual([
      { start: '2026-11-23', last: '2026-11-29', current: true },
      { start: '2026-11-16', last: '2026-11-22', current: false },
      { start: '2026-11-09', last: '2026-11-15', current: false },
    ]);
  });

  it('offers calendar months from the first to the last day, a leap February included', () => {
    const months = reportPeriods('MONTHLY', '2028-03-10', 3);
    expect(months.map((m) => [m.start, m.last])).toEqual([
      ['2028-03-01', '2028-03-31'],
      ['2028-02-01', '2028-02-29'],
      ['2028-01-01', '2028-01-31'],
    ]);
  });

  it('proposes the last period that has ended', () => {
    expect(lastEndedPeriod('WEEKLY', '2026-11-27').start).toBe('2026-11-16');
    expect(lastEndedPeriod('MONTHLY', '2026-01-15').start).toBe('2025-12-01');
  });

  it('names a month by its name and a week by its first and last days', () => {
    expect(periodText('MONTHLY', '2026-11-01', '2026-12-01', 'ru')).toBe('Ноябрь 2026');
    expect(periodText('MONTHLY', '2026-11-01', '2026-12-01', 'en')).toBe('November 2026');
    expect(periodText('WEEKLY', '2026-11-16', '2026-11-23', 'ru')).toBe('16.11.2026 — 22.11.2026');
  });

  it('gives sizes in bytes, whole kilobytes or megabytes to a tenth', () => {
    expect(sizeParts(900)).toEqual({ unit: 'b', value: 900 });
    expect(sizeParts(48_640)).toEqual({ unit: 'kb', value: 48 });
    expect(sizeParts(2_621_440)).toEqual({ unit: 'mb', value: 2.5 });
  });
});
