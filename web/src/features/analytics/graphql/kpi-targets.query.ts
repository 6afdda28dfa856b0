import { graphql } from '../../../gql';

/** Every target approved in the municipality, the superseded ones too: the history. */
export const kpiTargetsQuery = graphql(`
  query KpiTargets {
    kpiTargets(includeSuperseded: true) {
      ...KpiTargetFields
    }
  }
`);
