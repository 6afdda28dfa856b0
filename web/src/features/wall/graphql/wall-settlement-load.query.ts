import { graphql } from '../../../gql';

/** Open and overdue items per settlement now, with the shipped coordinates (the map). */
export const wallSettlementLoadQuery = graphql(`
  query WallSettlementLoad {
    settlementLoad {
      settlementId
      name
      shortName
      lat
      lon
      open
      overdue
    }
  }
`);
