import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;

/** What Apollo Server's CSRF prevention answers (@apollo/server, preventCsrf). */
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header " +
  '(with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty ' +
  'value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n';

let head: string;
beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
});
afterAll(async () => t?.stop());

describe('HTTP', () => {
  it('GET /healthz (liveness) answers 200 with the database up; GET /readyz (readiness) 200 when it is reachable and migrated', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a cross-site simple POST (%s) with a session cookie: 400 with the CSRF error, and the mutation is not run',
    async (contentType) => {
      const code = `csrf_${contentType.split(/[/;]/)[1]!.replace(/\W/g, '_')}`;
      const post = (type: string) =>
        fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': type, cookie: `otklik_session=${head}` },
          body: JSON.stringify({ query: `mutation { createDepartment(input: { code: "${code}", name: "Отдел CSRF", kind: ADMIN_UNIT }) { code } }` }),
        });
      const departments = async () =>
        (await t.orm.em.fork().getConnection().execute('select count(*)::int as n from department where code = ?', [code]))[0].n as number;

      const res = await post(contentType);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
      expect(await departments()).toBe(0);

      // The same request as JSON (which a cross-site form cannot send) runs: the refusal above was the CSRF check.
      const json = await post('application/json');
      expect(json.status).toBe(200);
      expect(await json.json()).toEqual({ data: { createDepartment: { code } } });
      expect(await departments()).toBe(1);
    },
  );

  it('a GraphQL answer (a viewer\'s own data) tells every cache on the way not to keep it: Cache-Control no-store', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ data: { me: { username: 'head' } } });
  });

  it('gives a coded error for a malformed query', async () => {
    const r = await t.gql('{ departments { ');
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('the dashboard’s pages', () => {
  it('every page address, /reports and /problems included, gets the dashboard; files, reports and exports under their prefixes do not', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../src/config.js');
    const { startApp } = await import('../src/app.js');
    const dist = await mkdtemp(join(tmpdir(), 'otklik-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Отклик</title>');
    const app = await startApp({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', DATABASE_URL: t.dbUrl, DATA_DIR: t.dataDir, WEB_DIST: dist, LOG_LEVEL: 'error', STOP_GRACE_MS: '0' }), orm: t.orm });
    try {
      for (const page of ['/', '/reports', '/problems', '/problems/abc', '/wall', '/items/123', '/analytics/targets']) {
        const res = await fetch(`${app.url}${page}`);
        expect({ page, status: res.status, type: res.headers.get('content-type') }).toEqual({ page, status: 200, type: expect.stringMatching(/text\/html/) });
      }
      for (const path of ['/reports/7d0b7f4e-0000-4000-8000-00000000abcd.pdf', '/files/7d0b7f4e-0000-4000-8000-00000000abcd', '/exports/items.csv']) {
        const res = await fetch(`${app.url}${path}`);
        expect({ path, html: /text\/html/.test(res.headers.get('content-type') ?? '') }).toEqual({ path, html: false });
      }
    } finally {
      await app.stop();
      await rm(dist, { recursive: true, force: true });
    }
  });
});
