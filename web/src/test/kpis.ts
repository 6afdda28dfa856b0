import type { KpiFigure, KpiFigureStateFieldsFragment, KpiFiguresFieldsFragment, KpiTargetLevel, KpiTargetState } from '../gql/graphql';

/**
 * "This month" at the test clock (NOW, Friday 27 November 2026 12:00 in Volgograd): from the first of November in
 * the municipality until the next whole minute.
 */
export const MONTH_FROM = '2026-10-31T21:00:00.000Z';
export const MONTH_TO = '2026-11-27T09:01:00.000Z';
/** The period of the same length just before it. */
export const PREVIOUS_FROM = '2026-10-05T08:59:00.000Z';

type WithTypename<T> = T & { __typename: string };

/** A figure against its target, as `KpiFigures.targets` lists it. */
export function figureState(
  figure: KpiFigure,
  values: { target: number; actual: number | null; state: KpiTargetState | null; margin?: number; level?: KpiTargetLevel; lowerIsBetter?: boolean },
): WithTypename<KpiFigureStateFieldsFragment> {
  return {
    __typename: 'KpiFigureState',
    figure,
    direction: values.lowerIsBetter ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
    level: values.level ?? 'MUNICIPALITY',
    target: values.target,
    margin: values.margin ?? Number((values.target * 0.1).toPrecision(12)),
    actual: values.actual,
    state: values.state,
    targetId: `t-${figure.toLowerCase()}`,
  };
}

/** The headline figures of a scope and period, as `kpis` returns them. */
export function kpiFiguresFixture(overrides: Partial<KpiFiguresFieldsFragment> = {}): WithTypename<KpiFiguresFieldsFragment> {
  return {
    __typename: 'KpiFigures',
    from: MONTH_FROM,
    to: MONTH_TO,
    received: 120,
    answered: 100,
    answeredOnTime: 85,
    onTimeShare: 0.85,
    overdueOpen: 7,
    meanAnswerDays: 6.4,
    medianAnswerDays: 5,
    meanFirstReactionHours: 3.25,
    satisfied: 30,
    rated: 40,
    satisfiedShare: 0.75,
    repeats: 9,
    perThousandResidents: 3.69,
    reworkShare: 0.1,
    reopenedShare: 0.02,
    extendedShare: 0.05,
    redirectedShare: 0.03,
    targets: [],
    ...overrides,
  };
}

/** What `kpis` answers: the figures and the same for the period before. */
export function kpisResult(current: Partial<KpiFiguresFieldsFragment> = {}, previous: Partial<KpiFiguresFieldsFragment> = {}) {
  return {
    data: {
      kpis: {
        ...kpiFiguresFixture(current),
        previous: kpiFiguresFixture({ from: PREVIOUS_FROM, to: MONTH_FROM, received: 100, answered: 90, answeredOnTime: 81, onTimeShare: 0.9, ...previous }),
      },
    },
  };
}
