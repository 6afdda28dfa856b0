import { graphql } from '../../../gql';

/** An item of the municipality changed (or the one item, with `itemId`): what is on screen is refetched. */
export const itemUpdatedSubscription = graphql(`
  subscription ItemUpdated($itemId: ID) {
    itemUpdated(itemId: $itemId) {
      itemId
      status
      version
      at
    }
  }
`);
