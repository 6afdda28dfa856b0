import type { Outcome, ProblemMeasureStatus, ProblemSolveSkipReason, ProblemStatus, Role } from '../../gql/graphql';
import type { ViewerFieldsFragment } from '../../gql/graphql';

/** The codes of problems (docs/problems.md), in the order the dashboard lists them. Each has a name in i18n. */
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['PROPOSED', 'CONFIRMED', 'IN_WORK', 'SOLVED', 'REJECTED'];

/** On the list: what `problems` gives without a status. */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['PROPOSED', 'CONFIRMED', 'IN_WORK'];

export const MEASURE_STATUSES: readonly ProblemMeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export const SKIP_REASONS: readonly ProblemSolveSkipReason[] = [
  'ALREADY_ANSWERED',
  'ON_REVIEW',
  'CLOSED',
  'NO_DEPARTMENT',
  'FORBIDDEN',
  'NOT_REACHED',
  'FAILED',
];

/** The outcomes a problem may be solved with (the approval outcomes of an answer). */
export const SOLVING_OUTCOMES: readonly Outcome[] = ['SUPPORTED', 'SUPPORTED_MEASURES_TAKEN', 'EXPLAINED', 'NOT_SUPPORTED'];

/** The lifecycle steps `solveProblem` reports having taken on an item (ItemAction codes). */
export const SOLVE_ACTIONS = ['REGISTER', 'ASSIGN', 'START', 'SUBMIT_ANSWER', 'APPROVE_ANSWER'] as const;

export const STATUS_TONES: Record<ProblemStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'primary'> = {
  PROPOSED: 'info',
  CONFIRMED: 'warning',
  IN_WORK: 'primary',
  SOLVED: 'success',
  REJECTED: 'neutral',
};

export const MEASURE_TONES: Record<ProblemMeasureStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'primary'> = {
  PLANNED: 'info',
  IN_PROGRESS: 'primary',
  DONE: 'success',
  CANCELLED: 'neutral',
};

/** The window and size of a cluster the proposals are computed with (the server's defaults). */
export const PROPOSAL_WINDOW_DAYS = 60;
export const PROPOSAL_MIN_ITEMS = 3;

/**
 * The steps on a problem (server/src/modules/problems/problem-access.ts, docs/problems.md "Who does what"): the
 * curator confirms the list and approves plans; the head and the sector leads (their sectors) work the problems;
 * the head does everything. The dashboard only uses this to show the buttons a person may press; the server stays
 * the authority and refuses anything else.
 */
export type ProblemStep = 'CONFIRM' | 'REJECT' | 'APPROVE_PLAN' | 'EDIT' | 'PLAN' | 'SOLVE';

const FROM: Record<ProblemStep, readonly (ProblemStatus | null)[]> = {
  CONFIRM: [null, 'PROPOSED'],
  REJECT: [null, ...OPEN_PROBLEM_STATUSES],
  APPROVE_PLAN: ['CONFIRMED'],
  EDIT: OPEN_PROBLEM_STATUSES,
  PLAN: ['CONFIRMED', 'IN_WORK'],
  SOLVE: ['CONFIRMED', 'IN_WORK'],
};

type Reach = 'ALL' | 'OWN_SECTORS' | 'NONE';

function reach(role: Role, step: ProblemStep): Reach {
  switch (role) {
    case 'HEAD':
      return 'ALL';
    case 'CURATOR':
      return step === 'CONFIRM' || step === 'REJECT' || step === 'APPROVE_PLAN' ? 'ALL' : 'NONE';
    case 'SECTOR_LEAD':
      return step === 'APPROVE_PLAN' ? 'NONE' : 'OWN_SECTORS';
    default:
      return 'NONE';
  }
}

/**
 * Whether the viewer may take `step` on a problem of this status and sector (null status: one not created yet,
 * e.g. a proposal; its sector is that of its category).
 */
export function mayTake(
  viewer: Pick<ViewerFieldsFragment, 'roles' | 'sectors'> | null,
  step: ProblemStep,
  problem: { status: ProblemStatus | null; sectorId: string | null | undefined },
): boolean {
  if (!viewer || !FROM[step].includes(problem.status)) return false;
  return viewer.roles.some((r) => {
    const c = reach(r, step);
    return c === 'ALL' || (c === 'OWN_SECTORS' && !!problem.sectorId && viewer.sectors.some((s) => s.id === problem.sectorId));
  });
}

/** A municipal day (YYYY-MM-DD) as the interface writes dates. */
export function dayText(day: string): string {
  return day.split('-').reverse().join('.');
}
