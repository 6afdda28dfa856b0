import { graphql } from '../../../gql';

export const usersQuery = graphql(`
  query Users {
    users {
      ...UserFields
    }
  }
`);
