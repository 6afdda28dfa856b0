import { graphql } from '../../../gql';

export const submitAnswerMutation = graphql(`
  mutation SubmitAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {
    submitAnswer(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
