import { graphql } from '../../../gql';

/** What a department can be linked to: the sectors with their categories, and the settlements. */
export const departmentFormOptionsQuery = graphql(`
  query DepartmentFormOptions {
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
      kind
    }
  }
`);
