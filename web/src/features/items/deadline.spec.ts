import { describe, expect, it } from 'vitest';
import { formatDuration, isPaused, liveDeadlineState, splitDuration } from './deadline';

const unit = (key: string, n: number) => `${n}${key}`;

describe('deadline helpers', () => {
  it('turns a deadline that passed meanwhile into OVERDUE and keeps the server state otherwise', () => {
    const due = '2026-11-27T12:00:00.000Z';
    expect(liveDeadlineState(due, 'DUE_SOON', Date.parse('2026-11-27T11:59:00Z'))).toBe('DUE_SOON');
    expect(liveDeadlineState(due, 'DUE_SOON', Date.parse('2026-11-27T12:00:00Z'))).toBe('OVERDUE');
    expect(liveDeadlineState(due, 'ON_TRACK', Date.parse('2026-11-20T00:00:00Z'))).toBe('ON_TRACK');
    expect(liveDeadlineState(null, null, 0)).toBeNull();
  });

  it('says only a MESSAGE clock pauses', () => {
    expect(isPaused({ kind: 'MESSAGE', pausedAt: '2026-11-24T10:00:00Z' })).toBe(true);
    expect(isPaused({ kind: 'APPEAL', pausedAt: '2026-11-24T10:00:00Z' })).toBe(false);
    expect(isPaused({ kind: 'MESSAGE', pausedAt: null })).toBe(false);
  });

  it('shows the two largest units of what is left', () => {
    expect(splitDuration(-(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000))).toEqual({ days: 2, hours: 3, minutes: 5 });
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000, unit, '<1m')).toBe('2d 3h');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, unit, '<1m')).toBe('3h 5min');
    expect(formatDuration(86_400_000, unit, '<1m')).toBe('1d');
    expect(formatDuration(335 * 86_400_000 + 14 * 3_600_000, unit, '<1m')).toBe('335d');
    expect(formatDuration(30_000, unit, '<1m')).toBe('<1m');
  });
});
