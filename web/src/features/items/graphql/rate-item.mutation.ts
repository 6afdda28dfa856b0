import { graphql } from '../../../gql';

export const rateItemMutation = graphql(`
  mutation RateItem($id: ID!, $version: Int!, $input: RatingInput!) {
    rateItem(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
