import { describe, expect, it } from 'vitest';
import { Role, Scope } from '../auth/roles.js';
import { ItemKind, ItemStatus } from './item.enums.js';
import { ItemAction, stateRefusal, WORKFLOW, type ItemFacts } from './lifecycle.js';
import { actionRefusal, personalDataWhere, reaches, seesPersonalData, worksItem, type Subject } from './item-access.js';

/**
 * The item policy, cell by cell: every role and token against every item situation (kind × sector × department ×
 * executor × status) for reach, personal data and each lifecycle action. The expected answers are written here
 * from docs/domain.md §4 and §6 in plain words, independently of the policy's table: a change of one that the
 * other does not share fails with the cells it changed.
 */

const ME = 'u-me';
const MY_DEPT = 'd-housing';
const MY_SECTOR = 's-zhkh';

type Situation = ItemFacts;
const situations: Situation[] = [];
for (const kind of Object.values(ItemKind))
  for (const sectorId of [MY_SECTOR, 's-other', null])
    for (const departmentId of [MY_DEPT, 'd-other', null])
      for (const executorId of [ME, 'u-other', null])
        for (const status of Object.values(ItemStatus))
          for (const extended of [false, true]) situations.push({ kind, sectorId, departmentId, executorId, status, extended });

const person = (role: Role): Subject => ({
  kind: 'user',
  userId: ME,
  roles: [role],
  departmentId: role === Role.EXECUTOR ? MY_DEPT : null,
  sectorIds: role === Role.SECTOR_LEAD ? [MY_SECTOR] : [],
});
const token = (...scopes: Scope[]): Subject => ({ kind: 'token', scopes });

const subjects: [string, Subject][] = [
  ...Object.values(Role).map((r) => [r, person(r)] as [string, Subject]),
  ...Object.values(Scope).map((s) => [`token:${s}`, token(s)] as [string, Subject]),
  ['token:ITEMS_READ+PERSONAL_DATA_READ', token(Scope.ITEMS_READ, Scope.PERSONAL_DATA_READ)],
];

// --- Expectations, from the text of docs/domain.md §4 and §6 ---------------------------------------------------

const ownDepartment = (i: Situation) => i.departmentId === MY_DEPT;
const ownSector = (i: Situation) => i.sectorId === MY_SECTOR;

/**
 * §4: an executor sees the items assigned to their department; every other person of the МЦУ reads all; a token with
 * ITEMS_READ reads all, and so does the wall (WALL_READ), always masked (no PERSONAL_DATA_READ).
 */
function expectReach(name: string, i: Situation): boolean {
  if (name.startsWith('token:')) return name.includes('ITEMS_READ') || name.includes('WALL_READ');
  return name === 'EXECUTOR' ? ownDepartment(i) : true;
}

/** §6: personal data are shown only to the roles that work the item; tokens only with the personal-data scope. */
function expectFull(name: string, i: Situation): boolean {
  if (!expectReach(name, i)) return false;
  switch (name) {
    case 'HEAD':
      return true;
    case 'SECTOR_LEAD':
      return ownSector(i);
    case 'POS_OPERATOR':
      return i.kind === ItemKind.MESSAGE;
    case 'INCIDENT_MANAGER':
      return i.kind === ItemKind.INCIDENT;
    case 'EXECUTOR':
      return ownDepartment(i);
    default:
      return name.startsWith('token:') && name.includes('PERSONAL_DATA_READ');
  }
}

/** §4: who may take an action, when the status allows it. */
function expectMay(name: string, action: ItemAction, i: Situation): boolean {
  if (stateRefusal(action, i) !== null) return false;
  const headOnly = action === ItemAction.EXTEND || action === ItemAction.REDIRECT;
  const review = action === ItemAction.APPROVE_ANSWER || action === ItemAction.RETURN_FOR_REWORK;
  switch (name) {
    case 'HEAD': // everything
      return true;
    case 'SECTOR_LEAD': // works and reviews the items of their sectors
      return ownSector(i) && !headOnly;
    case 'POS_OPERATOR': // registers and routes messages; does not review
      return i.kind === ItemKind.MESSAGE && !headOnly && !review;
    case 'INCIDENT_MANAGER': // registers and answers incidents
      return i.kind === ItemKind.INCIDENT && !headOnly;
    case 'EXECUTOR': // answers the items of their department that are theirs or no one's yet
      return (
        ownDepartment(i) &&
        (i.executorId === null || i.executorId === ME) &&
        [ItemAction.START, ItemAction.ASK_CITIZEN, ItemAction.CITIZEN_REPLIED, ItemAction.SUBMIT_ANSWER, ItemAction.PUBLISH_INTERIM].includes(action)
      );
    default: // curator, analyst, the region, tokens: read only
      return false;
  }
}

