import { graphql } from '../../../gql';

/** What the registration form offers: categories by sector, and the settlements. */
export const newItemOptionsQuery = graphql(`
  query NewItemOptions {
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
        urgentCapable
      }
    }
    settlements {
      id
      name
      kind
    }
  }
`);
