import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';

export enum CalendarStatus {
  OFFICIAL = 'OFFICIAL',
  PROVISIONAL = 'PROVISIONAL',
}
registerEnumType(CalendarStatus, { name: 'CalendarStatus' });

/** One year of the production calendar of a municipality: loaded from the reference, editable by the head. */
@ObjectType()
@Entity()
@Unique({ properties: ['municipality', 'year'] })
export class CalendarYear extends TenantEntity {
  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => CalendarStatus)
  @Enum({ items: () => CalendarStatus, nativeEnumName: 'calendar_status' })
  status!: CalendarStatus;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  basis?: string;

  @Field(() => [String], { description: 'Monday–Friday dates that are not worked (YYYY-MM-DD)' })
  @Property({ type: 'jsonb' })
  nonWorkingWeekdays: string[] = [];

  @Field(() => [String], { description: 'Saturday/Sunday dates that are worked' })
  @Property({ type: 'jsonb' })
  workingWeekends: string[] = [];

  @Field(() => [String], { description: 'Pre-holiday working days, one hour shorter' })
  @Property({ type: 'jsonb' })
  shortened: string[] = [];
}
