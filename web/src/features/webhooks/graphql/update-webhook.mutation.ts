import { graphql } from '../../../gql';

export const updateWebhookMutation = graphql(`
  mutation UpdateWebhook($id: ID!, $input: WebhookUpdateInput!) {
    updateWebhook(id: $id, input: $input) {
      ...WebhookFields
    }
  }
`);
