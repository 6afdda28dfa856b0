import type { DeadlineState } from '../../gql/graphql';
import { formatDuration, liveDeadlineState } from '../items/deadline';

/** Where an item's running clock stands at `now`: no deadline, paused, time left, or overdue by how much. */
export type Countdown =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'left' | 'overdue'; ms: number; state: DeadlineState };

export function countdownOf(dueAt: string | null, serverState: DeadlineState | null, paused: boolean, now: number): Countdown {
  if (paused) return { kind: 'paused' };
  if (!dueAt) return { kind: 'none' };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { kind: 'none' };
  const state = liveDeadlineState(dueAt, serverState, now) ?? 'ON_TRACK';
  return due > now ? { kind: 'left', ms: due - now, state } : { kind: 'overdue', ms: now - due, state: 'OVERDUE' };
}

/**
 * A span as the wall shows it: the two largest units from an hour up ("3 д 4 ч", "4 ч 12 мин"), and minutes with
 * seconds below an hour ("12:05"), so the last hour visibly counts down.
 */
export function formatSpan(ms: number, unit: (key: 'd' | 'h' | 'min', n: number) => string, lessThanMinute: string): string {
  const abs = Math.abs(ms);
  if (abs >= 3_600_000) return formatDuration(abs, unit, lessThanMinute);
  const seconds = Math.floor(abs / 1000);
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
