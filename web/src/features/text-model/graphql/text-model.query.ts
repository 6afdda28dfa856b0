import { graphql } from '../../../gql';

export const textModelQuery = graphql(`
  query TextModel {
    textModel {
      ...TextModelFields
    }
  }
`);
