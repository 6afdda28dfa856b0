import { graphql } from '../../../gql';

/** The bell: how many are unread, and the latest notifications with their items. */
export const notificationBellQuery = graphql(`
  query NotificationBell($first: Int!) {
    unreadNotificationCount
    notifications(first: $first) {
      id
      type
      message
      readAt
      createdAt
      item {
        id
        number
      }
    }
  }
`);
