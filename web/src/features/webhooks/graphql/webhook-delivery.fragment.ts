import { graphql } from '../../../gql';

/** A delivery with its attempts; `body` is read for the item's number (the payload carries no personal data). */
export const webhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    webhookId
    eventType
    itemId
    status
    body
    nextAttemptAt
    deliveredAt
    createdAt
    attempts {
      number
      at
      durationMs
      httpStatus
      error
    }
  }
`);
