import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServerProcess } from './server-process.js';

/**
 * Ctrl+C at a terminal: the terminal sends SIGINT to the whole foreground process group, not to the server alone.
 * The server must still stop in its own order (docs/operations.md "Stopping"), its embedded PostgreSQL last: the
 * database process must not take the terminal's SIGINT as its own order to stop.
 */

const dirs: string[] = [];
const children: ChildProcess[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
  for (const d of dirs) {
    // A PostgreSQL left running by a server that did not stop: stopped before its data go.
    const pidFile = join(d, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0 && alive(pid)) process.kill(pid, 'SIGINT');
      await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 15_000, interval: 100 }).catch(() => process.kill(pid, 'SIGKILL'));
    }
    await rm(d, { recursive: true, force: true });
  }
});

type Server = { child: ChildProcess; url: string; exited: Promise<number | null>; log: () => string };

/** The server as `pnpm start` runs it at a terminal: the leader of a process group of its own (the foreground job). */
async function startServer(): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-ctrl-c-'));
  dirs.push(dir);
  const server = await startServerProcess({ dataDir: dir, password: 'ctrl-c-password', detached: true, env: { STOP_GRACE_MS: '10000' } });
  children.push(server.child);
  return server;
}

/** What a request got: an answer (with its error code and message, if any), a refused connection, or a broken one. */
type Outcome = { kind: 'answered'; status: number; code?: string; message?: string; data?: Record<string, unknown> } | { kind: 'refused' } | { kind: 'broken'; detail: string };

function post(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ query, variables });
    const req = httpRequest(
      `${url}/graphql`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('error', (e) => resolve({ kind: 'broken', detail: `response: ${e.message}` }));
        res.on('end', () => {
          try {
            const json = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message?: string; extensions?: { code?: string } }[]; error?: { code?: string; message?: string } };
            const e = json.errors?.[0];
            resolve({ kind: 'answered', status: res.statusCode ?? 0, code: e?.extensions?.code ?? json.error?.code, message: e?.message ?? json.error?.message, data: json.data });
          } catch {
            resolve({ kind: 'broken', detail: `not JSON (${res.statusCode}): ${text.slice(0, 120)}` });
          }
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'broken', detail: `${e.code ?? ''} ${e.message}` }));
    req.end(body);
  });
}

const CREATE = 'mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }';

/** The log lines at level warn or above (the server logs one JSON object per line on stderr). */
function warnings(log: string): string[] {
  return log.split('\n').filter((l) => /"level":"(warn|error)"|"level":(40|50|60)\b/.test(l));
}

describe('Ctrl+C at a terminal', () => {
  it('SIGINT to the whole process group under writes: the requests finish, nothing logs a lost database connection, PostgreSQL stops last and the process exits 0', async () => {
    const s = await startServer();
    const signIn = await post(s.url, null, 'mutation { signIn(username: "head", password: "ctrl-c-password") { token } }');
    const token = (signIn as { data: { signIn: { token: string } } } & Outcome).data.signIn.token;
    const pgPid = Number(readFileSync(join(dirs.at(-1)!, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pgPid)).toBe(true);

    // 20 clients writing; each, told the server is stopping (its 503, or a refused connection), stops.
    const outcomes: Outcome[] = [];
    const told = (o: Outcome) => o.kind === 'refused' || (o.kind === 'answered' && o.status === 503 && /stopping/.test(o.message ?? ''));
    let n = 0;
    const workers = Array.from({ length: 20 }, async () => {
      for (;;) {
        const o = await post(s.url, token, CREATE, { t: `ctrl-c ${++n}` });
        outcomes.push(o);
        if (told(o) || o.kind === 'broken' || (o.kind === 'answered' && o.code)) return;
      }
    });
    await vi.waitFor(() => expect(outcomes.filter((o) => o.kind === 'answered' && !o.code).length).toBeGreaterThan(40), { timeout: 30_000, interval: 20 });
    const logBefore = s.log().length;

    // What the terminal does on Ctrl+C: SIGINT to every process of the foreground group.
    process.kill(-s.child.pid!, 'SIGINT');
    await Promise.all(workers);
    const code = await s.exited;
    const during = warnings(s.log().slice(logBefore));

    // Every request either completed or was told that the server is stopping: none failed for want of a database.
    const failed = outcomes.filter((o) => !told(o) && !(o.kind === 'answered' && o.status === 200 && !o.code));
    expect(failed, during.slice(0, 5).join('\n')).toEqual([]);
    expect(outcomes.filter(told).length).toBe(20);
    // No live-bus, pool or scheduler complaint about a database that went away under them.
    expect(during).toEqual([]);
    expect(code, s.log().slice(-2_000)).toBe(0);
    // And the database was stopped by the server, not left behind.
    expect(alive(pgPid)).toBe(false);
    expect(existsSync(join(dirs.at(-1)!, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
