import { Collection, Entity, Enum, ManyToMany, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from './tenant.entity.js';
import { Sector } from './sector.entity.js';
import { Category } from './category.entity.js';
import { Settlement } from './settlement.entity.js';
import { deriveDepartmentShortName } from './short-name.js';

export enum DepartmentKind {
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  REPRESENTATIVE_BODY = 'REPRESENTATIVE_BODY',
  SETTLEMENT_GOVERNMENT = 'SETTLEMENT_GOVERNMENT',
  ADMIN_UNIT = 'ADMIN_UNIT',
  MUNICIPAL_INSTITUTION = 'MUNICIPAL_INSTITUTION',
  REGIONAL_INSTITUTION = 'REGIONAL_INSTITUTION',
  UTILITY = 'UTILITY',
  MEDIA = 'MEDIA',
  OTHER = 'OTHER',
}
registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: 'структурное подразделение, учреждение, предприятие, …',
});

/** A department: a structural unit, institution or enterprise that answers items of its sectors and categories. */
@ObjectType()
@Entity()
@Unique({ properties: ['municipality', 'code'] })
export class Department extends TenantEntity {
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
    description: 'For tight places ("Отдел ЖКХ"): the short name kept, else one derived from the name',
  })
  get shortNameOrDerived(): string & Opt {
    return this.shortName || deriveDepartmentShortName(this.name);
  }

  @Field(() => Boolean, { description: 'No short name is kept: `shortName` is derived from the name' })
  get shortNameDerived(): boolean & Opt {
    return !this.shortName;
  }

  @Field(() => DepartmentKind)
  @Enum({ items: () => DepartmentKind, nativeEnumName: 'department_kind' })
  kind!: DepartmentKind;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  email?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @ManyToMany(() => Sector, undefined, { owner: true, pivotTable: 'department_sector' })
  sectors = new Collection<Sector>(this);

  @ManyToMany(() => Category, undefined, { owner: true, pivotTable: 'department_category' })
  categories = new Collection<Category>(this);

  @ManyToMany(() => Settlement, undefined, { owner: true, pivotTable: 'department_settlement' })
  settlements = new Collection<Settlement>(this);
}
