import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';

export enum ReportKind {
  /** The municipality's local week, Monday to Sunday. */
  WEEKLY = 'WEEKLY',
  /** A calendar month of the municipality. */
  MONTHLY = 'MONTHLY',
}
registerEnumType(ReportKind, { name: 'ReportKind', description: 'A weekly (Mon–Sun) or a monthly report (docs/kpi.md, "Reports")' });

export enum ReportStatus {
  /** Both files are stored and may be downloaded. */
  READY = 'READY',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/**
 * A generated report of a municipality for the ЦУР and the curator (docs/kpi.md, "Reports"): one per kind and
 * period, its XLSX and PDF kept in the file store. Generated again on request, it replaces its files.
 */
@ObjectType({ description: 'A weekly or monthly report, XLSX and PDF (docs/kpi.md, "Reports")' })
@Entity()
@Unique({ properties: ['municipality', 'kind', 'periodFrom'] })
export class Report extends TenantEntity {
  @Field(() => ReportKind)
  @Enum({ items: () => ReportKind, nativeEnumName: 'report_kind' })
  kind!: ReportKind;

  @Field({ description: 'First day of the period (YYYY-MM-DD, the municipality’s date), inclusive' })
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field({ description: 'Day after the period (YYYY-MM-DD), exclusive' })
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status' })
  status!: ReportStatus;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  generatedAt!: Date;

  @Field({ description: 'The username of who generated it, or "scheduler"' })
  @Property({ type: 'text' })
  generatedBy!: string;

  /** The XLSX in the file store. */
  @Property({ type: 'text' })
  xlsxKey!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  xlsxSize!: number;

  @Field()
  @Property({ type: 'text' })
  xlsxSha256!: string;

  /** The PDF in the file store. */
  @Property({ type: 'text' })
  pdfKey!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  pdfSize!: number;

  @Field()
  @Property({ type: 'text' })
  pdfSha256!: string;
}
