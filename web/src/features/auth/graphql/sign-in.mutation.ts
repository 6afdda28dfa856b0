import { graphql } from '../../../gql';

export const signInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      expiresAt
      user {
        ...ViewerFields
      }
    }
  }
`);
