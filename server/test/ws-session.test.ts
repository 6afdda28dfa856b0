import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from './harness.js';

/** A WebSocket is a session like any other: the access policy at delivery, session ends, the cookie's origin. */

let t: TestApp;
const clients: Client[] = [];
let head: string;
const deps: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
  const r = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
  for (const d of r.data!.departments) deps[d.code] = d.id;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

type Opened = { client: Client; closed: Promise<number>; events: string[]; errors: unknown[]; subscribed: Promise<void> };

/** Opens a socket (bearer token or cookie, with an Origin) and subscribes to item events; records what arrives. */
function open(options: { token?: string; cookie?: string; origin?: string }, query = 'subscription { itemEvents { itemId item { status } } }'): Opened {
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (closedWith = resolve));
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (e) => closedWith((e as { code: number }).code) },
  });
  clients.push(client);
  const events: string[] = [];
  const errors: unknown[] = [];
  let ready: () => void = () => undefined;
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  client.subscribe<{ itemEvents: { itemId: string } }>(
    { query },
    { next: (v) => (v.data ? events.push(v.data.itemEvents.itemId) : errors.push(v.errors)), error: (e) => errors.push(e), complete: () => undefined },
  );
  // The server has registered the subscription once a query sent after it on the same socket is answered.
  void client.iterate({ query: '{ __typename }' }).next().then(() => ready(), () => ready());
  return { client, closed, events, errors, subscribed };
}

