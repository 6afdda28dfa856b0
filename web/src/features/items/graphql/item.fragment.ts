import { graphql } from '../../../gql';

/**
 * Everything the card shows. Every lifecycle mutation selects it too, so the card (and the inbox row) update from
 * the returned item without a refetch.
 */
export const itemFieldsFragment = graphql(`
  fragment ItemFields on Item {
    ...ItemListFields
    source
    externalId
    identified
    anonymous
    address
    lat
    lon
    applicant {
      name
      phone
      email
      address
      masked
    }
    registeredAt
    registrationDueAt
    redirectDueAt
    answerDueAt
    firstReactionDueAt
    finalAnswerDueAt
    reviewDueAt
    firstReactionAt
    answeredAt
    closedAt
    ratedAt
    extendedAt
    extensionReason
    outcome
    satisfied
    ratingComment
    reopenCount
    reworkCount
    redirectedTo
    noAnswerReason
    parent {
      id
      number
      status
      subject
    }
    duplicates {
      id
      number
      status
      subject
    }
    answers {
      id
      kind
      status
      text
      submittedAt
      reviewedAt
      reworkReasons
      reviewComment
      author {
        id
        fullName
      }
      reviewer {
        id
        fullName
      }
    }
    history {
      id
      at
      type
      fromStatus
      toStatus
      comment
      details
      actorLabel
      changes
      actor {
        id
        fullName
      }
    }
    attachments {
      id
      fileName
      mimeType
      size
      url
    }
    suggestedDepartments {
      id
      name
      shortName
    }
    availableActions
    updatedAt
  }
`);
