import type { FilterQuery } from '@mikro-orm/core';
import { Role, Scope } from '../auth/roles.js';
import { ItemKind } from './item.enums.js';
import type { Item } from './item.entity.js';
import { ItemAction, stateRefusal, WORKFLOW, type ItemFacts } from './lifecycle.js';

/**
 * The access policy for items: the one place that says, for a viewer (a person with roles, a department and
 * sectors, or an API token with scopes),
 *   (a) which items it reaches — as a query condition (`reachWhere`, used by the card, lists, counts, exports,
 *       files) and as a predicate over an item's facts (`reaches`, used when an event is delivered, so that a
 *       reassignment takes effect at once);
 *   (b) which lifecycle actions it may take on one item (`actionRefusal`, `availableActions`), and on which items
 *       in bulk (`actionWhere`, for the work queues);
 *   (c) whether it sees the applicant's personal data in full (`seesPersonalData`); everyone else gets them masked;
 *   (d) which items a source system's token may carry later updates to (`sourceUpdateWhere`).
 * Every rule is a condition of the table below, rendered both ways by one interpreter, so the SQL and the
 * in-memory answers cannot drift apart. Tenancy (which municipality) is the ORM filter's business
 * (db/tenant-filter.ts); this policy works inside a municipality. The rules are those of docs/domain.md §4 and §6.
 */

/** Who is asking. A person's session and an API token are both viewers; `null` is nobody. */
export type Subject =
  | { kind: 'user'; userId: string; roles: readonly Role[]; departmentId: string | null; sectorIds: readonly string[] }
  | { kind: 'token'; tokenId?: string; scopes: readonly Scope[]; sources?: readonly string[] | null };

/** The facts of an item that the policy reads (ids and codes only: events carry them too). */
export type AccessFacts = Pick<ItemFacts, 'kind' | 'sectorId' | 'departmentId' | 'executorId'>;

/** A condition on an item, relative to the subject. */
export type Cond =
  | 'ALL'
  | 'NONE'
  | 'OWN_SECTORS'
  | 'OWN_DEPARTMENT'
  /** the subject's department, and the item is the subject's or nobody's yet */
  | 'OWN_DEPARTMENT_MINE_OR_FREE'
  | { kind: ItemKind };

// ---------------------------------------------------------------------------------------------------------------
// The table (docs/domain.md §4, §6)

/** Which items each role reaches (reads). An executor reads the items of their department; the rest of the staff read all. */
export const REACH: Record<Role, Cond> = {
  [Role.HEAD]: 'ALL',
  [Role.CURATOR]: 'ALL',
  [Role.SECTOR_LEAD]: 'ALL',
  [Role.INCIDENT_MANAGER]: 'ALL',
  [Role.POS_OPERATOR]: 'ALL',
  [Role.EXECUTOR]: 'OWN_DEPARTMENT',
  [Role.ANALYST]: 'ALL',
  [Role.REGION]: 'ALL',
};

/** Token scopes that reach the municipality's items (reading; ingesting is not reading). The wall reads them masked. */
export const READING_SCOPES: readonly Scope[] = [Scope.ITEMS_READ, Scope.WALL_READ];

/** Whose applicant each role sees in full: the roles that work the item. */
export const PERSONAL_DATA: Record<Role, Cond> = {
  [Role.HEAD]: 'ALL',
  [Role.CURATOR]: 'NONE',
  [Role.SECTOR_LEAD]: 'OWN_SECTORS',
  [Role.INCIDENT_MANAGER]: { kind: ItemKind.INCIDENT },
  [Role.POS_OPERATOR]: { kind: ItemKind.MESSAGE },
  [Role.EXECUTOR]: 'OWN_DEPARTMENT',
  [Role.ANALYST]: 'NONE',
  [Role.REGION]: 'NONE',
};

/** The scope that lets a token see applicants in full. */
export const PERSONAL_DATA_SCOPE = Scope.PERSONAL_DATA_READ;

