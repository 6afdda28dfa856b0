import { Entity, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from '../items/item.entity.js';
import { Problem } from '../problems/problem.entity.js';

/**
 * An in-app notification for one person (other channels later). There is one per person, item and kind (`key`): a
 * repeated one is the same notification again, unread and on top. Many of one kind at once (a scan that finds 47
 * deadlines passed) are one digest without an item (`itemCount` > 1). A notice about a problem's measure names the
 * problem instead of an item. See notification-delivery.ts.
 */
@ObjectType()
@Entity()
@Index({ properties: ['user', 'readAt', 'createdAt'] })
export class Notification extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Item, { ref: true, nullable: true, deleteRule: 'cascade' })
  item?: Ref<Item>;

  /** The problem a notice about one of its measures is about (MEASURE_OVERDUE). */
  @ManyToOne(() => Problem, { ref: true, nullable: true, deleteRule: 'cascade' })
  problem?: Ref<Problem>;

  @Field({ description: 'ASSIGNED, DUE_SOON, OVERDUE, RETURNED, ON_REVIEW, REVIEW_OVERDUE, REOPENED, MEASURE_OVERDUE, …' })
  @Property({ type: 'text' })
  type!: string;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'text', unique: true })
  key!: string;

  @Field(() => Int, { description: 'How many items it is about: 1 (see `item`), or more for a digest of one kind without an item' })
  @Property({ type: 'integer', default: 1 })
  itemCount: number & Opt = 1;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}
