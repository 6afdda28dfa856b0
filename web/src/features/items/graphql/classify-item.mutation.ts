import { graphql } from '../../../gql';

export const classifyItemMutation = graphql(`
  mutation ClassifyItem($id: ID!, $version: Int!, $input: ClassifyInput!) {
    classifyItem(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
