import 'reflect-metadata';
import { loadConfig, ConfigError, type Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.js';
import { migrate, openOrm, type Orm } from './db/orm.js';
import { seedDemoIfEmpty } from './db/seed/index.js';
import { backfillSpeed } from './db/backfill.js';
import { demoAccounts } from './db/seed/district.js';
import { startApp, type RunningApp } from './app.js';
import { createAppPubSub } from './graphql/pubsub.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { logger, safeError, setLogLevel } from './shared/logger.js';

/** config -> database -> migrations -> seed -> scheduler -> HTTP + WebSocket server. Stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  setLogLevel(config.logLevel);

  let embedded: EmbeddedServer | undefined;
  let orm: Orm | undefined;
  let app: RunningApp | undefined;
  let scheduler: Scheduler | undefined;
  let stopping = false;
  /**
   * On SIGTERM or Ctrl+C, in this order: stop accepting connections and let the requests already accepted finish,
   * close WebSockets with "going away" (1001) and let running jobs finish, all within STOP_GRACE_MS; then the pool;
   * last the embedded database. Exits 0 when done, 1 if it could not stop in time.
   */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping (requests, sockets and jobs have ${config.stopGraceMs} ms to finish)`);
    const hard = setTimeout(() => {
      logger.error('could not stop in time: exiting');
      process.exit(1);
    }, config.stopGraceMs + 15_000);
    hard.unref();
    const logged = (e: unknown) => logger.error('stopping', safeError(e));
    await Promise.all([app?.stop().catch(logged), scheduler?.stop().catch(logged)]);
    await orm?.close().catch(logged);
    await embedded?.stop().catch(logged);
    logger.info('stopped');
    process.exit(0);
  };
  // The embedded database's library no longer hooks these signals (db/embedded.ts): the order is the server's.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    databaseUrl = embedded.url;
    logger.info(`embedded PostgreSQL on port ${config.embeddedPgPort}, data in ${config.dataDir}`);
  }
  orm = await openOrm(databaseUrl);
  const applied = await migrate(orm);
  if (applied.length) logger.info(`applied migrations: ${applied.join(', ')}`);
  if (config.seedDemo) await seedDemoIfEmpty(orm, { password: config.demoPassword, items: config.demoItems });
  const measured = await backfillSpeed(orm);
  if (measured) logger.info(`measured the answer speed of ${measured} items answered before it was recorded`);

  const pubsub = createAppPubSub(config.liveBuffer);
  const now = () => new Date();
  // The scheduler before the HTTP server: once /readyz answers, everything has started.
  if (config.jobs) scheduler = await startScheduler({ orm, databaseUrl, now, config });
  app = await startApp({
    config,
    orm,
    pubsub,
    now,
    // The embedded database is this process's to run: when it has died, it is started again.
    onDatabaseDown: embedded
      ? async () => {
          if (!embedded!.running()) await embedded!.restart();
        }
      : undefined,
    // Away for longer than DB_GIVE_UP_SECONDS: exit non-zero, for the supervisor to restart the whole server.
    onDatabaseLost: () => {
      if (stopping) return;
      logger.error('exiting: the database did not come back');
      process.exit(1);
    },
  });
  const lines = [
    '',
    `  Otklik (Отклик) is running at ${app.url}/`,
    `  GraphQL (HTTP and graphql-ws): ${app.url}/graphql`,
    `  Health: ${app.url}/healthz`,
  ];
  if (config.seedDemo) {
    lines.push(
      '',
      `  Demo accounts (password: ${config.demoPassword === 'demo' ? 'demo' : 'DEMO_PASSWORD'}):`,
      ...demoAccounts.map((a) => `    ${a.username.padEnd(17)} ${a.role}`),
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((e) => {
  logger.error('start-up failed', safeError(e));
  process.exit(1);
});
