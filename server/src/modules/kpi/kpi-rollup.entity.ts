import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Daily rollups of the additive KPI figures (docs/kpi.md, "Fast at any period"), per municipality and local day,
 * at several grains: the whole municipality ('ALL') and one row per sector, department, settlement, category,
 * channel and kind ('SECTOR', …). Each figure is attributed to the day of its own instant (received on the day of
 * receipt, answered on the day of the answer, rated on the day of the rating, …). Written only by kpi-rollup.ts;
 * read only through raw SQL. Not a GraphQL type.
 */
@Entity({ tableName: 'kpi_day' })
@Index({ properties: ['municipalityId', 'grain', 'day'] })
export class KpiDay {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  municipalityId!: string;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  grain!: string;

  @Property({ type: 'text', nullable: true, comment: 'the grain’s value: an id, a channel or a kind' })
  dim?: string;

  @Property({ type: 'integer' }) received!: number;
  @Property({ type: 'integer' }) answered!: number;
  @Property({ type: 'integer' }) answeredOnTime!: number;
  @Property({ type: 'double' }) speedSum!: number;
  @Property({ type: 'integer' }) speedN!: number;
  @Property({ type: 'jsonb', comment: 'answers by speed in tenths of a day: {"100": 3}' }) speedHist!: Record<string, number>;
  @Property({ type: 'double' }) firstReactionSum!: number;
  @Property({ type: 'integer' }) firstReactionN!: number;
  @Property({ type: 'integer' }) extended!: number;
  @Property({ type: 'integer' }) reworked!: number;
  @Property({ type: 'integer' }) reopened!: number;
  @Property({ type: 'integer' }) redirected!: number;
  @Property({ type: 'integer' }) leftWithoutAnswer!: number;
  @Property({ type: 'integer' }) rated!: number;
  @Property({ type: 'integer' }) satisfied!: number;
  @Property({ type: 'integer' }) repeats!: number;
}

/**
 * Days whose rollups are out of date: marked by triggers in the transaction that changes an item or rates it. A
 * mark is only ever added (never upserted), so a writer never waits for a refresher that is removing the marks it
 * rebuilds; a day may hold several marks at once.
 */
@Entity({ tableName: 'kpi_dirty' })
@Index({ properties: ['municipalityId', 'day'] })
export class KpiDirty {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  municipalityId!: string;

  @Property({ type: 'date' })
  day!: string;
}

/**
 * Monthly rollups: the sums of a month's daily rows (kpi_day), same grains and columns, so a year reads twelve rows
 * per dimension value instead of 365. Rebuilt from the days by kpi-rollup.ts `refreshMonths`; a month is read only
 * while it has no mark in kpi_month_dirty (refreshing a day marks its month in the same transaction).
 */
@Entity({ tableName: 'kpi_month' })
@Index({ properties: ['municipalityId', 'grain', 'month'] })
export class KpiMonth {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  municipalityId!: string;

  @Property({ type: 'date', comment: 'the first day of the month' })
  month!: string;

  @Property({ type: 'text' })
  grain!: string;

  @Property({ type: 'text', nullable: true })
  dim?: string;

  @Property({ type: 'integer' }) received!: number;
  @Property({ type: 'integer' }) answered!: number;
  @Property({ type: 'integer' }) answeredOnTime!: number;
  @Property({ type: 'double' }) speedSum!: number;
  @Property({ type: 'integer' }) speedN!: number;
  @Property({ type: 'jsonb' }) speedHist!: Record<string, number>;
  @Property({ type: 'double' }) firstReactionSum!: number;
  @Property({ type: 'integer' }) firstReactionN!: number;
  @Property({ type: 'integer' }) extended!: number;
  @Property({ type: 'integer' }) reworked!: number;
  @Property({ type: 'integer' }) reopened!: number;
  @Property({ type: 'integer' }) redirected!: number;
  @Property({ type: 'integer' }) leftWithoutAnswer!: number;
  @Property({ type: 'integer' }) rated!: number;
  @Property({ type: 'integer' }) satisfied!: number;
  @Property({ type: 'integer' }) repeats!: number;
}

/** Months whose rollups are behind their days: marked when a day of the month is rebuilt. */
@Entity({ tableName: 'kpi_month_dirty' })
export class KpiMonthDirty {
  @PrimaryKey({ type: 'uuid' })
  municipalityId!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;
}
