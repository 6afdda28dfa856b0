import { graphql } from '../../../gql';

/** Every sector's live figures first, then each sector whose figures moved. */
export const wallSectorsSubscription = graphql(`
  subscription WallSectors {
    sectorUpdated {
      sectorId
      code
      name
      state
      open
      overdue
      dueSoon
      receivedToday
      answeredToday
      answeredOnTimeToday
      at
    }
  }
`);
