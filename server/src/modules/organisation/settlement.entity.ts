import { Entity, Enum, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from './tenant.entity.js';
import { deriveSettlementShortName } from './short-name.js';

export enum SettlementKind {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
}
registerEnumType(SettlementKind, { name: 'SettlementKind', description: 'городское или сельское поселение' });

@ObjectType()
export class Locality {
  @Field()
  name!: string;

  @Field({ description: 'город, хутор, посёлок, …' })
  kind!: string;
}

/** A settlement (поселение) of the municipality, with its localities (населённые пункты). */
@ObjectType()
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Settlement extends TenantEntity {
  @Field()
  @Property({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  /** The short name kept in the organisation data; unset, the short form is derived from the name. */
  @Property({ type: 'text', nullable: true })
  shortName?: string;

  @Field(() => String, {
    name: 'shortName',
    description: 'For tight places ("г. Суровикино"): the short name kept, else one derived from the name',
  })
  get shortNameOrDerived(): string & Opt {
    return this.shortName || deriveSettlementShortName(this.name);
  }

  @Field(() => Boolean, { description: 'No short name is kept: `shortName` is derived from the name' })
  get shortNameDerived(): boolean & Opt {
    return !this.shortName;
  }

  @Field(() => SettlementKind)
  @Enum({ items: () => SettlementKind, nativeEnumName: 'settlement_kind' })
  kind!: SettlementKind;

  @Field({ nullable: true, description: 'Administrative centre' })
  @Property({ type: 'text', nullable: true })
  centre?: string;

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

  @Field(() => [Locality])
  @Property({ type: 'jsonb' })
  localities: Locality[] = [];

  @Field(() => [String], { description: 'Street names known to the gazetteer' })
  @Property({ type: 'jsonb' })
  streets: string[] = [];
}
