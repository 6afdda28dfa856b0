import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertRows } from '../../db/bulk-insert.js';
import type { Topics } from '../../graphql/pubsub.js';
import { reaches } from '../items/item-access.js';
import { HOOK_ROWS, ownerSubject, type HookRow } from './webhook-owner.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook.entity.js';

type ItemEventPayload = Topics['ITEM_EVENT'][0];
type EventRow = { cursor: string; topic: string; payload: Record<string, unknown> };
type ItemRow = {
  id: string;
  number: string;
  category_code: string | null;
  received_at: Date;
  registration_due_at: Date | null;
  answer_due_at: Date | null;
  first_reaction_due_at: Date | null;
  final_answer_due_at: Date | null;
  due_at: Date | null;
};

const PAGE = 500;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * What a subscriber receives for an item event (docs/integrators.md, "Webhooks"): the event and the item's
 * facts — no applicant, no text — for the subscriber to read more over GraphQL with its own token, through the
 * same access policy and masking as any query. The event's facts (kind, status, sector, department, urgency) are
 * those committed with it; the number, category and deadlines those of the item when the delivery is made.
 */
export function itemEventBody(deliveryId: string, cursor: string, e: ItemEventPayload, item: ItemRow | undefined): string {
  return JSON.stringify({
    id: deliveryId,
    event: e.type,
    occurredAt: e.at,
    cursor,
    municipalityId: e.municipalityId,
    item: {
      id: e.itemId,
      number: item?.number ?? null,
      kind: e.kind,
      status: e.status,
      urgent: e.urgent,
      categoryCode: item?.category_code ?? null,
      sectorId: e.sectorId,
      departmentId: e.departmentId,
      settlementId: e.settlementId,
      receivedAt: item ? iso(item.received_at) : null,
      registrationDueAt: item ? iso(item.registration_due_at) : null,
      answerDueAt: item ? iso(item.answer_due_at) : null,
      firstReactionDueAt: item ? iso(item.first_reaction_due_at) : null,
      finalAnswerDueAt: item ? iso(item.final_answer_due_at) : null,
      dueAt: item ? iso(item.due_at) : null,
    },
  });
}

/**
 * Turns the committed live events after the dispatcher's cursor into deliveries, one page at a time, each page in
 * one transaction with the cursor's advance: the cursor row is locked, so instances take turns and no event is
 * made into deliveries twice; `live_event.cursor` is commit order, so none is skipped (modules/live). An event
 * becomes a delivery for each active webhook of its municipality that asked for its type, was registered before
 * it, and whose owner may still read and reaches the item (the item access policy, with the facts committed with
 * the event). Returns how many events were read.
 */
export async function dispatchEvents(em: EntityManager, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const read = await em.transactional(async (tx) => {
      const [state] = await tx.execute<{ cursor: string }[]>(`select cursor::text as cursor from webhook_dispatch where id = 1 for update`);
      if (!state) return 0;
      const events: EventRow[] = await tx.execute(
        // Ordered by the number, not by the text alias (which would put 10 before 9).
        `select e.cursor::text as cursor, e.topic, e.payload from live_event e where e.cursor > ?::bigint order by e.cursor limit ?`,
        [state.cursor, PAGE],
      );
      if (!events.length) return 0;
      const itemEvents = events.filter((e) => e.topic === 'ITEM_EVENT');
      if (itemEvents.length) await makeDeliveries(tx, itemEvents, now);
      await tx.execute(`update webhook_dispatch set cursor = ?::bigint where id = 1`, [events[events.length - 1]!.cursor]);
      return events.length;
    });
    total += read;
    if (read < PAGE) return total;
  }
}

async function makeDeliveries(tx: EntityManager, events: EventRow[], now: Date): Promise<void> {
  const municipalities = [...new Set(events.map((e) => (e.payload as ItemEventPayload).municipalityId))];
  const hooks: HookRow[] = await tx.execute(`${HOOK_ROWS} and w.municipality_id = any(?::uuid[])`, [`{${municipalities.join(',')}}`]);
  if (!hooks.length) return;
  const receivers = hooks.map((h) => ({ hook: h, subject: ownerSubject(h, now) })).filter((r) => r.subject !== null);
  const wanted: { hookId: string; municipalityId: string; cursor: string; event: ItemEventPayload }[] = [];
  for (const row of events) {
    const e = row.payload as ItemEventPayload;
    for (const { hook, subject } of receivers) {
      if (hook.municipality_id !== e.municipalityId || !hook.event_types.includes(e.type)) continue;
      if (BigInt(row.cursor) <= BigInt(hook.from_cursor) || !reaches(subject, e)) continue;
      wanted.push({ hookId: hook.id, municipalityId: e.municipalityId, cursor: row.cursor, event: e });
    }
  }
  if (!wanted.length) return;
  const itemIds = [...new Set(wanted.map((w) => w.event.itemId))];
  const items: ItemRow[] = await tx.execute(
    `select i.id, i.number, c.code as category_code, i.received_at, i.registration_due_at, i.answer_due_at,
       i.first_reaction_due_at, i.final_answer_due_at, i.due_at
     from item i left join category c on c.id = i.category_id where i.id = any(?::uuid[])`,
    [`{${itemIds.join(',')}}`],
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  await insertRows(
    tx,
    WebhookDelivery,
    wanted.map((w) => {
      const id = randomUUID();
      return {
        id,
        municipality: w.municipalityId,
        webhook: w.hookId,
        eventType: w.event.type,
        itemId: w.event.itemId,
        eventCursor: w.cursor,
        body: itemEventBody(id, w.cursor, w.event, byId.get(w.event.itemId)),
        status: WebhookDeliveryStatus.PENDING,
        tries: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}

/** The webhooks that have deliveries due and no worker on them now: each gets a job (webhook-sender.ts). */
export async function webhooksDue(em: EntityManager, now: Date, limit = 1_000): Promise<string[]> {
  const rows: { id: string }[] = await em.execute(
    `select w.id from webhook w
     where w.active and (w.lease_until is null or w.lease_until < ?)
       and exists (select 1 from webhook_delivery d where d.webhook_id = w.id and d.status = 'PENDING' and d.next_attempt_at <= ?)
     limit ?`,
    [now, now, limit],
  );
  return rows.map((r) => r.id);
}
