import type {
  KpiDimension,
  KpiFigure,
  KpiFigureStateFieldsFragment,
  KpiFiguresFieldsFragment,
  KpiItemSet,
  KpiTargetState,
} from '../../gql/graphql';

/**
 * The KPI figures of docs/kpi.md as the dashboard shows them: what each is measured in, which way is better, the
 * target it can have, and which items are behind it (the drill-down sets of `items(filter: { kpi })`). Every
 * figure and set has a name in i18n (`analytics.figures.*`, `analytics.sets.*`).
 */
export type FigureKey =
  | 'received'
  | 'answered'
  | 'onTimeShare'
  | 'overdueOpen'
  | 'meanAnswerDays'
  | 'medianAnswerDays'
  | 'meanFirstReactionHours'
  | 'satisfiedShare'
  | 'repeats'
  | 'perThousandResidents'
  | 'reworkShare'
  | 'reopenedShare'
  | 'extendedShare'
  | 'redirectedShare';

/** count: items; share: 0..1, shown in %; days, hours: averages; rate: per 1,000 residents. */
export type FigureUnit = 'count' | 'share' | 'days' | 'hours' | 'rate';

/** A count shown under a figure (its parts), each opening its own items. */
export type PartKey = 'answeredOnTime' | 'answeredLate' | 'answered' | 'satisfied' | 'notSatisfied' | 'rated';

export type FigureDef = {
  key: FigureKey;
  unit: FigureUnit;
  /** The target a curator can approve for it; volumes have none. */
  target?: KpiFigure;
  /** Which way is better (the trend arrow's colour); none for volumes. */
  better?: 'higher' | 'lower';
  /** The items behind the number. Averages have no set of their own: they are not clickable. */
  set?: KpiItemSet;
  /** Counts shown under the figure, each a link to its items. */
  parts?: readonly PartKey[];
};

/** The headline figures, in the order the analytics page shows them. */
export const HEADLINE_FIGURES: readonly FigureDef[] = [
  { key: 'received', unit: 'count', set: 'RECEIVED' },
  { key: 'answered', unit: 'count', set: 'ANSWERED' },
  { key: 'onTimeShare', unit: 'share', target: 'ON_TIME_SHARE', better: 'higher', set: 'ANSWERED_ON_TIME', parts: ['answeredOnTime', 'answeredLate'] },
  { key: 'overdueOpen', unit: 'count', target: 'OVERDUE_OPEN', better: 'lower', set: 'OVERDUE_OPEN' },
  { key: 'meanAnswerDays', unit: 'days', target: 'MEAN_ANSWER_DAYS', better: 'lower' },
  { key: 'medianAnswerDays', unit: 'days', target: 'MEDIAN_ANSWER_DAYS', better: 'lower' },
  { key: 'meanFirstReactionHours', unit: 'hours', target: 'MEAN_FIRST_REACTION_HOURS', better: 'lower' },
  { key: 'satisfiedShare', unit: 'share', target: 'SATISFIED_SHARE', better: 'higher', set: 'SATISFIED', parts: ['satisfied', 'notSatisfied'] },
  { key: 'repeats', unit: 'count', target: 'REPEATS', better: 'lower', set: 'REPEATS' },
  { key: 'perThousandResidents', unit: 'rate', target: 'PER_THOUSAND_RESIDENTS', better: 'lower', set: 'RECEIVED' },
  { key: 'reworkShare', unit: 'share', target: 'REWORK_SHARE', better: 'lower', set: 'REWORKED' },
  { key: 'reopenedShare', unit: 'share', target: 'REOPENED_SHARE', better: 'lower', set: 'REOPENED' },
  { key: 'extendedShare', unit: 'share', target: 'EXTENDED_SHARE', better: 'lower', set: 'EXTENDED' },
  { key: 'redirectedShare', unit: 'share', target: 'REDIRECTED_SHARE', better: 'lower', set: 'REDIRECTED' },
];

export const FIGURE_KEYS: readonly FigureKey[] = HEADLINE_FIGURES.map((f) => f.key);

export function figureDef(key: FigureKey): FigureDef {
  return HEADLINE_FIGURES.find((f) => f.key === key)!;
}

/** The sets whose items a part opens. */
export const PART_SETS: Record<PartKey, KpiItemSet> = {
  answeredOnTime: 'ANSWERED_ON_TIME',
  answeredLate: 'ANSWERED_LATE',
  answered: 'ANSWERED',
  satisfied: 'SATISFIED',
  notSatisfied: 'NOT_SATISFIED',
  rated: 'RATED',
};

