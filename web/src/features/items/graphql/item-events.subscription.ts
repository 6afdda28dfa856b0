import { graphql } from '../../../gql';

/**
 * Committed changes of the items the viewer reaches (or of some, with a filter), in commit order, for the inbox.
 * The item carries exactly the fields of an inbox row, with its id, so the row on screen is updated in place from
 * the event (useItemList writes it into the cache unless the cache already holds a newer version).
 */
export const itemEventsSubscription = graphql(`
  subscription ItemEvents($filter: ItemEventFilter, $after: String) {
    itemEvents(filter: $filter, after: $after) {
      cursor
      type
      at
      itemId
      item {
        ...ItemListFields
      }
    }
  }
`);
