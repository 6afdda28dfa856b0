import { describe, expect, it } from 'vitest';
import { figureState, kpiFiguresFixture } from '../../test/kpis';
import { FIGURE_KEYS, HEADLINE_FIGURES, KPI_FIGURES, TARGET_FIGURES, partValue, stateTone, targetOf, trendOf } from './figures';

describe('figures', () => {
  it('shows every headline figure of the brief, each target figure judging a headline figure', () => {
    expect(FIGURE_KEYS).toEqual([
      'received',
      'answered',
      'onTimeShare',
      'overdueOpen',
      'meanAnswerDays',
      'medianAnswerDays',
      'meanFirstReactionHours',
      'satisfiedShare',
      'repeats',
      'perThousandResidents',
      'reworkShare',
      'reopenedShare',
      'extendedShare',
      'redirectedShare',
    ]);
    for (const f of KPI_FIGURES) expect(HEADLINE_FIGURES.find((d) => d.key === TARGET_FIGURES[f].field)?.target).toBe(f);
    // Averages are not sets of items: nothing to open.
    expect(HEADLINE_FIGURES.filter((d) => !d.set).map((d) => d.key)).toEqual(['meanAnswerDays', 'medianAnswerDays', 'meanFirstReactionHours']);
  });

  it('derives the parts: late = answered − on time, not satisfied = rated − satisfied', () => {
    const f = kpiFiguresFixture({ answered: 100, answeredOnTime: 85, rated: 40, satisfied: 30 });
    expect(partValue(f, 'answeredOnTime')).toBe(85);
    expect(partValue(f, 'answeredLate')).toBe(15);
    expect(partValue(f, 'notSatisfied')).toBe(10);
    expect(partValue(f, 'rated')).toBe(40);
  });

  it('finds the target that applies to a figure', () => {
    const f = kpiFiguresFixture({ targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK' })] });
    expect(targetOf(f, 'ON_TIME_SHARE')?.state).toBe('AT_RISK');
    expect(targetOf(f, 'SATISFIED_SHARE')).toBeNull();
    expect(targetOf(f, undefined)).toBeNull();
    expect([stateTone('ON_TRACK'), stateTone('AT_RISK'), stateTone('FAILING'), stateTone(null)]).toEqual(['success', 'warning', 'danger', 'neutral']);
  });

  it('judges a trend by the direction that is better', () => {
    expect(trendOf(0.9, 0.8, 'higher')).toEqual({ direction: 'up', good: true });
    expect(trendOf(0.7, 0.8, 'higher')).toEqual({ direction: 'down', good: false });
    expect(trendOf(7, 4, 'lower')).toEqual({ direction: 'up', good: false });
    expect(trendOf(3, 4, 'lower')).toEqual({ direction: 'down', good: true });
    // Volume is neither good nor bad.
    expect(trendOf(120, 100)).toEqual({ direction: 'up', good: null });
    expect(trendOf(5, 5, 'lower')).toEqual({ direction: 'flat', good: null });
    expect(trendOf(null, 5, 'lower')).toEqual({ direction: null, good: null });
    expect(trendOf(5, null, 'lower')).toEqual({ direction: null, good: null });
  });
});
