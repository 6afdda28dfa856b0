import { graphql } from '../../../gql';

/** What the wall needs once: its municipality (name, time zone) and how to draw the map. */
export const wallSetupQuery = graphql(`
  query WallSetup {
    municipalities {
      id
      shortName
      timezone
    }
    mapSettings {
      tileUrl
    }
  }
`);
