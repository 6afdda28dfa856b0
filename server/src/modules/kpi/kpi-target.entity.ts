import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { User } from '../users/user.entity.js';
import { KpiFigure } from './kpi-target.types.js';

/**
 * A target the curator approved for a KPI figure: for the municipality, one sector or one department (at most
 * one of the two), over a range of the municipality's dates. Never changed but once: a later approval for the same
 * figure and unit whose validity overlaps supersedes it (who, when), so the table is the history (docs/kpi.md).
 */
@ObjectType({ description: 'A target approved for a KPI figure (docs/kpi.md, "Targets")' })
@Entity()
@Index({ properties: ['municipality', 'figure'] })
@Check({ name: 'kpi_target_one_unit_check', expression: 'sector_id is null or department_id is null' })
@Check({ name: 'kpi_target_validity_check', expression: 'valid_to is null or valid_to > valid_from' })
export class KpiTarget extends TenantEntity {
  @Field(() => KpiFigure)
  @Enum({ items: () => KpiFigure, nativeEnumName: 'kpi_figure' })
  figure!: KpiFigure;

  /** The sector it is set for (null with the department, or for the municipality). */
  @ManyToOne(() => Sector, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  sector?: Ref<Sector>;

  /** The department it is set for (null with the sector, or for the municipality). */
  @ManyToOne(() => Department, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  department?: Ref<Department>;

  @Field({ description: 'First day it applies to (YYYY-MM-DD, the municipality’s date), inclusive' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Day it stops applying (YYYY-MM-DD), exclusive; null: open-ended' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Field(() => Float, { description: 'Shares 0..1; REPEATS and PER_THOUSAND_RESIDENTS per month' })
  @Property({ type: 'double' })
  value!: number;

  @Field(() => Float, { description: 'A figure this far or less on the wrong side of the value is AT_RISK' })
  @Property({ type: 'double' })
  atRiskMargin!: number;

  /** Who approved it: the curator. Kept for the history (a user is deactivated, never deleted). */
  @ManyToOne(() => User, { ref: true })
  approvedBy!: Ref<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  approvedAt!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date, { nullable: true, description: 'When a later approval replaced it; null: active' })
  @Property({ type: 'timestamptz', nullable: true })
  supersededAt?: Date | null;

  /** Who approved the target that replaced it. */
  @ManyToOne(() => User, { ref: true, nullable: true })
  supersededBy?: Ref<User> | null;
}
