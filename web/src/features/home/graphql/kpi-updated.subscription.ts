import { graphql } from '../../../gql';

/**
 * A scope's figures of the running month, now and whenever they change (docs/live.md, `kpiUpdated`; KPI_READ only).
 * The home page writes them over the month's figures it shows (useLiveMonthFigures).
 */
export const kpiUpdatedSubscription = graphql(`
  subscription KpiUpdated($scope: KpiScopeInput) {
    kpiUpdated(scope: $scope) {
      at
      month {
        ...KpiFiguresFields
      }
    }
  }
`);
