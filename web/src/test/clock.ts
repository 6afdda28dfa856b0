import { vi } from 'vitest';

/**
 * The instant every test starts at: Friday 27 November 2026, 09:00 UTC, which is 12:00 in the demo municipality
 * (Europe/Volgograd, UTC+3). No test reads the machine's clock: `setup.ts` installs this fake one before each
 * test, and a test that needs another instant says so with `vi.setSystemTime`.
 */
export const NOW = new Date('2026-11-27T09:00:00.000Z');

/** The time zone of the demo municipality, in which the dashboard shows every date (never the browser's). */
export const MUNICIPALITY_TIME_ZONE = 'Europe/Volgograd';

/**
 * What the fake clock replaces: the date and every timer a component or Apollo uses (debounces, MockLink's
 * answers, the ticking of deadlines). Not `setImmediate`, which `flushPromises` needs to reach the next macrotask.
 */
export const FAKED = ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

export function installFakeClock(now: Date = NOW): void {
  vi.useFakeTimers({ toFake: [...FAKED], now });
}

/**
 * Lets `ms` of the fake clock pass, firing every timer that falls due on the way (a debounce, a delayed event of
 * the mocked server) and the promises those timers start.
 */
export async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}
