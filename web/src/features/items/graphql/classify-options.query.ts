import { graphql } from '../../../gql';

/**
 * The rubricator and the settlements, for the classification form and for naming the machine's proposal (which
 * speaks in codes).
 */
export const classifyOptionsQuery = graphql(`
  query ClassifyOptions {
    sectors {
      id
      code
      name
      nameEn
      categories {
        id
        code
        name
        nameEn
        active
        urgentCapable
      }
    }
    settlements {
      id
      name
      shortName
    }
  }
`);
