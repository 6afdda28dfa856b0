import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../../gql/graphql';
import { routes } from '../../../app/router/routes';
import { meQuery } from '../../auth/graphql/me.query';
import { municipalityFixture, sectorLeadFixture } from '../../../test/fixtures';
import { MONTH_FROM, MONTH_TO, figureState, kpiFiguresFixture, kpisResult } from '../../../test/kpis';
import { meMock, render, settle, type RenderOptions } from '../../../test/render';
import { createLiveTestClient, type LiveServer } from '../../items/test/live-server';
import { analyticsOptionsQuery } from '../../analytics/graphql/analytics-options.query';
import { kpisQuery } from '../../analytics/graphql/kpis.query';
import { municipalitiesQuery } from '../../organisation/graphql/municipalities.query';
import HomePage from './HomePage.vue';

/** The municipality's figures this month so far (roles that read KPIs see them on their home page). */
function monthKpis(scope: Record<string, string> | null, result: () => ReturnType<typeof kpisResult> = () => kpisResult()): MockedResponse {
  return { request: { query: kpisQuery, variables: { from: MONTH_FROM, to: MONTH_TO, scope } }, result, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** The home page on a test server whose live side the test drives (`live`; `prepare` runs before the page opens). */
async function open(mocks: NonNullable<RenderOptions['mocks']>, prepare: (live: LiveServer) => void = () => undefined) {
  const { client, live } = createLiveTestClient(mocks);
  prepare(live);
  const router = createRouter({ history: createMemoryHistory(), routes });
  return { ...(await render(HomePage, { client, router, route: '/profile' })), live };
}

async function home(role: Role, extra: NonNullable<RenderOptions['mocks']> = []) {
  return open([meMock(role), monthKpis(null), ...extra]);
}

/** A `kpiUpdated` push: the month's figures (the whole month, as the live layer computes it) at an instant. */
function monthPush(month: Parameters<typeof kpiFiguresFixture>[0], at = '2026-11-27T09:30:00.000Z') {
  return { kpiUpdated: { __typename: 'KpiLive', at, month: kpiFiguresFixture({ from: MONTH_FROM, to: '2026-11-30T21:00:00.000Z', ...month }) } };
}

describe('HomePage', () => {
  it('shows who you are, your role, your municipality and the time there now', async () => {
    const { wrapper } = await home('CURATOR');
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Стартовая страница');
    expect(wrapper.text()).toContain('Ковалёв Сергей Петрович');
    expect(wrapper.get('[data-role="CURATOR"]').text()).toBe('Куратор МЦУ');
    expect(wrapper.get('[data-testid="home-municipality"]').text()).toBe(municipalityFixture.name);
    // The clock stands at 09:00 UTC: 12:00 in Volgograd, whatever the zone of the machine.
    expect(wrapper.text()).toContain('сейчас 12:00 (Europe/Volgograd)');
  });

  it('links only to what the role may use', async () => {
    const links = async (role: Role) =>
      (await home(role)).wrapper.findAll('[data-testid^="quick-"]').map((l) => l.attributes('data-testid'));
    expect(await links('HEAD')).toEqual([
      'quick-items',
      'quick-analytics',
      'quick-sectors',
      'quick-departments',
      'quick-users',
      'quick-tokens',
      'quick-profile',
    ]);
    expect(await links('ANALYST')).toEqual(['quick-items', 'quick-analytics', 'quick-sectors', 'quick-departments', 'quick-profile']);
    expect(await links('EXECUTOR')).toEqual(['quick-items', 'quick-sectors', 'quick-departments', 'quick-profile']);
  });

  it('lists the municipalities for the regional centre', async () => {
    const { wrapper } = await home('REGION', [
      {
        request: { query: municipalitiesQuery },
        result: { data: { municipalities: [municipalityFixture, { ...municipalityFixture, id: 'm-2', shortName: 'Калачёвский район' }] } },
      },
    ]);
    expect(wrapper.get('[data-testid="home-municipality"]').text()).toBe('Все муниципалитеты региона');
    expect(wrapper.text()).toContain('Калачёвский район');
    expect(wrapper.find('a[href="/organisation/sectors?m=m-2"]').exists()).toBe(true);
  });

  it.each<Role>(['HEAD', 'CURATOR', 'ANALYST'])('shows %s the municipality’s figures this month against their targets', async (role) => {
    const result = vi.fn(() =>
      kpisResult({
        targets: [
          figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK' }),
          figureState('SATISFIED_SHARE', { target: 0.7, actual: 0.75, state: 'ON_TRACK' }),
        ],
      }),
    );
    const { wrapper } = await open([meMock(role), monthKpis(null, result)]);
    expect(result).toHaveBeenCalledTimes(1);
    const block = wrapper.get('[data-testid="home-kpis-municipality"]');
    expect(block.text()).toContain('Суровикинский район');
    expect(wrapper.get('[data-testid="home-kpis"]').text()).toContain('с 01.11.2026 по сегодня');
    // The volume, the on-time share, the overdue, and what has a target: nothing else.
    expect(block.findAll('[data-testid^="figure-value-"]').map((f) => f.attributes('data-testid'))).toEqual([
      'figure-value-received',
      'figure-value-answered',
      'figure-value-onTimeShare',
      'figure-value-overdueOpen',
      'figure-value-satisfiedShare',
    ]);
    expect(block.get('[data-testid="figure-state-onTimeShare"]').text()).toBe('Под угрозой');
    expect(block.get('[data-testid="figure-state-satisfiedShare"]').text()).toBe('В норме');
    expect(block.get('[data-testid="home-kpis-municipality-analytics"]').attributes('href')).toBe('/analytics');
  });

  it('shows a sector lead each of their sectors against its own targets', async () => {
    const { wrapper } = await leadHome();
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"]').text()).toContain('ЖКХ');
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"] [data-testid="figure-value-received"]').text()).toBe('64');
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"] [data-testid="figure-target-onTimeShare"]').text()).toContain('(блока)');
    expect(wrapper.get('[data-testid="home-kpis-ROADS"] [data-testid="figure-value-received"]').text()).toBe('21');
    expect(wrapper.get('[data-testid="home-kpis-ROADS-analytics"]').attributes('href')).toBe('/analytics?sector=ROADS');
  });

  /** A sector lead of ЖКХ and roads, each sector's figures this month. */
  async function leadHome() {
    const lead = sectorLeadFixture(['ZHKH', 'ROADS']);
    return open([
        { request: { query: meQuery }, result: { data: { me: lead } }, maxUsageCount: Number.POSITIVE_INFINITY },
        {
          request: { query: analyticsOptionsQuery, variables: {} },
          result: {
            data: {
              sectors: [
                { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing', categories: [] },
                { __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads', categories: [] },
              ],
              departments: [],
              settlements: [],
            },
          },
        },
        monthKpis({ sectorCode: 'ZHKH' }, () => kpisResult({ received: 64, targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK', level: 'SECTOR' })] })),
        monthKpis({ sectorCode: 'ROADS' }, () => kpisResult({ received: 21 })),
      ]);
  }

  it.each<Role>(['EXECUTOR', 'POS_OPERATOR', 'INCIDENT_MANAGER', 'REGION'])('keeps the home page of %s without figures and opens no live figures', async (role) => {
    const result = vi.fn(() => kpisResult());
    const { wrapper, live } = await open([meMock(role), monthKpis(null, result), { request: { query: municipalitiesQuery }, result: { data: { municipalities: [] } } }]);
    expect(wrapper.find('[data-testid="home-kpis"]').exists()).toBe(false);
    expect(result).not.toHaveBeenCalled();
    expect(live.subscriptions('KpiUpdated')).toEqual([]);
    expect(live.subscriptions('SectorUpdated')).toEqual([]);
  });

  describe('live', () => {
    it('updates the municipality’s figures from kpiUpdated without a request, keeping the comparison and judging the target again', async () => {
      const result = vi.fn(() => kpisResult({ targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 0.85, state: 'AT_RISK' })] }));
      const { wrapper, live } = await open([meMock('HEAD'), monthKpis(null, result)]);
      expect(live.subscriptions('KpiUpdated')).toEqual([{ scope: null }]);
      const block = () => wrapper.get('[data-testid="home-kpis-municipality"]');
      expect(block().get('[data-testid="figure-value-received"]').text()).toBe('120');

      // The live layer judges the whole month against the month before; the page keeps its own terms.
      live.push(
        'KpiUpdated',
        monthPush({
          received: 131,
          answered: 110,
          answeredOnTime: 104,
          onTimeShare: 104 / 110,
          overdueOpen: 5,
          targets: [figureState('ON_TIME_SHARE', { target: 0.9, actual: 104 / 110, state: 'ON_TRACK' })],
        }),
      );
      await settle();
      expect(block().get('[data-testid="figure-value-received"]').text()).toBe('131');
      expect(block().get('[data-testid="figure-value-overdueOpen"]').text()).toBe('5');
      expect(block().get('[data-testid="figure-state-onTimeShare"]').text()).toBe('В норме');
      // A figure opens exactly the items it counts: the period runs to the push.
      expect(block().get('[data-testid="figure-value-received"]').attributes('href')).toBe(`/items?kpi=RECEIVED~${MONTH_FROM}~2026-11-27T09:31:00.000Z`);
      expect(result).toHaveBeenCalledTimes(1);
    });

    it('updates each sector of a sector lead from the kpiUpdated of that sector', async () => {
      const { wrapper, live } = await leadHome();
      expect(live.subscriptions('KpiUpdated')).toEqual([{ scope: { sectorCode: 'ZHKH' } }, { scope: { sectorCode: 'ROADS' } }]);
      live.push('KpiUpdated', monthPush({ received: 23 }), (v) => (v.scope as { sectorCode: string }).sectorCode === 'ROADS');
      await settle();
      expect(wrapper.get('[data-testid="home-kpis-ROADS"] [data-testid="figure-value-received"]').text()).toBe('23');
      expect(wrapper.get('[data-testid="home-kpis-ZHKH"] [data-testid="figure-value-received"]').text()).toBe('64');
    });

    it('applies the figures the subscription starts with even when they come before the figures are loaded', async () => {
      const { wrapper } = await open([meMock('CURATOR'), { ...monthKpis(null), delay: 20 }], (live) => live.greet('KpiUpdated', () => monthPush({ received: 140 })));
      expect(wrapper.get('[data-testid="home-kpis-municipality"] [data-testid="figure-value-received"]').text()).toBe('140');
    });
  });
});
