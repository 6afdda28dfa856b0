import { Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Category } from '../organisation/category.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Problem } from '../problems/problem.entity.js';

/**
 * A local day on which one category in one settlement brought more items than its history expects, or came near
 * enough to be looked at (docs/text.md "Spikes"). A row is written the first time the day's count reaches the least
 * count that can be a spike (`minCount`), with the model's figures of that day, which its history no longer
 * changes; it is unique per category, settlement and day, so one spike alerts once and proposes one problem.
 */
@ObjectType({ description: 'A spike of items of one category in one settlement on one local day, with the figures of the rule' })
@Entity()
@Unique({ properties: ['municipality', 'category', 'settlement', 'day'] })
export class Spike extends TenantEntity {
  @ManyToOne(() => Category, { ref: true })
  category!: Ref<Category>;

  @ManyToOne(() => Settlement, { ref: true })
  settlement!: Ref<Settlement>;

  @Field({ description: 'The municipality’s local day (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  day!: string;

  @Field(() => Int, { description: 'Items of the category in the settlement that day, when last counted' })
  @Property({ type: 'integer' })
  count!: number;

  @Field(() => Int, { description: 'How many previous same weekdays the baseline is the mean of' })
  @Property({ type: 'integer' })
  referenceDays!: number;

  @Field(() => Float, { description: 'The mean count of those days' })
  @Property({ type: 'double' })
  baseline!: number;

  @Field(() => Float, { description: 'How much busier the same period was a year ago than the weeks before it (1: no such year)' })
  @Property({ type: 'double' })
  seasonRatio!: number;

  @Field(() => Float, { description: 'The expected count: baseline × season ratio, at least 0.5' })
  @Property({ type: 'double' })
  expected!: number;

  @Field(() => Int, { description: 'The least count that is a spike that day' })
  @Property({ type: 'integer' })
  threshold!: number;

  /** When the count reached the threshold and the alert went out; null while it has not. */
  @Field(() => Date, { nullable: true, description: 'When the alert went out (null: the count has not reached the threshold)' })
  @Property({ type: 'timestamptz', nullable: true })
  alertedAt?: Date;

  /** The problem that took the spike's items: proposed by it, or one on the list for the category and settlement. */
  @ManyToOne(() => Problem, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  problem?: Ref<Problem>;

  @Field(() => Boolean, { description: 'Whether the spike proposed its problem (false: a problem already on the list took its items)' })
  @Property({ type: 'boolean', default: false })
  proposed: boolean & Opt = false;

  /**
   * The items the spike has taken (linked to its problem, or skipped because another problem had them): each is
   * considered once, so an item a person unlinks from the problem is not linked again by the next scan.
   */
  @Property({ type: 'text[]', default: '{}' })
  itemIds: string[] & Opt = [];
}
