import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { serverAudits, type AuditResult } from 'graphql-http';
import { loadConfig } from '../src/config.js';
import { startApp, type RunningApp } from '../src/app.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The GraphQL over HTTP specification as graphql-http audits a server (`serverAudits`): every audit runs against the
 * real server over real HTTP, and no requirement (an audit whose name starts with MUST) may fail. SHOULD and MAY
 * audits are recommendations and are not asserted. Audited twice: as the tests run it (development defaults, as an
 * anonymous caller) and with the production defaults (trusted documents; introspection and hints for the signed-in
 * only) as a caller with a bearer token: several audits query `__type`, which production refuses to anonymous callers
 * by design (introspection.test.ts).
 */

let t: TestApp;
let production: RunningApp;
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
      TRUSTED_DOCUMENTS_MANIFEST: fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url)),
    }),
    orm: t.orm,
    now: t.clock.now,
  });
});
afterAll(async () => {
  await production?.stop();
  await t?.stop();
});

/** Every audit, one after another; the MUST audits that did not pass, each with its reason and the answer. */
async function failedRequirements(url: string, token?: string): Promise<string[]> {
  const fetchFn: typeof fetch = (input, init) =>
    fetch(input, token ? { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: `Bearer ${token}` } } : init);
  const audits = serverAudits({ url: `${url}/graphql`, fetchFn });
  expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
  const results: AuditResult[] = [];
  for (const audit of audits) results.push(await audit.fn());
  const failed: string[] = [];
  for (const r of results) {
    if (!r.name.startsWith('MUST') || r.status === 'ok') continue;
    failed.push(`${r.name}: ${r.reason} (HTTP ${r.response.status}: ${(await r.response.text()).slice(0, 200)})`);
  }
  return failed;
}

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it('no MUST audit of graphql-http fails against POST and GET /graphql', async () => {
    const failed = await failedRequirements(t.url);
    expect(failed, failed.join('\n')).toEqual([]);
  });

  it('no MUST audit fails with the production defaults either, for a caller with a bearer token', async () => {
    const failed = await failedRequirements(production.url, await t.signInAs('analyst'));
    expect(failed, failed.join('\n')).toEqual([]);
  });
});