async function newItem(): Promise<{ id: string; version: number }> {
  const r = await t.gql<{ createItem: { id: string; version: number } }>(
    'mutation { createItem(input: { kind: APPEAL, channel: LETTER, identified: true, categoryCode: "ZHKH_WATER", text: "Нет воды в доме" }) { id version } }',
    {},
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createItem;
}

async function assign(item: { id: string; version: number }, department: string): Promise<{ id: string; version: number }> {
  const r = await t.gql<{ assignItem: { id: string; version: number } }>(
    'mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }',
    { id: item.id, v: item.version, d: deps[department] },
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.assignItem;
}

describe('item events are checked against the access policy at delivery', () => {
  it('an executor hears the items of their department only, and stops hearing an item the moment it is reassigned away', async () => {
    const executor = await t.signInAs('executor');
    const ex = open({ token: executor });
    const all = open({ token: head });
    await Promise.all([ex.subscribed, all.subscribed]);

    const roads = await assign(await newItem(), 'roads'); // never the executor's
    let moved = await assign(await newItem(), 'housing'); // the executor's, then moved away
    moved = await assign(moved, 'roads');
    const mine = await assign(await newItem(), 'housing'); // the executor's

    // The head hears every change; once it has heard the last one, the executor has had every chance to hear its own.
    await vi.waitFor(() => expect(all.events).toContain(mine.id), { timeout: 5000 });
    await vi.waitFor(() => expect(ex.events.filter((id) => id === mine.id).length).toBe(1), { timeout: 5000 });
    expect(ex.events).not.toContain(roads.id);
    // The assignment to housing reached the executor; the reassignment to roads (the item's second event) did not.
    expect(ex.events.filter((id) => id === moved.id)).toHaveLength(1);
    expect(all.events.filter((id) => id === moved.id).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a socket ends with its session', () => {
  it('a socket opened before sign-out is closed by it, receives no event after it and answers nothing as the user', async () => {
    const token = await t.signInAs('analyst');
    const s = open({ token });
    await s.subscribed;
    const before = await assign(await newItem(), 'housing');
    await vi.waitFor(() => expect(s.events).toContain(before.id), { timeout: 5000 });

    const out = await t.gql<{ signOut: boolean }>('mutation { signOut }', {}, token);
    expect(out.data?.signOut).toBe(true);
    expect(await s.closed).toBe(4401);
    const heardBeforeSignOut = [...s.events];

    const after = await assign(await newItem(), 'housing');
    const witness = open({ token: head });
    await witness.subscribed;
    const last = await assign(await newItem(), 'housing');
    await vi.waitFor(() => expect(witness.events).toContain(last.id), { timeout: 5000 });
    expect(s.events).toEqual(heardBeforeSignOut);
    expect(s.events).not.toContain(after.id);
    expect(s.events).not.toContain(last.id);

    // A new socket with the ended session is anonymous: `me` is null and subscribing is refused.
    const again = createClient({ url: t.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    clients.push(again);
    const me = await again.iterate<{ me: unknown }>({ query: '{ me { id } }' }).next();
    expect((me.value as { data: { me: unknown } }).data.me).toBeNull();
  });

  it('a password change closes the sockets of the person’s other sessions and keeps the one that changed it', async () => {
    const mine = await t.signInAs('pos_operator');
    const other = await t.signInAs('pos_operator');
    const kept = open({ token: mine });
    const ended = open({ token: other });
    await Promise.all([kept.subscribed, ended.subscribed]);
    const r = await t.gql('mutation($c: String!) { changeMyPassword(currentPassword: $c, newPassword: "a-new-password-1") }', { c: t.password }, mine);
    expect(r.errors).toBeUndefined();
    expect(await ended.closed).toBe(4401);
    const item = await assign(await newItem(), 'housing');
    await vi.waitFor(() => expect(kept.events).toContain(item.id), { timeout: 5000 });
    const back = await t.gql('mutation($n: String!) { changeMyPassword(currentPassword: "a-new-password-1", newPassword: $n) }', { n: t.password }, mine);
    expect(back.errors).toBeUndefined();
  });

  it('deactivating a person closes their sockets', async () => {
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation { createUser(input: { username: "ws.analyst", fullName: "Сокетов Иван", roles: [ANALYST], password: "ws-analyst-password" }) { id } }',
      {},
      head,
    );
    expect(created.errors).toBeUndefined();
    const s = open({ token: await t.signInAs('ws.analyst', 'ws-analyst-password') });
    await s.subscribed;
    const r = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }', { id: created.data!.createUser.id }, head);
    expect(r.errors).toBeUndefined();
    expect(await s.closed).toBe(4401);
  });

  it('changing a person’s roles closes their sockets with "service restart", so the client reconnects as they are now', async () => {
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation { createUser(input: { username: "ws.curator", fullName: "Сокетова Анна", roles: [CURATOR], password: "ws-curator-password" }) { id } }',
      {},
      head,
    );
    const s = open({ token: await t.signInAs('ws.curator', 'ws-curator-password') });
    await s.subscribed;
    const r = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { roles: [ANALYST] }) { id } }', { id: created.data!.createUser.id }, head);
    expect(r.errors).toBeUndefined();
    expect(await s.closed).toBe(1012);
  });

  it('revoking an API token closes its sockets', async () => {
    const created = await t.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation { createApiToken(input: { name: "ws feed", kind: INTEGRATOR, scopes: [ITEMS_READ] }) { token apiToken { id } } }',
      {},
      head,
    );
    const s = open({ token: created.data!.createApiToken.token });
    await s.subscribed;
    const r = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: created.data!.createApiToken.apiToken.id }, head);
    expect(r.errors).toBeUndefined();
    expect(await s.closed).toBe(4401);
  });

  it('an operation on a socket whose session has expired meanwhile is refused, and the socket closed', async () => {
    const token = await t.signInAs('curator');
    const s = open({ token });
    await s.subscribed;
    // The session runs out (12 hours pass on the server's clock): the next operation on the socket finds it ended,
    // also where the server remembered the session a moment ago (modules/auth/viewer-cache.ts checks the expiry).
    t.clock.advance(13 * 3_600_000);
    try {
      // The server closes the socket as it refuses the operation: the client sees the close as the answer.
      await expect(s.client.iterate({ query: '{ me { id } }' }).next()).rejects.toMatchObject({ code: 4401 });
      expect(await s.closed).toBe(4401);
    } finally {
      // The clock runs on as before: the other tests' sessions go on.
      t.clock.advance(-13 * 3_600_000);
    }
  });
});

describe('the session cookie over WebSocket', () => {
  it('refuses a socket from a foreign origin that carries the session cookie', async () => {
    const token = await t.signInAs('head');
    const s = open({ cookie: `otklik_session=${token}`, origin: 'https://evil.example' });
    expect(await s.closed).toBe(4403);
    expect(s.events).toEqual([]);
  });

  it('accepts the same cookie from the server’s own origin', async () => {
    const token = await t.signInAs('head');
    const s = open({ cookie: `otklik_session=${token}`, origin: t.url });
    await s.subscribed;
    const item = await assign(await newItem(), 'housing');
    await vi.waitFor(() => expect(s.events).toContain(item.id), { timeout: 5000 });
  });

  it('accepts a bearer token from any origin (a token is not sent by the browser on its own)', async () => {
    const token = await t.signInAs('head');
    const s = open({ token, origin: 'https://integrator.example' });
    await s.subscribed;
    const item = await assign(await newItem(), 'housing');
    await vi.waitFor(() => expect(s.events).toContain(item.id), { timeout: 5000 });
  });
});
