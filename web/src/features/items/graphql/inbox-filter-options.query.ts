import { graphql } from '../../../gql';

/** What the inbox filters offer: sectors with their categories, and the departments. */
export const inboxFilterOptionsQuery = graphql(`
  query InboxFilterOptions {
    sectors {
      id
      code
      name
      nameEn
      categories {
        id
        code
        name
        nameEn
        active
      }
    }
    departments(activeOnly: true) {
      id
      name
      shortName
    }
  }
`);
