import { graphql } from '../../../gql';

export const updateSectorMutation = graphql(`
  mutation UpdateSector($id: ID!, $input: SectorUpdateInput!) {
    updateSector(id: $id, input: $input) {
      ...SectorFields
    }
  }
`);
