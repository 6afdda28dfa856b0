import { registerEnumType } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { ItemKind, ItemStatus } from './item.enums.js';

/**
 * The lifecycle of docs/domain.md §3 as data: which action moves an item from which statuses to which, and who may
 * take it. Pure: the service asks `check()` before it changes anything, and the card asks
 * `availableActions()` to show the buttons.
 */
export enum ItemAction {
  REGISTER = 'REGISTER',
  ASSIGN = 'ASSIGN',
  START = 'START',
  ASK_CITIZEN = 'ASK_CITIZEN',
  CITIZEN_REPLIED = 'CITIZEN_REPLIED',
  SUBMIT_ANSWER = 'SUBMIT_ANSWER',
  PUBLISH_INTERIM = 'PUBLISH_INTERIM',
  RETURN_FOR_REWORK = 'RETURN_FOR_REWORK',
  APPROVE_ANSWER = 'APPROVE_ANSWER',
  RATE = 'RATE',
  CLOSE = 'CLOSE',
  EXTEND = 'EXTEND',
  REDIRECT = 'REDIRECT',
  LEAVE_WITHOUT_ANSWER = 'LEAVE_WITHOUT_ANSWER',
  MERGE = 'MERGE',
}
registerEnumType(ItemAction, { name: 'ItemAction' });

const OPEN_WORK = [ItemStatus.REGISTERED, ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS];

type Rule = {
  from: readonly ItemStatus[];
  /** null: the action keeps the status (it changes deadlines or adds an answer) */
  to: ItemStatus | null;
  kinds?: readonly ItemKind[];
};

export const rules: Record<ItemAction, Rule> = {
  REGISTER: { from: [ItemStatus.NEW], to: ItemStatus.REGISTERED },
  ASSIGN: {
    from: [ItemStatus.REGISTERED, ItemStatus.REOPENED, ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS],
    to: ItemStatus.ASSIGNED,
  },
  START: { from: [ItemStatus.ASSIGNED], to: ItemStatus.IN_PROGRESS },
  ASK_CITIZEN: { from: [ItemStatus.IN_PROGRESS], to: ItemStatus.WAITING_CITIZEN },
  CITIZEN_REPLIED: { from: [ItemStatus.WAITING_CITIZEN], to: ItemStatus.IN_PROGRESS },
  SUBMIT_ANSWER: { from: [ItemStatus.IN_PROGRESS, ItemStatus.WAITING_CITIZEN], to: ItemStatus.ON_REVIEW },
  PUBLISH_INTERIM: { from: [ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS], to: null, kinds: [ItemKind.INCIDENT] },
  RETURN_FOR_REWORK: { from: [ItemStatus.ON_REVIEW], to: ItemStatus.IN_PROGRESS },
  APPROVE_ANSWER: { from: [ItemStatus.ON_REVIEW], to: ItemStatus.ANSWERED },
  // Satisfied, or a second "not satisfied": CLOSED; a first "not satisfied": REOPENED (see rateOutcome).
  RATE: { from: [ItemStatus.ANSWERED], to: null },
  CLOSE: { from: [ItemStatus.ANSWERED], to: ItemStatus.CLOSED },
  EXTEND: {
    from: [...OPEN_WORK, ItemStatus.WAITING_CITIZEN, ItemStatus.ON_REVIEW, ItemStatus.REOPENED],
    to: null,
    kinds: [ItemKind.APPEAL],
  },
  REDIRECT: { from: [ItemStatus.REGISTERED, ItemStatus.ASSIGNED], to: ItemStatus.REDIRECTED },
  LEAVE_WITHOUT_ANSWER: { from: OPEN_WORK, to: ItemStatus.CLOSED },
  MERGE: { from: [ItemStatus.NEW, ...OPEN_WORK], to: ItemStatus.MERGED },
};

