import { describe, expect, it } from 'vitest';
import { toZonedIso } from './zoned-iso.js';

describe('toZonedIso', () => {
  it('writes the Volgograd offset +03:00, with milliseconds', () => {
    // 20:59:59Z + 3 h = 23:59:59 local.
    expect(toZonedIso(new Date('2026-01-12T20:59:59.000Z'), 'Europe/Volgograd')).toBe('2026-01-12T23:59:59.000+03:00');
    expect(toZonedIso(new Date('2026-01-12T05:00:00.123Z'), 'Europe/Volgograd')).toBe('2026-01-12T08:00:00.123+03:00');
  });

  it('has no summer time in Volgograd: +03:00 in July too', () => {
    expect(toZonedIso(new Date('2026-07-01T10:00:00Z'), 'Europe/Volgograd')).toBe('2026-07-01T13:00:00.000+03:00');
  });

  it('follows the IANA history rather than a fixed offset (Volgograd was UTC+4 from Oct 2018 to Dec 2020)', () => {
    expect(toZonedIso(new Date('2019-06-01T12:00:00Z'), 'Europe/Volgograd')).toBe('2019-06-01T16:00:00.000+04:00');
  });

  it('shifts the local date in other zones', () => {
    // 20:59:59Z + 5 h = 01:59:59 the next day in Yekaterinburg.
    expect(toZonedIso(new Date('2026-01-12T20:59:59Z'), 'Asia/Yekaterinburg')).toBe('2026-01-13T01:59:59.000+05:00');
  });

  it('refuses an invalid date or zone', () => {
    expect(() => toZonedIso(new Date(NaN), 'Europe/Volgograd')).toThrow(RangeError);
    expect(() => toZonedIso(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});
