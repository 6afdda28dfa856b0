import { graphql } from '../../../gql';

export const notificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      notificationId
      at
    }
  }
`);
