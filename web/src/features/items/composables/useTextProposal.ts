import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { Channel, ClassifyTextQuery, ClassifyTextQueryVariables } from '../../../gql/graphql';
import { toErrorInfo } from '../../../ui';
import { classifyTextQuery } from '../graphql/classify-text.query';

/** Shorter texts say too little for a proposal worth reading: the form asks nothing until the text is this long. */
export const PROPOSAL_MIN_LENGTH = 15;
/** The pause in typing after which the form asks: one request per pause, not one per key. */
export const PROPOSAL_DEBOUNCE_MS = 400;
/** How long the form waits before asking again while the model of a fresh server is still training. */
export const NOT_READY_RETRY_MS = 15_000;

export type TextProposal = ClassifyTextQuery['classifyText'];
export type ProposedPlace = NonNullable<TextProposal['place']>;

/** What the machine reads: the subject and the text together, as the server classifies a new item. */
export function proposalText(subject: string, text: string): string {
  return [subject.trim(), text.trim()].filter(Boolean).join('\n');
}

/**
 * The address a proposed place gives, as an operator writes one ("хутор Лысов, ул. Садовая, 12"): the locality
 * when it is not the settlement itself, the street, the house. Null when the text names no street: a settlement
 * alone is no address.
 */
export function proposedAddress(place: ProposedPlace): string | null {
  if (!place.street) return null;
  const parts: string[] = [];
  if (place.locality && place.locality.name !== place.settlement?.name) parts.push(`${place.locality.kind} ${place.locality.name}`);
  parts.push(place.street);
  if (place.house) parts.push(place.house);
  return parts.join(', ');
}

/**
 * The variables to ask with: `make` of the latest value of `input` once it has stopped changing for `debounceMs`,
 * or null at once when `make` finds the value not worth asking about. A pending change is dropped when the
 * component goes.
 */
export function useDebounced<T, V>(input: Ref<T>, make: (value: T) => V | null, debounceMs: number): Ref<V | null> {
  const variables = ref(null) as Ref<V | null>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    input,
    (next) => {
      clearTimeout(timer);
      const made = make(next);
      if (made === null) {
        variables.value = null;
        return;
      }
      timer = setTimeout(() => {
        variables.value = made;
      }, debounceMs);
    },
    { immediate: true, deep: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));
  return variables;
}

/**
 * The machine's proposal for the text being typed (classifyText): category, sector, alternatives, urgency and place,
 * asked after a pause in typing once the text is long enough. It never blocks the form: a failure only takes the
 * proposal away. While the model of a fresh server is still training (TEXT_MODEL_NOT_READY) `notReady` says so and
 * the form asks again a little later by itself.
 */
export function useTextProposal(input: Ref<{ text: string; channel: Channel | '' }>, debounceMs = PROPOSAL_DEBOUNCE_MS) {
  const variables = useDebounced<{ text: string; channel: Channel | '' }, ClassifyTextQueryVariables>(
    input,
    ({ text, channel }) => (text.length >= PROPOSAL_MIN_LENGTH ? { text, channel: channel || null } : null),
    debounceMs,
  );
  const { result, loading, error, refetch } = useQuery(
    classifyTextQuery,
    () => variables.value ?? { text: '' },
    () => ({ enabled: !!variables.value }),
  );
  const notReady = computed(() => {
    const info = toErrorInfo(error.value);
    return !!variables.value && info?.code === 'SERVICE_UNAVAILABLE' && info.reason === 'TEXT_MODEL_NOT_READY';
  });
  /** Any other failure: the proposal is simply not there (the form works without it). */
  const failed = computed(() => !!variables.value && !!error.value && !notReady.value);

  let retry: ReturnType<typeof setTimeout> | undefined;
  watch(error, () => {
    clearTimeout(retry);
    if (notReady.value) retry = setTimeout(() => void refetch()?.catch(() => undefined), NOT_READY_RETRY_MS);
  });
  onBeforeUnmount(() => clearTimeout(retry));

  const proposal = computed<TextProposal | null>(() => (variables.value && !error.value ? (result.value?.classifyText ?? null) : null));
  return { proposal, loading, notReady, failed };
}
