import { graphql } from '../../../gql';

/** A row of the list of problems: what, where, who answers for it, its status and what it gathers (numbers only). */
export const problemListFieldsFragment = graphql(`
  fragment ProblemListFields on Problem {
    id
    title
    status
    area
    version
    category {
      id
      code
      name
      nameEn
    }
    sector {
      id
      code
      name
      nameEn
    }
    settlement {
      id
      name
    }
    department {
      id
      name
      shortName
    }
    itemCount
    openItemCount
    residentCount
    updatedAt
  }
`);

/** A linked item as the card of a problem lists it (the item itself, under the item policy). */
export const problemItemFieldsFragment = graphql(`
  fragment ProblemItemFields on Item {
    id
    number
    kind
    status
    version
    subject
    address
    receivedAt
    answeredAt
    outcome
    settlement {
      id
      name
    }
    department {
      id
      name
      shortName
    }
  }
`);
