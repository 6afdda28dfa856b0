import { graphql } from '../../../gql';

/** An import job as the page shows it: its counters and how it ended. */
export const importJobFragment = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    fileName
    source
    dryRun
    status
    total
    processed
    created
    existing
    rejected
    error
    createdAt
    finishedAt
  }
`);
