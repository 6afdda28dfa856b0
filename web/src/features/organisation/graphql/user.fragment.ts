import { graphql } from '../../../gql';

export const userFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    username
    fullName
    position
    email
    phone
    roles
    active
    locale
    lastSignInAt
    department {
      id
      name
      shortName
    }
    sectors {
      id
      code
      name
      nameEn
    }
    municipality {
      id
      shortName
    }
  }
`);
