import { graphql } from '../../../gql';

/** A job's refused rows by line. */
export const importRowErrorsQuery = graphql(`
  query ImportRowErrors($jobId: ID!, $first: Int!, $after: String) {
    importRowErrors(jobId: $jobId, first: $first, after: $after) {
      totalCount
      nodes {
        line
        column
        field
        code
        reason
        message
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
