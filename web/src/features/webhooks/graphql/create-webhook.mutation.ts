import { graphql } from '../../../gql';

export const createWebhookMutation = graphql(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      ...WebhookFields
    }
  }
`);
