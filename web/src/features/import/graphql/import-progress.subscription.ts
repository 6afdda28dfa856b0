import { graphql } from '../../../gql';

/** The job now, then after each committed chunk, until it is DONE or FAILED. */
export const importProgressSubscription = graphql(`
  subscription ImportProgress($jobId: ID!) {
    importProgress(jobId: $jobId) {
      ...ImportJobFields
    }
  }
`);
