import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel, ItemKind } from '../items/item.enums.js';

/** What a KPI is computed over (docs/kpi.md). Empty: the viewer's municipality (the region: every municipality). */
@InputType({ description: 'What a KPI is computed over; empty is your municipality (the regional reader: all of them)' })
export class KpiScopeInput {
  @Field(() => ID, { nullable: true, description: 'For a regional reader: one municipality' })
  municipalityId?: string;

  @Field({ nullable: true })
  sectorCode?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  settlementId?: string;

  @Field(() => Channel, { nullable: true })
  channel?: Channel;

  @Field({ nullable: true })
  categoryCode?: string;

  @Field(() => ItemKind, { nullable: true })
  kind?: ItemKind;
}

export enum KpiBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(KpiBucket, { name: 'KpiBucket', description: 'Days, weeks (from Monday) and months of the municipality' });

/** The items behind a countable figure: what the inbox lists when a number is clicked (docs/kpi.md). */
export enum KpiItemSet {
  RECEIVED = 'RECEIVED',
  ANSWERED = 'ANSWERED',
  ANSWERED_ON_TIME = 'ANSWERED_ON_TIME',
  ANSWERED_LATE = 'ANSWERED_LATE',
  OVERDUE_OPEN = 'OVERDUE_OPEN',
  EXTENDED = 'EXTENDED',
  REWORKED = 'REWORKED',
  REOPENED = 'REOPENED',
  REDIRECTED = 'REDIRECTED',
  LEFT_WITHOUT_ANSWER = 'LEFT_WITHOUT_ANSWER',
  RATED = 'RATED',
  SATISFIED = 'SATISFIED',
  NOT_SATISFIED = 'NOT_SATISFIED',
  REPEATS = 'REPEATS',
}
registerEnumType(KpiItemSet, { name: 'KpiItemSet', description: 'The items behind a KPI figure (docs/kpi.md)' });

/** A KPI figure to drill into: the items of a scope and period behind it. */
@InputType({ description: 'The items behind a KPI figure: the same scope and period as `kpis`, and which set' })
export class KpiDrillInput {
  @Field(() => KpiItemSet)
  set!: KpiItemSet;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => KpiScopeInput, { nullable: true })
  scope?: KpiScopeInput;
}

export enum KpiDimension {
  DEPARTMENT = 'DEPARTMENT',
  SECTOR = 'SECTOR',
  SETTLEMENT = 'SETTLEMENT',
  CATEGORY = 'CATEGORY',
  CHANNEL = 'CHANNEL',
}
registerEnumType(KpiDimension, { name: 'KpiDimension' });

/** The figures of a scope over the half-open period [from, to); each is defined in docs/kpi.md. */
@ObjectType({ description: 'KPIs of a scope over the half-open period [from, to); definitions in docs/kpi.md' })
export class KpiFigures {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Int, { description: 'Items received in the period' })
  received!: number;

  @Field(() => Float, { nullable: true, description: 'received per 1,000 residents of the scope (null without a population)' })
  perThousandResidents!: number | null;

  @Field(() => Int, { description: 'Items whose answer was sent in the period (merged duplicates not counted)' })
  answered!: number;

  @Field(() => Int, { description: 'Of answered: at or before the answer deadline in force (INCIDENT: first reaction in time)' })
  answeredOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'answeredOnTime / answered; null when nothing was answered' })
  onTimeShare!: number | null;

  @Field(() => Int, { description: 'Open items past their deadline at the end of the period (now, for a period not ended)' })
  overdueOpen!: number;

  @Field(() => Float, { nullable: true, description: 'Mean time to answer: calendar days for an APPEAL, working days for a MESSAGE' })
  meanAnswerDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median time to answer, in the same units' })
  medianAnswerDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean working hours to the first reaction to an INCIDENT' })
  meanFirstReactionHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of answered: extended before the answer' })
  extendedShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of items resolved in the period (answered, redirected, left without answer): redirected' })
  redirectedShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of answered: returned for rework at least once' })
  reworkShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of answered: answered again after a reopening ("not satisfied")' })
  reopenedShare!: number | null;

  @Field(() => Int, { description: 'Ratings given in the period' })
  rated!: number;

  @Field(() => Int, { description: 'Of rated: satisfied' })
  satisfied!: number;

  @Field(() => Float, { nullable: true, description: 'satisfied / rated' })
  satisfiedShare!: number | null;

  @Field(() => Int, { description: 'Items received in the period from an applicant with an item of the same category in the 90 days before' })
  repeats!: number;

  /** Carried for `previous` and targets; not part of the schema. */
  scope!: ResolvedScope;
}

@ObjectType()
export class KpiSeriesPoint {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => KpiFigures)
  figures!: KpiFigures;
}

@ObjectType()
export class KpiRankingRow {
  @Field({ description: 'The id (department, sector, settlement, category) or the code (channel); "-" for none' })
  key!: string;

  @Field({ description: 'Its name' })
  name!: string;

  @Field(() => KpiFigures)
  figures!: KpiFigures;
}

/** A scope turned into conditions on the item table (every id already checked against the viewer). */
export type ResolvedScope = {
  /** null: every municipality (a regional reader) */
  municipalityIds: string[] | null;
  sectorIds?: string[];
  departmentId?: string;
  settlementId?: string;
  channel?: Channel;
  categoryIds?: string[];
  kind?: ItemKind;
  /** the residents of the scope, for perThousandResidents */
  population: number | null;
  /** IANA zone for day, week and month buckets */
  zone: string;
};

