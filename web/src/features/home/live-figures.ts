import type { KpiDirection, KpiFiguresFieldsFragment, KpiTargetState } from '../../gql/graphql';
import { cleanScope, type KpiScope } from '../analytics/drill';
import { TARGET_FIGURES } from '../analytics/figures';
import type { Period } from '../analytics/period';

/** The variables of the `kpis` query JudgedFigures runs for a scope and period (the cache entry the page shows). */
export function kpisVariables(period: Pick<Period, 'from' | 'to'>, scope: KpiScope) {
  const clean = cleanScope(scope);
  return { from: period.from, to: period.to, scope: Object.keys(clean).length ? clean : null };
}

/** The server's rule (kpi-target.types.ts `targetState`): how far on the wrong side of the target, against the margin. */
const EPSILON = 1e-9;
export function judge(direction: KpiDirection, actual: number | null, target: number, margin: number): KpiTargetState | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  const shortfall = direction === 'HIGHER_IS_BETTER' ? target - actual : actual - target;
  if (shortfall <= EPSILON) return 'ON_TRACK';
  if (shortfall <= margin + EPSILON) return 'AT_RISK';
  return 'FAILING';
}

type Shown = KpiFiguresFieldsFragment & { previous: KpiFiguresFieldsFragment };

/**
 * The month's figures the home page shows, brought up to date by a `kpiUpdated` push of the same month:
 * - the values are the pushed ones (counted up to the push);
 * - the period runs to the push (to its next whole minute), so a figure opens exactly the items it counts;
 * - the comparison with the period before and the targets stay those of the month so far, as loaded: `kpiUpdated`
 *   compares the whole month with the month before and judges per-month targets for the whole month, while the
 *   page compares the days so far and prorates them (analytics/period.ts); each target's state is judged again for
 *   the new value by the server's rule.
 * Null when the push is of another month than the one shown (a new month began: the page shows the one it opened
 * with until it is opened again).
 */
export function withLiveMonth(shown: Shown, month: KpiFiguresFieldsFragment, at: string): Shown | null {
  if (new Date(month.from).getTime() !== new Date(shown.from).getTime()) return null;
  const { from: _from, to: _to, targets: _targets, ...values } = month;
  const until = Math.floor(new Date(at).getTime() / 60_000) * 60_000 + 60_000;
  const to = new Date(Math.max(until, new Date(shown.to).getTime())).toISOString();
  const next: Shown = { ...shown, ...values, to, previous: shown.previous };
  next.targets = shown.targets.map((s) => {
    const actual = (next[TARGET_FIGURES[s.figure].field] as number | null | undefined) ?? null;
    return { ...s, actual, state: judge(s.direction, actual, s.target, s.margin) };
  });
  return next;
}
