import { IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { KpiFigures, ResolvedScope } from './kpi.types.js';

/**
 * Targets for KPI figures (docs/kpi.md, "Targets"). The enum, the direction of each figure, which target applies
 * to a scope and a figure's state against it are plain data and pure functions here (unit-tested in
 * kpi-target.test.ts); the entity, the service and the resolver build on them.
 */

/** A figure of `KpiFigures` that a target can be set for (volume has none). */
export enum KpiFigure {
  ON_TIME_SHARE = 'ON_TIME_SHARE',
  OVERDUE_OPEN = 'OVERDUE_OPEN',
  MEAN_ANSWER_DAYS = 'MEAN_ANSWER_DAYS',
  MEDIAN_ANSWER_DAYS = 'MEDIAN_ANSWER_DAYS',
  MEAN_FIRST_REACTION_HOURS = 'MEAN_FIRST_REACTION_HOURS',
  EXTENDED_SHARE = 'EXTENDED_SHARE',
  REDIRECTED_SHARE = 'REDIRECTED_SHARE',
  REWORK_SHARE = 'REWORK_SHARE',
  REOPENED_SHARE = 'REOPENED_SHARE',
  SATISFIED_SHARE = 'SATISFIED_SHARE',
  REPEATS = 'REPEATS',
  PER_THOUSAND_RESIDENTS = 'PER_THOUSAND_RESIDENTS',
}
registerEnumType(KpiFigure, {
  name: 'KpiFigure',
  description: 'A KPI figure that a target can be set for (the field of KpiFigures of the same name)',
  valuesConfig: {
    ON_TIME_SHARE: { description: 'onTimeShare, 0..1; higher is better' },
    OVERDUE_OPEN: { description: 'overdueOpen, a count of the unit (no fallback to a broader target); lower is better' },
    MEAN_ANSWER_DAYS: { description: 'meanAnswerDays; lower is better' },
    MEDIAN_ANSWER_DAYS: { description: 'medianAnswerDays; lower is better' },
    MEAN_FIRST_REACTION_HOURS: { description: 'meanFirstReactionHours; lower is better' },
    EXTENDED_SHARE: { description: 'extendedShare, 0..1; lower is better' },
    REDIRECTED_SHARE: { description: 'redirectedShare, 0..1; lower is better' },
    REWORK_SHARE: { description: 'reworkShare, 0..1; lower is better' },
    REOPENED_SHARE: { description: 'reopenedShare, 0..1; lower is better' },
    SATISFIED_SHARE: { description: 'satisfiedShare, 0..1; higher is better' },
    REPEATS: { description: 'repeats, a count of the unit per month (prorated to the period); lower is better' },
    PER_THOUSAND_RESIDENTS: { description: 'perThousandResidents per month (prorated to the period); lower is better' },
  },
});

export enum KpiDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(KpiDirection, { name: 'KpiDirection' });

export enum KpiTargetState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  FAILING = 'FAILING',
}
registerEnumType(KpiTargetState, {
  name: 'KpiTargetState',
  description: 'A figure against its target',
  valuesConfig: {
    ON_TRACK: { description: 'the target is met (or beaten)' },
    AT_RISK: { description: 'missed, but by no more than the margin' },
    FAILING: { description: 'missed by more than the margin' },
  },
});

