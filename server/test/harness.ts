import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';
import { createAppPubSub, type AppPubSub, type HubTopic, type SharedTopic, type Topics } from '../src/graphql/pubsub.js';
import type { Orm } from '../src/db/orm.js';
import { createTestDatabase } from './db.js';

export type GqlResult<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
};

/** The clock the server reads; tests move it to reach any instant. */
export class TestClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;
  now = (): Date => new Date((this.frozenAt ?? Date.now()) + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** From now on the clock reads `iso` and stands still (until `advance` or another `set`). */
  set(iso: string): void {
    this.frozenAt = new Date(iso).getTime();
    this.offsetMs = 0;
  }
}

/**
 * The app's pubsub, as `createAppPubSub()`, with a count of its listeners: a subscription's listener is added when
 * the server starts listening for its events, so `listening(topic)` says when an event delivered from then on will
 * reach it (wait for that instead of sleeping).
 */
export function observedPubSub(): { pubsub: AppPubSub; listening: (topic: HubTopic) => number } {
  const pubsub = createAppPubSub();
  return { pubsub, listening: (topic) => pubsub.listenerCount(topic) };
}

/**
 * A real server over real HTTP and WebSocket, on a free port, with its own copy of the seeded database.
 * `options.pubsub`: the pubsub the server uses (default: a new one, as in production); `options.env`: settings
 * (as in .env.example) over the test defaults, e.g. low rate limits.
 */
export async function startTestApp(options: { pubsub?: AppPubSub; env?: Record<string, string> } = {}) {
  const db = await createTestDatabase();
  const clock = new TestClock();
  const dataDir = await mkdtemp(join(tmpdir(), 'otklik-app-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    // A test stops its server once every request has had its answer: nothing to wait for.
    STOP_GRACE_MS: '0',
    ...options.env,
  });
  const pubsub = options.pubsub ?? createAppPubSub();
  const app = await startApp({ config, orm: db.orm, now: clock.now, pubsub });
  const password = inject('testPassword');

  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  async function signInAs(username: string, pwd = password): Promise<string> {
    const r = await gql<{ signIn: { token: string } }>(
      'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }',
      { u: username, p: pwd },
    );
    if (!r.data?.signIn) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.signIn.token;
  }

  return {
    url: app.url,
    /** The server's in-process fan-out (events reach it from the database through `bus`). */
    pubsub,
    /** The server's live bus (modules/live/live-bus.ts). */
    bus: app.bus,
    dbUrl: db.url,
    orm: db.orm as Orm,
    clock,
    password,
    /** DATA_DIR of this server (removed by `stop`). */
    dataDir,
    /** Where this server keeps uploaded files (FILES_DIR: `DATA_DIR/files`). */
    filesDir: config.filesDir,
    gql,
    signInAs,
    /**
     * Commits a live event as a service's change would (modules/live/outbox.ts): a row in `live_event`, numbered and
     * announced at commit, delivered by the bus to every instance.
     */
    emitLive: async <K extends SharedTopic>(topic: K, payload: Topics[K][0]): Promise<void> => {
      await db.orm.em.fork().getConnection().execute(
        `insert into live_event (topic, municipality_id, payload, at) values (?, ?, ?::jsonb, now())`,
        [topic, (payload as { municipalityId?: string }).municipalityId ?? null, JSON.stringify(payload)],
      );
    },
    stop: async () => {
      await app.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export function codeOf(r: GqlResult): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}
