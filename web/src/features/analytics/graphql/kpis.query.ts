import { graphql } from '../../../gql';

/** The headline figures of a scope over [from, to), and the same for the period of the same length before. */
export const kpisQuery = graphql(`
  query Kpis($from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {
    kpis(from: $from, to: $to, scope: $scope) {
      ...KpiFiguresFields
      previous {
        ...KpiFiguresFields
      }
    }
  }
`);
