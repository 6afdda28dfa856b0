import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, retryDelayMs } from './apollo';

describe('the wall’s reconnection back-off', () => {
  it('waits half a second, doubling up to ten seconds, plus up to half a second of jitter', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => retryDelayMs(n, none))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(retryDelayMs(0, () => 0.999)).toBe(999);
    expect(retryDelayMs(1000, () => 0.999)).toBeLessThan(MAX_RETRY_MS + 500);
  });
});
