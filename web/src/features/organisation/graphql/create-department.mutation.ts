import { graphql } from '../../../gql';

export const createDepartmentMutation = graphql(`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      ...DepartmentFields
    }
  }
`);
