import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { ItemKind, SlaPreviewQueryVariables } from '../../../gql/graphql';
import { slaPreviewQuery } from '../graphql/sla-preview.query';

/** The earliest time of receipt the server takes (the production calendar, and so every deadline, begins in 2000). */
export const EARLIEST_RECEIVED_AT = Date.UTC(2000, 0, 1);
/** How far ahead of the clock a time of receipt may be: the server allows a minute for clocks that differ. */
export const RECEIVED_AT_TOLERANCE_MS = 60_000;

/**
 * What is wrong with a time of receipt (an ISO instant) at `now`, as the server would judge it: an item cannot
 * arrive later than now, nor before the calendar its deadlines are counted on. Null when it is fine.
 */
export function receivedAtProblem(iso: string, now: number): 'future' | 'tooEarly' | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  if (at > now + RECEIVED_AT_TOLERANCE_MS) return 'future';
  if (at < EARLIEST_RECEIVED_AT) return 'tooEarly';
  return null;
}

/**
 * The deadlines a new item would get if registered now, asked again (after a short pause) whenever what they
 * depend on changes: kind, category, urgency, time of receipt. Without a usable time of receipt (`null`: not typed
 * whole, or one receivedAtProblem refuses) there is no preview at once, and nothing is asked: deadlines counted from
 * an impossible receipt would be impossible too.
 */
export function useSlaPreview(
  input: Ref<{ kind: ItemKind | ''; categoryCode: string; urgent: boolean; receivedAt: string | null }>,
  debounceMs = 300,
) {
  const variables = ref<SlaPreviewQueryVariables | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const usable = (next: typeof input.value) => !!next.kind && !!next.receivedAt && !receivedAtProblem(next.receivedAt, Date.now());

  watch(
    input,
    (next) => {
      clearTimeout(timer);
      if (!usable(next)) {
        variables.value = null;
        return;
      }
      timer = setTimeout(() => {
        variables.value = {
          kind: next.kind as ItemKind,
          registeredAt: new Date().toISOString(),
          urgent: next.urgent,
          categoryCode: next.categoryCode || null,
          receivedAt: next.receivedAt,
        };
      }, debounceMs);
    },
    { immediate: true, deep: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  const { result, loading, error } = useQuery(
    slaPreviewQuery,
    () => variables.value ?? { kind: 'APPEAL', registeredAt: '' },
    () => ({ enabled: !!variables.value }),
  );
  const preview = computed(() => (variables.value && usable(input.value) ? (result.value?.slaPreview ?? null) : null));
  return { preview, loading, error };
}
