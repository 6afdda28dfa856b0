import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Category } from '../organisation/category.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../users/user.entity.js';
import { Outcome } from '../items/item.enums.js';
import { ProblemStatus } from './problem.enums.js';

/**
 * A recurring problem of the municipality (перечень муниципальных проблем, docs/problems.md): where and what,
 * who answers for it, its plan of measures, progress reports and the items it gathers. It carries no personal
 * data: the applicants stay on the items, which a viewer sees only as the item access policy lets them.
 */
@ObjectType({ description: 'A recurring problem (перечень муниципальных проблем); carries no personal data' })
@Entity()
@Index({ properties: ['municipality', 'status'] })
export class Problem extends TenantEntity {
  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @ManyToOne(() => Category, { ref: true, nullable: true, index: true })
  category?: Ref<Category>;

  /** From the category; decides which sector leads work the problem. */
  @ManyToOne(() => Sector, { ref: true, nullable: true, index: true })
  sector?: Ref<Sector>;

  @ManyToOne(() => Settlement, { ref: true, nullable: true, index: true })
  settlement?: Ref<Settlement>;

  @Field({ nullable: true, description: 'The address or area, free text (e.g. "ул. Ленина")' })
  @Property({ type: 'text', nullable: true })
  area?: string;

  /** The department responsible for the problem. */
  @ManyToOne(() => Department, { ref: true, nullable: true, index: true })
  department?: Ref<Department>;

  @Field(() => ProblemStatus)
  @Enum({ items: () => ProblemStatus, nativeEnumName: 'problem_status' })
  status!: ProblemStatus;

  @Field({ nullable: true, description: 'The key of the proposal it was confirmed or rejected from' })
  @Property({ type: 'text', nullable: true })
  proposalKey?: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy?: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  confirmedBy?: Ref<User>;

  @Field(() => Date, { nullable: true, description: 'When the plan of measures was approved (the problem went IN_WORK)' })
  @Property({ type: 'timestamptz', nullable: true })
  planApprovedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  planApprovedBy?: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  solvedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  solvedBy?: Ref<User>;

  @Field({ nullable: true, description: 'The answer given to the linked items when the problem was solved' })
  @Property({ type: 'text', nullable: true })
  answerText?: string;

  @Field(() => Outcome, { nullable: true })
  @Enum({ items: () => Outcome, nativeEnumName: 'item_outcome', nullable: true })
  outcome?: Outcome;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  rejectedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  rejectedBy?: Ref<User>;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string;

  /** The problem this one was merged into (it is then REJECTED). */
  @ManyToOne(() => Problem, { ref: true, nullable: true })
  mergedInto?: Ref<Problem>;

  @Field(() => Int, { description: 'Changes with every change of the problem' })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}
