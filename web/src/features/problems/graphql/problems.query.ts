import { graphql } from '../../../gql';

/** The problems the viewer reads, most linked items awaiting an answer first; without a status, the open ones. */
export const problemsQuery = graphql(`
  query Problems($first: Int!, $after: String, $status: [ProblemStatus!], $sectorCode: String, $settlementId: ID, $departmentId: ID) {
    problems(first: $first, after: $after, status: $status, sectorCode: $sectorCode, settlementId: $settlementId, departmentId: $departmentId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ProblemListFields
      }
    }
  }
`);
