import { graphql } from '../../../gql';

export const updateDepartmentMutation = graphql(`
  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {
    updateDepartment(id: $id, input: $input) {
      ...DepartmentFields
    }
  }
`);
