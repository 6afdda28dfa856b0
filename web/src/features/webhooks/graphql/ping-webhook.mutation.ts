import { graphql } from '../../../gql';

export const pingWebhookMutation = graphql(`
  mutation PingWebhook($webhookId: ID!) {
    pingWebhook(webhookId: $webhookId) {
      ...WebhookDeliveryFields
    }
  }
`);
