import { graphql } from '../../../gql';

export const itemQuery = graphql(`
  query Item($id: ID!) {
    item(id: $id) {
      ...ItemFields
    }
  }
`);
