import { graphql } from '../../../gql';

export const registerItemMutation = graphql(`
  mutation RegisterItem($id: ID!, $version: Int!) {
    registerItem(id: $id, version: $version) {
      ...ItemFields
    }
  }
`);
