import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';

/** A municipality (муниципальный район или округ): the tenant that every record belongs to. */
@ObjectType()
@Entity()
export class Municipality extends BaseEntity {
  @Field()
  @Unique()
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'Full name in Russian' })
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  shortName!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string;

  @Field()
  @Property({ type: 'text' })
  regionName!: string;

  @Field({ description: 'IANA time zone in which deadlines are counted, e.g. Europe/Volgograd' })
  @Property({ type: 'text' })
  timezone!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  population?: number;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  oktmo?: string;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lat?: number;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lon?: number;
}
