import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Rate limits, the cap on requests in progress and the statement timeout (docs/security.md, "Rate limits and
 * timeouts"), on real servers: one with a small budget per client (3 a second, 4 more within a minute) and a statement
 * timeout of a second, one with at most 2 requests of a client at once.
 */

const BUDGET = { perSecond: 3, burst: 4 };
let limited: TestApp;
let guarded: TestApp;
const tokens: Record<string, string> = {};
const clients: Client[] = [];

type Answer = { status: number; retryAfter: string | null; body: GqlResult & { error?: { code: string; retryAfter?: number } } };

/** One POST to /graphql with its status and Retry-After; `from` is the client address a local proxy forwards. */
async function post(t: TestApp, query: string, options: { token?: string; from?: string; variables?: Record<string, unknown> } = {}): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

/** Signs in from an address of its own, so that the sign-ins (anonymous requests) do not spend one address's budget. */
async function signIn(t: TestApp, username: string, from: string): Promise<string> {
  const r = await post(t, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { from, variables: { u: username, p: t.password } });
  const token = (r.body.data as { signIn?: { token: string } } | null)?.signIn?.token;
  if (!token) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.body.errors)}`);
  return token;
}

const refused = (a: Answer) => a.status === 429;
const answered = (a: Answer) => a.status === 200 && !a.body.errors;

/** A refusal as the client sees it: 429, Retry-After in seconds, RATE_LIMITED with the same seconds. */
function expectRateLimited(a: Answer, seconds = 1): void {
  expect(a.status).toBe(429);
  expect(a.retryAfter).toBe(String(seconds));
  expect(a.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: seconds });
}

const CREATE = 'mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }';

beforeAll(async () => {
  limited = await startTestApp({
    env: { RATE_LIMIT_PER_SECOND: String(BUDGET.perSecond), RATE_LIMIT_BURST: String(BUDGET.burst), RATE_LIMIT_CONCURRENT: '0', DB_STATEMENT_TIMEOUT_MS: '1000' },
  });
  const people = ['head', 'analyst', 'curator', 'sector_lead', 'executor', 'incident_manager'];
  for (const [i, username] of people.entries()) tokens[username] = await signIn(limited, username, `198.51.100.${i + 1}`);
  tokens.sectorLeadAgain = await signIn(limited, 'sector_lead', '198.51.100.99');
  const created = await post(limited, 'mutation { createApiToken(input: { name: "лимиты", kind: INTEGRATOR, scopes: [ORG_READ] }) { token } }', { token: tokens.head });
  tokens.integrator = (created.body.data as { createApiToken: { token: string } }).createApiToken.token;
  // A statement that would run for half a minute, for the statement timeout to stop.
  await limited.orm.em.fork().getConnection().execute(`
    create function slow_item() returns trigger language plpgsql as $$
    begin
      if new.text like '%[долго]%' then perform pg_sleep(30); end if;
      return new;
    end $$;
    create trigger slow_item before insert on item for each row execute function slow_item();`);

  guarded = await startTestApp({ env: { RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_CONCURRENT: '2', DB_STATEMENT_TIMEOUT_MS: '60000' } });
  // An item whose text says so waits for an advisory lock the test holds: a request kept in progress at will.
  await guarded.orm.em.fork().getConnection().execute(`
    create function held_item() returns trigger language plpgsql as $$
    begin
      if new.text like '%[ждать]%' then perform pg_advisory_xact_lock_shared(4242); end if;
      return new;
    end $$;
    create trigger held_item before insert on item for each row execute function held_item();`);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await limited?.stop();
  await guarded?.stop();
});

describe('rate limits over HTTP', () => {
  it('a burst beyond the budget: the sustained rate and the burst pass, the rest get 429 with Retry-After and RATE_LIMITED with retryAfter; another person is unaffected', async () => {
    const all = await Promise.all(Array.from({ length: 12 }, () => post(limited, '{ me { username } }', { token: tokens.analyst })));
    expect(all.filter(answered)).toHaveLength(BUDGET.perSecond + BUDGET.burst);
    expect(all.filter(refused)).toHaveLength(12 - BUDGET.perSecond - BUDGET.burst);
    for (const a of all.filter(refused)) expectRateLimited(a);
    expect((await post(limited, '{ me { username } }', { token: tokens.head })).body).toEqual({ data: { me: { username: 'head' } } });
  });

  it('the budget comes back once its one-second window has passed', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => post(limited, '{ me { username } }', { token: tokens.curator })));
    expect(all.filter(refused)).toHaveLength(1);
    expectRateLimited(await post(limited, '{ me { username } }', { token: tokens.curator }));
    await vi.waitFor(async () => expect((await post(limited, '{ me { username } }', { token: tokens.curator })).status).toBe(200), { timeout: 5_000, interval: 100 });
  });

  it('every session of one person spends one budget; an API token has its own, apart from the person who made it', async () => {
    const [first, second, token] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => post(limited, '{ me { username } }', { token: tokens.sector_lead }))),
      Promise.all(Array.from({ length: 6 }, () => post(limited, '{ me { username } }', { token: tokens.sectorLeadAgain }))),
      Promise.all(Array.from({ length: BUDGET.perSecond }, () => post(limited, '{ departments { id } }', { token: tokens.integrator }))),
    ]);
    expect([...first, ...second].filter(answered)).toHaveLength(BUDGET.perSecond + BUDGET.burst);
    expect([...first, ...second].filter(refused)).toHaveLength(12 - BUDGET.perSecond - BUDGET.burst);
    expect(token.filter(answered)).toHaveLength(BUDGET.perSecond);
  });

  it('requests without credentials are counted per client address', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => post(limited, '{ __typename }', { from: '203.0.113.50' })));
    expect(all.filter(refused)).toHaveLength(10 - BUDGET.perSecond - BUDGET.burst);
    for (const a of all.filter(refused)) expectRateLimited(a);
    expect((await post(limited, '{ __typename }', { from: '203.0.113.51' })).status).toBe(200);
  });

  it('the file routes spend the same budget and refuse with 429, Retry-After and their { error } with RATE_LIMITED', async () => {
    const token = tokens.incident_manager;
    const all = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const res = await fetch(`${limited.url}/files/${randomUUID()}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: { code: string; retryAfter?: number } } };
      }),
    );
    expect(all.filter((a) => a.status === 404)).toHaveLength(BUDGET.perSecond + BUDGET.burst);
    const over = all.filter((a) => a.status === 429);
    expect(over).toHaveLength(10 - BUDGET.perSecond - BUDGET.burst);
    for (const a of over) {
      expect(a.retryAfter).toBe('1');
      expect(a.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    }
    // The same person's budget: GraphQL is refused too until the window passes.
    expectRateLimited(await post(limited, '{ me { username } }', { token }));
  });
});

