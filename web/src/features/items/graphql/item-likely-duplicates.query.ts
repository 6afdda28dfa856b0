import { graphql } from '../../../gql';

/**
 * The open items of the last 30 days whose text is like this item's (pg_trgm), most similar first; only those the
 * viewer reaches. Asked apart from the card: it is a search, not a field every mutation should select again.
 */
export const itemLikelyDuplicatesQuery = graphql(`
  query ItemLikelyDuplicates($id: ID!) {
    item(id: $id) {
      id
      likelyDuplicates {
        similarity
        samePlace
        sameCategory
        item {
          id
          number
          status
          receivedAt
          subject
          text
        }
      }
    }
  }
`);
