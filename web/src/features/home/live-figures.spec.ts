import { describe, expect, it } from 'vitest';
import { MONTH_FROM, MONTH_TO, PREVIOUS_FROM, figureState, kpiFiguresFixture } from '../../test/kpis';
import { judge, kpisVariables, withLiveMonth } from './live-figures';

const shown = () => ({
  ...kpiFiguresFixture({
    targets: [
      figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK' }),
      // Per month, prorated to the 26 days and 12 hours so far: 10 a month is 8.85 so far.
      figureState('REPEATS', { target: 8.85, margin: 0.885, actual: 9, state: 'AT_RISK', lowerIsBetter: true }),
    ],
  }),
  previous: kpiFiguresFixture({ from: PREVIOUS_FROM, to: MONTH_FROM, received: 100 }),
});
const push = (overrides: Parameters<typeof kpiFiguresFixture>[0] = {}) =>
  kpiFiguresFixture({
    from: MONTH_FROM,
    to: '2026-11-30T21:00:00.000Z',
    targets: [figureState('REPEATS', { target: 10, margin: 1, actual: 12, state: 'FAILING', lowerIsBetter: true })],
    ...overrides,
  });

describe('withLiveMonth', () => {
  it('takes the pushed values and keeps the period before, the targets as prorated and the start of the period', () => {
    const next = withLiveMonth(shown(), push({ received: 131, repeats: 12, onTimeShare: 0.95 }), '2026-11-27T09:30:00.000Z')!;
    expect(next.received).toBe(131);
    expect(next.from).toBe(MONTH_FROM);
    expect(next.previous.received).toBe(100);
    expect(next.targets.map((s) => [s.figure, s.target, s.actual, s.state])).toEqual([
      ['ON_TIME_SHARE', 0.9, 0.95, 'ON_TRACK'],
      ['REPEATS', 8.85, 12, 'FAILING'],
    ]);
  });

  it('runs the period to the next whole minute after the push, never back', () => {
    expect(withLiveMonth(shown(), push(), '2026-11-27T09:30:10.000Z')!.to).toBe('2026-11-27T09:31:00.000Z');
    expect(withLiveMonth(shown(), push(), '2026-11-27T08:00:00.000Z')!.to).toBe(MONTH_TO);
  });

  it('ignores the figures of another month', () => {
    expect(withLiveMonth(shown(), push({ from: '2026-11-30T21:00:00.000Z' }), '2026-12-01T00:00:00.000Z')).toBeNull();
  });
});

describe('judge', () => {
  it('judges as the server: met, within the margin, beyond it, or nothing without a value', () => {
    expect(judge('HIGHER_IS_BETTER', 0.9, 0.9, 0.09)).toBe('ON_TRACK');
    expect(judge('HIGHER_IS_BETTER', 0.85, 0.9, 0.09)).toBe('AT_RISK');
    expect(judge('HIGHER_IS_BETTER', 0.8, 0.9, 0.09)).toBe('FAILING');
    expect(judge('LOWER_IS_BETTER', 11, 10, 1)).toBe('AT_RISK');
    expect(judge('LOWER_IS_BETTER', null, 10, 1)).toBeNull();
  });
});

describe('kpisVariables', () => {
  it('asks for the municipality without a scope, as JudgedFigures does', () => {
    expect(kpisVariables({ from: MONTH_FROM, to: MONTH_TO }, { sectorCode: '' })).toEqual({ from: MONTH_FROM, to: MONTH_TO, scope: null });
    expect(kpisVariables({ from: MONTH_FROM, to: MONTH_TO }, { sectorCode: 'ZHKH' })).toEqual({ from: MONTH_FROM, to: MONTH_TO, scope: { sectorCode: 'ZHKH' } });
  });
});
