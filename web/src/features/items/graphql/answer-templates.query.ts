import { graphql } from '../../../gql';

export const answerTemplatesQuery = graphql(`
  query AnswerTemplates($categoryCode: String) {
    answerTemplates(categoryCode: $categoryCode) {
      id
      title
      body
      category {
        id
        code
      }
    }
  }
`);
