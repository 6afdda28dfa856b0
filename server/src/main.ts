import 'reflect-metadata';
import { isAbsolute, relative } from 'node:path';
import { loadConfig, ConfigError, type Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.js';
import { migrate, openOrm, systemEm, type Orm } from './db/orm.js';
import { seedDemoIfEmpty } from './db/seed/index.js';
import { backfillSpeed } from './db/backfill.js';
import { demoAccounts, type DemoAccount } from './db/seed/district.js';
import { User } from './modules/users/user.entity.js';
import { startApp, type RunningApp } from './app.js';
import { createAppPubSub } from './graphql/pubsub.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { createTextUnderstanding, type TextUnderstanding } from './modules/text/proposal.js';
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
  let text: TextUnderstanding | undefined;
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
    // A text model training under way ends now (its worker thread with it); nothing of it is stored.
    text?.stop();
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
  // The text models (trained in the background when the database has none for this corpus) and the gazetteers.
  text = createTextUnderstanding(orm, config.text, now);
  if (config.jobs) scheduler = await startScheduler({ orm, databaseUrl, now, config, text });
  app = await startApp({
    config,
    orm,
    pubsub,
    now,
    text,
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
  const accounts = config.seedDemo ? await demoAccountsPresent(orm) : [];
  console.log(banner(config, app.url, accounts));
}

/** The demo accounts that exist in this database (none when it was not seeded with them), in their usual order. */
async function demoAccountsPresent(orm: Orm): Promise<DemoAccount[]> {
  const users = await systemEm(orm).find(User, { username: { $in: demoAccounts.map((a) => a.username) }, active: true }, { fields: ['username'] });
  const present = new Set(users.map((u) => u.username));
  return demoAccounts.filter((a) => present.has(a.username));
}

/**
 * The start-up banner on stdout, all a person needs: where to open it, as whom to sign in, where the data are and
 * how to stop. No secret: a DEMO_PASSWORD of one's own is named, not shown, and DATABASE_URL only by its host.
 */
function banner(config: Config, url: string, accounts: DemoAccount[]): string {
  const lines = ['', `  Otklik (Отклик) is running at ${url}/`];
  if (accounts.length) {
    lines.push(
      '',
      `  Demo accounts, password ${config.demoPassword === 'demo' ? '"demo"' : 'from DEMO_PASSWORD'}:`,
      ...accounts.map((a) => `    ${a.username.padEnd(17)} ${a.role.padEnd(17)} ${a.position}`),
    );
  }
  const inside = relative(config.dataDir, config.filesDir);
  const files = inside && !inside.startsWith('..') && !isAbsolute(inside) ? `${inside}/` : config.filesDir;
  const data = config.databaseUrl
    ? `PostgreSQL${databaseHost(config.databaseUrl)} (DATABASE_URL); attachments and reports in ${config.filesDir}`
    : `${config.dataDir} (embedded PostgreSQL on port ${config.embeddedPgPort}; attachments and reports in ${files})`;
  lines.push('', `  Data: ${data}`, '  Stop: Ctrl+C (or SIGTERM); the data stay.', '');
  return lines.join('\n');
}

/** " at host:port/database" of a DATABASE_URL, never its user or password; nothing if it does not parse as a URL. */
function databaseHost(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return ` at ${u.host}${u.pathname}`;
  } catch {
    return '';
  }
}

main().catch((e) => {
  logger.error('start-up failed', safeError(e));
  process.exit(1);
});
