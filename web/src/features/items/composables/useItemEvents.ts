import { onScopeDispose, watch } from 'vue';
import { useApolloClient } from '@vue/apollo-composable';
import type { ObservableSubscription } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import type { ItemEventFilter, ItemEventType } from '../../../gql/graphql';

/** One `ItemChange` as a screen selects it: the item with the fields that screen shows. */
export type ItemChangeOf<TItem> = { cursor: string; type: ItemEventType; at: string; itemId: string; item: TItem };

type Variables = { filter?: ItemEventFilter | null; after?: string | null };

/** How long to wait before subscribing again after the stream ended or failed, by attempt (the last one repeats). */
export const RESUBSCRIBE_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

export function isCursorExpired(errors: readonly GraphQLFormattedError[] | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.reason === 'CURSOR_EXPIRED');
}

/**
 * `itemEvents` for a screen, never losing an event (docs/live.md, "Catching up"):
 * - the cursor of the last event received is kept; graphql-ws re-sends a subscription after a dropped connection
 *   with that cursor as `after` (app/apollo/client.ts, cursorResumeLink);
 * - when the stream ends or fails anyway (graphql-ws gave up, the socket was reopened after sign-in), the screen
 *   subscribes again after a pause (RESUBSCRIBE_MS) with `after: <last cursor>`, so the server replays what was
 *   missed meanwhile;
 * - a cursor older than the server keeps is refused with `reason: CURSOR_EXPIRED`: `onExpired` reloads what the
 *   screen shows and the stream starts again without `after`;
 * - a new `filter` starts a new stream without `after` (the screen loads its data for it anyway).
 *
 * Results are not written into the cache by Apollo (`no-cache`): `onEvent` decides what of an event to write, so an
 * event never overwrites a newer state of an item (see writeItemFromEvent). An event whose item could not be read
 * (an error instead of data) is skipped.
 */
export function useItemEvents<TItem>(
  document: TypedDocumentNode<{ itemEvents: ItemChangeOf<TItem> }, Variables>,
  filter: () => ItemEventFilter | null,
  handlers: { onEvent: (change: ItemChangeOf<TItem>) => void; onExpired?: () => void },
) {
  const { resolveClient } = useApolloClient();
  let cursor: string | null = null;
  /** The stream now running (its callbacks ignore anything once another one replaced it) and its handle. */
  let current: object | null = null;
  let handle: ObservableSubscription | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let disposed = false;

  function close() {
    clearTimeout(retry);
    retry = undefined;
    current = null;
    const h = handle;
    handle = null;
    h?.unsubscribe();
  }

  function open() {
    close();
    if (disposed) return;
    const f = filter();
    const variables: Variables = { ...(f ? { filter: f } : {}), ...(cursor ? { after: cursor } : {}) };
    const mine = {};
    current = mine;
    const h = resolveClient()
      .subscribe({ query: document, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' })
      .subscribe({
        next: (result) => {
          if (current !== mine) return;
          if (isCursorExpired(result.errors)) {
            cursor = null;
            handlers.onExpired?.();
            open();
            return;
          }
          const change = result.data?.itemEvents;
          if (!change) return;
          attempt = 0;
          cursor = change.cursor;
          handlers.onEvent(change);
        },
        error: () => current === mine && later(),
        complete: () => current === mine && later(),
      });
    if (current === mine) handle = h;
    else h.unsubscribe();
  }

  /** The stream ended or failed: subscribe again after a pause, from the last cursor. */
  function later() {
    close();
    const wait = RESUBSCRIBE_MS[Math.min(attempt, RESUBSCRIBE_MS.length - 1)]!;
    attempt += 1;
    retry = setTimeout(open, wait);
  }

  watch(
    () => JSON.stringify(filter()),
    () => {
      cursor = null;
      attempt = 0;
      open();
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    disposed = true;
    close();
  });
}
