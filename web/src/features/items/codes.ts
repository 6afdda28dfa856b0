import type {
  Channel,
  DeadlineState,
  ItemAction,
  ItemKind,
  ItemQueue,
  ItemStatus,
  NoAnswerReason,
  Outcome,
  ReworkReason,
  Role,
} from '../../gql/graphql';

/** The codes of the item domain (docs/domain.md §1–3), in the order the dashboard lists them. Each has a name in i18n. */
export const ITEM_KINDS: readonly ItemKind[] = ['APPEAL', 'MESSAGE', 'INCIDENT'];

export const ITEM_STATUSES: readonly ItemStatus[] = [
  'NEW',
  'REGISTERED',
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_CITIZEN',
  'ON_REVIEW',
  'ANSWERED',
  'REOPENED',
  'CLOSED',
  'REDIRECTED',
  'MERGED',
];

/** Statuses in which nothing more happens to an item. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ['CLOSED', 'REDIRECTED', 'MERGED'];

export const CHANNELS: readonly Channel[] = [
  'LETTER',
  'WALK_IN',
  'PHONE',
  'EPGU',
  'WEB_FORM',
  'POS',
  'EMAIL',
  'WEB_WIDGET',
  'MESSENGER',
  'SOCIAL_VK',
  'SOCIAL_OK',
  'SOCIAL_TELEGRAM',
  'OTHER',
];

/**
 * Channels through which an item arrives electronically (the server's list). Since 30.03.2025 such an item is an
 * APPEAL only when the citizen was identified; otherwise it is a MESSAGE (docs/domain.md §1).
 */
export const ELECTRONIC_CHANNELS: readonly Channel[] = [
  'EPGU',
  'WEB_FORM',
  'POS',
  'EMAIL',
  'WEB_WIDGET',
  'MESSENGER',
  'SOCIAL_VK',
  'SOCIAL_OK',
  'SOCIAL_TELEGRAM',
];

export const ITEM_ACTIONS: readonly ItemAction[] = [
  'REGISTER',
  'CLASSIFY',
  'ASSIGN',
  'START',
  'ASK_CITIZEN',
  'CITIZEN_REPLIED',
  'PUBLISH_INTERIM',
  'SUBMIT_ANSWER',
  'APPROVE_ANSWER',
  'RETURN_FOR_REWORK',
  'RATE',
  'CLOSE',
  'EXTEND',
  'REDIRECT',
  'LEAVE_WITHOUT_ANSWER',
  'MERGE',
];

/** Outcomes a reviewer may give when approving an answer; the others follow from redirecting or leaving. */
export const APPROVE_OUTCOMES: readonly Outcome[] = ['SUPPORTED', 'SUPPORTED_MEASURES_TAKEN', 'EXPLAINED', 'NOT_SUPPORTED'];
export const OUTCOMES: readonly Outcome[] = [...APPROVE_OUTCOMES, 'LEFT_WITHOUT_ANSWER', 'REDIRECTED'];

export const REWORK_REASONS: readonly ReworkReason[] = [
  'FORMAL_NOT_ON_MERITS',
  'NO_DATE_OR_MEASURES',
  'NO_EVIDENCE',
  'LAWS_NOT_EXPLAINED',
  'CONTRADICTORY',
];

/** 59-ФЗ art. 11. */
export const NO_ANSWER_REASONS: readonly NoAnswerReason[] = [
  'ANONYMOUS',
  'COURT_DECISION',
  'OBSCENE_OR_THREATS',
  'UNREADABLE',
  'ESSENCE_UNCLEAR',
  'REPEATED_NO_NEW_ARGUMENTS',
  'ANSWERED_PUBLICLY',
  'STATE_SECRET',
];

export const DEADLINE_STATES: readonly DeadlineState[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE'];

/** History events that are not actions (the actions are named in `itemActions`). */
export const ITEM_EVENTS = [
  'CREATED',
  'ATTACHED',
  'ANSWER_SENT',
  'SOURCE_UPDATE',
  'DUPLICATE_ADDED',
  'AUTO_CLOSED',
  'DUE_SOON',
  'OVERDUE',
  'ANONYMISED',
  'UPDATED',
] as const;

/** Fields whose changes the history lists (`ItemEvent.changes`). */
export const CHANGE_FIELDS = [
  'status',
  'sourceStatus',
  'categoryId',
  'departmentId',
  'executorId',
  'urgent',
  'dueAt',
  'answerDueAt',
  'finalAnswerDueAt',
  'pausedAt',
  'extendedAt',
  'outcome',
  'satisfied',
  'parentId',
  'redirectedTo',
  'noAnswerReason',
] as const;

export const QUEUES: readonly ItemQueue[] = ['MINE', 'UNASSIGNED', 'TO_CLASSIFY', 'MY_REVIEW', 'OVERDUE_MY_SECTORS'];

/** The queues that mean something to each role (the server counts every queue, most are empty for the others). */
export const QUEUES_BY_ROLE: Partial<Record<Role, readonly ItemQueue[]>> = {
  HEAD: QUEUES,
  SECTOR_LEAD: QUEUES,
  INCIDENT_MANAGER: ['MINE', 'UNASSIGNED', 'TO_CLASSIFY', 'MY_REVIEW'],
  POS_OPERATOR: ['MINE', 'UNASSIGNED', 'TO_CLASSIFY'],
  EXECUTOR: ['MINE'],
};

export function queuesFor(roles: readonly Role[]): ItemQueue[] {
  const set = new Set(roles.flatMap((r) => QUEUES_BY_ROLE[r] ?? []));
  return QUEUES.filter((q) => set.has(q));
}

/**
 * The kinds a role may register by hand: the server registers at once, and the lifecycle lets the ПОС operator
 * register messages only and the incident manager incidents only.
 */
export function creatableKinds(roles: readonly Role[]): ItemKind[] {
  if (roles.includes('HEAD') || roles.includes('SECTOR_LEAD')) return [...ITEM_KINDS];
  return ITEM_KINDS.filter(
    (k) => (k === 'MESSAGE' && roles.includes('POS_OPERATOR')) || (k === 'INCIDENT' && roles.includes('INCIDENT_MANAGER')),
  );
}

/** An APPEAL through an electronic channel needs an identified citizen (law, since 30.03.2025). */
export function needsIdentification(kind: ItemKind | '', channel: Channel | ''): boolean {
  return kind === 'APPEAL' && channel !== '' && ELECTRONIC_CHANNELS.includes(channel);
}
