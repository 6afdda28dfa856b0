import type { DeadlineState, ItemEventType, ItemKind, WallFeedItemFragment } from '../../gql/graphql';

/** How many items the feed keeps: the wall runs for days, its list never grows beyond this. */
export const FEED_SIZE = 30;

/** What last happened to an item: an event of itemEvents, or RECEIVED for an item loaded when the wall (re)started. */
export type FeedEvent = ItemEventType | 'RECEIVED';

/** One row of the feed: one item, as the last event about it left it. Only plain values, nothing else is kept. */
export type FeedRow = {
  itemId: string;
  number: string;
  kind: ItemKind;
  urgent: boolean;
  category: string | null;
  settlement: string | null;
  dueAt: string | null;
  deadlineState: DeadlineState | null;
  paused: boolean;
  event: FeedEvent;
  /** When that happened (ISO). */
  at: string;
};

export function feedRow(item: WallFeedItemFragment, event: FeedEvent, at: string): FeedRow {
  return {
    itemId: item.id,
    number: item.number,
    kind: item.kind,
    urgent: item.urgent,
    category: item.category?.name ?? null,
    settlement: item.settlement?.shortName ?? null,
    dueAt: item.dueAt ?? null,
    deadlineState: item.deadlineState ?? null,
    // Only the answer clock of a MESSAGE pauses (docs/domain.md §2).
    paused: item.kind === 'MESSAGE' && !!item.pausedAt,
    event,
    at,
  };
}

/**
 * The feed after one change: a row already there is updated where it stands (the rows do not jump about); an item
 * not shown yet comes first. Never more than `size` rows: the oldest fall off the end.
 */
export function applyChange(rows: readonly FeedRow[], row: FeedRow, size = FEED_SIZE): FeedRow[] {
  const at = rows.findIndex((r) => r.itemId === row.itemId);
  if (at >= 0) {
    const next = rows.slice(0, size);
    next[at] = row;
    return next;
  }
  return [row, ...rows].slice(0, size);
}

/**
 * The feed with the items loaded when the wall (re)started, newest first, after the rows events brought meanwhile
 * (those are newer); an item in both keeps its row from the event.
 */
export function fillFeed(rows: readonly FeedRow[], loaded: readonly FeedRow[], size = FEED_SIZE): FeedRow[] {
  const shown = new Set(rows.map((r) => r.itemId));
  return [...rows, ...loaded.filter((r) => !shown.has(r.itemId))].slice(0, size);
}
