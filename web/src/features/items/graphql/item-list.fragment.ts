import { graphql } from '../../../gql';

/** A row of the inbox. The card's fields include these, so a change seen on the card shows in the list too. */
export const itemListFieldsFragment = graphql(`
  fragment ItemListFields on Item {
    id
    number
    kind
    channel
    status
    version
    subject
    text
    urgent
    receivedAt
    dueAt
    deadlineState
    secondsLeft
    pausedAt
    category {
      id
      code
      name
      nameEn
    }
    sector {
      id
      code
      name
      nameEn
    }
    settlement {
      id
      name
      shortName
    }
    department {
      id
      name
      shortName
    }
    executor {
      id
      fullName
    }
  }
`);
