import { graphql } from '../../../gql';

/** The people of a department, to name an executor. Roles without USERS_READ are refused (FORBIDDEN). */
export const departmentUsersQuery = graphql(`
  query DepartmentUsers($departmentId: ID!) {
    users(departmentId: $departmentId, activeOnly: true) {
      id
      fullName
      position
      roles
    }
  }
`);
