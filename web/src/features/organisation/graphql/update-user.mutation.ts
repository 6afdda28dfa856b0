import { graphql } from '../../../gql';

export const updateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UserUpdateInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);
