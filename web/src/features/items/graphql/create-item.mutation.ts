import { graphql } from '../../../gql';

export const createItemMutation = graphql(`
  mutation CreateItem($input: ItemInput!) {
    createItem(input: $input) {
      ...ItemFields
    }
  }
`);
