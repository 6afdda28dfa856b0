import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { Category } from '../organisation/category.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Department } from '../organisation/department.entity.js';
import { User } from '../users/user.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Channel, ClassifiedBy, ItemKind, ItemStatus, NoAnswerReason, Outcome } from './item.enums.js';
import type { MachineProposalData } from '../text/proposal.js';

/**
 * The applicant's name, e-mail and phone digits as one lower-case text: what the inbox search matches for the
 * viewers who see an item's applicant (item-queries.ts), under a trigram index. `alias` qualifies the columns.
 */
export function applicantSearchText(alias?: string): string {
  const c = (column: string) => (alias ? `${alias}."${column}"` : `"${column}"`);
  return `lower(coalesce(${c('applicant_name')}, '') || ' ' || coalesce(${c('applicant_email')}, '') || ' ' || regexp_replace(coalesce(${c('applicant_phone')}, ''), '\\D', '', 'g'))`;
}

/**
 * An appeal, message or incident. The applicant's personal data live in columns that the GraphQL layer never
 * exposes directly: `applicant` is resolved by personal-data.service.ts, which asks the access policy
 * (item-access.ts), masks (personal-data.ts) and logs every full view.
 */
@ObjectType()
@Entity()
@Unique({ name: 'item_source_external_id_unique', properties: ['municipality', 'source', 'externalId'] })
@Unique({ properties: ['municipality', 'number'] })
@Index({ properties: ['municipality', 'status', 'dueAt'] })
@Index({
  name: 'item_open_due_index',
  expression: `create index "item_open_due_index" on "item" ("municipality_id", "due_at", "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED')`,
})
// The inbox's default order (urgent first, then the nearest deadline, then id) read straight from an index, for the
// open items of a municipality, of a department and of a sector (the lists people open; docs/performance.md).
@Index({
  name: 'item_open_urgent_due_index',
  expression: `create index "item_open_urgent_due_index" on "item" ("municipality_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED')`,
})
@Index({
  name: 'item_open_department_urgent_due_index',
  expression: `create index "item_open_department_urgent_due_index" on "item" ("department_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED')`,
})
@Index({
  name: 'item_open_sector_urgent_due_index',
  expression: `create index "item_open_sector_urgent_due_index" on "item" ("sector_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED')`,
})
@Index({ properties: ['municipality', 'receivedAt'] })
// KPIs (docs/kpi.md): what happened on a day, and what was still unresolved at an instant.
@Index({ properties: ['municipality', 'answeredAt'] })
@Index({ properties: ['municipality', 'firstReactionAt'] })
@Index({ properties: ['municipality', 'closedAt'] })
// KPIs: repeats — the same applicant's earlier items (docs/kpi.md).
@Index({ name: 'item_applicant_phone_index', expression: `create index "item_applicant_phone_index" on "item" ("municipality_id", "applicant_phone") where "applicant_phone" is not null` })
@Index({ name: 'item_applicant_email_index', expression: `create index "item_applicant_email_index" on "item" ("municipality_id", lower("applicant_email")) where "applicant_email" is not null` })
@Index({ name: 'item_applicant_name_address_index', expression: `create index "item_applicant_name_address_index" on "item" ("municipality_id", lower("applicant_name"), lower("applicant_address")) where "applicant_name" is not null and "applicant_address" is not null` })
// The inbox search by applicant, for those who see them (pg_trgm: a fragment of a name, an e-mail or a phone).
// Likely duplicates (item-duplicates.ts): texts alike by pg_trgm's similarity.
@Index({ name: 'item_text_trgm_index', expression: `create index "item_text_trgm_index" on "item" using gin ("text" gin_trgm_ops)` })
@Index({ name: 'item_applicant_search_index', expression: `create index "item_applicant_search_index" on "item" using gin ((${applicantSearchText()}) gin_trgm_ops)` })
@Index({
  name: 'item_unresolved_until_index',
  expression: `create index "item_unresolved_until_index" on "item" ("municipality_id", (coalesce(least("answered_at", "closed_at"), 'infinity'::timestamptz)))`,
})
@Index({ properties: ['department', 'status'] })
@Index({ properties: ['executor', 'status'] })
export class Item extends TenantEntity {
  @Field({ description: 'Registration number, unique in the municipality, e.g. 2026-000123' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => ItemKind)
  @Enum({ items: () => ItemKind, nativeEnumName: 'item_kind' })
  kind!: ItemKind;

  @Field(() => Channel)
  @Enum({ items: () => Channel, nativeEnumName: 'item_channel' })
  channel!: Channel;

  @Field({ description: 'Source system (e.g. POS, EPGU, VK monitoring, dashboard)' })
  @Property({ type: 'text' })
  source!: string;

  @Field({ nullable: true, description: 'Id of the item in its source system; (source, externalId) is unique' })
  @Property({ type: 'text', nullable: true })
  externalId?: string;

  /**
   * The integrator token that sent the item, if one did. A token bound to no source carries later updates only to
   * the items it sent itself (the access policy's `sourceUpdateWhere`); not in the schema.
   */
  @ManyToOne(() => ApiToken, { ref: true, nullable: true })
  sentByToken?: Ref<ApiToken> | null;

  @Field(() => String, { nullable: true, description: "The source system's own status, as it last reported it (updateIngestedItem)" })
  @Property({ type: 'text', nullable: true })
  sourceStatus?: string;

  @Field(() => Date, { nullable: true, description: 'When the last update from the source system (updateIngestedItem) happened there' })
  @Property({ type: 'timestamptz', nullable: true })
  sourceUpdatedAt?: Date;

  @Field({ description: 'The citizen was identified (ЕСИА, authenticated site, walk-in with a document)' })
  @Property({ type: 'boolean' })
  identified!: boolean;

  // Personal data of the applicant: never a @Field; see ItemFieldsResolver.applicant.
  @Property({ type: 'text', nullable: true })
  applicantName?: string;

  @Property({ type: 'text', nullable: true })
  applicantPhone?: string;

  @Property({ type: 'text', nullable: true })
  applicantEmail?: string;

  @Property({ type: 'text', nullable: true })
  applicantAddress?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  subject?: string;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field({ nullable: true, description: 'Where the problem is (not the applicant’s address)' })
  @Property({ type: 'text', nullable: true })
  address?: string;

  @ManyToOne(() => Settlement, { ref: true, nullable: true, index: true })
  settlement?: Ref<Settlement>;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lat?: number;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lon?: number;

  @ManyToOne(() => Category, { ref: true, nullable: true, index: true })
  category?: Ref<Category>;

  @ManyToOne(() => Sector, { ref: true, nullable: true, index: true })
  sector?: Ref<Sector>;

  @ManyToOne(() => Department, { ref: true, nullable: true })
  department?: Ref<Department>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  executor?: Ref<User>;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  urgent: boolean & Opt = false;

  @Field(() => ClassifiedBy, {
    nullable: true,
    description: 'Who gave the category: null while the item waits in the "to classify" queue (the machine was not sure)',
  })
  @Enum({ items: () => ClassifiedBy, nativeEnumName: 'item_classified_by', nullable: true })
  classifiedBy?: ClassifiedBy | null;

  /** The text classifier's first pass over the item (text/proposal.ts); lazy: the lists never read it. */
  @Property({ type: 'jsonb', nullable: true, lazy: true })
  machine?: MachineProposalData | null;

  @Field(() => ItemStatus)
  @Enum({ items: () => ItemStatus, nativeEnumName: 'item_status' })
  status!: ItemStatus;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  registeredAt?: Date;

  // Deadlines of every clock (docs/domain.md §2). `dueAt` is the clock that runs now; `dueSoonAt` the instant from
  // which it counts as DUE_SOON, so that the deadline state is a plain comparison in SQL.
  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  registrationDueAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  redirectDueAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  answerDueAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firstReactionDueAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finalAnswerDueAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  reviewDueAt?: Date;

  @Field(() => Date, { nullable: true, description: 'The deadline of the clock that runs now' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  dueSoonAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  clockStartedAt?: Date;

  /** The `dueAt` for which the scheduler last announced DUE_SOON / OVERDUE (so each is announced once). */
  @Property({ type: 'timestamptz', nullable: true })
  dueSoonNotifiedFor?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  overdueNotifiedFor?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  reviewOverdueNotifiedFor?: Date;

  @Field(() => Date, { nullable: true, description: 'Since when the answer clock of a MESSAGE is paused' })
  @Property({ type: 'timestamptz', nullable: true })
  pausedAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  extendedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  extensionReason?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firstReactionAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date;

  // Speed, measured on the municipality's working calendar when the answer or first reaction is recorded
  // (docs/kpi.md): KPIs aggregate them in SQL without running the calendar per row.
  @Field(() => Float, { nullable: true, description: 'Working days from registration to the answer (KPI speed of a MESSAGE)' })
  @Property({ type: 'double', nullable: true })
  answerWorkingDays?: number;

  @Field(() => Float, { nullable: true, description: 'Working hours from registration to the first reaction (KPI speed of an INCIDENT)' })
  @Property({ type: 'double', nullable: true })
  firstReactionWorkingHours?: number;

  @Field({ nullable: true, description: 'The body an item was redirected to' })
  @Property({ type: 'text', nullable: true })
  redirectedTo?: string;

  @Field(() => NoAnswerReason, { nullable: true })
  @Enum({ items: () => NoAnswerReason, nativeEnumName: 'no_answer_reason', nullable: true })
  noAnswerReason?: NoAnswerReason;

  @Field(() => Outcome, { nullable: true })
  @Enum({ items: () => Outcome, nativeEnumName: 'item_outcome', nullable: true })
  outcome?: Outcome;

  @Field({ nullable: true, description: 'The citizen’s rating: satisfied or not; null until rated' })
  @Property({ type: 'boolean', nullable: true })
  satisfied?: boolean;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  ratingComment?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  ratedAt?: Date;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  reopenCount: number & Opt = 0;

  @Field(() => Int, { description: 'How many times the МЦУ returned the answer for rework' })
  @Property({ type: 'integer', default: 0 })
  reworkCount: number & Opt = 0;

  @ManyToOne(() => Item, { ref: true, nullable: true, index: true })
  parent?: Ref<Item>;

  @Field(() => Int, { description: 'Optimistic lock: send it back with a change; a stale one is refused' })
  @Property({ version: true, type: 'integer' })
  version!: number & Opt;

  /** Russian full-text search over the subject, text and address (a generated column with a GIN index). */
  @Index({ type: 'fulltext' })
  @Property({
    type: new FullTextType('russian'),
    lazy: true,
    nullable: true,
    hidden: true,
    generated: `(to_tsvector('russian', coalesce(subject, '') || ' ' || text || ' ' || coalesce(address, ''))) stored`,
  })
  search?: string & Opt;
}
