import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryObserver } from '../src/db/orm.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * The viewer cache (modules/auth/viewer-cache.ts) over real HTTP: a session checked a moment ago costs no statement,
 * and what ends or changes a session is seen by the next request, from this instance or from another one.
 */

let t: TestApp;
let head: string;
const ME = '{ me { username roles } }';

async function statements(query: string, token: string): Promise<number> {
  let n = 0;
  queryObserver.current = (_sql, pool) => {
    if (pool === 'requests') n += 1;
  };
  try {
    const r = await t.gql(query, {}, token);
    expect(r.errors).toBeUndefined();
  } finally {
    queryObserver.current = null;
  }
  return n;
}

async function newUser(username: string, roles: string[]): Promise<{ id: string; token: string }> {
  const r = await t.gql<{ createUser: { id: string } }>(
    'mutation($i: UserInput!) { createUser(input: $i) { id } }',
    { i: { username, fullName: 'Кэшев Кирилл Кириллович', roles, password: 'cache-password' } },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.createUser.id, token: await t.signInAs(username, 'cache-password') };
}

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
}, 120_000);
afterAll(async () => t?.stop());

describe('the viewer cache', () => {
  it('checks a session in the database once: the next request within the cache time sends no statement for it', async () => {
    const token = await t.signInAs('analyst');
    const first = await statements(ME, token);
    const second = await statements(ME, token);
    expect(second).toBe(first - 1);
  });

  it('sees a changed role at the very next request', async () => {
    const u = await newUser('cache.roles', ['ANALYST']);
    expect((await t.gql(ME, {}, u.token)).data).toEqual({ me: { username: 'cache.roles', roles: ['ANALYST'] } });
    const changed = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { roles: [CURATOR] }) { id } }', { id: u.id }, head);
    expect(changed.errors).toBeUndefined();
    expect((await t.gql(ME, {}, u.token)).data).toEqual({ me: { username: 'cache.roles', roles: ['CURATOR'] } });
  });

  it('forgets a session another instance ended as soon as that instance’s event arrives', async () => {
    const u = await newUser('cache.elsewhere', ['ANALYST']);
    expect((await t.gql(ME, {}, u.token)).data).toEqual({ me: { username: 'cache.elsewhere', roles: ['ANALYST'] } });
    // Another instance signs the session out: it revokes the row and announces it, in one transaction.
    const [session] = await t.orm.em.fork().getConnection().execute<{ id: string }[]>(
      `update user_session set revoked_at = now() where user_id = ? and revoked_at is null returning id`,
      [u.id],
    );
    await t.emitLive('ACCESS_REVOKED', { reason: 'SIGNED_OUT', sessionId: session!.id });
    // Well within the cache time (VIEWER_CACHE_MS, 5 s): it is the event that makes the instance forget.
    await vi.waitFor(async () => expect((await t.gql(ME, {}, u.token)).data).toEqual({ me: null }), { timeout: 2_500 });
  });
});
