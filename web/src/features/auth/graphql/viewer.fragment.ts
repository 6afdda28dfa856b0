import { graphql } from '../../../gql';

/** Everything the dashboard shows about the signed-in person; shared by `me` and `signIn`. */
export const viewerFieldsFragment = graphql(`
  fragment ViewerFields on User {
    id
    username
    fullName
    position
    email
    locale
    roles
    department {
      id
      name
      shortName
    }
    sectors {
      id
      code
    }
    municipality {
      id
      name
      shortName
      regionName
      timezone
      population
    }
  }
`);
