import { useApolloClient, useSubscription } from '@vue/apollo-composable';
import { organisationChangedSubscription } from '../graphql/organisation-changed.subscription';
import { useMunicipalityScope } from './useMunicipalityScope';

/** Which queries (by operation name) show each kind of entity. */
export const QUERIES_BY_ENTITY: Record<string, readonly string[]> = {
  Department: ['Departments', 'UserFormOptions'],
  Category: ['Sectors', 'DepartmentFormOptions'],
  Sector: ['Sectors', 'DepartmentFormOptions', 'UserFormOptions'],
  User: ['Users'],
};

/**
 * Keeps the organisation pages live: when anyone changes a department, category, sector or user of the
 * municipality, the server says so over graphql-ws and the lists on screen that show it are refetched.
 */
export function useOrganisationLive() {
  const { variables } = useMunicipalityScope();
  const { resolveClient } = useApolloClient();
  const { onResult, error } = useSubscription(organisationChangedSubscription, variables);

  onResult((result) => {
    const change = result.data?.organisationChanged;
    const names = change ? QUERIES_BY_ENTITY[change.entity] : undefined;
    if (!names) return;
    void resolveClient().refetchQueries({
      include: 'active',
      onQueryUpdated: (query) => (query.queryName && names.includes(query.queryName) ? query.refetch() : false),
    });
  });

  return { error };
}
