import { Role, Scope } from '../auth/roles.js';
import type { Refusal, Subject } from '../items/item-access.js';
import { ACTIVE_PROBLEM_STATUSES, ProblemStatus } from './problem.enums.js';
import type { Sql } from './problem.sql.js';

/**
 * The access policy for problems (docs/problems.md, "Who does what"), beside the permission table: which problems
 * a viewer reads, and which steps it may take on which problem. The items a problem gathers are never shown
 * through it: they are read as items, under the item policy (modules/items/item-access.ts), so a viewer sees only
 * the items it reaches, masked as that policy says. Problems carry no personal data.
 */

/** Which problems each role reads: all of the municipality, or those of the person's department. */
type ReadCond = 'ALL' | 'OWN_DEPARTMENT';

export const READ: Record<Role, ReadCond> = {
  [Role.HEAD]: 'ALL',
  [Role.CURATOR]: 'ALL',
  [Role.SECTOR_LEAD]: 'ALL',
  [Role.INCIDENT_MANAGER]: 'ALL',
  [Role.POS_OPERATOR]: 'ALL',
  // The department answers for the problem, or for one of its measures, or the measure names the person.
  [Role.EXECUTOR]: 'OWN_DEPARTMENT',
  [Role.ANALYST]: 'ALL',
  [Role.REGION]: 'ALL',
};

/** Token scopes that read problems: the figures and the wall. */
export const PROBLEM_READING_SCOPES: readonly Scope[] = [Scope.KPI_READ, Scope.WALL_READ];

/**
 * The problems (aliased `p`) a viewer reads, as a SQL condition (tenancy aside: the caller adds the
 * municipality). Nobody reads nothing.
 */
export function readSql(s: Subject | null, p: string, q: Sql): string {
  if (!s) return 'false';
  if (s.kind === 'token') return s.scopes.some((x) => PROBLEM_READING_SCOPES.includes(x)) ? 'true' : 'false';
  const conds = s.roles.map((r) => READ[r]);
  if (conds.includes('ALL')) return 'true';
  if (!conds.includes('OWN_DEPARTMENT')) return 'false';
  const me = q.bind(s.userId);
  if (!s.departmentId) return `exists (select 1 from problem_measure pm where pm.problem_id = ${p}.id and pm.owner_id = ${me})`;
  const dep = q.bind(s.departmentId);
  return `(${p}.department_id = ${dep} or exists (select 1 from problem_measure pm
            where pm.problem_id = ${p}.id and (pm.department_id = ${dep} or pm.owner_id = ${me})))`;
}

/** Whether the viewer reads every problem of its municipality (no per-problem condition). */
export function readsAll(s: Subject | null): boolean {
  if (!s) return false;
  if (s.kind === 'token') return s.scopes.some((x) => PROBLEM_READING_SCOPES.includes(x));
  return s.roles.some((r) => READ[r] === 'ALL');
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

export enum ProblemAction {
  /** Confirm a proposal or a problem entered by hand; create one by hand (it is then PROPOSED). */
  CONFIRM = 'CONFIRM',
  /** Reject a proposal or a problem, with a reason. */
  REJECT = 'REJECT',
  /** Approve the plan of measures: the problem goes IN_WORK. */
  APPROVE_PLAN = 'APPROVE_PLAN',
  /** Change the title, area, department; link, unlink, merge, split. */
  EDIT = 'EDIT',
  /** Draw up and keep the plan of measures; write progress reports. */
  PLAN = 'PLAN',
  /** Solve: the answer goes to every linked open item through the item lifecycle. */
  SOLVE = 'SOLVE',
}

/** The statuses each step starts from (null: a problem that does not exist yet). */
const FROM: Record<ProblemAction, readonly (ProblemStatus | null)[]> = {
  [ProblemAction.CONFIRM]: [null, ProblemStatus.PROPOSED],
  [ProblemAction.REJECT]: [null, ...ACTIVE_PROBLEM_STATUSES],
  [ProblemAction.APPROVE_PLAN]: [ProblemStatus.CONFIRMED],
  [ProblemAction.EDIT]: ACTIVE_PROBLEM_STATUSES,
  [ProblemAction.PLAN]: [ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK],
  [ProblemAction.SOLVE]: [ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK],
};

type ActCond = 'ALL' | 'OWN_SECTORS' | 'NONE';

/**
 * On which problems each role takes each step. The curator confirms the list and approves plans (docs/domain.md
 * §4: the curator approves plans and reports); the head and the sector leads work the problems; the head does
 * everything. The other roles read.
 */
export function actionCond(role: Role, action: ProblemAction): ActCond {
  switch (role) {
    case Role.HEAD:
      return 'ALL';
    case Role.CURATOR:
      return [ProblemAction.CONFIRM, ProblemAction.REJECT, ProblemAction.APPROVE_PLAN].includes(action) ? 'ALL' : 'NONE';
    case Role.SECTOR_LEAD:
      return action === ProblemAction.APPROVE_PLAN ? 'NONE' : 'OWN_SECTORS';
    default:
      return 'NONE';
  }
}

/** What the policy reads of a problem (or of one about to be created). */
export type ProblemFacts = { status: ProblemStatus | null; sectorId: string | null };

/** Why `s` cannot take `action` on the problem now, or null when it can. A token changes no problem. */
export function problemRefusal(s: Subject | null, action: ProblemAction, f: ProblemFacts): Refusal | null {
  if (!FROM[action].includes(f.status)) {
    return { code: 'INVALID_TRANSITION', message: `${action} is not possible for a problem in status ${f.status}` };
  }
  const allowed =
    s?.kind === 'user' &&
    s.roles.some((r) => {
      const c = actionCond(r, action);
      return c === 'ALL' || (c === 'OWN_SECTORS' && f.sectorId !== null && s.sectorIds.includes(f.sectorId));
    });
  return allowed ? null : { code: 'FORBIDDEN', message: `Your role may not ${action} this problem` };
}
