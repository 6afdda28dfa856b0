import { graphql } from '../../../gql';

/** A measure of the plan: what, who (a department and/or a person), by when, and how far it got. */
export const problemMeasureFieldsFragment = graphql(`
  fragment ProblemMeasureFields on ProblemMeasure {
    id
    text
    status
    dueDate
    dueAt
    doneAt
    overdue
    department {
      id
      name
      shortName
    }
    owner {
      id
      fullName
    }
    updatedAt
  }
`);

/** Everything the card of a problem shows: the problem, its plan, its reports and its linked items. */
export const problemFieldsFragment = graphql(`
  fragment ProblemFields on Problem {
    ...ProblemListFields
    description
    proposalKey
    createdAt
    createdBy {
      id
      fullName
    }
    confirmedAt
    confirmedBy {
      id
      fullName
    }
    planApprovedAt
    planApprovedBy {
      id
      fullName
    }
    solvedAt
    solvedBy {
      id
      fullName
    }
    answerText
    outcome
    rejectedAt
    rejectedBy {
      id
      fullName
    }
    rejectionReason
    mergedInto {
      id
      title
    }
    measures {
      ...ProblemMeasureFields
    }
    reports {
      id
      text
      at
      author {
        id
        fullName
      }
    }
    items {
      ...ProblemItemFields
    }
  }
`);
