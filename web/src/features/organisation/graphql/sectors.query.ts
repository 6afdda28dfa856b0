import { graphql } from '../../../gql';

export const sectorsQuery = graphql(`
  query Sectors($municipalityId: ID) {
    sectors(municipalityId: $municipalityId) {
      ...SectorFields
      categories {
        ...CategoryFields
      }
    }
  }
`);
