import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { LikelyDuplicatesQuery, LikelyDuplicatesQueryVariables } from '../../../gql/graphql';
import { likelyDuplicatesQuery } from '../graphql/likely-duplicates.query';
import { PROPOSAL_DEBOUNCE_MS, PROPOSAL_MIN_LENGTH, useDebounced } from './useTextProposal';

/** The registration form offers at most this many: more would be read by nobody. */
export const DUPLICATES_SHOWN = 3;

export type DuplicateCandidate = LikelyDuplicatesQuery['likelyDuplicates'][number];

/**
 * Items already registered that the text being typed may repeat (likelyDuplicates), asked after the same pause in
 * typing as the proposal, with the settlement and category the form holds (or the machine proposes). A failure only
 * leaves the list empty: the form never waits for it.
 */
export function useLikelyDuplicates(
  input: Ref<{ text: string; settlementId: string | null; categoryCode: string | null }>,
  debounceMs = PROPOSAL_DEBOUNCE_MS,
) {
  const variables = useDebounced<typeof input.value, LikelyDuplicatesQueryVariables>(
    input,
    ({ text, settlementId, categoryCode }) =>
      text.length >= PROPOSAL_MIN_LENGTH ? { text, settlementId: settlementId || null, categoryCode: categoryCode || null, first: DUPLICATES_SHOWN } : null,
    debounceMs,
  );
  const { result, loading } = useQuery(
    likelyDuplicatesQuery,
    () => variables.value ?? { text: '' },
    () => ({ enabled: !!variables.value }),
  );
  const candidates = computed<DuplicateCandidate[]>(() =>
    variables.value ? (result.value?.likelyDuplicates ?? []).slice(0, DUPLICATES_SHOWN) : [],
  );
  return { candidates, loading };
}
