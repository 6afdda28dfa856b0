import { graphql } from '../../../gql';

/** Received, answered (on time or late) and the on-time share per day, week or month of the municipality. */
export const kpiSeriesQuery = graphql(`
  query KpiSeries($bucket: KpiBucket!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {
    kpiSeries(bucket: $bucket, from: $from, to: $to, scope: $scope) {
      from
      to
      figures {
        received
        answered
        answeredOnTime
        onTimeShare
      }
    }
  }
`);
