import { graphql } from '../../../gql';

/** Marks the given notifications read (all of them without ids); answers how many changed. */
export const markNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
