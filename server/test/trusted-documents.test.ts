import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Kind, print, visit, type DocumentNode } from 'graphql';
import { loadConfig } from '../src/config.js';
import { startApp, SESSION_COOKIE, type RunningApp } from '../src/app.js';
import { admitDocument, loadTrustedDocuments, normalForm, type TrustedDocuments } from '../src/graphql/trusted-documents.js';
import { startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Trusted documents (docs/security.md): with TRUSTED_DOCUMENTS=cookie a session cookie runs only the dashboard's
 * documents (web/src/gql/persisted-documents.json, written by `pnpm codegen`), sent as the dashboard sends them;
 * bearer tokens and anonymous callers keep the whole schema.
 */

const MANIFEST = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));
/** The dashboard's documents, as graphql-codegen generates them, each with its hash in `__meta__`. */
const GENERATED = new URL('../../web/src/gql/graphql.ts', import.meta.url).href;
type Generated = DocumentNode & { __meta__?: { hash: string } };

/** What Apollo's cache does to a document before it is sent: `__typename` in every selection but the operation's root. */
function asApolloSends(document: DocumentNode): string {
  return print(
    visit(document, {
      SelectionSet(node, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    }),
  );
}

const claim = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

let t: TestApp;
let app: RunningApp;
let docs: Record<string, Generated>;
let head: string;
beforeAll(async () => {
  t = await startTestApp();
  app = await startApp({
    config: loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      DATABASE_URL: t.dbUrl,
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'error',
      STOP_GRACE_MS: '0',
      TRUSTED_DOCUMENTS: 'cookie',
      TRUSTED_DOCUMENTS_MANIFEST: MANIFEST,
    }),
    orm: t.orm,
    now: t.clock.now,
  });
  docs = (await import(GENERATED)) as Record<string, Generated>;
  head = await t.signInAs('head');
});
afterAll(async () => {
  await app?.stop();
  await t?.stop();
});

/** POST /graphql on the server in cookie mode, with the session as a cookie or a bearer token (or neither). */
async function post(body: Record<string, unknown>, auth: { cookie?: string; bearer?: string } = {}): Promise<{ status: number } & GqlResult> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth.cookie ? { cookie: `${SESSION_COOKIE}=${auth.cookie}` } : {}),
      ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as GqlResult) };
}

const createDepartment = (code: string) => ({
  query: `mutation { createDepartment(input: { code: "${code}", name: "Отдел ${code}", kind: OTHER }) { id code } }`,
});

async function departmentCodes(): Promise<string[]> {
  const r = await t.gql<{ departments: { code: string }[] }>('{ departments { code } }', {}, head);
  return r.data!.departments.map((d) => d.code);
}

describe('trusted documents over HTTP (TRUSTED_DOCUMENTS=cookie)', () => {
  it("a session cookie runs a dashboard document sent as the dashboard sends it: Apollo's text with the hash of codegen's", async () => {
    const me = docs.MeDocument!;
    const r = await post({ query: asApolloSends(me), extensions: claim(me.__meta__!.hash) }, { cookie: head });
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ me: { username: 'head', __typename: 'User' } });
  });

  it('a session cookie may send the hash alone: the manifest text runs', async () => {
    const r = await post({ extensions: claim(docs.MeDocument!.__meta__!.hash) }, { cookie: head });
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ me: { username: 'head' } });
  });

  it('a session cookie sending any other document is refused with TRUSTED_DOCUMENT_REQUIRED (403) and nothing runs', async () => {
    const r = await post(createDepartment('td_cookie'), { cookie: head });
    expect(r.status).toBe(403);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(await departmentCodes()).not.toContain('td_cookie');
    // The dashboard's own text without its hash is not taken on trust either.
    const bare = await post({ query: asApolloSends(docs.MeDocument!) }, { cookie: head });
    expect({ status: bare.status, code: bare.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'TRUSTED_DOCUMENT_REQUIRED' });
  });

  it('a bearer token runs any document, and so does an anonymous caller', async () => {
    const r = await post(createDepartment('td_token'), { bearer: head });
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ createDepartment: { code: 'td_token' } });
    expect(await departmentCodes()).toContain('td_token');
    const anonymous = await post({ query: '{ __typename me { id } }' });
    expect(anonymous).toMatchObject({ status: 200, data: { __typename: 'Query', me: null } });
  });

  it('a hash that names a dashboard document sent with another text is refused with TRUSTED_DOCUMENT_MISMATCH (400), with a cookie or a token', async () => {
    const hash = docs.MeDocument!.__meta__!.hash;
    for (const auth of [{ cookie: head }, { bearer: head }]) {
      const r = await post({ ...createDepartment('td_mismatch'), extensions: claim(hash) }, auth);
      expect({ auth: Object.keys(auth)[0], status: r.status, code: r.errors?.[0]?.extensions?.code }).toEqual({ auth: Object.keys(auth)[0], status: 400, code: 'TRUSTED_DOCUMENT_MISMATCH' });
    }
    expect(await departmentCodes()).not.toContain('td_mismatch');
  });
});

