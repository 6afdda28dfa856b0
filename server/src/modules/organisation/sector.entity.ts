import { Collection, Entity, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from './tenant.entity.js';
import { Category } from './category.entity.js';

/** An отраслевой блок: a sector of municipal life that items, departments and KPIs are grouped by. */
@ObjectType()
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Sector extends TenantEntity {
  @Field({ description: 'Stable code from the rubricator, e.g. ZHKH' })
  @Property({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @OneToMany(() => Category, (c) => c.sector)
  categories = new Collection<Category>(this);
}
