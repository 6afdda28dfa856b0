import { graphql } from '../../../gql';

/** The recurring problems being dealt with, most items awaiting an answer first. */
export const wallProblemsQuery = graphql(`
  query WallProblems($first: Int!) {
    problems(first: $first, status: [CONFIRMED, IN_WORK]) {
      nodes {
        id
        title
        status
        area
        itemCount
        openItemCount
        residentCount
        settlement {
          name
        }
        category {
          name
        }
      }
    }
  }
`);
