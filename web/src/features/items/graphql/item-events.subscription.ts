import { graphql } from '../../../gql';

/**
 * Committed changes of the items the viewer reaches (or of some, with a filter), in commit order. The item is
 * selected without its id, so an event is not written over the cached item: the screen decides what to refetch.
 */
export const itemEventsSubscription = graphql(`
  subscription ItemEvents($filter: ItemEventFilter, $after: String) {
    itemEvents(filter: $filter, after: $after) {
      cursor
      type
      at
      itemId
      item {
        status
        version
      }
    }
  }
`);
