import { graphql } from '../../../gql';

export const assignOptionsQuery = graphql(`
  query AssignOptions {
    departments(activeOnly: true) {
      id
      name
      shortName
    }
  }
`);
