import { describe, expect, it } from 'vitest';
import { addDaysToLocalDate, isoWeekday } from '../sla/index.js';
import {
  DEFAULT_SPIKE_SETTINGS,
  MAX_DISPERSION,
  MIN_EXPECTED,
  poissonCritical,
  poissonTail,
  referenceDays,
  seasonRatio,
  seasonWindows,
  spikeModel,
} from './spike-model.js';

const S = DEFAULT_SPIKE_SETTINGS;
const weekdaysOnly = (d: string) => isoWeekday(d) <= 5;

describe('the Poisson tail', () => {
  it('is 1 at k = 0 and e^-λ short of 1 at k = 1', () => {
    expect(poissonTail(2, 0)).toBe(1);
    expect(poissonTail(2, 1)).toBeCloseTo(1 - Math.exp(-2), 12);
  });

  it('matches the figures of docs/text.md: P(X ≥ 3 | 0.5) = 0.0144, P(X ≥ 5 | 0.5) = 0.00017, P(X ≥ 29 | 15) < 0.001 ≤ P(X ≥ 28 | 15)', () => {
    expect(poissonTail(0.5, 3)).toBeCloseTo(0.01439, 5);
    expect(poissonTail(0.5, 5)).toBeCloseTo(0.000172, 6);
    expect(poissonTail(15, 29)).toBeLessThan(0.001);
    expect(poissonTail(15, 28)).toBeGreaterThan(0.001);
  });

  it('does not underflow for a large λ (1,000 a day: the critical count about 3.1 standard deviations above)', () => {
    const k = poissonCritical(1000, 0.001);
    expect(k).toBeGreaterThan(1090);
    expect(k).toBeLessThan(1105);
  });

  it('gives the least significant count: 5 at λ = 0.5, 9 at λ = 2, 29 at λ = 15, 36 at λ = 20', () => {
    expect([0.5, 2, 15, 20].map((l) => poissonCritical(l, 0.001))).toEqual([5, 9, 29, 36]);
  });
});

describe('the reference days', () => {
  it('are the same weekday of the previous weeks, newest first', () => {
    const days = referenceDays('2026-12-02', '2026-01-01', 8, weekdaysOnly);
    expect(days).toEqual(['2026-11-25', '2026-11-18', '2026-11-11', '2026-11-04', '2026-10-28', '2026-10-21', '2026-10-14', '2026-10-07']);
    expect(days.every((d) => isoWeekday(d) === isoWeekday('2026-12-02'))).toBe(true);
  });

  it('stop at the municipality’s first item (before it a zero is no quiet day), and there are none without any item', () => {
    expect(referenceDays('2026-12-02', '2026-11-15', 8, weekdaysOnly)).toEqual(['2026-11-25', '2026-11-18']);
    expect(referenceDays('2026-12-02', '2026-12-02', 8, weekdaysOnly)).toEqual([]);
    expect(referenceDays('2026-12-02', null, 8, weekdaysOnly)).toEqual([]);
  });

  it('leave out the same weekdays of the other working status (a holiday Wednesday is not a working one), unless none is alike', () => {
    const holidays = new Set(['2026-11-04']);
    const working = (d: string) => weekdaysOnly(d) && !holidays.has(d);
    expect(referenceDays('2026-12-02', '2026-10-01', 8, working)).not.toContain('2026-11-04');
    expect(referenceDays('2026-11-04', '2026-10-01', 4, working)).toEqual(['2026-10-28', '2026-10-21', '2026-10-14', '2026-10-07']);
  });
});

describe('the season', () => {
  it('compares the same period a year ago (52 weeks, same weekdays, ± 7 days) with the weeks before it', () => {
    const w = seasonWindows('2026-12-02', 8);
    expect(w.periodFrom).toBe('2025-11-26');
    expect(w.periodTo).toBe('2025-12-10');
    expect(w.beforeFrom).toBe(addDaysToLocalDate('2025-11-26', -56));
  });

  it('is 1 without last year, smoothed by half an item a day, and bounded by seasonMax', () => {
    expect(seasonRatio(null, 3)).toBe(1);
    expect(seasonRatio({ period: 0, periodDays: 15, before: 0, beforeDays: 56 }, 3)).toBe(1);
    // 2 a day in the period against 1 a day before: (2 + 0.5) / (1 + 0.5).
    expect(seasonRatio({ period: 30, periodDays: 15, before: 56, beforeDays: 56 }, 3)).toBeCloseTo(2.5 / 1.5, 12);
    expect(seasonRatio({ period: 300, periodDays: 15, before: 0, beforeDays: 56 }, 3)).toBe(3);
    expect(seasonRatio({ period: 0, periodDays: 15, before: 560, beforeDays: 56 }, 3)).toBe(1 / 3);
  });
});

describe('the threshold', () => {
  it('is the minimum count for a quiet history: 15 items alert, 3 do not', () => {
    const m = spikeModel({ sameWeekday: [], lastYear: null }, S);
    expect(m).toMatchObject({ baseline: 0, seasonRatio: 1, dispersion: 1, expected: MIN_EXPECTED, threshold: 8 });
    expect(3).toBeLessThan(m.threshold);
    expect(15).toBeGreaterThanOrEqual(m.threshold);
    expect(spikeModel({ sameWeekday: [0, 1, 0, 0, 0, 1, 0, 0], lastYear: null }, S).threshold).toBe(8);
  });

  it('rises with a busy weekday above its usual level: 15 every week gives 29, so 15 is no spike', () => {
    const m = spikeModel({ sameWeekday: [15, 15, 15, 15], lastYear: null }, S);
    expect(m.expected).toBe(15);
    expect(m.threshold).toBe(29);
  });

  it('widens with the week-to-week spread (a past spike among quiet weeks), at most by the square root of MAX_DISPERSION', () => {
    const steady = spikeModel({ sameWeekday: [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5], lastYear: null }, S);
    const spread = spikeModel({ sameWeekday: [0, 0, 0, 0, 0, 0, 0, 20], lastYear: null }, S);
    expect(spread.baseline).toBe(2.5);
    expect(spread.dispersion).toBe(MAX_DISPERSION);
    expect(steady.threshold).toBe(10);
    // 2.5 + (10 - 2.5) x 2 = 17.5.
    expect(spread.threshold).toBe(18);
  });

  it('follows the season: a period three times busier a year ago triples the expectation', () => {
    const m = spikeModel({ sameWeekday: [2, 2, 2, 2], lastYear: { period: 150, periodDays: 15, before: 168, beforeDays: 56 } }, S);
    expect(m.seasonRatio).toBe(3);
    expect(m.expected).toBe(6);
    expect(m.threshold).toBe(poissonCritical(6, S.significance));
  });

  it('honours the settings: a lower minimum count and a looser significance alert earlier', () => {
    const quiet = { sameWeekday: [0, 0, 0, 0], lastYear: null };
    expect(spikeModel(quiet, { ...S, minCount: 3 }).threshold).toBe(5);
    expect(spikeModel(quiet, { ...S, minCount: 3, significance: 0.05 }).threshold).toBe(3);
  });
});
