import { graphql } from '../../../gql';

/** Every committed change of the items the wall reaches; `after` resumes after the last cursor it received. */
export const wallItemEventsSubscription = graphql(`
  subscription WallItemEvents($after: String) {
    itemEvents(after: $after) {
      cursor
      type
      at
      itemId
      item {
        ...WallFeedItem
      }
    }
  }
`);
