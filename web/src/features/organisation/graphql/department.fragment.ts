import { graphql } from '../../../gql';

export const departmentFieldsFragment = graphql(`
  fragment DepartmentFields on Department {
    id
    code
    name
    shortName
    shortNameDerived
    kind
    email
    phone
    active
    sectors {
      id
      code
      name
      nameEn
    }
    categories {
      id
      code
      name
      nameEn
    }
    settlements {
      id
      name
    }
  }
`);
