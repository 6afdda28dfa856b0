import { graphql } from '../../../gql';

/**
 * What the analytics are narrowed by and named with: sectors with their categories, departments and settlements
 * (with their coordinates and population, for the map). Also names the scope of a drill-down in the inbox.
 */
export const analyticsOptionsQuery = graphql(`
  query AnalyticsOptions($municipalityId: ID) {
    sectors(municipalityId: $municipalityId) {
      id
      code
      name
      nameEn
      categories {
        id
        code
        name
        nameEn
      }
    }
    departments(municipalityId: $municipalityId) {
      id
      name
      shortName
      active
    }
    settlements(municipalityId: $municipalityId) {
      id
      name
      centre
      lat
      lon
      population
    }
  }
`);