/** The head alone extends an appeal and redirects an item. */
const HEAD_ONLY: readonly ItemAction[] = [ItemAction.EXTEND, ItemAction.REDIRECT];
/** What an executor does on an item of their department. */
export const EXECUTOR_ACTIONS: readonly ItemAction[] = [
  ItemAction.START,
  ItemAction.ASK_CITIZEN,
  ItemAction.CITIZEN_REPLIED,
  ItemAction.SUBMIT_ANSWER,
  ItemAction.PUBLISH_INTERIM,
];
/** The quality review of the МЦУ. */
const REVIEW: readonly ItemAction[] = [ItemAction.APPROVE_ANSWER, ItemAction.RETURN_FOR_REWORK];

/** On which items each role may take each lifecycle action (the status and kind rules are the lifecycle's). */
export function actionCond(role: Role, action: ItemAction): Cond {
  switch (role) {
    case Role.HEAD:
      return 'ALL';
    case Role.SECTOR_LEAD:
      return HEAD_ONLY.includes(action) ? 'NONE' : 'OWN_SECTORS';
    case Role.POS_OPERATOR:
      return HEAD_ONLY.includes(action) || REVIEW.includes(action) ? 'NONE' : { kind: ItemKind.MESSAGE };
    case Role.INCIDENT_MANAGER:
      return HEAD_ONLY.includes(action) ? 'NONE' : { kind: ItemKind.INCIDENT };
    case Role.EXECUTOR:
      return EXECUTOR_ACTIONS.includes(action) ? 'OWN_DEPARTMENT_MINE_OR_FREE' : 'NONE';
    case Role.CURATOR:
    case Role.ANALYST:
    case Role.REGION:
      // They read; they change no item.
      return 'NONE';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The interpreter: one condition, two renderings

const NO_ID = '00000000-0000-0000-0000-000000000000';
const NOTHING: FilterQuery<Item> = { id: NO_ID };

function holds(cond: Cond, s: Subject, f: AccessFacts): boolean {
  if (cond === 'ALL') return true;
  if (cond === 'NONE' || s.kind !== 'user') return false;
  if (typeof cond === 'object') return f.kind === cond.kind;
  switch (cond) {
    case 'OWN_SECTORS':
      return f.sectorId !== null && s.sectorIds.includes(f.sectorId);
    case 'OWN_DEPARTMENT':
      return f.departmentId !== null && f.departmentId === s.departmentId;
    case 'OWN_DEPARTMENT_MINE_OR_FREE':
      return f.departmentId !== null && f.departmentId === s.departmentId && (f.executorId === null || f.executorId === s.userId);
  }
}

function where(cond: Cond, s: Subject): FilterQuery<Item> | null {
  if (cond === 'ALL') return {};
  if (cond === 'NONE' || s.kind !== 'user') return null;
  if (typeof cond === 'object') return { kind: cond.kind };
  switch (cond) {
    case 'OWN_SECTORS':
      return s.sectorIds.length ? { sector: { $in: [...s.sectorIds] } } : null;
    case 'OWN_DEPARTMENT':
      return s.departmentId ? { department: s.departmentId } : null;
    case 'OWN_DEPARTMENT_MINE_OR_FREE':
      return s.departmentId ? { department: s.departmentId, $or: [{ executor: null }, { executor: s.userId }] } : null;
  }
}

/** The union of the conditions of a subject's roles as one query condition. */
function anyWhere(conds: Cond[], s: Subject): FilterQuery<Item> {
  const parts = conds.map((c) => where(c, s)).filter((w): w is FilterQuery<Item> => w !== null);
  if (parts.some((p) => Object.keys(p as object).length === 0)) return {};
  if (!parts.length) return NOTHING;
  return parts.length === 1 ? parts[0]! : { $or: parts };
}

// ---------------------------------------------------------------------------------------------------------------
// (a) Reach

/** The items a viewer reaches, as a condition to AND into every read of items. Nobody reaches nothing. */
export function reachWhere(s: Subject | null): FilterQuery<Item> {
  if (!s) return NOTHING;
  if (s.kind === 'token') return s.scopes.some((x) => READING_SCOPES.includes(x)) ? {} : NOTHING;
  return anyWhere(s.roles.map((r) => REACH[r]), s);
}

/** Whether a viewer reaches an item with these facts (the same rule as `reachWhere`). */
export function reaches(s: Subject | null, f: AccessFacts): boolean {
  if (!s) return false;
  if (s.kind === 'token') return s.scopes.some((x) => READING_SCOPES.includes(x));
  return s.roles.some((r) => holds(REACH[r], s, f));
}

// ---------------------------------------------------------------------------------------------------------------
// (b) Actions

export type Refusal = { code: 'INVALID_TRANSITION' | 'FORBIDDEN'; message: string };

/** Why `s` cannot take `action` on the item now, or null when it can. A token changes no item. */
export function actionRefusal(s: Subject | null, action: ItemAction, item: ItemFacts): Refusal | null {
  const state = stateRefusal(action, item);
  if (state) return { code: 'INVALID_TRANSITION', message: state };
  const allowed = s?.kind === 'user' && reaches(s, item) && s.roles.some((r) => holds(actionCond(r, action), s, item));
  return allowed ? null : { code: 'FORBIDDEN', message: `Your role may not ${action} this item` };
}

export function availableActions(s: Subject | null, item: ItemFacts): ItemAction[] {
  return WORKFLOW.filter((a) => actionRefusal(s, a, item) === null);
}

/** Whether the viewer works the item at all (takes some action on it in some status): to attach files, for one. */
export function worksItem(s: Subject | null, item: AccessFacts): boolean {
  return s?.kind === 'user' && reaches(s, item) && s.roles.some((r) => WORKFLOW.some((a) => holds(actionCond(r, a), s, item)));
}

/** The items on which the subject's roles allow `action` (status rules aside), as a query condition. */
export function actionWhere(s: Subject | null, action: ItemAction): FilterQuery<Item> {
  if (s?.kind !== 'user') return NOTHING;
  return { $and: [reachWhere(s), anyWhere(s.roles.map((r) => actionCond(r, action)), s)] };
}

// ---------------------------------------------------------------------------------------------------------------
// (c) Personal data

/** Whether the viewer sees the applicant of an item it reaches in full; otherwise it gets them masked. */
export function seesPersonalData(s: Subject | null, f: AccessFacts): boolean {
  if (!s || !reaches(s, f)) return false;
  if (s.kind === 'token') return s.scopes.includes(PERSONAL_DATA_SCOPE);
  return s.roles.some((r) => holds(PERSONAL_DATA[r], s, f));
}

/**
 * The items whose applicant the viewer sees in full (the rule of `seesPersonalData`, within what it reaches), as a
 * query condition; null when it sees no applicant at all. What searches by applicant is ANDed with it, so that a
 * viewer who gets applicants masked cannot learn from a match who wrote.
 */
export function personalDataWhere(s: Subject | null): FilterQuery<Item> | null {
  if (!s) return null;
  if (s.kind === 'token') return s.scopes.includes(PERSONAL_DATA_SCOPE) && s.scopes.some((x) => READING_SCOPES.includes(x)) ? {} : null;
  const conds = s.roles.map((r) => PERSONAL_DATA[r]);
  if (conds.every((c) => where(c, s) === null)) return null;
  return { $and: [reachWhere(s), anyWhere(conds, s)] };
}

// ---------------------------------------------------------------------------------------------------------------
// (d) Updates from a source system

/** The token scope that sends items (`ingestItems`) and carries their source's later status or answer. */
export const SOURCE_UPDATE_SCOPE = Scope.ITEMS_INGEST;

/**
 * The items whose source's later status or answer the viewer may carry (`updateIngestedItem`), as a query condition,
 * for a token that ingests, among the items of its municipality that came from another system (they have an external
 * id; the caller names one by source and external id): a token bound to some sources, the items of those sources,
 * whichever token sent them (so a connector's token can be replaced); a token bound to none, only the items it sent
 * itself, so that one system's connector cannot answer or close what another system sent. Nobody else: a person
 * changes an item through its lifecycle.
 */
export function sourceUpdateWhere(s: Subject | null): FilterQuery<Item> {
  if (s?.kind !== 'token' || !s.scopes.includes(SOURCE_UPDATE_SCOPE)) return NOTHING;
  return s.sources
    ? { externalId: { $ne: null }, source: { $in: [...s.sources] } }
    : s.tokenId ? { externalId: { $ne: null }, sentByToken: s.tokenId } : NOTHING;
}

/** The token recorded as the sender of the items the viewer sends (`Item.sentByToken`): the viewer, when it is a token. */
export function sendingToken(s: Subject | null): string | null {
  return s?.kind === 'token' ? (s.tokenId ?? null) : null;
}

/**
 * Whether the viewer may send items of this source (`ingestItems`, `createItem`): a token bound to some sources (the
 * head binds the connector of one system to that system's name) only those, so that the feedback platform's
 * connector cannot send, nor later update or close, the items of the 112 service. A person sends as anyone (from
 * the dashboard or an import); whether they may send at all is the operation's permission.
 */
export function sendsSource(s: Subject | null, source: string): boolean {
  if (!s) return false;
  return s.kind === 'user' || !s.sources || s.sources.includes(source);
}

/**
 * Whether a viewer that sends items (`ingestItems`, `updateIngestedItem`) is answered the item its input made or names,
 * or only its identity (id and number): the item only when the viewer reaches it (reads items). Ingesting is not
 * reading: a token that only sends must not read, through a pair it names, an item another system sent.
 */
export function ingestAnswerShowsItem(s: Subject | null, f: AccessFacts): boolean {
  return reaches(s, f);
}

/** The facts of a loaded item. */
export function accessFactsOf(item: {
  kind: ItemKind;
  sector?: { id: string } | null;
  department?: { id: string } | null;
  executor?: { id: string } | null;
}): AccessFacts {
  return {
    kind: item.kind,
    sectorId: item.sector?.id ?? null,
    departmentId: item.department?.id ?? null,
    executorId: item.executor?.id ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// (e) Open311's reader (modules/open311, docs/open311.md)

/**
 * The kinds anyone may read through Open311 without a key: messages and incidents report a problem of the place (a
 * pothole, no water, rubbish not taken away), which is what a public list of requests is for. An APPEAL (59-ФЗ) is
 * one citizen's own matter with the authority and is never public.
 */
export const OPEN311_PUBLIC_KINDS: readonly ItemKind[] = [ItemKind.MESSAGE, ItemKind.INCIDENT];

/**
 * What of an item an Open311 reader is given beyond the fields every reader gets (service, status, dates, department,
 * settlement): the place as stored (the public gets the address cut to the street and the coordinates to about a
 * hundred metres, so that a flat or a house is not named) and the link to a file (only for whoever may download it,
 * which logs it). No reader is given the applicant or the item's text (free text a citizen wrote: it may hold names
 * and phone numbers, and no masking function covers free text).
 */
export type Open311View = { exactPlace: boolean; files: boolean };

/** An Open311 reader is the token itself when its api_key reads items; anyone else, a valid key or not, is the public. */
function open311Token(s: Subject | null): s is Extract<Subject, { kind: 'token' }> {
  return s?.kind === 'token' && s.scopes.includes(Scope.ITEMS_READ);
}

/** The items an Open311 reader lists and reads (within the jurisdiction's municipality, the tenant filter's). */
export function open311Where(s: Subject | null): FilterQuery<Item> {
  return open311Token(s) ? reachWhere(s) : { kind: { $in: [...OPEN311_PUBLIC_KINDS] } };
}

/** What an Open311 reader sees of the items it reads. */
export function open311View(s: Subject | null): Open311View {
  if (!open311Token(s)) return { exactPlace: false, files: false };
  return { exactPlace: true, files: s.scopes.includes(PERSONAL_DATA_SCOPE) };
}
