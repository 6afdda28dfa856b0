import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Topics } from '../src/graphql/pubsub.js';
import { observedPubSub, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const bus = observedPubSub();
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestApp({ pubsub: bus.pubsub });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

/** Waits (bounded) until the server listens on `topic` for `count` subscriptions: an event published then reaches them. */
async function serverListens(topic: keyof Topics, count: number): Promise<void> {
  await vi.waitFor(() => expect(bus.listening(topic)).toBe(count), { timeout: 5_000, interval: 10 });
}

function wsClient(options: { token?: string; cookie?: string }): Client {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, options.cookie ? { headers: { cookie: options.cookie } } : {});
      }
    },
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

async function once<T>(client: Client, query: string): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const it = client.iterate<T>({ query });
  const first = await it.next();
  await it.return?.();
  return first.value as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

describe('graphql-ws on /graphql', () => {
  it('answers queries for a bearer token given in connectionParams', async () => {
    const token = await t.signInAs('curator');
    const r = await once<{ me: { username: string; roles: string[] } }>(wsClient({ token }), '{ me { username roles } }');
    expect(r).toEqual({ data: { me: { username: 'curator', roles: ['CURATOR'] } } });
  });

  it('authenticates by the session cookie of the upgrade request', async () => {
    const token = await t.signInAs('analyst');
    const r = await once<{ me: { username: string } }>(wsClient({ cookie: `otklik_session=${token}` }), '{ me { username } }');
    expect(r).toEqual({ data: { me: { username: 'analyst' } } });
  });

  it('refuses an anonymous subscription with UNAUTHENTICATED', async () => {
    const r = await once(wsClient({}), 'subscription { organisationChanged { entityId } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("delivers organisation changes after they are saved, to the municipality's viewers", async () => {
    const analyst = await t.signInAs('analyst');
    const head = await t.signInAs('head');
    const client = wsClient({ token: analyst });
    const events: { entity: string; entityId: string; action: string }[] = [];
    const listeners = bus.listening('ORGANISATION_CHANGED');
    const subscribed = new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ organisationChanged: { entity: string; entityId: string; action: string } }>(
        { query: 'subscription { organisationChanged { entity entityId action municipalityId at } }' },
        {
          next: (v) => {
            if (v.data) events.push(v.data.organisationChanged);
            if (events.length === 1) {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await serverListens('ORGANISATION_CHANGED', listeners + 1);
    const created = await t.gql<{ createDepartment: { id: string } }>(
      'mutation { createDepartment(input: { code: "ws_probe", name: "Отдел для проверки", kind: ADMIN_UNIT }) { id } }',
      {},
      head,
    );
    expect(created.errors).toBeUndefined();
    await subscribed;
    expect(events).toEqual([{ entity: 'Department', entityId: created.data!.createDepartment.id, action: 'CREATED' }].map((e) => expect.objectContaining(e)));
  });
});

describe('itemEvents', () => {
  it('tells subscribers of one item about each committed change, with the item as it is after it', async () => {
    const head = await t.signInAs('head');
    const created = await t.gql<{ createItem: { id: string; version: number } }>(
      'mutation { createItem(input: { kind: MESSAGE, channel: PHONE, identified: true, text: "Не горит фонарь у дома 5" }) { id version } }',
      {},
      head,
    );
    expect(created.errors).toBeUndefined();
    const item = created.data!.createItem;
    const client = wsClient({ token: await t.signInAs('analyst') });
    const listeners = bus.listening('ITEM_EVENT');
    type Change = { type: string; itemId: string; item: { status: string; version: number } };
    const got = new Promise<Change>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ itemEvents: Change }>(
        { query: 'subscription($id: ID!) { itemEvents(filter: { itemIds: [$id] }) { type itemId item { status version } } }', variables: { id: item.id } },
        {
          next: (v) => {
            if (v.data) {
              unsubscribe();
              resolve(v.data.itemEvents);
            }
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await serverListens('ITEM_EVENT', listeners + 1);
    const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
    const roads = deps.data!.departments.find((d) => d.code === 'roads')!.id;
    const assigned = await t.gql('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id } }', { id: item.id, v: item.version, d: roads }, head);
    expect(assigned.errors).toBeUndefined();
    expect(await got).toEqual({ type: 'ASSIGNED', itemId: item.id, item: { status: 'ASSIGNED', version: item.version + 1 } });
  });
});
