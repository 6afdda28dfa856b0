import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { sectorLeadFixture } from '../../../test/fixtures';
import { MONTH_FROM, MONTH_TO, figureState, kpisResult } from '../../../test/kpis';
import { createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import { decodeDrill } from '../drill';
import { analyticsOptionsQuery } from '../graphql/analytics-options.query';
import { kpiRankingQuery } from '../graphql/kpi-ranking.query';
import { kpiSeriesQuery } from '../graphql/kpi-series.query';
import { kpisQuery } from '../graphql/kpis.query';
import AnalyticsPage from './AnalyticsPage.vue';

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
const LAST_MONTH = { from: '2026-09-30T21:00:00.000Z', to: '2026-10-31T21:00:00.000Z' };

const optionsMock: MockedResponse = {
  request: { query: analyticsOptionsQuery, variables: {} },
  result: {
    data: {
      sectors: [
        { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing', categories: [] },
        { __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads', categories: [] },
        { __typename: 'Sector', id: 's-3', code: 'HEALTH', name: 'Здравоохранение', nameEn: 'Health', categories: [] },
      ],
      departments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ', active: true }],
      settlements: [{ __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино', centre: 'Суровикино', lat: 48.62, lon: 42.85, population: 20533 }],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const empty = (query: MockedResponse['request']['query'], variables: Record<string, unknown>, data: Record<string, unknown>): MockedResponse => ({
  request: { query, variables },
  result: { data },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/** The series and the ranking of a period and scope, with nothing in them (the charts are tested on their own). */
function chartMocks(period: { from: string; to: string }, scope: Record<string, string> | null, bucket = 'DAY'): MockedResponse[] {
  return [
    empty(kpiSeriesQuery, { bucket, ...period, scope }, { kpiSeries: [] }),
    empty(kpiRankingQuery, { by: 'DEPARTMENT', ...period, scope }, { kpiRanking: [] }),
    empty(kpiRankingQuery, { by: 'SETTLEMENT', ...period, scope }, { kpiRanking: [] }),
  ];
}

function kpisMock(period: { from: string; to: string }, scope: Record<string, string> | null, result: () => ReturnType<typeof kpisResult>): MockedResponse {
  return { request: { query: kpisQuery, variables: { ...period, scope } }, result, maxUsageCount: Number.POSITIVE_INFINITY };
}

async function openAnalytics(route: string, mocks: MockedResponse[], who: Role | ViewerFieldsFragment = 'HEAD') {
  const client = createTestClient([meMock(typeof who === 'string' ? who : 'SECTOR_LEAD'), optionsMock, ...mocks]);
  signedIn(client, who);
  return render(AnalyticsPage, { client, route });
}

const month = { from: MONTH_FROM, to: MONTH_TO };

describe('AnalyticsPage', () => {
  it('shows this month’s headline figures against their targets and the period before', async () => {
    const result = vi.fn(() =>
      kpisResult({ targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK' })] }, { onTimeShare: 0.9 }),
    );
    const { wrapper } = await openAnalytics('/analytics', [kpisMock(month, null, result), ...chartMocks(month, null)]);
    expect(result).toHaveBeenCalledTimes(1);
    expect(plain(wrapper.get('[data-testid="analytics-period-text"]').text())).toContain('01.11.2026 — 27.11.2026 (по сегодня)');
    expect(plain(wrapper.get('[data-testid="analytics-period-text"]').text())).toContain('сравнение с периодом той же длины: 05.10.2026 — 31.10.2026');
    expect(wrapper.get('[data-testid="figure-value-received"]').text()).toBe('120');
    expect(plain(wrapper.get('[data-testid="figure-value-onTimeShare"]').text())).toBe('85 %');
    expect(wrapper.get('[data-testid="figure-onTimeShare"]').attributes('data-state')).toBe('AT_RISK');
    expect(wrapper.get('[data-testid="figure-state-onTimeShare"]').text()).toBe('Под угрозой');
    expect(wrapper.get('[data-testid="figure-trend-onTimeShare"]').attributes('data-trend')).toBe('down');
    expect(wrapper.findAll('[data-testid^="figure-value-"]')).toHaveLength(14);
    expect(wrapper.find('[data-testid="series-card"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="ranking-card"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="map-card"]').exists()).toBe(true);
  });

  it('opens the inbox with exactly the items behind a clicked number', async () => {
    const { wrapper, router } = await openAnalytics('/analytics?department=d-housing', [
      kpisMock(month, { departmentId: 'd-housing' }, () => kpisResult()),
      ...chartMocks(month, { departmentId: 'd-housing' }),
      // The page stays mounted here while the address is the inbox's (a view without a scope).
      kpisMock(month, null, () => kpisResult()),
      ...chartMocks(month, null),
    ]);
    await wrapper.get('[data-testid="figure-value-received"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('items');
    expect(router.currentRoute.value.query.kpi).toBe(`RECEIVED~${MONTH_FROM}~${MONTH_TO}~department:d-housing`);

    await router.push('/analytics?department=d-housing');
    await settle();
    await wrapper.get('[data-testid="figure-part-answeredLate"]').trigger('click');
    await settle();
    expect(decodeDrill(router.currentRoute.value.query.kpi as string)).toEqual({ set: 'ANSWERED_LATE', ...month, scope: { departmentId: 'd-housing' } });
  });

  it('reads the period and the scope from the address and puts changes into it', async () => {
    const lastMonth = vi.fn(() => kpisResult({ ...LAST_MONTH, received: 77 }));
    const roads = vi.fn(() => kpisResult({ ...LAST_MONTH, received: 31 }));
    const { wrapper, router } = await openAnalytics('/analytics?period=last-month', [
      kpisMock(LAST_MONTH, null, lastMonth),
      kpisMock(LAST_MONTH, { sectorCode: 'ROADS' }, roads),
      ...chartMocks(LAST_MONTH, null),
      ...chartMocks(LAST_MONTH, { sectorCode: 'ROADS' }),
    ]);
    expect(lastMonth).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="figure-value-received"]').text()).toBe('77');
    expect(plain(wrapper.get('[data-testid="analytics-period-text"]').text())).toContain('01.10.2026 — 31.10.2026');

    await wrapper.get('[data-testid="analytics-sector"]').setValue('ROADS');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/analytics?period=last-month&sector=ROADS');
    expect(roads).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="figure-value-received"]').text()).toBe('31');
  });

  it('offers a sector lead only their own sectors', async () => {
    const lead = sectorLeadFixture(['ZHKH', 'ROADS']);
    const { wrapper } = await openAnalytics('/analytics', [kpisMock(month, null, () => kpisResult()), ...chartMocks(month, null)], lead);
    const options = wrapper.findAll('[data-testid="analytics-sector"] option').map((o) => [o.attributes('value'), o.text()]);
    expect(options).toEqual([
      ['', 'Все мои блоки'],
      ['ZHKH', 'ЖКХ'],
      ['ROADS', 'Дороги'],
    ]);
    expect(wrapper.text()).toContain('Показатели ваших отраслевых блоков');
  });

  it('says when a custom period cannot be read', async () => {
    const { wrapper } = await openAnalytics('/analytics?period=custom&from=2026-11-20&to=2026-11-01', []);
    expect(wrapper.find('[data-testid="analytics-period-invalid"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="figure-value-received"]').exists()).toBe(false);
  });
});
