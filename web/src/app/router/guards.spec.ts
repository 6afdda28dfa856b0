import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { Role } from '../../gql/graphql';
import { meQuery } from '../../features/auth/graphql/me.query';
import { createTestClient, meMock, settled } from '../../test/render';
import { createAppRouter } from './index';

async function landing(role: Role | null, path: string): Promise<string> {
  const client = createTestClient([meMock(role)]);
  const router = createAppRouter(client, { history: createMemoryHistory() });
  await settled(router.push(path));
  // The guard decided on the server's answer: a failed `me` would also lead to the sign-in page.
  expect(client.readQuery({ query: meQuery })).toEqual({ me: role ? expect.objectContaining({ roles: [role] }) : null });
  return router.currentRoute.value.fullPath;
}

describe('route guards', () => {
  it('sends an anonymous visitor to sign in, remembering where they were going', async () => {
    expect(await landing(null, '/tokens')).toBe('/sign-in?redirect=/tokens');
    expect(await landing(null, '/')).toBe('/sign-in');
  });

  it('lets an anonymous visitor open the sign-in page', async () => {
    expect(await landing(null, '/sign-in')).toBe('/sign-in');
  });

  it('opens the wall whoever is signed in, without asking the server who that is (the wall has its own token)', async () => {
    for (const role of [null, 'HEAD', 'EXECUTOR'] as const) {
      const client = createTestClient([meMock(role)]);
      const router = createAppRouter(client, { history: createMemoryHistory() });
      await settled(router.push('/wall#token=abc'));
      expect(router.currentRoute.value.path).toBe('/wall');
      expect(client.readQuery({ query: meQuery })).toBeNull();
    }
  });

  it('sends a signed-in person away from the sign-in page', async () => {
    expect(await landing('ANALYST', '/sign-in')).toBe('/');
  });

  it('sends a role home from a page it may not use', async () => {
    expect(await landing('ANALYST', '/tokens')).toBe('/');
    expect(await landing('ANALYST', '/organisation/users')).toBe('/');
    expect(await landing('CURATOR', '/tokens')).toBe('/');
    expect(await landing('REGION', '/tokens')).toBe('/');
    expect(await landing('CURATOR', '/webhooks')).toBe('/');
    expect(await landing('SECTOR_LEAD', '/text-model')).toBe('/');
  });

  it('opens the pages a role may use', async () => {
    expect(await landing('HEAD', '/tokens')).toBe('/tokens');
    expect(await landing('HEAD', '/webhooks')).toBe('/webhooks');
    expect(await landing('HEAD', '/text-model')).toBe('/text-model');
    expect(await landing('CURATOR', '/organisation/users')).toBe('/organisation/users');
    expect(await landing('ANALYST', '/organisation/departments')).toBe('/organisation/departments');
    expect(await landing('EXECUTOR', '/profile')).toBe('/profile');
  });

  it('opens the inbox and the cards to every role, and the registration form to creators only', async () => {
    expect(await landing('ANALYST', '/items?kind=APPEAL')).toBe('/items?kind=APPEAL');
    expect(await landing('EXECUTOR', '/items/abc')).toBe('/items/abc');
    expect(await landing('POS_OPERATOR', '/items/new')).toBe('/items/new');
    expect(await landing('EXECUTOR', '/items/new')).toBe('/');
    expect(await landing('CURATOR', '/items/new')).toBe('/');
  });

  it('opens the analytics and the targets to the roles that read the figures only', async () => {
    expect(await landing('HEAD', '/analytics?period=year')).toBe('/analytics?period=year');
    expect(await landing('SECTOR_LEAD', '/analytics/targets')).toBe('/analytics/targets');
    expect(await landing('ANALYST', '/analytics')).toBe('/analytics');
    expect(await landing('EXECUTOR', '/analytics')).toBe('/');
    expect(await landing('POS_OPERATOR', '/analytics/targets')).toBe('/');
    expect(await landing('INCIDENT_MANAGER', '/analytics')).toBe('/');
    // The first landing loads the analytics chunk (ECharts): seconds on a busy machine, so a longer test timeout.
  }, 30_000);

  it('opens the organisation at its first tab and sends unknown addresses home', async () => {
    expect(await landing('ANALYST', '/organisation')).toBe('/organisation/sectors');
    expect(await landing('HEAD', '/no-such-page')).toBe('/');
  });
});
