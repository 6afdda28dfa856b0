import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from './item.entity.js';
import { ItemStatus } from './item.enums.js';

/** One step in an item's history: who, when, what, and the values before and after. Never changed. */
@ObjectType()
@Entity()
@Index({ properties: ['item', 'at'] })
// KPIs: ratings in a period (docs/kpi.md).
@Index({ properties: ['municipality', 'type', 'at'] })
export class ItemEvent extends TenantEntity {
  @ManyToOne(() => Item, { ref: true, deleteRule: 'cascade' })
  item!: Ref<Item>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User>;

  @Field({ description: 'Who acted when it was not a person: an integration, the scheduler' })
  @Property({ type: 'text' })
  actorLabel!: string;

  @Field({ description: 'CREATED, REGISTERED, ASSIGNED, …, or an ItemAction' })
  @Property({ type: 'text' })
  type!: string;

  @Field(() => ItemStatus, { nullable: true })
  @Enum({ items: () => ItemStatus, nativeEnumName: 'item_status', nullable: true })
  fromStatus?: ItemStatus;

  @Field(() => ItemStatus, { nullable: true })
  @Enum({ items: () => ItemStatus, nativeEnumName: 'item_status', nullable: true })
  toStatus?: ItemStatus;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'Codes of the step: { reasons: [ReworkReason] }, { reason: NoAnswerReason }, { to }, { outcome }, { satisfied }, { days }, { attachmentIds, fileNames }, { parentId, parentNumber }, { childId, childNumber }',
  })
  @Property({ type: 'jsonb', nullable: true })
  details?: Record<string, unknown>;

  @Field(() => JSONObjectResolver, { nullable: true, description: '{ field: { before, after } } for the fields it changed' })
  @Property({ type: 'jsonb', nullable: true })
  changes?: Record<string, { before: unknown; after: unknown }>;
}
