import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

/*
 * The integrators' example client (examples/integrator-client, docs/integrators.md "A typed client") against a real
 * server: the typed documents it ships still run, over HTTP and graphql-ws, with an integrator token. It is loaded
 * by its path: it is a package of its own (its types are checked by its own `tsc`, from the committed schema).
 */

type Change = { itemEvents: { cursor: string; type: string; itemId: string; item: { number: string; status: string; externalId: string | null } } };
type ClientModule = {
  OtklikClient: new (o: { url: string; token: string }) => {
    ingest(items: Record<string, unknown>[]): Promise<{
      created: number;
      existing: number;
      rejected: number;
      results: { index: number; created: boolean; item: { id: string; number: string; status: string } | null; error: { code: string; field: string | null } | null }[];
    }>;
    updateFromSource(input: Record<string, unknown>): Promise<{ changed: boolean; item: { id: string; status: string; sourceStatus: string | null } }>;
    item(id: string): Promise<{ id: string; number: string; status: string; deadlineState: string; externalId: string | null; sector: { code: string } | null } | null>;
    subscribe(doc: unknown, variables: Record<string, unknown>, handlers: { onData: (d: Change) => void; onError?: (e: Error) => void }): () => void;
    close(): Promise<void>;
  };
  ItemChangesDocument: unknown;
  OtklikError: new (...a: never[]) => Error & { code: string };
};

let t: TestApp;
let lib: ClientModule;
let token: string;

beforeAll(async () => {
  const path = fileURLToPath(new URL('../../examples/integrator-client/src/client.ts', import.meta.url));
  lib = (await import(pathToFileURL(path).href)) as ClientModule;
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  const head = await t.signInAs('head');
  const r = await t.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "example client", kind: INTEGRATOR, scopes: [ITEMS_INGEST, ITEMS_READ] }) { token } }',
    {},
    head,
  );
  token = r.data!.createApiToken.token;
}, 120_000);
afterAll(async () => t?.stop());

const message = (externalId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'MESSAGE',
  channel: 'POS',
  source: 'example-client',
  externalId,
  receivedAt: '2026-11-19T09:30:00+03:00',
  text: `Сообщение ${externalId}: не работает уличное освещение`,
  ...extra,
});

describe('the example integrator client', () => {
  it('ingests a batch, reads an item back, carries a later answer from the source and hears each change on its subscription', async () => {
    const client = new lib.OtklikClient({ url: `${t.url}/graphql`, token });
    const listeners = t.pubsub.listenerCount('ITEM_EVENT');
    const heard: Change['itemEvents'][] = [];
    let failed: Error | null = null;
    const stop = client.subscribe(lib.ItemChangesDocument, {}, { onData: (d) => heard.push(d.itemEvents), onError: (e) => (failed = e) });
    try {
      // The subscription hears what is committed from the moment the server listens for it.
      await expect.poll(() => t.pubsub.listenerCount('ITEM_EVENT'), { timeout: 10_000 }).toBeGreaterThan(listeners);

      const batch = await client.ingest([message('c-1', { categoryCode: 'ZHKH_WATER' }), message('c-2', { text: 'ой' }), message('c-3')]);
      expect(batch).toMatchObject({ created: 2, existing: 0, rejected: 1 });
      expect(batch.results[1]!.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      const first = batch.results[0]!.item!;

      const read = await client.item(first.id);
      expect(read).toMatchObject({ id: first.id, number: first.number, status: 'NEW', externalId: 'c-1', sector: { code: 'ZHKH' } });

      const answered = await client.updateFromSource({ source: 'example-client', externalId: 'c-1', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'Ответ направлен', answer: 'Водоснабжение восстановлено 20 ноября.' });
      expect(answered).toMatchObject({ changed: true, item: { id: first.id, status: 'ANSWERED', sourceStatus: 'Ответ направлен' } });

      await expect.poll(() => heard.map((h) => `${h.item.externalId}:${h.type}`).sort(), { timeout: 10_000 }).toEqual(['c-1:ANSWERED', 'c-1:CREATED', 'c-3:CREATED']);
      expect(heard.every((h) => typeof h.cursor === 'string' && h.cursor.length > 0)).toBe(true);
      expect(failed).toBeNull();
    } finally {
      stop();
      await client.close();
    }
  });

  it('throws the server’s coded error: UNAUTHENTICATED for a wrong token, FORBIDDEN for a scope the token lacks', async () => {
    const stranger = new lib.OtklikClient({ url: `${t.url}/graphql`, token: 'otk_not-a-token' });
    await expect(stranger.ingest([message('e-1')])).rejects.toMatchObject({ name: 'OtklikError', code: 'UNAUTHENTICATED' });
    const head = await t.signInAs('head');
    const r = await t.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "reader", kind: INTEGRATOR, scopes: [ITEMS_READ] }) { token } }', {}, head);
    const reader = new lib.OtklikClient({ url: `${t.url}/graphql`, token: r.data!.createApiToken.token });
    await expect(reader.ingest([message('e-2')])).rejects.toMatchObject({ name: 'OtklikError', code: 'FORBIDDEN' });
  });
});
