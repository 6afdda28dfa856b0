import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { useApolloClient, useQuery } from '@vue/apollo-composable';
import type { ItemFilter, ItemListFieldsFragment, ItemSort } from '../../../gql/graphql';
import { useViewer } from '../../auth/composables/useViewer';
import { itemListFieldsFragment } from '../graphql/item-list.fragment';
import { itemsQuery } from '../graphql/items.query';
import { itemEventsSubscription } from '../graphql/item-events.subscription';
import { compareRows, membership, type ListViewer } from '../live/membership';
import { writeItemFromEvent } from '../live/write-item';
import { useItemEvents, type ItemChangeOf } from './useItemEvents';

export const PAGE_SIZE = 25;
/** The server gives at most 100 items a page. */
const MAX_PAGE = 100;
/** The queue counters are fetched again this long after the last change of a burst… */
export const COUNTS_DEBOUNCE_MS = 1_000;
/** …but never later than this after the first one, however long the burst. */
export const COUNTS_MAX_WAIT_MS = 5_000;

/**
 * A page-by-page list of items for a filter: "load more" appends the next page (cursor). Live, from `itemEvents`
 * (useItemEvents), without fetching the list again:
 * - a row on screen is updated in place: the event carries the row's fields with the item's id and is written into
 *   the normalised cache (unless the cache has a newer version), so the row re-renders where it is — rows never
 *   move or disappear under the reader;
 * - a row on screen that no longer belongs to the filter or queue (closed while "open only", reassigned away from
 *   "mine", …; live/membership.ts) is marked (`left`) and stays until the first page is shown again; a row that
 *   comes back is unmarked;
 * - an item not on screen that now belongs to the list is not inserted: it is counted (`arrivals`) when it would
 *   sort among the rows already loaded, or all rows are loaded (one further down comes with "load more" anyway);
 *   `showArrivals()` fetches the first page again, which drops the marks and the count;
 * - when membership cannot be judged in the browser (a full-text search, a KPI drill-down) rows still update in
 *   place, but nothing is marked or counted;
 * - `onChange` (the queue counters) runs once per burst of events: COUNTS_DEBOUNCE_MS after the last one, at most
 *   COUNTS_MAX_WAIT_MS after the first;
 * - when the server no longer has the events since the last cursor (CURSOR_EXPIRED), the rows on screen are
 *   fetched again (as many as are shown), with the counters, and the stream starts anew.
 * The totals shown ("found", "shown of") are those of the last load.
 */
export function useItemList(filter: Ref<ItemFilter>, sort: Ref<ItemSort>, options: { onChange?: () => void } = {}) {
  const variables = computed(() => ({ filter: filter.value, first: PAGE_SIZE, sort: sort.value }));
  const { result, loading, error, fetchMore, refetch } = useQuery(itemsQuery, variables, { notifyOnNetworkStatusChange: true });
  const { resolveClient } = useApolloClient();
  const { viewer } = useViewer();

  const connection = computed(() => result.value?.items ?? null);
  const rows = computed(() => connection.value?.nodes ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  const hasMore = computed(() => !!connection.value?.pageInfo.hasNextPage);
  const loadingMore = computed(() => loading.value && rows.value.length > 0);

  async function loadMore() {
    const after = connection.value?.pageInfo.endCursor;
    if (!after || !hasMore.value) return;
    await fetchMore({ variables: { ...variables.value, after } });
  }

  /** Items on screen that no longer belong to the list, and items not on screen that now do. */
  const left = shallowRef<ReadonlySet<string>>(new Set());
  const arriving = shallowRef<ReadonlySet<string>>(new Set());
  const onScreen = computed(() => new Set(rows.value.map((r) => r.id)));
  const arrivals = computed(() => [...arriving.value].filter((id) => !onScreen.value.has(id)).length);
  const isLeft = (id: string) => left.value.has(id) && onScreen.value.has(id);

  function forgetMarks() {
    left.value = new Set();
    arriving.value = new Set();
  }
  watch(() => JSON.stringify([filter.value, sort.value]), forgetMarks);

  /** The rows on screen fetched again, as many as are shown. */
  function refresh() {
    forgetMarks();
    const shown = Math.min(Math.max(rows.value.length, PAGE_SIZE), MAX_PAGE);
    return refetch({ ...variables.value, first: shown });
  }

  /** The first page fetched again: what arrived takes its place in the list, what left drops out. */
  function showArrivals() {
    forgetMarks();
    return refetch({ ...variables.value, first: PAGE_SIZE });
  }

  const listViewer = computed<ListViewer | null>(() =>
    viewer.value
      ? { id: viewer.value.id, roles: viewer.value.roles, departmentId: viewer.value.department?.id ?? null, sectorIds: viewer.value.sectors.map((s) => s.id) }
      : null,
  );

  function toggled(set: ReadonlySet<string>, id: string, present: boolean): ReadonlySet<string> {
    if (set.has(id) === present) return set;
    const next = new Set(set);
    if (present) next.add(id);
    else next.delete(id);
    return next;
  }

  function onEvent(change: ItemChangeOf<ItemListFieldsFragment>) {
    countsChanged();
    const item = change.item;
    // An event older than what the cache holds says nothing new about the item. Items the cache does not hold (not
    // on screen, no card seen) are judged from the event alone and not kept.
    if (writeItemFromEvent(resolveClient().cache, itemListFieldsFragment, 'ItemListFields', item, { onlyCached: true }) === 'stale') return;
    const belongs = membership(item, filter.value, listViewer.value, Date.now());
    if (onScreen.value.has(item.id)) {
      left.value = toggled(left.value, item.id, belongs === 'out');
      return;
    }
    if (belongs === 'out') arriving.value = toggled(arriving.value, item.id, false);
    if (belongs !== 'in') return;
    const last = rows.value[rows.value.length - 1];
    const among = !hasMore.value || !last || compareRows(item, last, sort.value) < 0;
    if (among) arriving.value = toggled(arriving.value, item.id, true);
  }

  // The queue counters: a bounded debounce.
  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  let burstStartedAt: number | null = null;
  function countsChanged() {
    if (!options.onChange) return;
    const now = Date.now();
    burstStartedAt ??= now;
    clearTimeout(countsTimer);
    const wait = Math.max(0, Math.min(COUNTS_DEBOUNCE_MS, burstStartedAt + COUNTS_MAX_WAIT_MS - now));
    countsTimer = setTimeout(() => {
      burstStartedAt = null;
      options.onChange?.();
    }, wait);
  }
  onScopeDispose(() => clearTimeout(countsTimer));

  useItemEvents(itemEventsSubscription, () => null, {
    onEvent,
    onExpired: () => {
      void refresh();
      options.onChange?.();
    },
  });

  return { rows, totalCount, hasMore, loading, loadingMore, error, loadMore, refresh, result, isLeft, arrivals, showArrivals };
}
