import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import PgBoss from 'pg-boss';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { QUEUES } from '../src/jobs/scheduler.js';
import { CLOSED_STATUSES } from '../src/modules/items/lifecycle.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/**
 * GET /metrics: who may read it, and that each figure of docs/operations.md "Metrics" is there and moves with what
 * the server does.
 */

const METRICS_TOKEN = 'metrics-test-token-0123456789abcdefghij';
/** Two items are registered at CREATED; at LATER, a year on, the server's instant, their clocks are overdue. */
const CREATED = '2026-03-02T10:00:00+03:00';
const LATER = '2027-03-02T10:00:00+03:00';

let t: TestApp;
let head: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestApp({ env: { METRICS_TOKEN } });
  t.clock.set(CREATED);
  const registrar = await t.signInAs('head');
  for (const text of ['Не горит фонарь у школы', 'Яма на дороге у моста']) {
    const r = await t.gql('mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }', { t: text }, registrar);
    expect(r.errors).toBeUndefined();
  }
  t.clock.set(LATER);
  head = await t.signInAs('head');
  // pg-boss's schema with one job waiting in the reports queue (no worker runs in tests), before the first scrape.
  const boss = new PgBoss({ connectionString: t.dbUrl, schema: 'pgboss', max: 1, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    await boss.createQueue(QUEUES.reports);
    await boss.send(QUEUES.reports, {});
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

async function scrape(authorization = `Bearer ${METRICS_TOKEN}`): Promise<string> {
  const res = await fetch(`${t.url}/metrics`, { headers: { authorization } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a Prometheus text (no escaped quotes occur in our label values). */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
      if (!m) throw new Error(`not a sample: ${l}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

/** The value of the one sample of `name` with exactly `labels`; undefined when there is none. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples(text).filter((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === JSON.stringify(Object.entries(labels).sort()));
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

function wsClient(token: string): Client {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

describe('GET /metrics: who may read it', () => {
  it('refuses an anonymous request with 401 UNAUTHENTICATED in JSON and a WWW-Authenticate header', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('refuses a wrong bearer secret with 401 UNAUTHENTICATED', async () => {
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signed-in head (no METRICS_READ) with 403 FORBIDDEN', async () => {
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${head}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('answers the Prometheus text for METRICS_TOKEN and for the regional reader (METRICS_READ)', async () => {
    expect(await scrape()).toContain('# TYPE otklik_graphql_requests_total counter');
    const region = await t.signInAs('region');
    expect(await scrape(`Bearer ${region}`)).toContain('# TYPE otklik_graphql_requests_total counter');
  });
});

describe('GET /metrics: the figures', () => {
  it('counts and times an operation just run, by its name, type and transport', async () => {
    const labels = { operation: 'MetricsProbe', type: 'query', transport: 'http' };
    const before = valueOf(await scrape(), 'otklik_graphql_requests_total', labels) ?? 0;
    const r = await t.gql('query MetricsProbe { me { username } }', {}, head);
    expect(r.errors).toBeUndefined();
    const after = await scrape();
    expect(valueOf(after, 'otklik_graphql_requests_total', labels)).toBe(before + 1);
    expect(valueOf(after, 'otklik_graphql_request_duration_seconds_count', { operation: 'MetricsProbe', type: 'query' })).toBe(before + 1);
    expect(valueOf(after, 'otklik_graphql_request_duration_seconds_bucket', { operation: 'MetricsProbe', type: 'query', le: '+Inf' })).toBe(before + 1);
  });

  it('counts a coded error just caused by its code', async () => {
    const before = valueOf(await scrape(), 'otklik_graphql_errors_total', { code: 'FORBIDDEN' }) ?? 0;
    const analyst = await t.signInAs('analyst');
    const r = await t.gql('query MetricsRefused { users { id } }', {}, analyst);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(valueOf(await scrape(), 'otklik_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(before + 1);
  });

  it('labels an operation name that is too long as "other" and one without a name as "anonymous"', async () => {
    const long = `Q${'x'.repeat(80)}`;
    await t.gql(`query ${long} { me { username } }`, {}, head);
    await t.gql('{ me { username } }', {}, head);
    const text = await scrape();
    expect(text).not.toContain(long);
    expect(valueOf(text, 'otklik_graphql_requests_total', { operation: 'other', type: 'query', transport: 'http' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'otklik_graphql_requests_total', { operation: 'anonymous', type: 'query', transport: 'http' })).toBeGreaterThanOrEqual(1);
  });

  it('counts HTTP requests by route class and status', async () => {
    const before = valueOf(await scrape(), 'otklik_http_requests_total', { route: 'metrics', status: '401' }) ?? 0;
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect(valueOf(await scrape(), 'otklik_http_requests_total', { route: 'metrics', status: '401' })).toBe(before + 1);
  });

  it('shows an open WebSocket and its subscription while they last: 1 then 0', async () => {
    const text = await scrape();
    expect(valueOf(text, 'otklik_websocket_connections')).toBe(0);
    expect(valueOf(text, 'otklik_subscriptions')).toBe(0);
    const client = wsClient(head);
    const events = client.iterate({ query: 'subscription MetricsWatch { organisationChanged { entityId } }' });
    events.next().catch(() => undefined);
    await vi.waitFor(
      async () => {
        const now = await scrape();
        expect(valueOf(now, 'otklik_websocket_connections')).toBe(1);
        expect(valueOf(now, 'otklik_subscriptions')).toBe(1);
      },
      { timeout: 5_000, interval: 50 },
    );
    expect(valueOf(await scrape(), 'otklik_graphql_requests_total', { operation: 'MetricsWatch', type: 'subscription', transport: 'ws' })).toBe(1);
    await client.dispose();
    await vi.waitFor(
      async () => {
        const now = await scrape();
        expect(valueOf(now, 'otklik_websocket_connections')).toBe(0);
        expect(valueOf(now, 'otklik_subscriptions')).toBe(0);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it('shows each connection pool: used, free and pending connections, and its largest size', async () => {
    const text = await scrape();
    for (const pool of ['requests', 'system']) {
      for (const state of ['used', 'free', 'pending']) {
        const v = valueOf(text, 'otklik_db_pool_connections', { pool, state });
        expect(Number.isInteger(v) && v! >= 0, `${pool} ${state}: ${v}`).toBe(true);
      }
      expect(valueOf(text, 'otklik_db_pool_max', { pool })).toBeGreaterThan(0);
    }
    expect(valueOf(text, 'otklik_database_up')).toBe(1);
  });

  it('shows the depth of every job queue: the one waiting job in its queue, none in the others', async () => {
    const text = await scrape();
    for (const queue of Object.values(QUEUES)) {
      expect(valueOf(text, 'otklik_job_queue_depth', { queue }), queue).toBe(queue === QUEUES.reports ? 1 : 0);
    }
  });

  it('shows the open overdue items of each municipality, as the database counts them at the server’s instant', async () => {
    const rows: { code: string; n: number }[] = await t.orm.em.fork().getConnection().execute(
      `select m.code, count(i.id)::int as n from municipality m
       left join item i on i.municipality_id = m.id and i.status not in (${CLOSED_STATUSES.map(() => '?').join(', ')})
         and i.paused_at is null and i.due_at < ?
       group by m.code`,
      [...CLOSED_STATUSES, new Date(LATER)],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.n > 0)).toBe(true);
    const text = await scrape();
    for (const r of rows) expect(valueOf(text, 'otklik_items_overdue', { municipality: r.code }), r.code).toBe(r.n);
  });

  it('carries only the documented labels, so no personal data or municipality text can be in it', async () => {
    await t.gql('query MetricsProbe { me { username fullName } }', {}, head);
    const text = await scrape();
    const allowed = new Set(['operation', 'type', 'transport', 'code', 'route', 'status', 'pool', 'state', 'queue', 'municipality', 'le']);
    const ours = samples(text).filter((s) => s.name.startsWith('otklik_'));
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) for (const label of Object.keys(s.labels)) expect(allowed, `${s.name}{${label}}`).toContain(label);
    // The head's name, which the query above returned, is nowhere.
    const me = await t.gql<{ me: { fullName: string } }>('{ me { fullName } }', {}, head);
    expect(text).not.toContain(me.data!.me.fullName);
  });
});
