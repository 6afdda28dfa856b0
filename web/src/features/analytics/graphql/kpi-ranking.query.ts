import { graphql } from '../../../gql';

/** The figures per department, sector, settlement, category or channel (the ranking and the map). */
export const kpiRankingQuery = graphql(`
  query KpiRanking($by: KpiDimension!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {
    kpiRanking(by: $by, from: $from, to: $to, scope: $scope) {
      key
      name
      figures {
        received
        answered
        answeredOnTime
        onTimeShare
        overdueOpen
        repeats
        targets {
          ...KpiFigureStateFields
        }
      }
    }
  }
`);
