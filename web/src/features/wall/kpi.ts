import type { KpiFigure, KpiTargetState, WallKpiFiguresFragment } from '../../gql/graphql';
import { trendOf, type FigureUnit, type Trend } from '../analytics/figures';

type Figures = WallKpiFiguresFragment & { previous?: WallKpiFiguresFragment | null };
type Field = 'received' | 'answered' | 'onTimeShare' | 'overdueOpen' | 'satisfiedShare' | 'meanAnswerDays';

/** A headline figure of the wall: which period and field, its unit, its target and which way is better. */
export type WallTile = {
  key: 'todayReceived' | 'todayAnswered' | 'onTimeShare' | 'overdueOpen' | 'satisfiedShare' | 'meanAnswerDays';
  period: 'today' | 'month';
  field: Field;
  unit: FigureUnit;
  target?: KpiFigure;
  better?: 'higher' | 'lower';
};

/** The figures the wall shows, left to right: today's volumes, then the month's figures judged against targets. */
export const WALL_TILES: readonly WallTile[] = [
  { key: 'todayReceived', period: 'today', field: 'received', unit: 'count' },
  { key: 'todayAnswered', period: 'today', field: 'answered', unit: 'count' },
  { key: 'onTimeShare', period: 'month', field: 'onTimeShare', unit: 'share', target: 'ON_TIME_SHARE', better: 'higher' },
  { key: 'overdueOpen', period: 'month', field: 'overdueOpen', unit: 'count', target: 'OVERDUE_OPEN', better: 'lower' },
  { key: 'satisfiedShare', period: 'month', field: 'satisfiedShare', unit: 'share', target: 'SATISFIED_SHARE', better: 'higher' },
  { key: 'meanAnswerDays', period: 'month', field: 'meanAnswerDays', unit: 'days', target: 'MEAN_ANSWER_DAYS', better: 'lower' },
];

export type TileView = {
  value: number | null;
  previous: number | null;
  trend: Trend;
  /** The target that applies, with the figure's state against it; null without one. */
  target: { value: number; atLeast: boolean; state: KpiTargetState | null } | null;
};

/** A tile's value, trend against the period before, and standing against its target. */
export function tileView(tile: WallTile, figures: Figures | null | undefined): TileView {
  const value = figures ? (figures[tile.field] ?? null) : null;
  const previous = figures?.previous ? (figures.previous[tile.field] ?? null) : null;
  const judged = tile.target ? figures?.targets.find((s) => s.figure === tile.target) : undefined;
  return {
    value,
    previous,
    trend: trendOf(value, previous, tile.better),
    target: judged ? { value: judged.target, atLeast: judged.direction === 'HIGHER_IS_BETTER', state: judged.state ?? null } : null,
  };
}
