import { graphql } from '../../../gql';

/** One page of the inbox; `after` asks for the next one (the cache appends it, see createCache). */
export const itemsQuery = graphql(`
  query Items($filter: ItemFilter, $first: Int!, $after: String, $sort: ItemSort!) {
    items(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      nodes {
        ...ItemListFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
