import { graphql } from '../../../gql';

/**
 * Open items of the last 30 days whose text is like the one being registered, most similar first (pg_trgm on the
 * server). The registration form offers them so that the operator can merge the new item into one of them.
 */
export const likelyDuplicatesQuery = graphql(`
  query LikelyDuplicates($text: String!, $settlementId: ID, $categoryCode: String, $first: Int) {
    likelyDuplicates(text: $text, settlementId: $settlementId, categoryCode: $categoryCode, first: $first) {
      similarity
      samePlace
      sameCategory
      item {
        id
        number
        status
        version
        subject
        text
        receivedAt
        settlement {
          id
          name
        }
      }
    }
  }
`);
