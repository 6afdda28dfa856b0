import { graphql } from '../../../gql';

export const webhookFieldsFragment = graphql(`
  fragment WebhookFields on Webhook {
    id
    url
    description
    eventTypes
    active
    secretHint
    owner
    createdAt
    updatedAt
  }
`);
