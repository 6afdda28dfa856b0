import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useViewer } from '../../auth/composables/useViewer';

/**
 * Which municipality the organisation pages show. A municipal user sees their own (the server scopes every
 * query); a regional reader picks one, kept in the address (`?m=<id>`) so it survives reloads and links.
 */
export function useMunicipalityScope() {
  const route = useRoute();
  const { regional } = useViewer();
  const municipalityId = computed(() => (regional.value && typeof route.query.m === 'string' ? route.query.m : null));
  const variables = computed(() => (municipalityId.value ? { municipalityId: municipalityId.value } : {}));
  /** A regional reader must have picked a municipality before the lists load. */
  const ready = computed(() => !regional.value || !!municipalityId.value);
  return { regional, municipalityId, variables, ready };
}
