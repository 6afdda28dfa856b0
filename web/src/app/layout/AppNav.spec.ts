import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../gql/graphql';
import { meMock, render } from '../../test/render';
import { routes } from '../router/routes';
import AppNav from './AppNav.vue';

async function navFor(role: Role) {
  // The app's real routes (their permissions decide), without the guards.
  const router = createRouter({ history: createMemoryHistory(), routes });
  const { wrapper } = await render(AppNav, { router, route: '/profile', mocks: [meMock(role)] });
  return wrapper.findAll('[data-testid^="nav-"]').map((a) => a.attributes('data-testid'));
}

describe('AppNav', () => {
  it('shows the head every section, with the users, tokens, webhooks and text model management links and the audit log', async () => {
    expect(await navFor('HEAD')).toEqual([
      'nav-home',
      'nav-items',
      'nav-analytics',
      'nav-problems',
      'nav-reports',
      'nav-import',
      'nav-organisation',
      'nav-organisation-users',
      'nav-tokens',
      'nav-webhooks',
      'nav-text-model',
      'nav-audit',
      'nav-profile',
    ]);
  });

  it.each<[Role, string[]]>([
    ['ANALYST', ['nav-home', 'nav-items', 'nav-analytics', 'nav-problems', 'nav-reports', 'nav-organisation', 'nav-profile']],
    // An executor reads the problems of its department; reports are whole-municipality figures.
    ['EXECUTOR', ['nav-home', 'nav-items', 'nav-problems', 'nav-organisation', 'nav-profile']],
  ])('hides users and tokens from %s', async (role, expected) => {
    const links = await navFor(role);
    expect(links).toEqual(expected);
    expect(links).not.toContain('nav-tokens');
    expect(links).not.toContain('nav-organisation-users');
  });

  it.each<Role>(['HEAD', 'CURATOR', 'SECTOR_LEAD', 'ANALYST', 'REGION'])('leads %s, who reads the figures, to the analytics', async (role) => {
    expect(await navFor(role)).toContain('nav-analytics');
  });

  it.each<Role>(['INCIDENT_MANAGER', 'POS_OPERATOR', 'EXECUTOR'])('shows %s, who does not read the figures, no analytics', async (role) => {
    expect(await navFor(role)).not.toContain('nav-analytics');
  });

  it.each<Role>(['CURATOR', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'REGION'])(
    'lets %s read users but not manage tokens',
    async (role) => {
      const links = await navFor(role);
      expect(links).toContain('nav-organisation-users');
      expect(links).not.toContain('nav-tokens');
    },
  );

  it.each<Role>(['HEAD', 'CURATOR', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'EXECUTOR', 'ANALYST', 'REGION'])(
    'leads %s to the inbox',
    async (role) => {
      expect(await navFor(role)).toContain('nav-items');
    },
  );

  it('shows nothing to nobody', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(AppNav, { router, route: '/profile', mocks: [meMock(null)] });
    expect(wrapper.findAll('[data-testid^="nav-"]')).toHaveLength(0);
  });

  it('labels the links in the interface language and marks the current page', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(AppNav, { router, route: '/profile', locale: 'en', mocks: [meMock('HEAD')] });
    expect(wrapper.get('[data-testid="nav-tokens"]').text()).toBe('API tokens');
    expect(wrapper.get('[data-testid="nav-profile"]').attributes('aria-current')).toBe('page');
    expect(wrapper.get('[data-testid="nav-home"]').attributes('aria-current')).toBeUndefined();
  });
});
