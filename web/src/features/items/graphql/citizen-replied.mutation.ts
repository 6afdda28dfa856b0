import { graphql } from '../../../gql';

export const citizenRepliedMutation = graphql(`
  mutation CitizenReplied($id: ID!, $version: Int!, $comment: String) {
    citizenReplied(id: $id, version: $version, comment: $comment) {
      ...ItemFields
    }
  }
`);
