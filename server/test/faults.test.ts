import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { freePort } from './ports.js';
import { startServerProcess } from './server-process.js';

/**
 * The server as an operator runs it (src/main.ts in its own process, with its embedded PostgreSQL or another one),
 * under write load, while the database dies and while it is told to stop (docs/operations.md).
 */

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});


type Server = { child: ChildProcess; url: string; dataDir: string; exited: Promise<number | null>; exitedAt: () => number | null };

let logs = '';

async function startServer(env: Record<string, string>, dataDir?: string): Promise<Server> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'otklik-fault-')));
  if (!dataDir) dirs.push(dir);
  const server = await startServerProcess({ dataDir: dir, password: 'fault-password', env });
  children.push(server.child);
  // What the server logs, for a failing test to show.
  server.child.stderr!.on('data', (b: Buffer) => (logs += b.toString()));
  return { ...server, dataDir: dir };
}

type Outcome = { kind: 'ok'; id: string } | { kind: 'coded'; code: string; status: number } | { kind: 'refused' } | { kind: 'broken'; detail: string };

/** One GraphQL POST on a connection of its own; what came back, classified. */
function post(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Outcome & { body?: unknown }> {
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
            const json = JSON.parse(text) as { data?: Record<string, { id?: string } | null>; errors?: { extensions?: { code?: string } }[] };
            const code = json.errors?.[0]?.extensions?.code;
            if (code) return resolve({ kind: 'coded', code, status: res.statusCode ?? 0, body: json });
            const first = json.data ? Object.values(json.data)[0] : null;
            resolve({ kind: 'ok', id: first?.id ?? '', body: json });
          } catch {
            resolve({ kind: 'broken', detail: `not JSON (${res.statusCode}): ${text.slice(0, 80)}` });
          }
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'broken', detail: `${e.code ?? ''} ${e.message}` }));
    req.end(body);
  });
}

async function signIn(url: string): Promise<string> {
  const r = await post(url, null, 'mutation { signIn(username: "head", password: "fault-password") { token } }');
  return ((r.body as { data: { signIn: { token: string } } }).data.signIn.token);
}

const CREATE = 'mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }';

/** `workers` loops creating items until `until()`; every outcome kept, with the text of each acknowledged item. */
type Written = Outcome & { text: string };

async function writeLoad(url: string, token: string, workers: number, until: () => boolean, tag: string, outcomes: Written[] = []): Promise<Written[]> {
  let n = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!until()) {
        const text = `${tag} запись ${++n}`;
        const o = await post(url, token, CREATE, { t: text });
        outcomes.push({ ...o, text });
        if (o.kind === 'refused') await new Promise((r) => setTimeout(r, 20));
      }
    }),
  );
  return outcomes;
}

async function countByTag(url: string, token: string, tag: string): Promise<number> {
  const r = await post(url, token, 'query($s: String) { items(filter: { search: $s }) { totalCount } }', { s: `"${tag}"` });
  return (r.body as { data: { items: { totalCount: number } } }).data.items.totalCount;
}

