import { graphql } from '../../../gql';

export const itemQueueCountsQuery = graphql(`
  query ItemQueueCounts {
    itemQueueCounts {
      MINE
      UNASSIGNED
      MY_REVIEW
      OVERDUE_MY_SECTORS
      TO_CLASSIFY
    }
  }
`);
