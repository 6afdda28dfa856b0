import { graphql } from '../../../gql';

/** Urgent items, spikes and items overdue; `after` resumes after the last cursor the wall received. */
export const wallAlertsSubscription = graphql(`
  subscription WallAlerts($after: String) {
    alertRaised(after: $after) {
      cursor
      type
      level
      message
      at
      itemId
      item {
        ...WallFeedItem
      }
    }
  }
`);