describe('a stop under load', () => {
  it('SIGTERM with writes in flight: every accepted request completes, new ones get a coded 503 then are refused, the process exits 0 within the grace period', async () => {
    const s = await startServer({ STOP_GRACE_MS: '10000' });
    const token = await signIn(s.url);
    const outcomes: Written[] = [];
    let n = 0;
    // 30 clients writing; each, told the server is stopping (503 with Retry-After), stops as a client should.
    const told = (o: Outcome) => o.kind === 'refused' || (o.kind === 'coded' && o.code === 'SERVICE_UNAVAILABLE');
    const workers = Array.from({ length: 30 }, async () => {
      for (;;) {
        const text = `остановка запись ${++n}`;
        const o = await post(s.url, token, CREATE, { t: text });
        outcomes.push({ ...o, text });
        if (told(o) || o.kind === 'broken') return;
      }
    });
    await vi.waitFor(() => expect(outcomes.filter((o) => o.kind === 'ok').length).toBeGreaterThan(30), { timeout: 30_000, interval: 20 });
    const signalledAt = Date.now();
    s.child.kill('SIGTERM');
    await Promise.all(workers);
    const code = await s.exited;
    expect(code).toBe(0);
    expect(s.exitedAt()! - signalledAt).toBeLessThan(10_000 + 5_000);
    expect((await post(s.url, token, '{ me { id } }')).kind).toBe('refused');
    expect(outcomes.filter((o) => o.kind === 'broken' || (o.kind === 'coded' && !told(o))), logs.split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(0, 5).join('\n')).toEqual([]);
    const ok = outcomes.filter((o) => o.kind === 'ok');
    expect(outcomes.filter(told).length).toBe(30);

    // Started again on the same data: exactly the acknowledged writes are there (a refused one never ran).
    const again = await startServer({}, s.dataDir);
    const t2 = await signIn(again.url);
    expect(await countByTag(again.url, t2, 'остановка')).toBe(ok.length);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);
});

describe('the database dies', () => {
  it('the embedded PostgreSQL killed under writes: the server stays up, starts it again, serves within seconds, and no acknowledged write is lost', async () => {
    const s = await startServer({ DB_PROBE_MS: '300', DB_GIVE_UP_SECONDS: '120' });
    const token = await signIn(s.url);
    let done = false;
    const loadPromise = writeLoad(s.url, token, 8, () => done, 'сбой');
    await vi.waitFor(async () => expect(await countByTag(s.url, token, 'сбой')).toBeGreaterThan(5), { timeout: 30_000, interval: 100 });
    const pid = Number(readFileSync(join(s.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    // Down: liveness still answers, readiness does not, requests get a coded 503.
    await vi.waitFor(async () => expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'down' }), { timeout: 20_000, interval: 50 });
    // Back by itself.
    await vi.waitFor(async () => expect((await fetch(`${s.url}/readyz`)).status).toBe(200), { timeout: 60_000, interval: 100 });
    const recoveredAfter = Date.now() - killedAt;
    expect(recoveredAfter).toBeLessThan(30_000);
    // Writes go through again.
    const before = await countByTag(s.url, token, 'сбой');
    await vi.waitFor(async () => expect(await countByTag(s.url, token, 'сбой')).toBeGreaterThan(before), { timeout: 20_000, interval: 100 });
    done = true;
    const outcomes = await loadPromise;
    expect(s.child.exitCode).toBeNull();
    const ok = outcomes.filter((o) => o.kind === 'ok');
    const failed = outcomes.filter((o) => o.kind !== 'ok');
    // What failed failed cleanly: a coded answer (the database was away), never a broken response.
    expect(failed.filter((o) => o.kind === 'broken')).toEqual([]);
    expect(new Set(failed.filter((o) => o.kind === 'coded').map((o) => (o as { code: string }).code)), logs.split('\n').filter((l) => /unexpected/.test(l)).slice(0, 3).join('\n')).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    // Every acknowledged write is present (a write that failed may or may not have committed: never lost silently).
    const present = await countByTag(s.url, token, 'сбой');
    expect(present).toBeGreaterThanOrEqual(ok.length);
    for (const o of ok.slice(-5)) {
      const r = await post(s.url, token, 'query($id: ID!) { item(id: $id) { id text } }', { id: (o as { id: string }).id });
      expect((r.body as { data: { item: { text: string } } }).data.item.text).toBe(o.text);
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 180_000);

  it('an external database away longer than DB_GIVE_UP_SECONDS: the process exits non-zero for its supervisor', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-external-'));
    dirs.push(dir);
    const pg = await startEmbeddedPostgres(dir, await freePort());
    let stoppedDb = false;
    try {
      const s = await startServer({ DATABASE_URL: pg.url, DB_PROBE_MS: '200', DB_GIVE_UP_SECONDS: '5' });
      const stoppedAt = Date.now();
      await pg.stop();
      stoppedDb = true;
      const code = await s.exited;
      expect(code).toBe(1);
      expect(s.exitedAt()! - stoppedAt).toBeGreaterThanOrEqual(5_000);
      expect(s.exitedAt()! - stoppedAt).toBeLessThan(20_000);
    } finally {
      if (!stoppedDb) await pg.stop();
    }
  }, 180_000);
});
