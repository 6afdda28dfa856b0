import { graphql } from '../../../gql';

export const problemQuery = graphql(`
  query Problem($id: ID!) {
    problem(id: $id) {
      ...ProblemFields
    }
  }
`);
