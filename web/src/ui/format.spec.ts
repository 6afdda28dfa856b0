import { describe, expect, it } from 'vitest';
import { endOfDayIso, formatDateTime, startOfDayIso, timeZoneOffsetMs, toZonedInputValue, zonedInputToIso } from './format';

describe('formatDateTime', () => {
  it('shows an instant in the municipality time zone, in the interface language', () => {
    // 21:30 UTC is 00:30 the next day in Volgograd (UTC+3).
    expect(formatDateTime('2026-03-01T21:30:00Z', 'ru', 'Europe/Volgograd')).toBe('02.03.2026, 00:30');
    expect(formatDateTime('2026-03-01T21:30:00Z', 'en', 'Europe/Volgograd')).toBe('02/03/2026, 00:30');
    expect(formatDateTime('2026-03-01T21:30:00Z', 'ru', 'Asia/Yekaterinburg', 'time')).toBe('02:30');
  });

  it('is empty for no date or a broken one', () => {
    expect(formatDateTime(null, 'ru')).toBe('');
    expect(formatDateTime('not a date', 'ru')).toBe('');
  });
});

describe('endOfDayIso', () => {
  it('is the last second of the day in the given time zone', () => {
    expect(timeZoneOffsetMs(Date.UTC(2026, 0, 1), 'Europe/Volgograd')).toBe(3 * 3600_000);
    expect(endOfDayIso('2026-12-31', 'Europe/Volgograd')).toBe('2026-12-31T20:59:59.000Z');
    expect(endOfDayIso('2026-07-01', 'Asia/Vladivostok')).toBe('2026-07-01T13:59:59.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => endOfDayIso('31.12.2026', 'Europe/Volgograd')).toThrow();
  });
});

describe('wall-clock times in the municipality', () => {
  it('reads a datetime-local value in the time zone of the municipality', () => {
    expect(zonedInputToIso('2026-11-27T09:30', 'Europe/Volgograd')).toBe('2026-11-27T06:30:00.000Z');
    expect(zonedInputToIso('2026-11-27', 'Europe/Volgograd')).toBeNull();
    expect(startOfDayIso('2026-01-01', 'Europe/Volgograd')).toBe('2025-12-31T21:00:00.000Z');
  });

  it('writes an instant as the wall clock of the municipality', () => {
    expect(toZonedInputValue('2026-11-27T06:30:00.000Z', 'Europe/Volgograd')).toBe('2026-11-27T09:30');
    expect(toZonedInputValue(new Date('2026-07-01T00:00:00Z'), 'Asia/Vladivostok')).toBe('2026-07-01T10:00');
  });
});
