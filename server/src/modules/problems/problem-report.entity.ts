import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Problem } from './problem.entity.js';

/** A progress report on a problem: what was done, by whom, when. Never changed. */
@ObjectType({ description: 'A progress report on a problem' })
@Entity()
export class ProblemReport extends TenantEntity {
  @ManyToOne(() => Problem, { ref: true, deleteRule: 'cascade', index: true })
  problem!: Ref<Problem>;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  author?: Ref<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at!: Date;
}
