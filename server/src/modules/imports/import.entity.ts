import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Channel, ItemKind } from '../items/item.enums.js';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormat, { name: 'ImportFormat' });

export enum ImportEncoding {
  UTF_8 = 'UTF_8',
  /** Windows-1251 (CP1251): CSV exports of many Russian systems. */
  WINDOWS_1251 = 'WINDOWS_1251',
}
registerEnumType(ImportEncoding, { name: 'ImportEncoding', description: 'The character encoding of a CSV file' });

/** What a column of a file may fill in (docs/integrators.md, "Bulk import"). */
export enum ImportField {
  EXTERNAL_ID = 'EXTERNAL_ID',
  RECEIVED_AT = 'RECEIVED_AT',
  KIND = 'KIND',
  CHANNEL = 'CHANNEL',
  SUBJECT = 'SUBJECT',
  TEXT = 'TEXT',
  CATEGORY = 'CATEGORY',
  SETTLEMENT = 'SETTLEMENT',
  ADDRESS = 'ADDRESS',
  LAT = 'LAT',
  LON = 'LON',
  URGENT = 'URGENT',
  IDENTIFIED = 'IDENTIFIED',
  APPLICANT_NAME = 'APPLICANT_NAME',
  APPLICANT_EMAIL = 'APPLICANT_EMAIL',
  APPLICANT_PHONE = 'APPLICANT_PHONE',
  APPLICANT_ADDRESS = 'APPLICANT_ADDRESS',
}
registerEnumType(ImportField, {
  name: 'ImportField',
  description: 'A field of an item that a column of an imported file fills in',
  valuesConfig: {
    EXTERNAL_ID: { description: "The item's id in the old system (required): (source, externalId) identifies the item" },
    RECEIVED_AT: { description: 'When it was received (required): dd.MM.yyyy HH:mm, dd.MM.yyyy, ISO 8601 or an Excel date, in the municipality\'s time zone unless the value names an offset' },
    KIND: { description: 'APPEAL/MESSAGE/INCIDENT or обращение/сообщение/инцидент; else the import\'s default' },
    CHANNEL: { description: "A Channel value or its Russian name (ПОС, Телефон, …); else the import's default" },
    CATEGORY: { description: 'A category code or its name' },
    SETTLEMENT: { description: "A settlement's name or short name" },
    URGENT: { description: 'да/нет, yes/no, 1/0, true/false' },
    IDENTIFIED: { description: 'да/нет, yes/no, 1/0, true/false: the citizen was identified' },
  },
});

export enum ImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** One column of a mapping: the file's column (by its header) and the field it fills in. */
@ObjectType({ description: "One column of a mapping: the header of the file's column and the field it fills in" })
export class ImportColumn {
  @Field()
  column!: string;

  @Field(() => ImportField)
  field!: ImportField;
}

/**
 * A file uploaded for import (`POST /imports`): its bytes in the file store, read again by the preview and by the
 * job. Only the person who uploaded it sees its rows.
 */
@ObjectType({ description: 'A file uploaded for import (POST /imports)' })
@Entity()
export class ImportFile extends TenantEntity {
  @Field()
  @Property({ type: 'text' })
  fileName!: string;

  @Field(() => ImportFormat)
  @Enum({ items: () => ImportFormat, nativeEnumName: 'import_format' })
  format!: ImportFormat;

  @Field(() => Int)
  @Property({ type: 'bigint', runtimeType: 'number' })
  size!: number;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text' })
  storageKey!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  uploadedBy!: Ref<User>;

  /** When the stored file was removed, its retention over (import-retention.ts); the jobs made from it stay. */
  @Property({ type: 'timestamptz', nullable: true })
  purgedAt?: Date | null;
}

/** A mapping of columns to fields kept under a name, to use again for the next file of the same system. */
@ObjectType({ description: 'A saved mapping of a file\'s columns to the fields of an item' })
@Entity()
@Unique({ properties: ['municipality', 'name'] })
export class ImportMapping extends TenantEntity {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'The source system the items come from, e.g. "pos" or "old-crm"' })
  @Property({ type: 'text' })
  source!: string;

  @Field(() => [ImportColumn])
  @Property({ type: 'jsonb' })
  columns!: ImportColumn[];

  @Field(() => ItemKind, { nullable: true, description: 'The kind of rows without a KIND column or value' })
  @Enum({ items: () => ItemKind, nativeEnumName: 'item_kind', nullable: true })
  kind?: ItemKind | null;

  @Field(() => Channel, { nullable: true, description: 'The channel of rows without a CHANNEL column or value' })
  @Enum({ items: () => Channel, nativeEnumName: 'item_channel', nullable: true })
  channel?: Channel | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  savedBy?: Ref<User> | null;
}

/**
 * An import or a dry run of a file: a job of the scheduler (modules/imports/import-job.ts), its progress stored after
 * each committed chunk so that it continues from there after a restart.
 */
