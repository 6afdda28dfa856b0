import { registerEnumType } from 'type-graphql';
import { ItemKind, ItemStatus } from './item.enums.js';

/**
 * The lifecycle of docs/domain.md §3 as data: which action moves an item from which statuses to which. Pure.
 * Who may take an action is decided by the access policy (item-access.ts), which asks `stateRefusal()` first.
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
  /** Sets the category (and sector), urgency and place by hand: a labelled example for the text model. */
  CLASSIFY = 'CLASSIFY',
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
  // Satisfied, or a second "not satisfied": CLOSED; a first "not satisfied": REOPENED (see nextStatus).
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
  CLASSIFY: {
    from: [ItemStatus.NEW, ...OPEN_WORK, ItemStatus.WAITING_CITIZEN, ItemStatus.ON_REVIEW, ItemStatus.REOPENED],
    to: null,
  },
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

/** Every action, in the order the card lists them. */
export const WORKFLOW: readonly ItemAction[] = Object.values(ItemAction);

/**
 * Why the item's kind and status (or a rule such as "extend once") do not allow `action`, or null when they do.
 * Who may take it is the access policy's business (item-access.ts).
 */
export function stateRefusal(action: ItemAction, item: ItemFacts): string | null {
  const rule = rules[action];
  if (rule.kinds && !rule.kinds.includes(item.kind)) return `${action} does not apply to an item of kind ${item.kind}`;
  if (!rule.from.includes(item.status)) return `${action} is not possible in status ${item.status}`;
  if (action === ItemAction.EXTEND && item.extended) return 'An appeal can be extended only once';
  return null;
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
