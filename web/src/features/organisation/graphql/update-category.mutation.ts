import { graphql } from '../../../gql';

export const updateCategoryMutation = graphql(`
  mutation UpdateCategory($id: ID!, $input: CategoryUpdateInput!) {
    updateCategory(id: $id, input: $input) {
      ...CategoryFields
    }
  }
`);
