import { graphql } from '../../../gql';

/** Finding another item by its number (or words), e.g. the parent of a duplicate. */
export const itemLookupQuery = graphql(`
  query ItemLookup($search: String!) {
    items(filter: { search: $search }, first: 8) {
      nodes {
        id
        number
        kind
        status
        subject
        receivedAt
      }
    }
  }
`);
