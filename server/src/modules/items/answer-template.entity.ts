import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Category } from '../organisation/category.entity.js';

/** A reusable answer text, for one category or for all. */
@ObjectType()
@Entity()
export class AnswerTemplate extends TenantEntity {
  @ManyToOne(() => Category, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  category?: Ref<Category>;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
