import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../../gql/graphql';
import { routes } from '../../../app/router/routes';
import { municipalityFixture } from '../../../test/fixtures';
import { meMock, render, type RenderOptions } from '../../../test/render';
import { municipalitiesQuery } from '../../organisation/graphql/municipalities.query';
import HomePage from './HomePage.vue';

async function home(role: Role, extra: NonNullable<RenderOptions['mocks']> = []) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  return render(HomePage, { router, route: '/profile', mocks: [meMock(role), ...extra] });
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
    expect(await links('HEAD')).toEqual(['quick-items', 'quick-sectors', 'quick-departments', 'quick-users', 'quick-tokens', 'quick-profile']);
    expect(await links('ANALYST')).toEqual(['quick-items', 'quick-sectors', 'quick-departments', 'quick-profile']);
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
});