@ObjectType({ description: 'An import (or a dry run) of a file, run as a job' })
@Entity()
@Index({ properties: ['municipality', 'createdAt'] })
export class ImportJob extends TenantEntity {
  @ManyToOne(() => ImportFile, { ref: true, deleteRule: 'cascade' })
  file!: Ref<ImportFile>;

  @Field({ description: 'The name of the imported file' })
  @Property({ type: 'text' })
  fileName!: string;

  @Field()
  @Property({ type: 'text' })
  source!: string;

  @Field(() => [ImportColumn])
  @Property({ type: 'jsonb' })
  columns!: ImportColumn[];

  @Field(() => ItemKind, { nullable: true })
  @Enum({ items: () => ItemKind, nativeEnumName: 'item_kind', nullable: true })
  kind?: ItemKind | null;

  @Field(() => Channel, { nullable: true })
  @Enum({ items: () => Channel, nativeEnumName: 'item_channel', nullable: true })
  channel?: Channel | null;

  @Field(() => ImportEncoding, { nullable: true, description: 'CSV only' })
  @Enum({ items: () => ImportEncoding, nativeEnumName: 'import_encoding', nullable: true })
  encoding?: ImportEncoding | null;

  @Field(() => String, { nullable: true, description: 'CSV only' })
  @Property({ type: 'text', nullable: true })
  delimiter?: string | null;

  @Field({ description: 'Only checks the rows: writes no item' })
  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Field(() => ImportStatus)
  @Enum({ items: () => ImportStatus, nativeEnumName: 'import_status' })
  status: ImportStatus & Opt = ImportStatus.QUEUED;

  @Field(() => Int, { nullable: true, description: 'Data rows in the file, once counted' })
  @Property({ type: 'integer', nullable: true })
  total?: number | null;

  @Field(() => Int, { description: 'Data rows done (committed), from the first' })
  @Property({ type: 'integer', default: 0 })
  processed: number & Opt = 0;

  @Field(() => Int, { description: 'Items created (a dry run: that would be created)' })
  @Property({ type: 'integer', default: 0 })
  created: number & Opt = 0;

  @Field(() => Int, { description: 'Rows whose (source, externalId) already named an item' })
  @Property({ type: 'integer', default: 0 })
  existing: number & Opt = 0;

  @Field(() => Int, { description: 'Rows refused, each with its error (importRowErrors)' })
  @Property({ type: 'integer', default: 0 })
  rejected: number & Opt = 0;

  @Field(() => String, { nullable: true, description: 'Why the job failed (FAILED)' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  startedBy!: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** The worker holding the job (import-job.ts), until `leaseUntil`; renewed with every chunk. */
  @Property({ type: 'text', nullable: true })
  worker?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil?: Date | null;
}

/** Why a row was refused, as a code the dashboard words in its language (`message` says it in English). */
export enum ImportRowReason {
  EMPTY = 'EMPTY',
  NOT_A_DATE = 'NOT_A_DATE',
  NOT_A_KIND = 'NOT_A_KIND',
  NO_KIND = 'NO_KIND',
  NOT_A_CHANNEL = 'NOT_A_CHANNEL',
  NO_CHANNEL = 'NO_CHANNEL',
  UNKNOWN_CATEGORY = 'UNKNOWN_CATEGORY',
  UNKNOWN_SETTLEMENT = 'UNKNOWN_SETTLEMENT',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  NOT_YES_OR_NO = 'NOT_YES_OR_NO',
  INVALID = 'INVALID',
  NOT_STORED = 'NOT_STORED',
}
registerEnumType(ImportRowReason, {
  name: 'ImportRowReason',
  description: "Why a row was refused; INVALID: the item the row makes breaks a rule of any item (the message says which)",
});

/** Why one row of an import was refused: at most one per row (its first problem). */
@ObjectType({ description: 'A row of an imported file that was refused, with the reason' })
@Entity()
export class ImportRowError {
  @ManyToOne(() => ImportJob, { primary: true, ref: true, deleteRule: 'cascade' })
  job!: Ref<ImportJob>;

  @Field(() => Int, { description: "The row's line in the file (CSV: the line it ends on, the header being line 1; XLSX: the row number)" })
  @PrimaryKey({ type: 'integer' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, by its header' })
  @Property({ type: 'text', nullable: true })
  column?: string | null;

  @Field(() => String, { nullable: true, description: 'The field at fault (an ImportField, or an item field such as applicant.email)' })
  @Property({ type: 'text', nullable: true })
  field?: string | null;

  @Field({ description: 'BAD_USER_INPUT, or INTERNAL_SERVER_ERROR when the row could not be stored' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => ImportRowReason)
  @Enum({ items: () => ImportRowReason, nativeEnumName: 'import_row_reason', default: ImportRowReason.INVALID })
  reason!: ImportRowReason;

  @Field({ description: 'What is wrong, in English, without the value itself' })
  @Property({ type: 'text' })
  message!: string;
}
