import { graphql } from '../../../gql';

export const webhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      ...WebhookFields
    }
  }
`);
