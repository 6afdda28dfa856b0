import { graphql } from '../../../gql';

export const webhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {
    webhookDeliveries(webhookId: $webhookId, status: $status, first: $first, after: $after) {
      nodes {
        ...WebhookDeliveryFields
      }
      endCursor
      hasNextPage
    }
  }
`);
