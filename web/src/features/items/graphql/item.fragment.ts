import { graphql } from '../../../gql';

/**
 * What a change of an item can alter on the card besides the inbox row, and what `itemEvents` carries to an open
 * card (ItemCardEvents). Not the applicant: every full view of personal data is logged (docs/live.md), so an event
 * does not send it; not the lists (history, answers, attachments, relations): the card fetches those, ItemParts.
 */
export const itemLiveFieldsFragment = graphql(`
  fragment ItemLiveFields on Item {
    ...ItemListFields
    source
    externalId
    sourceStatus
    sourceUpdatedAt
    identified
    anonymous
    address
    lat
    lon
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
    classifiedBy
    suggestedDepartments {
      id
      name
      shortName
    }
    availableActions
    updatedAt
  }
`);

/** The card's lists: what a change of someone else makes the card fetch again (ItemParts), not the whole card. */
export const itemPartsFieldsFragment = graphql(`
  fragment ItemPartsFields on Item {
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
      checks {
        code
        reason
        message
        evidence
      }
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
  }
`);

/**
 * The text classifier's first pass over the item when it arrived (docs/text.md), and what of it the item took. It
 * never changes afterwards, so live events do not carry it.
 */
export const machineProposalFieldsFragment = graphql(`
  fragment MachineProposalFields on MachineProposal {
    at
    modelVersion
    sectorCode
    categoryCode
    confidence
    alternatives {
      categoryCode
      sectorCode
      confidence
    }
    urgent
    urgentScore
    urgentReasons
    place {
      settlement {
        id
        name
      }
      locality {
        name
        kind
      }
      street
      house
      confidence
    }
    applied
  }
`);

/**
 * Everything the card shows. Every lifecycle mutation selects it too, so the card (and the inbox row) update from
 * the returned item without a refetch.
 */
export const itemFieldsFragment = graphql(`
  fragment ItemFields on Item {
    ...ItemLiveFields
    applicant {
      name
      phone
      email
      address
      masked
    }
    machine {
      ...MachineProposalFields
    }
    ...ItemPartsFields
  }
`);

/** The version of a cached item: a live event older than what is cached is not written over it. */
export const itemVersionFragment = graphql(`
  fragment ItemVersion on Item {
    id
    version
  }
`);
