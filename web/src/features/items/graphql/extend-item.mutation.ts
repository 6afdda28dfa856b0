import { graphql } from '../../../gql';

export const extendItemMutation = graphql(`
  mutation ExtendItem($id: ID!, $version: Int!, $input: ExtendInput!) {
    extendItem(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