export enum KpiTargetLevel {
  MUNICIPALITY = 'MUNICIPALITY',
  SECTOR = 'SECTOR',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(KpiTargetLevel, { name: 'KpiTargetLevel', description: 'What a target is set for' });

/**
 * Each figure: its field of KpiFigures, its direction, whether it is a share (a value 0..1), and how it grows
 * with the scope and the period:
 * - `count`: a count of the unit's items (it grows with the unit), so a target of a broader unit says nothing
 *   about a narrower one, nor about a slice of the unit: it applies only to exactly its unit;
 * - `perMonth`: it grows with the length of the period, so the target is per month and is prorated to the
 *   period's length in months of the municipality (a week of March: 7/31 of it).
 */
type NumericFigure = { [K in keyof KpiFigures]: KpiFigures[K] extends number | null ? K : never }[keyof KpiFigures];

export const KPI_FIGURES: Record<
  KpiFigure,
  { field: NumericFigure; direction: KpiDirection; share: boolean; count: boolean; perMonth: boolean }
> = {
  [KpiFigure.ON_TIME_SHARE]: { field: 'onTimeShare', direction: KpiDirection.HIGHER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.OVERDUE_OPEN]: { field: 'overdueOpen', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: true, perMonth: false },
  [KpiFigure.MEAN_ANSWER_DAYS]: { field: 'meanAnswerDays', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: false, perMonth: false },
  [KpiFigure.MEDIAN_ANSWER_DAYS]: { field: 'medianAnswerDays', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: false, perMonth: false },
  [KpiFigure.MEAN_FIRST_REACTION_HOURS]: { field: 'meanFirstReactionHours', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: false, perMonth: false },
  [KpiFigure.EXTENDED_SHARE]: { field: 'extendedShare', direction: KpiDirection.LOWER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.REDIRECTED_SHARE]: { field: 'redirectedShare', direction: KpiDirection.LOWER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.REWORK_SHARE]: { field: 'reworkShare', direction: KpiDirection.LOWER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.REOPENED_SHARE]: { field: 'reopenedShare', direction: KpiDirection.LOWER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.SATISFIED_SHARE]: { field: 'satisfiedShare', direction: KpiDirection.HIGHER_IS_BETTER, share: true, count: false, perMonth: false },
  [KpiFigure.REPEATS]: { field: 'repeats', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: true, perMonth: true },
  [KpiFigure.PER_THOUSAND_RESIDENTS]: { field: 'perThousandResidents', direction: KpiDirection.LOWER_IS_BETTER, share: false, count: false, perMonth: true },
};

/** Float noise (0.8 − 0.08 = 0.7200000000000001) must not move a figure exactly on a boundary. */
const EPSILON = 1e-9;

/**
 * A figure against its target. Higher is better: at or above the target ON_TRACK, at or above target − margin
 * AT_RISK, else FAILING; lower is better, mirrored. Boundaries count for the better state. No actual, no state.
 */
export function targetState(direction: KpiDirection, actual: number | null, target: number, margin: number): KpiTargetState | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  // How far the figure is on the wrong side of the target (≤ 0: met).
  const shortfall = direction === KpiDirection.HIGHER_IS_BETTER ? target - actual : actual - target;
  if (shortfall <= EPSILON) return KpiTargetState.ON_TRACK;
  if (shortfall <= margin + EPSILON) return KpiTargetState.AT_RISK;
  return KpiTargetState.FAILING;
}

/** The default margin: 10 % of the value (rounded, so 0.1 × 0.9 is 0.09, not 0.09000000000000001). */
export function defaultMargin(value: number): number {
  return Number((0.1 * value).toPrecision(12));
}

/** A target as the choice below needs it (a KpiTarget entity maps to this). */
export type TargetCandidate = {
  id: string;
  figure: KpiFigure;
  sectorId: string | null;
  departmentId: string | null;
  /** 'YYYY-MM-DD', inclusive */
  validFrom: string;
  /** 'YYYY-MM-DD', exclusive; null: open-ended */
  validTo: string | null;
  approvedAt: Date;
};

/** The organisational unit a KpiFigures' scope is about, as far as targets are concerned. */
export type ScopeUnit = {
  /** The one department of the scope, if any */
  departmentId: string | null;
  /** The one sector of the scope, if exactly one */
  sectorId: string | null;
  /** The scope is exactly its most specific unit: not narrowed by settlement, channel, category or kind, not several sectors, not a row of a ranking. */
  whole: boolean;
};

/** The unit of a resolved scope; null for a region-wide scope (no municipality, no targets). */
export function scopeUnit(scope: ResolvedScope, slice = false): ScopeUnit | null {
  if (!scope.municipalityIds || scope.municipalityIds.length !== 1) return null;
  const departmentId = scope.departmentId ?? null;
  const sectorId = scope.sectorIds?.length === 1 ? scope.sectorIds[0]! : null;
  const sliced =
    slice ||
    !!(scope.settlementId || scope.channel || scope.kind || scope.categoryIds) ||
    (departmentId ? !!scope.sectorIds : !!scope.sectorIds && !sectorId);
  return { departmentId, sectorId, whole: !sliced };
}

