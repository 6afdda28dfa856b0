import { graphql } from '../../../gql';

export const publishInterimAnswerMutation = graphql(`
  mutation PublishInterimAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {
    publishInterimAnswer(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
