import { graphql } from '../../../gql';

/** The bell: how many are unread, and the latest notifications with their items or problems (or how many items a digest gathers). */
export const notificationBellQuery = graphql(`
  query NotificationBell($first: Int!) {
    unreadNotificationCount
    notifications(first: $first) {
      id
      type
      message
      readAt
      createdAt
      itemCount
      item {
        id
        number
        subject
      }
      problem {
        id
        title
      }
    }
  }
`);
