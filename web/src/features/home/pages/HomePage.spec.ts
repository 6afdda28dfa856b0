import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../../gql/graphql';
import { routes } from '../../../app/router/routes';
import { meQuery } from '../../auth/graphql/me.query';
import { municipalityFixture, sectorLeadFixture } from '../../../test/fixtures';
import { MONTH_FROM, MONTH_TO, figureState, kpisResult } from '../../../test/kpis';
import { meMock, render, type RenderOptions } from '../../../test/render';
import { analyticsOptionsQuery } from '../../analytics/graphql/analytics-options.query';
import { kpisQuery } from '../../analytics/graphql/kpis.query';
import { municipalitiesQuery } from '../../organisation/graphql/municipalities.query';
import HomePage from './HomePage.vue';

/** The municipality's figures this month so far (roles that read KPIs see them on their home page). */
function monthKpis(scope: Record<string, string> | null, result: () => ReturnType<typeof kpisResult> = () => kpisResult()): MockedResponse {
  return { request: { query: kpisQuery, variables: { from: MONTH_FROM, to: MONTH_TO, scope } }, result, maxUsageCount: Number.POSITIVE_INFINITY };
}

async function home(role: Role, extra: NonNullable<RenderOptions['mocks']> = []) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  return render(HomePage, { router, route: '/profile', mocks: [meMock(role), monthKpis(null), ...extra] });
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
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(HomePage, { router, route: '/profile', mocks: [meMock(role), monthKpis(null, result)] });
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
    const lead = sectorLeadFixture(['ZHKH', 'ROADS']);
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(HomePage, {
      router,
      route: '/profile',
      mocks: [
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
      ],
    });
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"]').text()).toContain('ЖКХ');
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"] [data-testid="figure-value-received"]').text()).toBe('64');
    expect(wrapper.get('[data-testid="home-kpis-ZHKH"] [data-testid="figure-target-onTimeShare"]').text()).toContain('(блока)');
    expect(wrapper.get('[data-testid="home-kpis-ROADS"] [data-testid="figure-value-received"]').text()).toBe('21');
    expect(wrapper.get('[data-testid="home-kpis-ROADS-analytics"]').attributes('href')).toBe('/analytics?sector=ROADS');
  });

  it.each<Role>(['EXECUTOR', 'POS_OPERATOR', 'INCIDENT_MANAGER', 'REGION'])('keeps the home page of %s without figures', async (role) => {
    const result = vi.fn(() => kpisResult());
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(HomePage, {
      router,
      route: '/profile',
      mocks: [meMock(role), monthKpis(null, result), { request: { query: municipalitiesQuery }, result: { data: { municipalities: [] } } }],
    });
    expect(wrapper.find('[data-testid="home-kpis"]').exists()).toBe(false);
    expect(result).not.toHaveBeenCalled();
  });
});
