import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { QUEUES, startScheduler, type Scheduler } from '../src/jobs/scheduler.js';
import { freePort } from './ports.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  it.runIf(process.getuid?.() === 0)('starts as root with its data inside a private (0700) directory', async () => {
    const privateDir = await mkdtemp(join(tmpdir(), 'otklik-private-'));
    dirs.push(privateDir);
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    const server = await startEmbeddedPostgres(join(privateDir, 'data'), await freePort());
    try {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      expect((await c.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await c.end();
    } finally {
      await server.stop();
    }
    // Only the search bit was added for others: they still cannot list it.
    expect((await stat(privateDir)).mode & 0o777).toBe(0o701);
  }, 60_000);

  it('keeps data across restarts and clears a server left by a killed process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'otklik-embedded-'));
    dirs.push(dataDir);
    const port = await freePort();

    // A process that starts the server and is then killed with SIGKILL leaves PostgreSQL running.
    const fixture = fileURLToPath(new URL('./fixtures/start-embedded.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', fixture, dataDir, String(port)], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    const url = `postgresql://otklik:otklik@127.0.0.1:${port}/otklik`;
    const c1 = new pg.Client({ connectionString: url });
    await c1.connect();
    await c1.query('create table kept (v text)');
    await c1.query(`insert into kept values ('до перезапуска')`);
    await c1.end();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const stalePid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(stalePid)).toBe(true);

    // The next start finds it, stops it, and starts a server of its own on the same port and data.
    const server = await startEmbeddedPostgres(dataDir, port);
    try {
      expect(alive(stalePid)).toBe(false);
      const c2 = new pg.Client({ connectionString: server.url });
      await c2.connect();
      const rows = await c2.query('select v from kept');
      await c2.end();
      expect(rows.rows).toEqual([{ v: 'до перезапуска' }]);
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});

describe('the PostgreSQL server process', () => {
  it('leads a process group of its own, stop() waits for it, and a process that ends without stopping it neither hangs on it nor leaves it running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'otklik-embedded-group-'));
    dirs.push(dataDir);
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    // Started and stopped (stop() must keep the process alive until PostgreSQL has exited, so the line is printed
    // with it gone), then started again and left: the script has nothing else to wait for and must end by itself.
    const script = `
      import { readFileSync, existsSync } from 'node:fs';
      const { startEmbeddedPostgres } = await import('./src/db/embedded.ts');
      const port = Number(process.argv[1]);
      const pidOf = () => Number(readFileSync(${JSON.stringify(pidFile)}, 'utf8').split('\\n')[0]);
      const groupOf = (pid) => Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[2]);
      let s = await startEmbeddedPostgres(${JSON.stringify(dataDir)}, port);
      const first = pidOf();
      console.log(JSON.stringify({ pid: first, group: groupOf(first), mine: groupOf(process.pid) }));
      await s.stop();
      console.log(JSON.stringify({ stopped: !existsSync('/proc/' + first) }));
      s = await startEmbeddedPostgres(${JSON.stringify(dataDir)}, port);
      console.log(JSON.stringify({ left: pidOf() }));
    `;
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', '--input-type=module', '-e', script, String(await freePort())], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const timeout = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timeout);
    expect(code, err).toBe(0);
    const [started, stopped, left] = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number | boolean>);
    expect(started!.group).toBe(started!.pid);
    expect(started!.group).not.toBe(started!.mine);
    expect(stopped).toEqual({ stopped: true });
    // The one left is told to stop as the process exits, and does.
    await vi.waitFor(() => expect(alive(left!.left as number)).toBe(false), { timeout: 15_000, interval: 100 });
  }, 60_000);
  it('killed with SIGKILL: running() turns false, restart() starts it again on the same data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'otklik-embedded-kill-'));
    dirs.push(dataDir);
    const server = await startEmbeddedPostgres(dataDir, await freePort());
    try {
      const c1 = new pg.Client({ connectionString: server.url });
      await c1.connect();
      await c1.query(`create table kept (v text); insert into kept values ('до сбоя')`);
      await c1.end();
      expect(server.running()).toBe(true);
      process.kill(Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGKILL');
      await vi.waitFor(() => expect(server.running()).toBe(false), { timeout: 10_000, interval: 50 });
      await server.restart();
      expect(server.running()).toBe(true);
      const c2 = new pg.Client({ connectionString: server.url });
      await c2.connect();
      expect((await c2.query('select v from kept')).rows).toEqual([{ v: 'до сбоя' }]);
      await c2.end();
    } finally {
      await server.stop();
    }
    expect(server.running()).toBe(false);
    // A second stop is nothing.
    await server.stop();
  }, 60_000);
});

describe('the embedded database library and the exit code', () => {
  it('a process that loaded it and ends with code 3 exits 3 (the library’s exit hooks would make it 0)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', '--input-type=module', '-e', "await import('./src/db/embedded.ts'); process.exitCode = 3;"],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(3);
  });
});

describe('the scheduler when its database stops', () => {
  it('a job running as PostgreSQL shuts down: pg-boss failing to record its end is handled, nothing is left unhandled', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'otklik-embedded-jobs-'));
    dirs.push(dataDir);
    const server = await startEmbeddedPostgres(dataDir, await freePort());
    const orm = await openOrm(server.url);
    await migrate(orm);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    let scheduler: Scheduler | undefined;
    let stopped = false;
    try {
      scheduler = await startScheduler({ orm, databaseUrl: server.url, now: () => new Date() });
      const reported: unknown[] = [];
      scheduler.boss.on('error', (e) => reported.push(e));
      // The deadline scan is held by a lock on its table: running when the database goes.
      const locker = new pg.Client({ connectionString: server.url });
      locker.on('error', () => undefined);
      await locker.connect();
      await locker.query('begin');
      await locker.query('lock table item in access exclusive mode');
      await scheduler.boss.send(QUEUES.deadlineScan, {});
      await vi.waitFor(async () => expect((await locker.query<{ n: number }>('select count(*)::int as n from pg_locks where not granted')).rows[0]!.n).toBeGreaterThan(0), { timeout: 20_000, interval: 100 });
      await server.stop();
      stopped = true;
      // The job fails with the database, and pg-boss cannot record it: that reaches the scheduler's errors (logged,
      // not swallowed), and is not an unhandled rejection.
      await vi.waitFor(() => expect(reported.length + unhandled.length).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });
      expect(unhandled.map((e) => String((e as Error).stack ?? e))).toEqual([]);
      expect(reported.length).toBeGreaterThan(0);
    } finally {
      await scheduler?.stop().catch(() => undefined);
      process.off('unhandledRejection', onUnhandled);
      await orm.close().catch(() => undefined);
      if (!stopped) await server.stop();
    }
  }, 60_000);
});
