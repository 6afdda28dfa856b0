import { graphql } from '../../../gql';

/**
 * Items that recur (one category on one street or in one settlement) and are in no problem yet: computed now.
 * `firstReceivedAt`/`lastReceivedAt` are not asked for: the server answers them as PostgreSQL text, which the
 * DateTime scalar refuses (the whole list then fails); the period is read from the items instead, which are exactly
 * the proposal's items the viewer reaches.
 */
export const problemProposalsQuery = graphql(`
  query ProblemProposals($windowDays: Int!, $minItems: Int!) {
    problemProposals(windowDays: $windowDays, minItems: $minItems) {
      key
      suggestedTitle
      street
      itemCount
      residentCount
      category {
        id
        code
        name
        nameEn
        sector {
          id
          code
          name
          nameEn
        }
      }
      settlement {
        id
        name
      }
      items {
        ...ProblemItemFields
      }
    }
  }
`);
