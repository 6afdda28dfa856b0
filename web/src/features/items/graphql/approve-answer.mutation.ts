import { graphql } from '../../../gql';

export const approveAnswerMutation = graphql(`
  mutation ApproveAnswer($id: ID!, $version: Int!, $input: ApproveInput!) {
    approveAnswer(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
