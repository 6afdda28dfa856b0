import { graphql } from '../../../gql';

export const closeItemMutation = graphql(`
  mutation CloseItem($id: ID!, $version: Int!, $comment: String) {
    closeItem(id: $id, version: $version, comment: $comment) {
      ...ItemFields
    }
  }
`);
