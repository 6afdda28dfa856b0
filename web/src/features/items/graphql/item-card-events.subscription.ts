import { graphql } from '../../../gql';

/**
 * The changes of the item an open card shows (`filter: { itemIds: [id] }`), with what the card shows of it apart
 * from the applicant and the lists: the card updates in place from the event and fetches only its lists again
 * (ItemParts).
 */
export const itemCardEventsSubscription = graphql(`
  subscription ItemCardEvents($filter: ItemEventFilter, $after: String) {
    itemEvents(filter: $filter, after: $after) {
      cursor
      type
      at
      itemId
      item {
        ...ItemLiveFields
      }
    }
  }
`);
