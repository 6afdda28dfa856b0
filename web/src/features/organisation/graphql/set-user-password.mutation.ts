import { graphql } from '../../../gql';

export const setUserPasswordMutation = graphql(`
  mutation SetUserPassword($id: ID!, $password: String!) {
    setUserPassword(id: $id, password: $password)
  }
`);
