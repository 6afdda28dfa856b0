import { graphql } from '../../../gql';

/** Starts a retraining in the background; the answer (at once) is the model that answers now, `retraining` true. */
export const retrainTextModelMutation = graphql(`
  mutation RetrainTextModel {
    retrainTextModel {
      ...TextModelFields
    }
  }
`);
