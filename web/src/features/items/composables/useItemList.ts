import { computed, onBeforeUnmount, type Ref } from 'vue';
import { useQuery, useSubscription } from '@vue/apollo-composable';
import type { ItemFilter, ItemSort } from '../../../gql/graphql';
import { itemsQuery } from '../graphql/items.query';
import { itemEventsSubscription } from '../graphql/item-events.subscription';

export const PAGE_SIZE = 25;
/** The server gives at most 100 items a page. */
const MAX_PAGE = 100;

/**
 * A page-by-page list of items for a filter: "load more" appends the next page (cursor), and when any item of the
 * municipality changes (`itemEvents`) the rows on screen are fetched again, as many as are shown, after a short
 * pause so a burst of changes costs one request.
 */
export function useItemList(filter: Ref<ItemFilter>, sort: Ref<ItemSort>, options: { onChange?: () => void; debounceMs?: number } = {}) {
  const variables = computed(() => ({ filter: filter.value, first: PAGE_SIZE, sort: sort.value }));
  const { result, loading, error, fetchMore, refetch } = useQuery(itemsQuery, variables, { notifyOnNetworkStatusChange: true });

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

  function refresh() {
    const shown = Math.min(Math.max(rows.value.length, PAGE_SIZE), MAX_PAGE);
    return refetch({ ...variables.value, first: shown });
  }

  const { onResult } = useSubscription(itemEventsSubscription, {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  onResult(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void refresh();
      options.onChange?.();
    }, options.debounceMs ?? 1000);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  return { rows, totalCount, hasMore, loading, loadingMore, error, loadMore, refresh, result };
}
