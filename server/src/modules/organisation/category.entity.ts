import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from './tenant.entity.js';
import { Sector } from './sector.entity.js';

/** A category of the rubricator, inside one sector. */
@ObjectType()
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Category extends TenantEntity {
  @Field({ description: 'Stable code from the rubricator, e.g. ZHKH_WATER' })
  @Property({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string;

  @ManyToOne(() => Sector, { ref: true, index: true })
  sector!: Ref<Sector>;

  @Field({ description: 'An item of this category can be an emergency (water, heat, power, gas, fire, flood)' })
  @Property({ type: 'boolean', default: false })
  urgentCapable: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Answer deadline of a MESSAGE in working days; null = default (10)' })
  @Property({ type: 'integer', nullable: true })
  messageAnswerDays?: number;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}