/**
 * The target of a figure for a scope unit on a date (the period's first local date): among active targets (the
 * caller passes only those), the most specific unit first — the scope's department, then its one sector, then the
 * municipality — whose validity [validFrom, validTo) contains the date; the latest approved if two qualify.
 * A count (`count`) takes only the target of exactly its unit, and none for a narrowed scope.
 */
export function applicableTarget<T extends TargetCandidate>(candidates: readonly T[], figure: KpiFigure, unit: ScopeUnit, date: string): T | null {
  const levels: { sectorId: string | null; departmentId: string | null }[] = [];
  if (unit.departmentId) levels.push({ sectorId: null, departmentId: unit.departmentId });
  if (unit.sectorId) levels.push({ sectorId: unit.sectorId, departmentId: null });
  levels.push({ sectorId: null, departmentId: null });
  const usable = KPI_FIGURES[figure].count ? (unit.whole ? levels.slice(0, 1) : []) : levels;
  for (const level of usable) {
    const found = candidates
      .filter(
        (c) =>
          c.figure === figure &&
          c.sectorId === level.sectorId &&
          c.departmentId === level.departmentId &&
          c.validFrom <= date &&
          (c.validTo === null || date < c.validTo),
      )
      .sort((a, b) => b.approvedAt.getTime() - a.approvedAt.getTime());
    if (found[0]) return found[0];
  }
  return null;
}

export function levelOf(t: { sectorId: string | null; departmentId: string | null }): KpiTargetLevel {
  return t.departmentId ? KpiTargetLevel.DEPARTMENT : t.sectorId ? KpiTargetLevel.SECTOR : KpiTargetLevel.MUNICIPALITY;
}

// ---------------------------------------------------------------------------------------------------------------
// GraphQL types

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'A target to approve for a figure: for the municipality, one sector or one department, from a date' })
export class KpiTargetInput {
  @Field(() => KpiFigure)
  figure!: KpiFigure;

  @Field({ nullable: true, description: 'The target of this sector (not with departmentId); neither: the municipality' })
  @IsOptional()
  sectorCode?: string;

  @Field(() => ID, { nullable: true, description: 'The target of this department (not with sectorCode)' })
  @IsOptional()
  departmentId?: string;

  @Field({ description: 'First day it applies to (YYYY-MM-DD, the municipality’s date), inclusive' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @Field({ nullable: true, description: 'Day it stops applying (YYYY-MM-DD), exclusive; none: open-ended' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;

  @Field(() => Float, { description: 'The target; shares are 0..1, the rest ≥ 0; REPEATS and PER_THOUSAND_RESIDENTS per month' })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'How far on the wrong side of the target is still AT_RISK; default 10 % of the value' })
  @IsOptional()
  @Min(0)
  atRiskMargin?: number;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@ObjectType({ description: 'Who approved or superseded a target' })
export class KpiTargetActor {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  fullName!: string;
}

@ObjectType({ description: 'A figure of a KpiFigures against the target that applies to its scope and period' })
export class KpiFigureState {
  @Field(() => KpiFigure)
  figure!: KpiFigure;

  @Field(() => KpiDirection)
  direction!: KpiDirection;

  @Field(() => KpiTargetLevel, { description: 'Whose target applies: the department’s, the sector’s or the municipality’s' })
  level!: KpiTargetLevel;

  @Field(() => Float, { description: 'The target for this period (REPEATS and PER_THOUSAND_RESIDENTS: prorated from per month)' })
  target!: number;

  @Field(() => Float, { description: 'The AT_RISK margin for this period (prorated like the target)' })
  margin!: number;

  @Field(() => Float, { nullable: true, description: 'The figure (null when it has no value, e.g. nothing answered)' })
  actual!: number | null;

  @Field(() => KpiTargetState, { nullable: true, description: 'null when actual is null' })
  state!: KpiTargetState | null;

  @Field(() => ID)
  targetId!: string;
}
