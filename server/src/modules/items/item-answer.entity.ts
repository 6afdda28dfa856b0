import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { AnswerFinding } from '../answer-check/answer-check.js';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from './item.entity.js';
import { ReworkReason } from './item.enums.js';

export enum AnswerKind {
  INTERIM = 'INTERIM',
  FINAL = 'FINAL',
}
registerEnumType(AnswerKind, { name: 'AnswerKind', description: 'An interim answer (INCIDENT) or the answer' });

export enum AnswerStatus {
  DRAFT = 'DRAFT',
  ON_REVIEW = 'ON_REVIEW',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AnswerStatus, { name: 'AnswerStatus' });

/** An answer draft and its review. Every submitted version stays; a returned one keeps its reasons. */
@ObjectType()
@Entity()
export class ItemAnswer extends TenantEntity {
  @ManyToOne(() => Item, { ref: true, index: true, deleteRule: 'cascade' })
  item!: Ref<Item>;

  @Field(() => AnswerKind)
  @Enum({ items: () => AnswerKind, nativeEnumName: 'answer_kind' })
  kind!: AnswerKind;

  @Field(() => AnswerStatus)
  @Enum({ items: () => AnswerStatus, nativeEnumName: 'answer_status' })
  status!: AnswerStatus;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  reviewer?: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date;

  @Field(() => [ReworkReason])
  @Enum({ items: () => ReworkReason, array: true, nativeEnumName: 'rework_reason' })
  reworkReasons: ReworkReason[] = [];

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  reviewComment?: string;

  /** What the answer check found when the answer was submitted for review (modules/answer-check); see the field. */
  @Property({ type: 'jsonb', nullable: true })
  checks?: AnswerFinding[] | null;
}
