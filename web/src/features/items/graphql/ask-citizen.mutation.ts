import { graphql } from '../../../gql';

export const askCitizenMutation = graphql(`
  mutation AskCitizen($id: ID!, $version: Int!, $comment: String!) {
    askCitizen(id: $id, version: $version, comment: $comment) {
      ...ItemFields
    }
  }
`);
