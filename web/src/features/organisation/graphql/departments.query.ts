import { graphql } from '../../../gql';

export const departmentsQuery = graphql(`
  query Departments($municipalityId: ID) {
    departments(municipalityId: $municipalityId) {
      ...DepartmentFields
    }
  }
`);
