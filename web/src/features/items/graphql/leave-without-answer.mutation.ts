import { graphql } from '../../../gql';

export const leaveWithoutAnswerMutation = graphql(`
  mutation LeaveWithoutAnswer($id: ID!, $version: Int!, $input: LeaveInput!) {
    leaveWithoutAnswer(id: $id, version: $version, input: $input) {
      ...ItemFields
    }
  }
`);
