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

/** config -> database -> migrations -> seed -> HTTP + WebSocket server -> scheduler. Stops cleanly on SIGINT/SIGTERM. */
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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    void scheduler?.stop().catch(() => undefined);
    logger.info(`${signal}: stopping`);
    await scheduler?.stop().catch((e: unknown) => logger.error('stopping', safeError(e)));
    await app?.stop().catch((e: unknown) => logger.error('stopping', safeError(e)));
    await orm?.close().catch((e: unknown) => logger.error('stopping', safeError(e)));
    await embedded?.stop().catch((e: unknown) => logger.error('stopping', safeError(e)));
    process.exit(0);
  };
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

  const pubsub = createAppPubSub();
  const now = () => new Date();
  app = await startApp({ config, orm, pubsub, now });
  if (config.jobs) scheduler = await startScheduler({ orm, databaseUrl, now, config });
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
