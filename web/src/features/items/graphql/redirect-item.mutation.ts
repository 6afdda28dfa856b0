import { graphql } from '../../../gql';

export const redirectItemMutation = graphql(`
  mutation RedirectItem($id: ID!, $version: Int!, $input: RedirectInput!) {
    redirectItem(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
