import { graphql } from '../../../gql';

/** Something in the organisation changed (by anyone): the lists that show it are refetched. */
export const organisationChangedSubscription = graphql(`
  subscription OrganisationChanged($municipalityId: ID) {
    organisationChanged(municipalityId: $municipalityId) {
      entityId
      entity
      action
      at
      municipalityId
    }
  }
`);
