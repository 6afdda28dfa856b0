import { Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { ApiToken } from '../auth/api-token.entity.js';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A subscriber's endpoint (docs/integrators.md, "Webhooks"): the item events of the live layer it wants, sent to
 * `url` signed with `secret`. Owned by the API token or the person that registered it; it receives what its owner
 * may read, and nothing once the owner may no longer (a revoked or expired token, a deactivated person).
 * Not a GraphQL type itself (webhook.types.ts): the secret must never be a field.
 */
@Entity({ tableName: 'webhook' })
@Check({ name: 'webhook_one_owner_check', expression: '(owner_token_id is null) <> (owner_user_id is null)' })
@Index({ properties: ['ownerToken'] })
@Index({ properties: ['ownerUser'] })
export class Webhook extends TenantEntity {
  @Property({ type: 'text' })
  url!: string;

  /** Needed as given to sign each delivery; never returned, never logged. */
  @Property({ type: 'text', hidden: true })
  secret!: string;

  /** The secret's last characters, to recognise it in a list. */
  @Property({ type: 'text' })
  secretHint!: string;

  @Property({ type: 'text[]' })
  eventTypes: string[] = [];

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @ManyToOne(() => ApiToken, { ref: true, nullable: true, deleteRule: 'cascade' })
  ownerToken?: Ref<ApiToken> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'cascade' })
  ownerUser?: Ref<User> | null;

  /** Events after this cursor of `live_event` are its: what was committed before it was registered is not. */
  @Property({ type: 'bigint' })
  fromCursor!: string;

  /** While a worker sends its deliveries (webhook-sender.ts): no other worker takes it until then. */
  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil?: Date | null;
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'waiting for its first or next attempt (nextAttemptAt)' },
    DELIVERED: { description: 'an attempt was answered with a 2xx status' },
    DEAD: { description: 'every attempt failed (WEBHOOK_MAX_ATTEMPTS): dead-lettered; replayWebhookDelivery sends it again' },
    CANCELLED: { description: "not sent: the subscription's owner can no longer read (token revoked or expired, person deactivated)" },
  },
});

/** One attempt to send a delivery, as recorded (webhookDeliveries). */
export type WebhookAttemptRecord = { number: number; at: string; durationMs: number; httpStatus: number | null; error: string | null };

/**
 * One event (or a ping) to send to one webhook, with its body fixed when it was made, so every attempt and every
 * replay sends the same bytes; its attempts are appended to `attempts`.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['webhook', 'eventCursor'] })
@Index({ properties: ['webhook', 'createdAt'] })
@Index({
  name: 'webhook_delivery_due_index',
  expression: `create index "webhook_delivery_due_index" on "webhook_delivery" ("webhook_id", "next_attempt_at") where "status" = 'PENDING'`,
})
export class WebhookDelivery extends TenantEntity {
  @ManyToOne(() => Webhook, { ref: true, deleteRule: 'cascade' })
  webhook!: Ref<Webhook>;

  /** An ItemEventType, or PING. */
  @Property({ type: 'text' })
  eventType!: string;

  @Property({ type: 'uuid', nullable: true })
  itemId?: string | null;

  /** The event's cursor in `live_event` (null: a ping). */
  @Property({ type: 'bigint', nullable: true })
  eventCursor?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status: WebhookDeliveryStatus & Opt = WebhookDeliveryStatus.PENDING;

  /** Attempts since it was made or last replayed: the backoff and the limit count these. */
  @Property({ type: 'int', default: 0 })
  tries: number & Opt = 0;

  @Property({ type: 'jsonb', default: '[]' })
  attempts: WebhookAttemptRecord[] & Opt = [];

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}

/** Where the dispatcher (webhook-dispatch.ts) has read `live_event` up to: one row. */
@Entity({ tableName: 'webhook_dispatch' })
export class WebhookDispatch {
  @PrimaryKey({ type: 'int', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  cursor!: string;
}
