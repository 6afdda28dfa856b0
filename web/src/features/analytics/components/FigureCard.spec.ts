import { describe, expect, it } from 'vitest';
import type { KpiFiguresFieldsFragment } from '../../../gql/graphql';
import { MONTH_FROM, MONTH_TO, figureState, kpiFiguresFixture } from '../../../test/kpis';
import { render } from '../../../test/render';
import { decodeDrill } from '../drill';
import { figureDef, type FigureKey } from '../figures';
import FigureCard from './FigureCard.vue';

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim();

async function card(key: FigureKey, figures: Partial<KpiFiguresFieldsFragment>, previous: Partial<KpiFiguresFieldsFragment> | null = {}, locale: 'ru' | 'en' = 'ru') {
  const { wrapper } = await render(FigureCard, {
    locale,
    props: {
      def: figureDef(key),
      figures: kpiFiguresFixture(figures),
      previous: previous ? kpiFiguresFixture(previous) : null,
      from: MONTH_FROM,
      to: MONTH_TO,
      scope: { sectorCode: 'ZHKH' },
    },
  });
  return {
    wrapper,
    value: () => wrapper.get(`[data-testid="figure-value-${key}"]`),
    state: () => wrapper.find(`[data-testid="figure-state-${key}"]`),
    trend: () => wrapper.get(`[data-testid="figure-trend-${key}"]`),
    root: () => wrapper.get(`[data-testid="figure-${key}"]`),
  };
}

describe('FigureCard', () => {
  it('shows a figure against its target with the state in colour and in words, and the way it went', async () => {
    const c = await card(
      'onTimeShare',
      { onTimeShare: 0.75, answered: 100, answeredOnTime: 75, targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.75, state: 'FAILING' })] },
      { onTimeShare: 0.8 },
    );
    expect(plain(c.value().text())).toBe('75 %');
    expect(c.root().attributes('data-state')).toBe('FAILING');
    expect(c.root().classes()).toContain('figure--danger');
    expect(c.state().text()).toBe('Не выполнено');
    expect(c.state().classes()).toContain('badge--danger');
    expect(plain(c.wrapper.get('[data-testid="figure-target-onTimeShare"]').text())).toBe('цель: не ниже 90 % (муниципалитета)');
    // Down from 80 %: worse, for a figure where higher is better; said in words too.
    expect(c.trend().attributes('data-trend')).toBe('down');
    expect(c.trend().classes()).toContain('figure__trend--bad');
    expect(plain(c.trend().text())).toBe('▼Меньше, чем в предыдущем периоде, хуже. было 80 %');
  });

  it('marks a figure at risk and one on track, lower being better', async () => {
    const risk = await card('overdueOpen', { overdueOpen: 11, targets: [figureState('OVERDUE_OPEN', { target: 10, actual: 11, state: 'AT_RISK', lowerIsBetter: true })] }, { overdueOpen: 14 });
    expect(risk.state().text()).toBe('Под угрозой');
    expect(risk.root().classes()).toContain('figure--warning');
    expect(plain(risk.wrapper.get('[data-testid="figure-target-overdueOpen"]').text())).toBe('цель: не выше 10 (муниципалитета)');
    // Fewer overdue than before: better.
    expect(risk.trend().attributes('data-trend')).toBe('down');
    expect(risk.trend().classes()).toContain('figure__trend--good');

    const days = await card(
      'meanAnswerDays',
      { meanAnswerDays: 6.44, targets: [figureState('MEAN_ANSWER_DAYS', { target: 7, actual: 6.44, state: 'ON_TRACK', lowerIsBetter: true, level: 'SECTOR' })] },
      { meanAnswerDays: 6.44 },
      'en',
    );
    expect(days.value().text()).toBe('6.4 d');
    expect(days.state().text()).toBe('On track');
    expect(days.state().classes()).toContain('badge--success');
    expect(plain(days.wrapper.get('[data-testid="figure-target-meanAnswerDays"]').text())).toBe('target: at most 7.0 d (sector)');
    expect(days.trend().attributes('data-trend')).toBe('flat');
    // An average is no set of items: not a link.
    expect(days.value().element.tagName).toBe('SPAN');
  });

  it('shows a missing value as "—", without a state or a link', async () => {
    const c = await card(
      'satisfiedShare',
      { satisfiedShare: null, rated: 0, satisfied: 0, targets: [figureState('SATISFIED_SHARE', { target: 0.8, actual: null, state: null })] },
      { satisfiedShare: null },
    );
    expect(c.value().text()).toBe('—');
    expect(c.value().element.tagName).toBe('SPAN');
    expect(c.root().attributes('data-state')).toBeUndefined();
    expect(c.state().text()).toBe('Нет данных');
    expect(c.state().classes()).toContain('badge--neutral');
    expect(c.trend().attributes('data-trend')).toBe('none');
    expect(plain(c.trend().text())).toBe('Не с чем сравнить. было —');
    expect(c.wrapper.get('[data-testid="figure-part-satisfied"]').element.tagName).toBe('SPAN');
  });

  it('has no state where no target applies, and an arrow that is neither good nor bad for volume', async () => {
    const c = await card('received', { received: 120 }, { received: 100 });
    expect(c.state().exists()).toBe(false);
    expect(c.trend().attributes('data-trend')).toBe('up');
    expect(c.trend().classes()).not.toContain('figure__trend--good');
    expect(c.trend().classes()).not.toContain('figure__trend--bad');
  });

  it('opens exactly the items behind the number and behind each part', async () => {
    const c = await card('onTimeShare', { onTimeShare: 0.85, answered: 100, answeredOnTime: 85 });
    const kpiOf = (href: string | undefined) => decodeDrill(new URL(href!, 'http://x').searchParams.get('kpi'));
    expect(kpiOf(c.value().attributes('href'))).toEqual({ set: 'ANSWERED_ON_TIME', from: MONTH_FROM, to: MONTH_TO, scope: { sectorCode: 'ZHKH' } });
    expect(plain(c.value().attributes('aria-label')!)).toBe('Открыть сообщения: Ответы в срок, 85 %');
    const late = c.wrapper.get('[data-testid="figure-part-answeredLate"]');
    expect(late.text()).toBe('15');
    expect(kpiOf(late.attributes('href'))?.set).toBe('ANSWERED_LATE');
  });
});
