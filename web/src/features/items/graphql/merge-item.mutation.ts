import { graphql } from '../../../gql';

export const mergeItemMutation = graphql(`
  mutation MergeItem($id: ID!, $version: Int!, $parentId: ID!) {
    mergeItem(id: $id, version: $version, parentId: $parentId) {
      ...ItemFields
    }
  }
`);