/** What the lifecycle needs to know about the item. */
export type ItemFacts = {
  kind: ItemKind;
  status: ItemStatus;
  sectorId: string | null;
  departmentId: string | null;
  executorId: string | null;
  extended: boolean;
};

/** What it needs to know about the person acting. */
export type ActorFacts = {
  userId: string;
  roles: readonly Role[];
  departmentId: string | null;
  sectorIds: readonly string[];
};

/** Actions a role may take on any item it may work, before the item-specific conditions. */
const WORKFLOW = Object.values(ItemAction);
const EXECUTOR_ACTIONS: ItemAction[] = [
  ItemAction.START,
  ItemAction.ASK_CITIZEN,
  ItemAction.CITIZEN_REPLIED,
  ItemAction.SUBMIT_ANSWER,
  ItemAction.PUBLISH_INTERIM,
];
/** The head alone extends an appeal and redirects an item (docs/domain.md §4). */
const HEAD_ONLY: ItemAction[] = [ItemAction.EXTEND, ItemAction.REDIRECT];

function roleMay(role: Role, action: ItemAction, item: ItemFacts, actor: ActorFacts): boolean {
  switch (role) {
    case Role.HEAD:
      return true;
    case Role.SECTOR_LEAD:
      return !HEAD_ONLY.includes(action) && item.sectorId !== null && actor.sectorIds.includes(item.sectorId);
    case Role.POS_OPERATOR:
      return item.kind === ItemKind.MESSAGE && !HEAD_ONLY.includes(action) && action !== ItemAction.APPROVE_ANSWER && action !== ItemAction.RETURN_FOR_REWORK;
    case Role.INCIDENT_MANAGER:
      return item.kind === ItemKind.INCIDENT && !HEAD_ONLY.includes(action);
    case Role.EXECUTOR:
      return (
        EXECUTOR_ACTIONS.includes(action) &&
        item.departmentId !== null &&
        item.departmentId === actor.departmentId &&
        (item.executorId === null || item.executorId === actor.userId)
      );
    default:
      // CURATOR, ANALYST and REGION read; they change no item.
      return false;
  }
}

export type Refusal = { code: 'INVALID_TRANSITION' | 'FORBIDDEN'; message: string };

/** Why `action` cannot be taken now, or null when it can. */
export function refusal(action: ItemAction, item: ItemFacts, actor: ActorFacts): Refusal | null {
  const rule = rules[action];
  if (rule.kinds && !rule.kinds.includes(item.kind)) {
    return { code: 'INVALID_TRANSITION', message: `${action} does not apply to an item of kind ${item.kind}` };
  }
  if (!rule.from.includes(item.status)) {
    return { code: 'INVALID_TRANSITION', message: `${action} is not possible in status ${item.status}` };
  }
  if (action === ItemAction.EXTEND && item.extended) {
    return { code: 'INVALID_TRANSITION', message: 'An appeal can be extended only once' };
  }
  if (!actor.roles.some((r) => roleMay(r, action, item, actor))) {
    return { code: 'FORBIDDEN', message: `Your role may not ${action} this item` };
  }
  return null;
}

export function availableActions(item: ItemFacts, actor: ActorFacts): ItemAction[] {
  return WORKFLOW.filter((a) => refusal(a, item, actor) === null);
}

/** The status after an action (RATE depends on the rating and on whether it was reopened before). */
export function nextStatus(action: ItemAction, current: ItemStatus, rating?: { satisfied: boolean; reopenCount: number }): ItemStatus {
  if (action === ItemAction.RATE) {
    if (!rating) throw new Error('RATE needs a rating');
    return !rating.satisfied && rating.reopenCount === 0 ? ItemStatus.REOPENED : ItemStatus.CLOSED;
  }
  return rules[action].to ?? current;
}

export const CLOSED_STATUSES: readonly ItemStatus[] = [ItemStatus.CLOSED, ItemStatus.REDIRECTED, ItemStatus.MERGED];
