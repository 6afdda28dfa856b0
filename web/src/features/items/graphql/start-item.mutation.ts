import { graphql } from '../../../gql';

export const startItemMutation = graphql(`
  mutation StartItem($id: ID!, $version: Int!) {
    startItem(id: $id, version: $version) {
      ...ItemFields
    }
  }
`);
