import { graphql } from '../../../gql';

export const apiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    kind
    scopes
    sources
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);
