import { graphql } from '../../../gql';

/** An approved target, with who approved it and, once replaced, who replaced it and when. */
export const kpiTargetFieldsFragment = graphql(`
  fragment KpiTargetFields on KpiTarget {
    id
    figure
    direction
    level
    value
    atRiskMargin
    validFrom
    validTo
    comment
    approvedAt
    approvedBy {
      id
      username
      fullName
    }
    supersededAt
    supersededBy {
      id
      username
      fullName
    }
    sector {
      id
      code
      name
      nameEn
    }
    department {
      id
      name
      shortName
    }
  }
`);
