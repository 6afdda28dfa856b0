/**
 * The Otklik side of the live benchmark (bench/live.ts forks it; not run by hand): a throw-away embedded
 * PostgreSQL, the migrations, the demo district without items, then the real app (`startApp`, the same HTTP and
 * graphql-ws server as production, without the job scheduler) on a free port. It sends `{ type: 'ready', url }` and
 * then answers the bench over IPC (bench/live-child.ts): its memory after a forced gc, how many subscriptions
 * listen for item events, and when an event reached its pubsub (`published`). In a process of its own, so that
 * its memory per connection is not mixed with the clients' sockets. LIVE_LOG_LEVEL (error) is the server's log
 * level; LIVE_TRACE=1 prints each event as the bus publishes it.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/index.js';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';
import { setLogLevel } from '../src/shared/logger.js';
import { answerParent } from './live-child.js';

const password = process.env.LIVE_PASSWORD ?? 'bench-password';
const level = (process.env.LIVE_LOG_LEVEL ?? 'error') as 'debug' | 'info' | 'warn' | 'error';
setLogLevel(level);
const dataDir = await mkdtemp(join(tmpdir(), 'otklik-bench-live-'));
// A port the system says is free now (a random one may be another run's that is still stopping).
const port = await new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address() as AddressInfo;
    probe.close(() => resolve(address.port));
  });
});
const pg = await startEmbeddedPostgres(dataDir, port).catch(async (e: unknown) => {
  await rm(dataDir, { recursive: true, force: true });
  throw e;
});
const orm = await openOrm(pg.url);
let stopApp: () => Promise<void> = async () => undefined;
const cleanup = async () => {
  await stopApp().catch(() => undefined);
  await orm.close().catch(() => undefined);
  await pg.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
};
try {
  await migrate(orm);
  await seedDemoIfEmpty(orm, { password, items: 0 });
  // Cursors may start at LIVE_CURSOR_START (as in an installation that has run for a while); from 0 by default, so
  // the run crosses 9 → 10 and 99 → 100, which a text ordering of cursors once got wrong (docs/benchmarks.md).
  const cursorStart = Number(process.env.LIVE_CURSOR_START ?? 0);
  if (cursorStart > 0) await orm.em.fork().getConnection().execute(`select setval('live_event_cursor_seq', ${cursorStart})`);
  const config = loadConfig({ PORT: '0', RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_CONCURRENT: '0', DATABASE_URL: pg.url, DATA_DIR: dataDir, LOG_LEVEL: level });
  const app = await startApp({ config, orm });
  stopApp = app.stop;
  // When each event reached this instance's pubsub (the bus read it after the commit), wall-clock ms, by item and
  // type: the bench splits the delivery time into "until the bus published it" and "from there to the client".
  const published = new Map<string, number>();
  app.pubsub.on('ITEM_EVENT', (e) => {
    published.set(`${e.itemId} ${e.type}`, performance.timeOrigin + performance.now());
    if (process.env.LIVE_TRACE) console.error(`[server] ${new Date().toISOString()} published ${e.cursor} ${e.type} ${e.itemId}`);
  });
  answerParent(
    {
      listeners: () => app.pubsub.listenerCount('ITEM_EVENT') - 1,
      published: (key) => {
        const at = published.get(key as string) ?? null;
        published.clear();
        return at;
      },
    },
    cleanup,
  );
  process.send!({ type: 'ready', url: app.url });
} catch (e) {
  console.error(e);
  await cleanup();
  process.exit(1);
}
