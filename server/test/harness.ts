import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';
import { createAppPubSub, type AppPubSub, type Topics } from '../src/graphql/pubsub.js';
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
 * The app's pubsub, the same as `createAppPubSub()`, on an event target that counts its listeners: a subscription's
 * listener is added when the server starts listening for its events, so `listening(topic)` says when a published event
 * will reach it (wait for that instead of sleeping).
 */
export function observedPubSub(): { pubsub: AppPubSub; listening: (topic: keyof Topics) => number } {
  const live = new Map<string, number>();
  class CountingTarget extends EventTarget {
    override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
      super.addEventListener(...args);
      if (args[1]) live.set(args[0], (live.get(args[0]) ?? 0) + 1);
    }
    override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
      super.removeEventListener(...args);
      if (args[1]) live.set(args[0], (live.get(args[0]) ?? 0) - 1);
    }
  }
  const pubsub = createPubSub<Topics>({ eventTarget: new CountingTarget() as never }) as AppPubSub;
  return { pubsub, listening: (topic) => live.get(topic) ?? 0 };
}

/**
 * A real server over real HTTP and WebSocket, on a free port, with its own copy of the seeded database.
 * `options.pubsub`: the pubsub the server uses (default: a new one, as in production).
 */
export async function startTestApp(options: { pubsub?: AppPubSub } = {}) {
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
    /** The server's event bus: tests may publish an event as a service would after a commit. */
    pubsub,
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
