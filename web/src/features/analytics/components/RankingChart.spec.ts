import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { AnalyticsOptionsQuery } from '../../../gql/graphql';
import { barCentres, clickChartAt } from '../../../test/charts';
import { MONTH_FROM, MONTH_TO } from '../../../test/kpis';
import { render, settle } from '../../../test/render';
import { PALETTE } from '../charts/options';
import { decodeDrill } from '../drill';
import { kpiRankingQuery } from '../graphql/kpi-ranking.query';
import RankingChart from './RankingChart.vue';

const options: AnalyticsOptionsQuery = {
  sectors: [],
  departments: [
    { id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ', active: true },
    { id: 'd-roads', name: 'Сектор дорожного хозяйства и благоустройства', shortName: 'Сектор дорожного хозяйства и благоустройства', active: true },
  ],
  settlements: [],
};

const figures = (received: number, answered: number, answeredOnTime: number) => ({
  __typename: 'KpiFigures',
  received,
  answered,
  answeredOnTime,
  onTimeShare: answered ? answeredOnTime / answered : null,
  overdueOpen: 0,
  repeats: 0,
  targets: [],
});

const rankingMock: MockedResponse = {
  request: { query: kpiRankingQuery, variables: { by: 'DEPARTMENT', from: MONTH_FROM, to: MONTH_TO, scope: { kind: 'APPEAL' } } },
  result: {
    data: {
      kpiRanking: [
        { __typename: 'KpiRankingRow', key: 'd-housing', name: options.departments[0]!.name, figures: figures(30, 20, 18) },
        { __typename: 'KpiRankingRow', key: 'd-roads', name: options.departments[1]!.name, figures: figures(10, 8, 4) },
        { __typename: 'KpiRankingRow', key: '-', name: '—', figures: figures(12, 0, 0) },
      ],
    },
  },
};

async function ranking() {
  return render(RankingChart, {
    mocks: [rankingMock],
    route: '/analytics',
    props: { from: MONTH_FROM, to: MONTH_TO, scope: { kind: 'APPEAL' }, by: 'DEPARTMENT', measure: 'onTime', options, chartWidth: 640 },
  });
}

describe('RankingChart', () => {
  it('draws a bar per department, answers on time and late stacked, named shortly', async () => {
    const { wrapper } = await ranking();
    const chart = wrapper.get('[data-testid="ranking-chart"]').element;
    expect(chart.getAttribute('role')).toBe('img');
    expect(barCentres(chart, PALETTE.onTime)).toHaveLength(2);
    expect(barCentres(chart, PALETTE.late)).toHaveLength(2);
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Отдел ЖКХ');
    // A long name is cut to fit (the table and the tooltip have it whole).
    expect(texts.find((t) => t?.startsWith('Сектор дорожного'))).toBeTruthy();
    // The on-time share at the end of each row.
    expect(texts.map((t) => t?.replace(/\u00a0|\u202f/g, ' '))).toEqual(expect.arrayContaining(['90 %', '50 %']));
    // The table lists every row, the unassigned one too, not as a link.
    expect(wrapper.findAll('[data-testid^="ranking-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['ranking-row-d-housing', 'ranking-row-d-roads', 'ranking-row--']);
    expect(wrapper.get('[data-testid="ranking-row--"] [data-set="RECEIVED"]').find('a').exists()).toBe(false);
  });

  it('opens the inbox with exactly the items of a clicked bar: its set, its department, the page scope and period', async () => {
    const { wrapper, router } = await ranking();
    const chart = wrapper.get('[data-testid="ranking-chart"]').element;
    // The second row (the roads sector), its late answers.
    const late = barCentres(chart, PALETTE.late)[1]!;
    clickChartAt(chart, late.x, late.y);
    await settle();
    expect(router.currentRoute.value.name).toBe('items');
    expect(decodeDrill(router.currentRoute.value.query.kpi as string)).toEqual({
      set: 'ANSWERED_LATE',
      from: MONTH_FROM,
      to: MONTH_TO,
      scope: { kind: 'APPEAL', departmentId: 'd-roads' },
    });

    await router.push('/analytics');
    const onTime = barCentres(chart, PALETTE.onTime)[0]!;
    clickChartAt(chart, onTime.x, onTime.y);
    await settle();
    expect(decodeDrill(router.currentRoute.value.query.kpi as string)).toMatchObject({ set: 'ANSWERED_ON_TIME', scope: { kind: 'APPEAL', departmentId: 'd-housing' } });
  });
});
