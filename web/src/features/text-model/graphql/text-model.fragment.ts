import { graphql } from '../../../gql';

/** What the head sees of the municipality's text model, from `textModel` and from `retrainTextModel` alike. */
export const textModelFieldsFragment = graphql(`
  fragment TextModelFields on TextModelInfo {
    version
    baseVersion
    trainedAt
    trainingMs
    examples
    staffExamples
    newStaffExamples
    municipal
    retraining
  }
`);
