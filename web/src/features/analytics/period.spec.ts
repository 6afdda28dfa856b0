import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_TIME_ZONE, NOW } from '../../test/clock';
import { bucketsFor, defaultBucket, periodOf } from './period';

const VOLGOGRAD = MUNICIPALITY_TIME_ZONE;

describe('periodOf', () => {
  // NOW is Friday 27 November 2026, 12:00 in Volgograd (UTC+3), whatever the zone of the machine.
  it('runs this month from the first in the municipality until now, compared with as long before', () => {
    expect(periodOf('month', NOW, VOLGOGRAD)).toEqual({
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-27T09:01:00.000Z',
      firstDay: '2026-11-01',
      lastDay: '2026-11-27',
      ongoing: true,
      previousFrom: '2026-10-05T08:59:00.000Z',
    });
  });

  it('takes whole months, quarters and years of the municipality', () => {
    expect(periodOf('last-month', NOW, VOLGOGRAD)).toMatchObject({
      from: '2026-09-30T21:00:00.000Z',
      to: '2026-10-31T21:00:00.000Z',
      lastDay: '2026-10-31',
      ongoing: false,
      previousFrom: '2026-08-30T21:00:00.000Z',
    });
    expect(periodOf('quarter', NOW, VOLGOGRAD)).toMatchObject({ from: '2026-09-30T21:00:00.000Z', firstDay: '2026-10-01', ongoing: true });
    expect(periodOf('year', NOW, VOLGOGRAD)).toMatchObject({ from: '2025-12-31T21:00:00.000Z', firstDay: '2026-01-01', ongoing: true });
    // In Vladivostok (UTC+10) the same instant is already evening: the months are its own.
    expect(periodOf('last-month', NOW, 'Asia/Vladivostok')).toMatchObject({ from: '2026-09-30T14:00:00.000Z', to: '2026-10-31T14:00:00.000Z' });
  });

  it('knows the month of the municipality, not of UTC, around midnight', () => {
    // 30 November 22:30 UTC is 1 December 01:30 in Volgograd.
    const p = periodOf('month', new Date('2026-11-30T22:30:00.000Z'), VOLGOGRAD)!;
    expect(p).toMatchObject({ from: '2026-11-30T21:00:00.000Z', to: '2026-11-30T22:31:00.000Z', firstDay: '2026-12-01', lastDay: '2026-12-01' });
    // A new month that began this very minute still has a period after its start.
    const start = periodOf('month', new Date('2026-11-30T21:00:00.000Z'), VOLGOGRAD)!;
    expect(start.to).toBe('2026-11-30T21:01:00.000Z');
  });

  it('takes a custom period from its first to its last day, and refuses what the server would', () => {
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2026-03-01', to: '2026-03-31' })).toMatchObject({
      from: '2026-02-28T21:00:00.000Z',
      to: '2026-03-31T21:00:00.000Z',
      ongoing: false,
    });
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2026-11-20', to: '2026-12-31' })).toMatchObject({ to: '2026-11-27T09:01:00.000Z', ongoing: true });
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2026-03-31', to: '2026-03-01' })).toBeNull();
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2026-12-01', to: '2026-12-31' })).toBeNull();
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2020-01-01', to: '2026-01-01' })).toBeNull();
    expect(periodOf('custom', NOW, VOLGOGRAD, { from: '2026-02-30', to: '2026-03-31' })).toBeNull();
    expect(periodOf('custom', NOW, VOLGOGRAD, {})).toBeNull();
  });

  it('draws days for a month, weeks for a quarter, months for a year, and days only while the server allows', () => {
    expect(defaultBucket(periodOf('month', NOW, VOLGOGRAD)!)).toBe('DAY');
    expect(defaultBucket(periodOf('quarter', NOW, VOLGOGRAD)!)).toBe('WEEK');
    expect(defaultBucket(periodOf('year', NOW, VOLGOGRAD)!)).toBe('MONTH');
    expect(bucketsFor(periodOf('year', NOW, VOLGOGRAD)!)).toEqual(['DAY', 'WEEK', 'MONTH']);
    expect(bucketsFor(periodOf('custom', NOW, VOLGOGRAD, { from: '2025-01-01', to: '2026-06-30' })!)).toEqual(['WEEK', 'MONTH']);
  });
});
