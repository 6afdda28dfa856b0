import { graphql } from '../../../gql';

/** Queues an import, or with dryRun a check of every row. */
export const startImportMutation = graphql(`
  mutation StartImport($input: StartImportInput!) {
    startImport(input: $input) {
      ...ImportJobFields
    }
  }
`);
