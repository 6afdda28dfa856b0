import { describe, expect, it } from 'vitest';
import { backoffMs } from './webhook-sender.js';

describe('webhook backoff', () => {
  it('doubles the wait with every failure from the base, and adds up to a quarter of it at random, never less', () => {
    const none = () => 0;
    const most = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => backoffMs(30_000, n, none))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(30_000, n, most))).toEqual([37_500, 75_000, 150_000, 300_000]);
    expect(backoffMs(30_000, 3, () => 0.5)).toBe(135_000);
  });

  it('waits at most a day (and its quarter of jitter), however many failures', () => {
    expect(backoffMs(30_000, 30, () => 0)).toBe(86_400_000);
    expect(backoffMs(30_000, 30, () => 0.999_999)).toBeLessThanOrEqual(108_000_000);
  });

  it('spreads deliveries that failed together over the quarter instead of one instant', () => {
    const waits = new Set(Array.from({ length: 200 }, () => backoffMs(30_000, 2)));
    expect(waits.size).toBeGreaterThan(100);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(60_000);
    for (const w of waits) expect(w).toBeLessThanOrEqual(75_000);
  });
});
