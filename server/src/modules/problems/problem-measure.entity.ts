import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../users/user.entity.js';
import { MeasureStatus } from './problem.enums.js';
import { Problem } from './problem.entity.js';

/** One measure of a problem's plan: what, who (a department and/or a person), by when, and whether it is done. */
@ObjectType({ description: 'A measure of a problem’s plan' })
@Entity()
@Index({ properties: ['status', 'dueAt'] })
export class ProblemMeasure extends TenantEntity {
  @ManyToOne(() => Problem, { ref: true, deleteRule: 'cascade', index: true })
  problem!: Ref<Problem>;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  department?: Ref<Department>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  owner?: Ref<User>;

  @Field({ description: 'The day it is due (YYYY-MM-DD, the municipality’s date)' })
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => Date, { description: 'The last second of the due date, local time: overdue after it' })
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => MeasureStatus)
  @Enum({ items: () => MeasureStatus, nativeEnumName: 'problem_measure_status' })
  status!: MeasureStatus;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: Date;

  /** The `dueAt` for which the scheduler announced it overdue (so each due date is announced once). */
  @Property({ type: 'timestamptz', nullable: true })
  overdueNotifiedFor?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy?: Ref<User>;
}
