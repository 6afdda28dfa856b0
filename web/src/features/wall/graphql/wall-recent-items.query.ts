import { graphql } from '../../../gql';

/** The newest items, to fill the feed when the wall starts or its cursor expired. */
export const wallRecentItemsQuery = graphql(`
  query WallRecentItems($first: Int!) {
    items(first: $first, sort: RECEIVED_DESC) {
      nodes {
        ...WallFeedItem
      }
    }
  }
`);
