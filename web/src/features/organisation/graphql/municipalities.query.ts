import { graphql } from '../../../gql';

/** Your municipality; every municipality for a regional reader. */
export const municipalitiesQuery = graphql(`
  query Municipalities {
    municipalities {
      id
      name
      shortName
      regionName
      timezone
      population
    }
  }
`);
