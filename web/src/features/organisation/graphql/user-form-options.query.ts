import { graphql } from '../../../gql';

/** What a user can be assigned to: a department (executors) and sectors (sector leads). */
export const userFormOptionsQuery = graphql(`
  query UserFormOptions {
    departments(activeOnly: true) {
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
  }
`);