describe('trusted documents over WebSocket (TRUSTED_DOCUMENTS=cookie)', () => {
  let ws: Client;
  beforeAll(() => {
    // The dashboard's socket: the session cookie, from the server's own origin.
    const origin = app.url;
    ws = createClient({
      url: `${app.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string | string[]) {
          super(url, protocols, { headers: { cookie: `${SESSION_COOKIE}=${head}`, origin } });
        }
      },
      retryAttempts: 0,
    });
  });
  afterAll(async () => ws?.dispose());

  const run = (payload: { query: string; extensions?: Record<string, unknown> }) =>
    new Promise<GqlResult>((resolve) => {
      let result: GqlResult = {};
      ws.subscribe(payload, {
        next: (value) => (result = value as GqlResult),
        error: (errors) => resolve({ errors: errors as GqlResult['errors'] }),
        complete: () => resolve(result),
      });
    });

  it("a cookie socket runs the dashboard's documents and is refused any other with TRUSTED_DOCUMENT_REQUIRED", async () => {
    const me = docs.MeDocument!;
    expect(await run({ query: asApolloSends(me), extensions: claim(me.__meta__!.hash) })).toMatchObject({ data: { me: { username: 'head' } } });
    const other = await run(createDepartment('td_socket'));
    expect(other.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(await departmentCodes()).not.toContain('td_socket');
  });
});

describe('the normal form of a document', () => {
  let trusted: TrustedDocuments;
  beforeAll(() => {
    trusted = loadTrustedDocuments({ mode: 'cookie', manifest: MANIFEST, webDist: '/nonexistent', maxTokens: 3_000 });
  });

  it('admits every operation of the dashboard as Apollo sends it, with its hash', () => {
    const operations = Object.entries(docs).filter(
      ([name, d]) => name.endsWith('Document') && d?.kind === Kind.DOCUMENT && d.definitions.some((x) => x.kind === Kind.OPERATION_DEFINITION),
    );
    expect(operations.length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const [name, d] of operations) {
      try {
        admitDocument(trusted, { query: asApolloSends(d), extensions: claim(d.__meta__!.hash) }, true);
      } catch (e) {
        refused.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('ignores layout, __typename and the order of fields, arguments and variables; keeps the order of a mutation’s fields', () => {
    expect(normalForm('query Q($b: Int, $a: Int) { x(b: $b, a: $a) { __typename z y } }')).toBe(normalForm('query Q($a: Int,$b: Int){x(a:$a,b:$b){y z}}'));
    expect(normalForm('{ items(first: 1) { nodes { id } } }')).not.toBe(normalForm('{ items(first: 100) { nodes { id } } }'));
    expect(normalForm('mutation { a: signOut b: markNotificationsRead }')).not.toBe(normalForm('mutation { b: markNotificationsRead a: signOut }'));
  });
});

describe('starting with TRUSTED_DOCUMENTS=cookie', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otklik-td-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to start with a dashboard built without its manifest, or with a named manifest that is missing', async () => {
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    expect(() => loadTrustedDocuments({ mode: 'cookie', manifest: undefined, webDist: dir, maxTokens: 3_000 })).toThrow(/TRUSTED_DOCUMENTS=cookie needs/);
    expect(() => loadTrustedDocuments({ mode: 'cookie', manifest: join(dir, 'none.json'), webDist: '/nonexistent', maxTokens: 3_000 })).toThrow(/TRUSTED_DOCUMENTS=cookie needs/);
  });

  it('starts the API alone (no dashboard build) with no document a session cookie may run', () => {
    const alone = loadTrustedDocuments({ mode: 'cookie', manifest: undefined, webDist: join(dir, 'no-build'), maxTokens: 3_000 });
    expect(alone.manifest).toBeNull();
    expect(() => admitDocument(alone, { query: '{ me { username } }' }, true)).toThrow();
    expect(admitDocument(alone, { query: '{ me { username } }' }, false)).toBeTruthy();
  });
});

