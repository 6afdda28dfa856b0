import { graphql } from '../../../gql';

/**
 * Names for what the log holds as usernames and ids: people (by username and id), API tokens and the
 * organisation. Each list is asked for only when the viewer may read it; without one, the log shows what it has.
 */
export const auditDirectoryQuery = graphql(`
  query AuditDirectory($users: Boolean!, $tokens: Boolean!, $organisation: Boolean!) {
    users @include(if: $users) {
      id
      username
      fullName
    }
    apiTokens @include(if: $tokens) {
      id
      name
    }
    departments @include(if: $organisation) {
      id
      name
      shortName
    }
    categories @include(if: $organisation) {
      id
      name
      nameEn
    }
    sectors @include(if: $organisation) {
      id
      name
      nameEn
    }
  }
`);
