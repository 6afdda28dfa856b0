import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { startApp, type RunningApp } from '../src/app.js';
import { startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Introspection and "Did you mean …?" (docs/security.md, "Introspection"): with the production defaults an anonymous
 * caller can neither read the schema nor have its guesses corrected, over HTTP and WebSocket; signed-in people and
 * tokens have both. Development and tests (the harness) keep both open to everyone.
 */

const MANIFEST = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));

let t: TestApp;
let production: RunningApp;
let analyst: string;
beforeAll(async () => {
  t = await startTestApp();
  production = await startApp({
    config: loadConfig({
      PORT: '0',
      NODE_ENV: 'production',
      DATABASE_URL: t.dbUrl,
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'error',
      STOP_GRACE_MS: '0',
      TRUSTED_DOCUMENTS_MANIFEST: MANIFEST,
    }),
    orm: t.orm,
    now: t.clock.now,
  });
  analyst = await t.signInAs('analyst');
});
afterAll(async () => {
  await production?.stop();
  await t?.stop();
});

async function post(url: string, query: string, token?: string): Promise<{ status: number } & GqlResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, ...((await res.json()) as GqlResult) };
}

const SCHEMA = '{ __schema { queryType { name } } }';
const TYPE = '{ __type(name: "Item") { name } }';
/** A misspelt field and a misspelt argument: graphql-js hints at `items` and `first`. */
const TYPOS = '{ itemz { id } departments(activeOnli: true) { id } }';
const messages = (r: GqlResult) => (r.errors ?? []).map((e) => e.message);

describe('introspection and suggestions with the production defaults', () => {
  it('refuses introspection to an anonymous caller with INTROSPECTION_DISABLED (403), before it runs', async () => {
    for (const query of [SCHEMA, TYPE, `query { ...F } fragment F on Query { __schema { types { name } } }`]) {
      const r = await post(production.url, query);
      expect({ query, status: r.status, code: r.errors?.[0]?.extensions?.code, data: r.data ?? null }).toEqual({ query, status: 403, code: 'INTROSPECTION_DISABLED', data: null });
    }
    // __typename is not introspection.
    expect(await post(production.url, '{ __typename }')).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('answers an anonymous caller’s misspellings without "Did you mean"', async () => {
    const r = await post(production.url, TYPOS);
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(messages(r)).toEqual(['Cannot query field "itemz" on type "Query".', 'Unknown argument "activeOnli" on field "Query.departments".']);
  });

  it('lets a signed-in user introspect and see the suggestions', async () => {
    expect(await post(production.url, SCHEMA, analyst)).toMatchObject({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
    expect(await post(production.url, TYPE, analyst)).toMatchObject({ status: 200, data: { __type: { name: 'Item' } } });
    const r = await post(production.url, TYPOS, analyst);
    expect(messages(r)).toEqual([expect.stringMatching(/Did you mean .*"items"\?/), expect.stringMatching(/Did you mean "activeOnly"\?/)]);
  });

  it('holds over WebSocket: an anonymous socket is refused introspection and hints, a token’s socket has both', async () => {
    const wsUrl = `${production.url.replace('http', 'ws')}/graphql`;
    const run = (token: string | undefined, query: string) => {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
      return new Promise<GqlResult>((resolve) => {
        let result: GqlResult = {};
        client.subscribe(
          { query },
          {
            next: (value) => (result = value as GqlResult),
            error: (errors) => resolve({ errors: errors as GqlResult['errors'] }),
            complete: () => resolve(result),
          },
        );
      }).finally(() => client.dispose());
    };
    expect((await run(undefined, SCHEMA)).errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    const typos = await run(undefined, TYPOS);
    expect(typos.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(messages(typos)).toEqual(['Cannot query field "itemz" on type "Query".', 'Unknown argument "activeOnli" on field "Query.departments".']);
    expect(await run(analyst, SCHEMA)).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(messages(await run(analyst, TYPOS)).join(' ')).toMatch(/Did you mean .*"items"\?/);
  });
});

describe('introspection and suggestions in development and tests', () => {
  it('are open to anonymous callers', async () => {
    expect(await post(t.url, SCHEMA)).toMatchObject({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
    expect(messages(await post(t.url, TYPOS))).toEqual([expect.stringMatching(/Did you mean .*"items"\?/), expect.stringMatching(/Did you mean "activeOnly"\?/)]);
  });

  it('INTROSPECTION=off and SUGGESTIONS=off close them to everyone, tokens included', async () => {
    const closed = await startApp({
      config: loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: t.dbUrl, DATA_DIR: t.dataDir, LOG_LEVEL: 'error', STOP_GRACE_MS: '0', INTROSPECTION: 'off', SUGGESTIONS: 'off' }),
      orm: t.orm,
      now: t.clock.now,
    });
    try {
      expect((await post(closed.url, SCHEMA, analyst)).errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
      expect(messages(await post(closed.url, TYPOS, analyst)).join(' ')).not.toMatch(/Did you mean/);
    } finally {
      await closed.stop();
    }
  });
});
