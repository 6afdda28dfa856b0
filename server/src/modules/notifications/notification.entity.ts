import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from '../items/item.entity.js';

/** An in-app notification for one person (other channels later). `key` makes each one idempotent. */
@ObjectType()
@Entity()
@Index({ properties: ['user', 'readAt', 'createdAt'] })
export class Notification extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Item, { ref: true, nullable: true, deleteRule: 'cascade' })
  item?: Ref<Item>;

  @Field({ description: 'ASSIGNED, DUE_SOON, OVERDUE, RETURNED, ON_REVIEW, …' })
  @Property({ type: 'text' })
  type!: string;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'text', unique: true })
  key!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date;
}
