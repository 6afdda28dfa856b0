import { graphql } from '../../../gql';

export const sectorFieldsFragment = graphql(`
  fragment SectorFields on Sector {
    id
    code
    name
    nameEn
    position
  }
`);

export const categoryFieldsFragment = graphql(`
  fragment CategoryFields on Category {
    id
    code
    name
    nameEn
    active
    urgentCapable
    messageAnswerDays
    position
    sector {
      id
      code
    }
  }
`);
