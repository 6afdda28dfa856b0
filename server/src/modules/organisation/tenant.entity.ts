import { ManyToOne, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Municipality } from './municipality.entity.js';

/**
 * Every record that belongs to a municipality extends this class; the `tenant` filter (db/tenant-filter.ts)
 * restricts every query on such an entity to the viewer's municipality.
 */
@ObjectType()
export abstract class TenantEntity extends BaseEntity {
  @ManyToOne(() => Municipality, { ref: true, index: true, deleteRule: 'cascade' })
  municipality!: Ref<Municipality>;
}
