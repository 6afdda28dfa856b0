import { graphql } from '../../../gql';

/** A proposal becomes a CONFIRMED problem with its items linked. */
export const confirmProposalMutation = graphql(`
  mutation ConfirmProposal($input: ConfirmProposalInput!) {
    confirmProposal(input: $input) {
      ...ProblemListFields
    }
  }
`);

/** A proposal is turned down with a reason: its items are not proposed again. */
export const rejectProposalMutation = graphql(`
  mutation RejectProposal($input: RejectProposalInput!) {
    rejectProposal(input: $input) {
      ...ProblemListFields
    }
  }
`);

/** A problem entered by hand: PROPOSED until confirmed. */
export const createProblemMutation = graphql(`
  mutation CreateProblem($input: ProblemInput!) {
    createProblem(input: $input) {
      ...ProblemListFields
    }
  }
`);

export const confirmProblemMutation = graphql(`
  mutation ConfirmProblem($id: ID!) {
    confirmProblem(id: $id) {
      ...ProblemFields
    }
  }
`);

export const rejectProblemMutation = graphql(`
  mutation RejectProblem($id: ID!, $reason: String!) {
    rejectProblem(id: $id, reason: $reason) {
      ...ProblemFields
    }
  }
`);

export const updateProblemMutation = graphql(`
  mutation UpdateProblem($id: ID!, $input: ProblemUpdateInput!) {
    updateProblem(id: $id, input: $input) {
      ...ProblemFields
    }
  }
`);

/** The source's items, measures and reports move to the target; the source is REJECTED, merged into it. */
export const mergeProblemsMutation = graphql(`
  mutation MergeProblems($targetId: ID!, $sourceId: ID!) {
    mergeProblems(targetId: $targetId, sourceId: $sourceId) {
      ...ProblemFields
    }
  }
`);

/** Some items move to a new problem of the same category, settlement and department; returns the new one. */
export const splitProblemMutation = graphql(`
  mutation SplitProblem($id: ID!, $input: SplitProblemInput!) {
    splitProblem(id: $id, input: $input) {
      ...ProblemListFields
    }
  }
`);

export const linkProblemItemsMutation = graphql(`
  mutation LinkProblemItems($id: ID!, $itemIds: [ID!]!) {
    linkProblemItems(id: $id, itemIds: $itemIds) {
      ...ProblemFields
    }
  }
`);

export const unlinkProblemItemsMutation = graphql(`
  mutation UnlinkProblemItems($id: ID!, $itemIds: [ID!]!) {
    unlinkProblemItems(id: $id, itemIds: $itemIds) {
      ...ProblemFields
    }
  }
`);

export const addProblemMeasureMutation = graphql(`
  mutation AddProblemMeasure($problemId: ID!, $input: MeasureInput!) {
    addProblemMeasure(problemId: $problemId, input: $input) {
      ...ProblemMeasureFields
    }
  }
`);

export const updateProblemMeasureMutation = graphql(`
  mutation UpdateProblemMeasure($id: ID!, $input: MeasureUpdateInput!) {
    updateProblemMeasure(id: $id, input: $input) {
      ...ProblemMeasureFields
    }
  }
`);

/** The plan is approved: the problem goes IN_WORK. */
export const approveProblemPlanMutation = graphql(`
  mutation ApproveProblemPlan($id: ID!) {
    approveProblemPlan(id: $id) {
      ...ProblemFields
    }
  }
`);

export const addProblemReportMutation = graphql(`
  mutation AddProblemReport($problemId: ID!, $text: String!) {
    addProblemReport(problemId: $problemId, text: $text) {
      id
      text
      at
      author {
        id
        fullName
      }
    }
  }
`);

/** One linked item in what solving did to it. */
export const problemSolveEntryFieldsFragment = graphql(`
  fragment ProblemSolveEntryFields on ProblemSolveEntry {
    itemId
    reason
    message
    actions
    item {
      ...ProblemItemFields
    }
  }
`);

/** The answer goes to every linked open item through the item lifecycle; the problem is SOLVED. */
export const solveProblemMutation = graphql(`
  mutation SolveProblem($id: ID!, $answerText: String!, $outcome: Outcome!) {
    solveProblem(id: $id, answerText: $answerText, outcome: $outcome) {
      problem {
        ...ProblemFields
      }
      answered {
        ...ProblemSolveEntryFields
      }
      submitted {
        ...ProblemSolveEntryFields
      }
      skipped {
        ...ProblemSolveEntryFields
      }
    }
  }
`);

/** The people of a department, to name the owner of a measure (roles without USERS_READ are refused). */
export const problemDepartmentUsersQuery = graphql(`
  query ProblemDepartmentUsers($departmentId: ID!) {
    users(departmentId: $departmentId, activeOnly: true) {
      id
      fullName
      position
    }
  }
`);

/** Finding an item to link by its number (or words). */
export const problemItemLookupQuery = graphql(`
  query ProblemItemLookup($search: String!) {
    items(filter: { search: $search }, first: 8) {
      nodes {
        ...ProblemItemFields
      }
    }
  }
`);
