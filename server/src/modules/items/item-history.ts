import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import type { ItemEventType, Topics } from '../../graphql/pubsub.js';
import { emit } from '../live/outbox.js';
import { accessFactsOf } from './item-access.js';
import { ItemEvent } from './item-event.entity.js';
import type { Item } from './item.entity.js';
import type { ItemStatus } from './item.enums.js';

/**
 * The history of an item and the announcement of its changes: every change, by a person, a token or the
 * scheduler, is recorded by `recordEvent`, which also announces it (modules/live: delivered after the commit, to
 * the subscribers the access policy lets reach the item).
 */

/** Who made a change: a person (linked) or a token or the scheduler (named). */
export type EventActor = { userId?: string; label: string };

export const SCHEDULER: EventActor = { label: 'scheduler' };

export function actorOf(ctx: Ctx): EventActor {
  const v = ctx.viewer;
  if (!v) return { label: 'system' };
  return v.kind === 'user' ? { userId: v.userId, label: v.username } : { label: `token:${v.name}` };
}

export type Changes = Record<string, { before: unknown; after: unknown }>;
type Snapshot = Record<string, unknown>;

/** The fields whose before/after a history event keeps. */
export function snapshot(item: Item): Snapshot {
  const iso = (d?: Date) => (d ? d.toISOString() : null);
  return {
    status: item.status,
    categoryId: item.category?.id ?? null,
    departmentId: item.department?.id ?? null,
    executorId: item.executor?.id ?? null,
    urgent: item.urgent,
    dueAt: iso(item.dueAt),
    answerDueAt: iso(item.answerDueAt),
    finalAnswerDueAt: iso(item.finalAnswerDueAt),
    pausedAt: iso(item.pausedAt),
    extendedAt: iso(item.extendedAt),
    outcome: item.outcome ?? null,
    satisfied: item.satisfied ?? null,
    parentId: item.parent?.id ?? null,
    redirectedTo: item.redirectedTo ?? null,
    noAnswerReason: item.noAnswerReason ?? null,
    sourceStatus: item.sourceStatus ?? null,
  };
}

export function diff(before: Snapshot, after: Snapshot): Changes | undefined {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return Object.keys(changes).length ? changes : undefined;
}

export type EventInput = {
  type: string;
  at: Date;
  actor: EventActor;
  /** default: the item's current status */
  from?: ItemStatus;
  to?: ItemStatus;
  comment?: string;
  changes?: Changes;
  details?: Record<string, unknown>;
  /** When the change is made, if `at` is an earlier instant it is about (a deadline that passed): the live announcement is dated by it. */
  announcedAt?: Date;
};

/** Adds a history event to the unit of work (it commits with the change), and announces it with the change. */
export function recordEvent(em: EntityManager, item: Item | { id: string; municipalityId: string }, e: EventInput): ItemEvent {
  const ref = 'municipalityId' in item ? { item: item.id, municipality: item.municipalityId } : { item, municipality: item.municipality };
  const event = em.create(ItemEvent, {
    ...ref,
    at: e.at,
    actor: e.actor.userId,
    actorLabel: e.actor.label,
    type: e.type,
    fromStatus: e.from,
    toStatus: e.to,
    comment: e.comment?.trim() || undefined,
    changes: e.changes,
    details: e.details,
  });
  // Announced with the item's facts as this change leaves them: the access policy checks them at delivery.
  if (!('municipalityId' in item)) emit(em, 'ITEM_EVENT', itemEventPayload(item, e), e.announcedAt ?? e.at);
  return event;
}

/** The live announcement of an item's history event (ITEM_EVENT), with the item's facts as the change leaves them. */
export function itemEventPayload(
  item: Pick<Item, 'id' | 'kind' | 'status' | 'urgent'> & {
    municipality: { id: string };
    settlement?: { id: string } | null;
    sector?: { id: string } | null;
    department?: { id: string } | null;
    executor?: { id: string } | null;
  },
  e: Pick<EventInput, 'type' | 'at' | 'from' | 'to'>,
): Topics['ITEM_EVENT'][0] {
  return {
    municipalityId: item.municipality.id,
    itemId: item.id,
    type: liveType(e.type, e.from, e.to),
    history: e.type,
    at: e.at.toISOString(),
    status: e.to ?? item.status,
    settlementId: item.settlement?.id ?? null,
    urgent: item.urgent,
    ...accessFactsOf(item),
  };
}

/** What a history event is to a live subscriber (docs/live.md). */
export function liveType(type: string, from?: ItemStatus, to?: ItemStatus): ItemEventType {
  switch (type) {
    case 'CREATED':
      return 'CREATED';
    case 'REGISTER':
      return 'REGISTERED';
    case 'ASSIGN':
      return 'ASSIGNED';
    case 'APPROVE_ANSWER':
    case 'ANSWER_SENT':
      return 'ANSWERED';
    case 'SOURCE_UPDATE':
      // The source system answered the item: an answer like any other to a subscriber.
      if (to === 'ANSWERED' && from !== to) return 'ANSWERED';
      return from !== undefined && to !== undefined && from !== to ? 'STATUS_CHANGED' : 'UPDATED';
    case 'RATE':
      return to === 'REOPENED' ? 'REOPENED' : 'RATED';
    case 'MERGE':
      return 'MERGED';
    case 'DUE_SOON':
    case 'OVERDUE':
    case 'EXTEND':
      return 'DEADLINE_STATE_CHANGED';
    default:
      return from !== undefined && to !== undefined && from !== to ? 'STATUS_CHANGED' : 'UPDATED';
  }
}
