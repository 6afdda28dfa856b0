import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { AuditEventFieldsFragment } from '../../../gql/graphql';
import { actionsOf, type AuditGroup } from '../actions';
import { auditEventsQuery } from '../graphql/audit-events.query';

/** Events a page; the server gives at most 200. */
export const PAGE_SIZE = 50;

/**
 * The audit log of a group of actions (or all), newest first, page by page: "load more" asks for the events
 * before the last one shown (its `at` and id, so that events of one instant are neither skipped nor repeated) and
 * appends them. A page shorter than PAGE_SIZE is the last. Another
 * group starts from its first page.
 */
export function useAuditLog(group: Ref<AuditGroup | ''>) {
  const variables = computed(() => ({ first: PAGE_SIZE, actions: actionsOf(group.value) }));
  // A log is read for what happened since: each visit and each group asks the server again (showing what the cache
  // has meanwhile); pages added by "load more" are then read from the cache.
  const { result, loading, error, fetchMore } = useQuery(auditEventsQuery, variables, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });

  const events = computed<readonly AuditEventFieldsFragment[]>(() => result.value?.auditEvents ?? []);
  /** A "load more" answered with less than a page: nothing older is left. */
  const ended = ref(false);
  const loadingMore = ref(false);
  const moreError = shallowRef<unknown>(null);
  const hasMore = computed(() => !ended.value && events.value.length >= PAGE_SIZE);

  watch(variables, () => {
    ended.value = false;
    moreError.value = null;
  });

  async function loadMore() {
    const last = events.value[events.value.length - 1];
    if (!last || !hasMore.value || loadingMore.value) return;
    loadingMore.value = true;
    moreError.value = null;
    try {
      await fetchMore({
        variables: { ...variables.value, before: last.at, beforeId: last.id },
        updateQuery: (shown, { fetchMoreResult }) => {
          const page = fetchMoreResult?.auditEvents ?? [];
          if (page.length < PAGE_SIZE) ended.value = true;
          const seen = new Set(shown.auditEvents.map((e) => e.id));
          return { ...shown, auditEvents: [...shown.auditEvents, ...page.filter((e) => !seen.has(e.id))] };
        },
      });
    } catch (e) {
      moreError.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  return {
    events,
    hasMore,
    /** The first page of the group is being read (not a "load more"). */
    loading: computed(() => loading.value && !loadingMore.value),
    loadingMore,
    error,
    moreError,
    loadMore,
  };
}
