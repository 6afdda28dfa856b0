import { graphql } from '../../../gql';

/** What problems are narrowed by and entered with: sectors with their categories, settlements and departments. */
export const problemOptionsQuery = graphql(`
  query ProblemOptions {
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
    settlements {
      id
      name
    }
    departments(activeOnly: true) {
      id
      name
      shortName
    }
  }
`);