const describeFacts = (i: Situation) =>
  `${i.kind}/${i.status}${i.extended ? '+extended' : ''} sector=${i.sectorId ?? '-'} dept=${i.departmentId ?? '-'} executor=${i.executorId ?? '-'}`;

describe('the item access policy, cell by cell', () => {
  it(`reaches exactly the items docs/domain.md §4 says, for each of ${subjects.length} viewers and ${situations.length} situations`, () => {
    const wrong = subjects.flatMap(([name, s]) =>
      situations.filter((i) => reaches(s, i) !== expectReach(name, i)).map((i) => `${name} ${reaches(s, i) ? 'reaches' : 'misses'} ${describeFacts(i)}`),
    );
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('shows the applicant in full exactly to whom docs/domain.md §6 says, masked to everyone else', () => {
    const wrong = subjects.flatMap(([name, s]) =>
      situations
        .filter((i) => seesPersonalData(s, i) !== expectFull(name, i))
        .map((i) => `${name} ${seesPersonalData(s, i) ? 'sees' : 'does not see'} the applicant of ${describeFacts(i)}`),
    );
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('searches by applicant (as a query condition) exactly the items whose applicant the viewer sees in full', () => {
    /** The condition, evaluated over an item's facts: the shapes the policy's interpreter writes. */
    const holds = (q: Record<string, unknown>, i: Situation): boolean =>
      Object.entries(q).every(([key, value]) => {
        switch (key) {
          case '$and':
            return (value as Record<string, unknown>[]).every((x) => holds(x, i));
          case '$or':
            return (value as Record<string, unknown>[]).some((x) => holds(x, i));
          case 'id': // only "nothing" names an id
            return false;
          case 'kind':
            return i.kind === value;
          case 'sector':
            return (value as { $in: string[] }).$in.includes(i.sectorId!);
          case 'department':
            return i.departmentId === value;
          case 'executor':
            return i.executorId === value;
          default:
            throw new Error(`a condition on ${key}`);
        }
      });
    const wrong = subjects.flatMap(([name, s]) => {
      const where = personalDataWhere(s);
      return situations
        .filter((i) => (where !== null && holds(where as Record<string, unknown>, i)) !== expectFull(name, i))
        .map((i) => `${name} ${where ? 'searches' : 'does not search'} the applicant of ${describeFacts(i)}`);
    });
    expect(wrong.slice(0, 10)).toEqual([]);
    // Who sees no applicant at all gets no condition: its search never looks at applicants.
    expect(subjects.filter(([, s]) => personalDataWhere(s) === null).map(([name]) => name)).toEqual(
      subjects.filter(([name]) => !situations.some((i) => expectFull(name, i))).map(([name]) => name),
    );
  });

  it('allows each lifecycle action exactly to whom docs/domain.md §4 says, and refuses the rest with the right code', () => {
    const wrong: string[] = [];
    for (const [name, s] of subjects) {
      for (const i of situations) {
        for (const action of WORKFLOW) {
          const refusal = actionRefusal(s, action, i);
          const expected = expectMay(name, action, i);
          if ((refusal === null) !== expected) wrong.push(`${name} ${action} on ${describeFacts(i)}: ${refusal ? 'refused' : 'allowed'}`);
          if (refusal && refusal.code !== (stateRefusal(action, i) ? 'INVALID_TRANSITION' : 'FORBIDDEN')) {
            wrong.push(`${name} ${action} on ${describeFacts(i)}: code ${refusal.code}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('lets a viewer attach files only to an item on which it may take some action in some status', () => {
    const wrong = subjects.flatMap(([name, s]) =>
      situations
        .filter((i) => worksItem(s, i) !== Object.values(ItemStatus).some((status) => WORKFLOW.some((a) => expectMay(name, a, { ...i, status, extended: false }))))
        .map((i) => `${name} ${describeFacts(i)}`),
    );
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('reaches nothing, sees nothing and may do nothing for nobody', () => {
    for (const i of situations.filter((x) => x.status === ItemStatus.REGISTERED)) {
      expect(reaches(null, i)).toBe(false);
      expect(seesPersonalData(null, i)).toBe(false);
      expect(personalDataWhere(null)).toBeNull();
      expect(actionRefusal(null, ItemAction.ASSIGN, i)?.code).toBe('FORBIDDEN');
    }
  });
});