/** A part's count, from the figures (late = answered − on time; not satisfied = rated − satisfied). */
export function partValue(figures: Pick<KpiFiguresFieldsFragment, 'answered' | 'answeredOnTime' | 'satisfied' | 'rated'>, part: PartKey): number {
  switch (part) {
    case 'answeredOnTime':
      return figures.answeredOnTime;
    case 'answeredLate':
      return figures.answered - figures.answeredOnTime;
    case 'answered':
      return figures.answered;
    case 'satisfied':
      return figures.satisfied;
    case 'notSatisfied':
      return figures.rated - figures.satisfied;
    case 'rated':
      return figures.rated;
  }
}

/**
 * Every figure a target can be set for (server: KPI_FIGURES of kpi-target.types.ts): the field it judges, whether
 * its value is a share (entered in %), a count of exactly its unit, or per month (prorated to the period).
 */
export const TARGET_FIGURES: Record<KpiFigure, { field: FigureKey; unit: FigureUnit; count: boolean; perMonth: boolean }> = {
  ON_TIME_SHARE: { field: 'onTimeShare', unit: 'share', count: false, perMonth: false },
  OVERDUE_OPEN: { field: 'overdueOpen', unit: 'count', count: true, perMonth: false },
  MEAN_ANSWER_DAYS: { field: 'meanAnswerDays', unit: 'days', count: false, perMonth: false },
  MEDIAN_ANSWER_DAYS: { field: 'medianAnswerDays', unit: 'days', count: false, perMonth: false },
  MEAN_FIRST_REACTION_HOURS: { field: 'meanFirstReactionHours', unit: 'hours', count: false, perMonth: false },
  EXTENDED_SHARE: { field: 'extendedShare', unit: 'share', count: false, perMonth: false },
  REDIRECTED_SHARE: { field: 'redirectedShare', unit: 'share', count: false, perMonth: false },
  REWORK_SHARE: { field: 'reworkShare', unit: 'share', count: false, perMonth: false },
  REOPENED_SHARE: { field: 'reopenedShare', unit: 'share', count: false, perMonth: false },
  SATISFIED_SHARE: { field: 'satisfiedShare', unit: 'share', count: false, perMonth: false },
  REPEATS: { field: 'repeats', unit: 'count', count: true, perMonth: true },
  PER_THOUSAND_RESIDENTS: { field: 'perThousandResidents', unit: 'rate', count: false, perMonth: true },
};

export const KPI_FIGURES = Object.keys(TARGET_FIGURES) as KpiFigure[];

export const KPI_ITEM_SETS: readonly KpiItemSet[] = [
  'RECEIVED',
  'ANSWERED',
  'ANSWERED_ON_TIME',
  'ANSWERED_LATE',
  'OVERDUE_OPEN',
  'EXTENDED',
  'REWORKED',
  'REOPENED',
  'REDIRECTED',
  'LEFT_WITHOUT_ANSWER',
  'RATED',
  'SATISFIED',
  'NOT_SATISFIED',
  'REPEATS',
];

export const KPI_DIMENSIONS: readonly KpiDimension[] = ['DEPARTMENT', 'SECTOR', 'SETTLEMENT', 'CATEGORY', 'CHANNEL'];
export const TARGET_STATES: readonly KpiTargetState[] = ['ON_TRACK', 'AT_RISK', 'FAILING'];

/** The figure's standing against the target that applies to it, if it has one. */
export function targetOf(
  figures: { targets: readonly KpiFigureStateFieldsFragment[] },
  target: KpiFigure | undefined,
): KpiFigureStateFieldsFragment | null {
  if (!target) return null;
  return figures.targets.find((s) => s.figure === target) ?? null;
}

/** The design system's tone of a state. */
export function stateTone(state: KpiTargetState | null | undefined): 'success' | 'warning' | 'danger' | 'neutral' {
  return state === 'ON_TRACK' ? 'success' : state === 'AT_RISK' ? 'warning' : state === 'FAILING' ? 'danger' : 'neutral';
}

export type Trend = {
  /** up, down or flat against the previous period; null when either value is missing. */
  direction: 'up' | 'down' | 'flat' | null;
  /** Whether the change is for the better (null: neither, e.g. volume or no change). */
  good: boolean | null;
};

/** The trend of a figure against the period just before. */
export function trendOf(current: number | null | undefined, previous: number | null | undefined, better?: 'higher' | 'lower'): Trend {
  if (current === null || current === undefined || previous === null || previous === undefined) return { direction: null, good: null };
  if (Math.abs(current - previous) < 1e-9) return { direction: 'flat', good: null };
  const direction = current > previous ? 'up' : 'down';
  if (!better) return { direction, good: null };
  return { direction, good: (direction === 'up') === (better === 'higher') };
}
