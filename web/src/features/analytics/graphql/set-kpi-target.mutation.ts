import { graphql } from '../../../gql';

/** The curator approves a target; active ones it overlaps are superseded. */
export const setKpiTargetMutation = graphql(`
  mutation SetKpiTarget($input: KpiTargetInput!) {
    setKpiTarget(input: $input) {
      ...KpiTargetFields
    }
  }
`);
