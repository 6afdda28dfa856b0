import { graphql } from '../../../gql';

/** The deadlines a new item would get if registered now. */
export const slaPreviewQuery = graphql(`
  query SlaPreview($kind: ItemKind!, $registeredAt: DateTime!, $urgent: Boolean, $categoryCode: String, $receivedAt: DateTime) {
    slaPreview(kind: $kind, registeredAt: $registeredAt, urgent: $urgent, categoryCode: $categoryCode, receivedAt: $receivedAt) {
      registrationDueAt
      redirectDueAt
      answerDueAt
      firstReactionDueAt
      timezone
      calendarConfirmed
    }
  }
`);
