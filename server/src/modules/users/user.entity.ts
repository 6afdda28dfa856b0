import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Role } from '../auth/roles.js';

/**
 * A person who signs in. Staff belong to one municipality; a regional user (role REGION) has none and reads
 * across all of them.
 */
@ObjectType()
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @ManyToOne(() => Municipality, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  municipality?: Ref<Municipality>;

  @Field({ description: 'Lower-case login name, unique across the installation' })
  @Unique()
  @Property({ type: 'text' })
  username!: string;

  @Field()
  @Property({ type: 'text' })
  fullName!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  position?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  email?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true, nativeEnumName: 'role' })
  roles: Role[] = [];

  @ManyToOne(() => Department, { ref: true, nullable: true, index: true, deleteRule: 'set null' })
  department?: Ref<Department>;

  @ManyToMany(() => Sector, undefined, { owner: true, pivotTable: 'user_sector' })
  sectors = new Collection<Sector>(this);

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field({ description: 'Interface language: ru or en' })
  @Property({ type: 'text', default: 'ru' })
  locale: string = 'ru';

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt?: Date;
}