describe('rate limits over graphql-ws', () => {
  /** One operation on the socket: its result, or the errors of an `error` message. */
  function run(client: Client, query: string): Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }> {
    return new Promise((resolve, reject) => {
      let result: { data?: unknown; errors?: readonly GraphQLFormattedError[] } = {};
      client.subscribe(
        { query },
        {
          next: (v) => (result = v as typeof result),
          error: (e) => (Array.isArray(e) ? resolve({ errors: e as GraphQLFormattedError[] }) : reject(e instanceof Error ? e : new Error(`socket closed: ${String((e as { code?: number }).code)}`))),
          complete: () => resolve(result),
        },
      );
    });
  }

  it('a flood of subscribe messages on one socket: those over the budget are refused with RATE_LIMITED and retryAfter', async () => {
    const client = createClient({
      url: limited.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens.executor}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const all = await Promise.all(Array.from({ length: 12 }, () => run(client, '{ me { username } }')));
    expect(all.filter((r) => r.data)).toEqual(Array.from({ length: BUDGET.perSecond + BUDGET.burst }, () => ({ data: { me: { username: 'executor' } } })));
    const over = all.filter((r) => r.errors);
    expect(over).toHaveLength(12 - BUDGET.perSecond - BUDGET.burst);
    for (const r of over) expect(r.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 1 });
  });
});

describe('the statement timeout', () => {
  it('a request whose statement runs past DB_STATEMENT_TIMEOUT_MS gets QUERY_TIMEOUT, without SQL, and nothing is stored', async () => {
    const r = await post(limited, CREATE, { token: tokens.head, variables: { t: 'Нет света [долго]' } });
    expect(codeOf(r.body)).toBe('QUERY_TIMEOUT');
    expect(r.body.errors?.[0]?.message).not.toMatch(/insert|pg_sleep|canceling|statement timeout/i);
    const [row] = await limited.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from item where text like '%[долго]%'`);
    expect(Number(row!.n)).toBe(0);
  });

  it('the server’s own pool (migrations, the seed, jobs) has no statement timeout', async () => {
    const [row] = await limited.orm.em.fork().getConnection().execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(row!.statement_timeout).toBe('0');
  });
});

describe('requests in progress', () => {
  it('one person firing 30 slow requests: 2 run, 28 are refused at once with 429; meanwhile another person’s `me`, a sign-in, /readyz and /healthz answer', async () => {
    const head = await guarded.signInAs('head');
    const analyst = await guarded.signInAs('analyst');
    const lock = new pg.Client({ connectionString: guarded.dbUrl });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock(4242)');
      const settled: Answer[] = [];
      const slow = Array.from({ length: 30 }, (_, i) =>
        post(guarded, CREATE, { token: head, variables: { t: `Медленная запись ${i} [ждать]` } }).then((a) => {
          settled.push(a);
          return a;
        }),
      );
      await vi.waitFor(() => expect(settled).toHaveLength(28), { timeout: 10_000, interval: 20 });
      for (const a of settled) expectRateLimited(a);
      // The two that run are inside the database, each holding a connection of the request pool, waiting (for the lock,
      // or the second for the first's item number).
      await vi.waitFor(
        async () => {
          const waiting = await lock.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'otklik-requests' and wait_event_type = 'Lock'`);
          expect(waiting.rows[0]!.n).toBe(2);
        },
        { timeout: 10_000, interval: 20 },
      );

      expect((await post(guarded, '{ me { username } }', { token: analyst })).body).toEqual({ data: { me: { username: 'analyst' } } });
      expect(await guarded.signInAs('curator')).toMatch(/^ots_/);
      expect((await fetch(`${guarded.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
      expect(settled).toHaveLength(28);

      await lock.query('select pg_advisory_unlock(4242)');
      const ran = (await Promise.all(slow)).filter((a) => a.status === 200);
      expect(ran).toHaveLength(2);
      for (const a of ran) expect((a.body.data as { createItem: { id: string } }).createItem.id).toEqual(expect.any(String));
      // Their places are given back: the person may run two at once again.
      const again = await Promise.all([0, 1].map((i) => post(guarded, CREATE, { token: head, variables: { t: `Снова ${i}` } })));
      expect(again.map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await lock.end();
    }
  });
});
