import { graphql } from '../../../gql';

/** The card's lists (history, answers, attachments, relations), fetched again after someone else changed the item. */
export const itemPartsQuery = graphql(`
  query ItemParts($id: ID!) {
    item(id: $id) {
      id
      version
      ...ItemPartsFields
    }
  }
`);
