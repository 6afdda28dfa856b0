import { addDaysToLocalDate, type LocalDate } from '../sla/index.js';

/**
 * The spike rule (docs/text.md "Spikes") as pure functions: how many items of one category in one settlement a
 * local day is expected to bring, from the same weekday of the previous weeks and the season a year ago, and from
 * how many on it the day is a spike. The scan (spike-scan.ts) reads the counts from the database and calls these.
 */

export type SpikeSettings = {
  /** How many previous weeks' same weekday make the baseline. */
  weeks: number;
  /** A day is never a spike below this many items, whatever its history: a quiet history must not alert on 3. */
  minCount: number;
  /** The Poisson tail a day's count must fall in: the chance that an ordinary day reaches the threshold. */
  significance: number;
  /** The season may raise the expectation up to this factor and lower it down to its inverse. */
  seasonMax: number;
};

export const DEFAULT_SPIKE_SETTINGS: Readonly<SpikeSettings> = Object.freeze({ weeks: 8, minCount: 8, significance: 0.001, seasonMax: 3 });

/**
 * The least expectation of a day: a pair (category, settlement) without history is taken to bring one item every
 * other day, not none (a Poisson of 0 would make any single item significant).
 */
export const MIN_EXPECTED = 0.5;

/**
 * The season's ratio is smoothed by this many items a day added to both of its rates, so that a handful of items a
 * year ago does not triple this year's expectation.
 */
export const SEASON_PRIOR_PER_DAY = 0.5;

/** The day-to-day variance may widen the threshold's margin by at most this factor's square root (2x). */
export const MAX_DISPERSION = 4;

/** Half the width of the season's period a year ago: the same day ± 7 days. */
export const SEASON_HALF_WIDTH_DAYS = 7;

/** A year back, in whole weeks, so that the period a year ago has the same weekdays (52 weeks = 364 days). */
export const YEAR_DAYS = 364;

/**
 * The reference days of `day`: the same weekday of each of the previous `weeks` weeks that is not before the
 * municipality's first item (before it the platform was not used, and a zero there is not a quiet day), and that
 * is a working day if `day` is one, a day off if it is not (a holiday Monday is not compared with working
 * Mondays). When no previous same weekday has the day's working status, all of them are used.
 */
export function referenceDays(day: LocalDate, firstDay: LocalDate | null, weeks: number, isWorkingDay: (d: LocalDate) => boolean): LocalDate[] {
  if (!firstDay) return [];
  const all: LocalDate[] = [];
  for (let j = 1; j <= weeks; j++) {
    const d = addDaysToLocalDate(day, -7 * j);
    if (d < firstDay) break;
    all.push(d);
  }
  const working = isWorkingDay(day);
  const alike = all.filter((d) => isWorkingDay(d) === working);
  return alike.length ? alike : all;
}

/** The two periods a year ago that give the season's ratio. */
export function seasonWindows(day: LocalDate, weeks: number): { periodFrom: LocalDate; periodTo: LocalDate; beforeFrom: LocalDate } {
  const then = addDaysToLocalDate(day, -YEAR_DAYS);
  const periodFrom = addDaysToLocalDate(then, -SEASON_HALF_WIDTH_DAYS);
  return { periodFrom, periodTo: addDaysToLocalDate(then, SEASON_HALF_WIDTH_DAYS), beforeFrom: addDaysToLocalDate(periodFrom, -7 * weeks) };
}

/** What the history says about a pair on a day, as counts. */
export type SpikeHistory = {
  /** Items of the pair on each reference day (referenceDays). */
  sameWeekday: number[];
  /**
   * Items of the category in the whole municipality a year ago: in the period around the same day (`periodDays`
   * days) and in the weeks before it (`beforeDays` days); null when that is before the municipality's first item.
   */
  lastYear: { period: number; periodDays: number; before: number; beforeDays: number } | null;
};

export type SpikeModel = {
  /** The mean of the reference days (0 without any). */
  baseline: number;
  /** How much busier the same period was than the weeks before it a year ago (1 without that year). */
  seasonRatio: number;
  /** The variance of the reference days over their mean, at least 1, at most MAX_DISPERSION. */
  dispersion: number;
  /** baseline × seasonRatio, at least MIN_EXPECTED. */
  expected: number;
  /** The least count that is a spike. */
  threshold: number;
};

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(lambda: number, k: number): number {
  if (k <= 0) return 1;
  if (!(lambda > 0)) return 0;
  // Summed in logarithms so that a large λ does not underflow e^-λ.
  let logPmf = -lambda;
  let cdf = 0;
  for (let i = 0; i < k; i++) {
    if (i > 0) logPmf += Math.log(lambda) - Math.log(i);
    cdf += Math.exp(logPmf);
  }
  return Math.max(0, 1 - cdf);
}

/** The least k with P(X ≥ k) ≤ p for X ~ Poisson(λ). */
export function poissonCritical(lambda: number, p: number): number {
  let k = Math.max(1, Math.floor(lambda));
  while (poissonTail(lambda, k) > p) k += 1;
  return k;
}

/** The season's ratio from last year's counts, smoothed and bounded (1 without that year). */
export function seasonRatio(lastYear: SpikeHistory['lastYear'], seasonMax: number): number {
  if (!lastYear || lastYear.periodDays <= 0 || lastYear.beforeDays <= 0) return 1;
  const period = lastYear.period / lastYear.periodDays + SEASON_PRIOR_PER_DAY;
  const before = lastYear.before / lastYear.beforeDays + SEASON_PRIOR_PER_DAY;
  return Math.min(seasonMax, Math.max(1 / seasonMax, period / before));
}

/**
 * The expectation and the threshold of a day. The threshold is the Poisson critical count of the expectation at
 * the significance, its margin over the expectation widened by the square root of the reference days' dispersion
 * (counts of complaints vary more from week to week than a Poisson), and never below `minCount`.
 */
export function spikeModel(h: SpikeHistory, s: SpikeSettings): SpikeModel {
  const n = h.sameWeekday.length;
  const baseline = n ? h.sameWeekday.reduce((a, b) => a + b, 0) / n : 0;
  const variance = n >= 2 ? h.sameWeekday.reduce((a, b) => a + (b - baseline) ** 2, 0) / (n - 1) : 0;
  const dispersion = Math.min(MAX_DISPERSION, Math.max(1, variance / Math.max(baseline, MIN_EXPECTED)));
  const ratio = seasonRatio(h.lastYear, s.seasonMax);
  const expected = Math.max(MIN_EXPECTED, baseline * ratio);
  const critical = poissonCritical(expected, s.significance);
  const threshold = Math.max(s.minCount, Math.ceil(expected + (critical - expected) * Math.sqrt(dispersion) - 1e-9));
  return { baseline, seasonRatio: ratio, dispersion, expected, threshold };
}
