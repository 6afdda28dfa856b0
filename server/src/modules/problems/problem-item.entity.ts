import { Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from '../items/item.entity.js';
import { Problem } from './problem.entity.js';

/**
 * An item gathered by a problem. A link is active while its problem is on the list (PROPOSED, CONFIRMED,
 * IN_WORK); an item is in at most one active problem (a partial unique index). The links of a solved or rejected
 * problem stay, inactive: they keep its items out of later proposals.
 */
@Entity()
@Unique({ properties: ['problem', 'item'] })
@Unique({ name: 'problem_item_active_unique', expression: 'create unique index "problem_item_active_unique" on "problem_item" ("item_id") where "active"' })
export class ProblemItem extends TenantEntity {
  @ManyToOne(() => Problem, { ref: true, deleteRule: 'cascade' })
  problem!: Ref<Problem>;

  @ManyToOne(() => Item, { ref: true, deleteRule: 'cascade', index: true })
  item!: Ref<Item>;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz' })
  linkedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  linkedBy?: Ref<User>;
}
