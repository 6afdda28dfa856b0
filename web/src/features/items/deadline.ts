import type { DeadlineState, ItemKind } from '../../gql/graphql';

/**
 * The running clock of an item as the dashboard shows it between two server answers: the state the server gave,
 * except that a deadline that has passed meanwhile is overdue. (The server knows when "due soon" begins; the
 * dashboard does not, so it never guesses it.)
 */
export function liveDeadlineState(dueAt: string | null | undefined, serverState: DeadlineState | null | undefined, now: number): DeadlineState | null {
  if (!dueAt) return serverState ?? null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return serverState ?? null;
  if (now >= due) return 'OVERDUE';
  return serverState ?? 'ON_TRACK';
}

/** Only the answer clock of a MESSAGE pauses while it waits for the citizen (docs/domain.md §2). */
export function isPaused(item: { kind: ItemKind; pausedAt?: string | null }): boolean {
  return item.kind === 'MESSAGE' && !!item.pausedAt;
}

export type Duration = { days: number; hours: number; minutes: number };

/** A span of time in whole days, hours and minutes (rounded down). */
export function splitDuration(ms: number): Duration {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** The two largest units: "3 д 4 ч", "4 ч 12 мин", "12 мин"; `unit(key, n)` names each. */
export function formatDuration(ms: number, unit: (key: 'd' | 'h' | 'min', n: number) => string, lessThanMinute: string): string {
  const { days, hours, minutes } = splitDuration(ms);
  // Beyond a week the hours say nothing more.
  if (days >= 7) return unit('d', days);
  if (days > 0) return hours > 0 ? `${unit('d', days)} ${unit('h', hours)}` : unit('d', days);
  if (hours > 0) return minutes > 0 ? `${unit('h', hours)} ${unit('min', minutes)}` : unit('h', hours);
  return minutes > 0 ? unit('min', minutes) : lessThanMinute;
}

export const DEADLINE_TONES: Record<DeadlineState, 'success' | 'warning' | 'danger'> = {
  ON_TRACK: 'success',
  DUE_SOON: 'warning',
  OVERDUE: 'danger',
};
