import { graphql } from '../../../gql';

/** An item as a row of the wall's feed and its alert takeover show it (the applicant is never asked for). */
export const wallFeedItemFragment = graphql(`
  fragment WallFeedItem on Item {
    id
    number
    kind
    urgent
    receivedAt
    dueAt
    deadlineState
    pausedAt
    category {
      name
    }
    settlement {
      name
      shortName
    }
  }
`);
