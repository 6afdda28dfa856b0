import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { ItemKind, SlaPreviewQueryVariables } from '../../../gql/graphql';
import { slaPreviewQuery } from '../graphql/sla-preview.query';

/**
 * The deadlines a new item would get if registered now, asked again (after a short pause) whenever what they
 * depend on changes: kind, category, urgency, time of receipt.
 */
export function useSlaPreview(
  input: Ref<{ kind: ItemKind | ''; categoryCode: string; urgent: boolean; receivedAt: string | null }>,
  debounceMs = 300,
) {
  const variables = ref<SlaPreviewQueryVariables | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    input,
    (next) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        variables.value = next.kind
          ? {
              kind: next.kind,
              registeredAt: new Date().toISOString(),
              urgent: next.urgent,
              categoryCode: next.categoryCode || null,
              receivedAt: next.receivedAt,
            }
          : null;
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
  const preview = computed(() => (variables.value ? (result.value?.slaPreview ?? null) : null));
  return { preview, loading, error };
}
