import { graphql } from '../../../gql';

/** The secret `token` comes back here once and never again. */
export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: ApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);
