import { describe, expect, it } from 'vitest';
import { countdownOf, formatSpan } from './countdown';

const unit = (key: string, n: number) => `${n}${key}`;
const at = (iso: string) => Date.parse(iso);

describe('the wall’s countdown', () => {
  it('shows minutes and seconds in the last hour and the two largest units above it', () => {
    expect(formatSpan(45 * 60_000 + 30_000, unit, '<1m')).toBe('45:30');
    expect(formatSpan(59_999, unit, '<1m')).toBe('00:59');
    expect(formatSpan(3_600_000, unit, '<1m')).toBe('1h');
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000, unit, '<1m')).toBe('3h 5min');
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000, unit, '<1m')).toBe('3d 4h');
    expect(formatSpan(12 * 86_400_000 + 4 * 3_600_000, unit, '<1m')).toBe('12d');
  });

  it('is time left before the deadline and overdue from it on, keeping the server’s state until then', () => {
    const due = '2026-11-27T12:00:00.000Z';
    expect(countdownOf(due, 'DUE_SOON', false, at('2026-11-27T11:59:59.000Z'))).toEqual({ kind: 'left', ms: 1000, state: 'DUE_SOON' });
    expect(countdownOf(due, 'DUE_SOON', false, at('2026-11-27T12:00:01.000Z'))).toEqual({ kind: 'overdue', ms: 1000, state: 'OVERDUE' });
    expect(countdownOf(due, null, false, at('2026-11-20T00:00:00.000Z'))).toMatchObject({ kind: 'left', state: 'ON_TRACK' });
  });

  it('has nothing to count without a deadline or while the clock is paused', () => {
    expect(countdownOf(null, null, false, 0)).toEqual({ kind: 'none' });
    expect(countdownOf('2026-11-27T12:00:00.000Z', 'ON_TRACK', true, 0)).toEqual({ kind: 'paused' });
  });
});
