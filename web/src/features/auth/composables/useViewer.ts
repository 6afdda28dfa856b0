import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { ViewerFieldsFragment } from '../../../gql/graphql';
import { can, isRegional, type Permission } from '../../../shared/permissions';
import { meQuery } from '../graphql/me.query';

export type Viewer = ViewerFieldsFragment;

/**
 * The signed-in person, from the `me` query in the Apollo cache (the route guard loads it before any page
 * renders; sign-in writes it, sign-out clears it). Nothing about the viewer is copied into a store.
 */
export function useViewer() {
  const { result, loading, error } = useQuery(meQuery, {}, { fetchPolicy: 'cache-first' });
  const viewer = computed<Viewer | null>(() => result.value?.me ?? null);
  const roles = computed(() => viewer.value?.roles ?? []);
  return {
    viewer,
    roles,
    loading,
    error,
    /** Reads every municipality and writes none (ЦУР). */
    regional: computed(() => isRegional(roles.value)),
    timeZone: computed(() => viewer.value?.municipality?.timezone ?? undefined),
    can: (permission: Permission | undefined) => can(roles.value, permission),
  };
}
