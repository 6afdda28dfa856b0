import { graphql } from '../../../gql';

export const assignItemMutation = graphql(`
  mutation AssignItem($id: ID!, $version: Int!, $input: AssignInput!) {
    assignItem(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
