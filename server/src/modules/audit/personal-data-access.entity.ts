import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from '../items/item.entity.js';

/** 152-ФЗ: every view or export of an applicant's personal data, by whom and when. Append-only. */
@ObjectType()
@Entity()
@Index({ properties: ['item', 'at'] })
@Index({ properties: ['user', 'at'] })
export class PersonalDataAccess extends TenantEntity {
  @ManyToOne(() => Item, { ref: true, deleteRule: 'cascade' })
  item!: Ref<Item>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  user?: Ref<User>;

  @Field({ description: 'A person’s username or an API token’s name' })
  @Property({ type: 'text' })
  actorLabel!: string;

  @Field({ description: 'VIEW or EXPORT' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at!: Date;
}
