import { graphql } from '../../../gql';

export const returnForReworkMutation = graphql(`
  mutation ReturnForRework($id: ID!, $version: Int!, $input: ReturnInput!) {
    returnForRework(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
