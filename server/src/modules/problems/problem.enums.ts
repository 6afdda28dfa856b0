import { registerEnumType } from 'type-graphql';

/** Where a problem of the list stands (docs/problems.md). */
export enum ProblemStatus {
  /** Entered by hand, or proposed by a spike of items (modules/spikes), waiting for confirmation. */
  PROPOSED = 'PROPOSED',
  /** On the list; its plan of measures is being drawn up. */
  CONFIRMED = 'CONFIRMED',
  /** The plan is approved and being carried out. */
  IN_WORK = 'IN_WORK',
  /** Solved: the answer went to the linked items. */
  SOLVED = 'SOLVED',
  /** Not a problem of the list (with a reason), or merged into another. */
  REJECTED = 'REJECTED',
}
registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: 'PROPOSED (by hand) → CONFIRMED → IN_WORK (plan approved) → SOLVED; REJECTED at any open step',
});

/** The statuses in which a problem is on the list and its links to items are active. */
export const ACTIVE_PROBLEM_STATUSES: readonly ProblemStatus[] = [ProblemStatus.PROPOSED, ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK];

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeasureStatus, { name: 'ProblemMeasureStatus', description: 'A measure of a problem’s plan' });

/** Measures still to be carried out (they can be overdue). */
export const OPEN_MEASURE_STATUSES: readonly MeasureStatus[] = [MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS];

/** Why solving a problem left a linked item without the problem's answer. */
export enum SolveSkipReason {
  /** You do not reach the item. */
  NOT_REACHED = 'NOT_REACHED',
  /** The item policy does not let you take a step the item needs (docs/domain.md §4). */
  FORBIDDEN = 'FORBIDDEN',
  /** The item is closed, redirected or merged: left as it is. */
  CLOSED = 'CLOSED',
  /** The item was answered already: left as it is. */
  ALREADY_ANSWERED = 'ALREADY_ANSWERED',
  /** An answer of the item waits for review: review it on the item. */
  ON_REVIEW = 'ON_REVIEW',
  /** The item has no department and neither has the problem: it cannot be assigned. */
  NO_DEPARTMENT = 'NO_DEPARTMENT',
  /** A step failed (e.g. the item changed meanwhile); the steps before it are kept. */
  FAILED = 'FAILED',
}
registerEnumType(SolveSkipReason, { name: 'ProblemSolveSkipReason' });
