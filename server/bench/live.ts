/**
 * How fast the live layer delivers a committed change, and what a connection costs:
 * `pnpm --filter @otklik/server bench:live [N ...]` (default 1000 5000). Results: docs/benchmarks.md, "Live delivery".
 *
 * Two servers, each in a child process of its own (so that its memory is not mixed with the clients' sockets):
 *   - Otklik (bench/live-server.ts): a throw-away embedded PostgreSQL, the migrations, the demo district without
 *     items, the real app (`startApp`: the HTTP and graphql-ws server of production, its LISTEN bus, its
 *     resolvers, access policy, masking and access log), without the job scheduler;
 *   - the baseline (bench/live-baseline.ts): a bare graphql-ws server, a graphql-js schema with one Subscription
 *     field of the same shape, an in-process pubsub, no database, no authentication.
 * For each N and each server, a fresh child; then in this process N WebSocket clients (the `ws` package speaking
 * graphql-transport-ws by hand: connection_init with the credential, one `subscribe`; lighter than graphql-ws's
 * client, so that 5,000 of them in one process disturb the timing less), each with one subscription
 *   itemEvents { cursor type at itemId item { number kind status category { name } settlement { name } dueAt
 *                deadlineState applicant { name masked } } }
 * A mix of readers (`LIVE_MIX`, default wall:70,analyst:20,curator:5,executor:4,head:1 in per cent): the wall of
 * the МЦУ room (a WALL_DISPLAY token, the applicant masked), the analyst and the curator (masked), an executor (who
 * reaches only its department's items, so hears none of these unassigned new items: a connection that costs
 * memory and a policy check per event, but receives nothing), and the head (sees the applicant in full: each
 * delivery to the head writes a row to the personal-data access log, as in queries). Each role's connections
 * share one credential (a session of the demo user, one wall token).
 *
 * The bench waits until the server's pubsub counts N item-event listeners (over IPC; no fixed sleeps), measures
 * the server's memory (after a forced gc) before connecting and after all are subscribed, then makes WARMUP
 * changes that are not counted and CHANGES changes that are, one at a time: the next after every subscriber that
 * should hear the previous one has heard it (and GAP_MS more). A change in Otklik is `createItem` (an appeal,
 * registered at once) through GraphQL over HTTP as the head: one transaction, two events, CREATED and REGISTERED.
 * In the baseline it is `POST /publish`, which broadcasts the same two events with the item object as Otklik
 * delivered it to the wall in the same run. t0 is taken just before the request is sent (so the mutation itself,
 * its commit, the NOTIFY and the bus's read are all included); a subscriber has the change when its last event
 * (REGISTERED) arrives here. Reported: p50/p95/p99/max over every (change × subscriber) delivery, the last
 * subscriber of each change (p50 and max over changes), the request's own time, when the server's pubsub published
 * the change's last event (Otklik: after the commit, the NOTIFY and the bus's read), and the server's memory growth
 * per connection: after all subscribed minus before, over N, both after a forced gc; "heap" is V8's heapUsed plus
 * external (the sockets' buffers), the figure the target is checked against; RSS is reported too, but it moves by
 * tens of KB per connection between identical runs (V8 keeps or returns its committed pages as it likes); "after
 * the run" is the same after the changes were delivered.
 *
 * Settings (environment), for repeating a run or looking into one:
 *   LIVE_N=1000,5000 (or the arguments)  the subscriber counts
 *   CHANGES=30, WARMUP=3, GAP_MS=50      changes measured, not measured first, pause after each
 *   SERVERS=otklik,baseline              which servers
 *   LIVE_MIX=wall:70,analyst:20,curator:5,executor:4,head:1
 *   CONNECT_CONCURRENCY=100, CHANGE_TIMEOUT_MS=30000
 *   LIVE_QUERY=bare                      subscribe to `itemEvents { cursor type at itemId }` only (what the item's
 *                                        projection costs)
 *   LIVE_CURSOR_START=0                  where Otklik's event cursors start (bench/live-server.ts; by default
 *                                        from 0, so a run crosses 9 → 10 and 99 → 100)
 *   LIVE_CPU_PROF=<dir>                  a V8 CPU profile of each server child over the measured changes,
 *                                        <dir>/<server>-<N>.cpuprofile (summarise with bench/live-profile.ts;
 *                                        profiling slows the server: take timings from runs without it)
 *   LIVE_HEAP_PROF=<dir>                 the same with a sampling allocation profile (collected objects included)
 *   LIVE_SERVER_ARGS="--trace-gc"        more Node options for the server children
 *   VERBOSE=1                            a line per change (request, published, last subscriber)
 *   LIVE_LOG_LEVEL=error, LIVE_TRACE=1   the Otklik server's log level; a line per event its bus publishes
 * The machine's load average is printed with each run: other processes on the machine show in the figures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { LiveMemory, LiveReply } from './live-child.js';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = dirname(here);
const argNs = process.argv.slice(2).map(Number).filter((n) => n > 0);
const Ns = argNs.length ? argNs : (process.env.LIVE_N ?? '1000,5000').split(',').map(Number);
const CHANGES = Number(process.env.CHANGES ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 3);
const GAP_MS = Number(process.env.GAP_MS ?? 50);
const SERVERS = (process.env.SERVERS ?? 'otklik,baseline').split(',').map((s) => s.trim()) as ServerKind[];
const CONCURRENCY = Number(process.env.CONNECT_CONCURRENCY ?? 100);
const TIMEOUT_MS = Number(process.env.CHANGE_TIMEOUT_MS ?? 30_000);
const HEAP_PROF = !!process.env.LIVE_HEAP_PROF;
const PROF_DIR = process.env.LIVE_HEAP_PROF || process.env.LIVE_CPU_PROF;
const PASSWORD = 'bench-password';
const MIX = (process.env.LIVE_MIX ?? 'wall:70,analyst:20,curator:5,executor:4,head:1').split(',').map((p) => {
  const [role, share] = p.split(':');
  return { role: role!.trim() as Role, share: Number(share) };
});
/** Events per change (CREATED, REGISTERED) that each reaching subscriber hears. */
const PER_CHANGE = 2;

type ServerKind = 'otklik' | 'baseline';
type Role = 'wall' | 'analyst' | 'curator' | 'executor' | 'head';
/** Who hears a new unassigned appeal (the executor reaches only its department's items). */
const HEARS: Record<Role, boolean> = { wall: true, analyst: true, curator: true, executor: false, head: true };

const QUERY =
  process.env.LIVE_QUERY === 'bare'
    ? // Without the item: what the event alone costs (for finding where the time goes).
      `subscription { itemEvents { cursor type at itemId } }`
    : `subscription { itemEvents { cursor type at itemId item { number kind status category { name } settlement { name } dueAt deadlineState applicant { name masked } } } }`;

// ---------------------------------------------------------------------------------------------------------------
// The server children

class Child {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  url = '';
  private exited: Promise<void>;

  private constructor(readonly proc: ChildProcess) {
    proc.on('message', (raw) => {
      const m = raw as LiveReply;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    this.exited = new Promise((resolve) =>
      proc.once('exit', (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`the server exited (${code})`));
        this.pending.clear();
        resolve();
      }),
    );
  }

  static async start(kind: ServerKind): Promise<Child> {
    const script = join(here, kind === 'otklik' ? 'live-server.ts' : 'live-baseline.ts');
    const execArgv = ['--expose-gc', '--import', '@swc-node/register/esm-register', ...(process.env.LIVE_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])];
    const proc = fork(script, [], {
      cwd: serverDir,
      execArgv,
      env: { ...process.env, LIVE_PASSWORD: PASSWORD },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const child = new Child(proc);
    child.url = await new Promise<string>((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        const m = raw as { type?: string; url?: string };
        if (m.type === 'ready') {
          proc.off('message', onMessage);
          resolve(m.url!);
        }
      };
      proc.on('message', onMessage);
      proc.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} before it was ready`)));
    });
    return child;
  }

  request<T>(type: string, data?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ id, type, data });
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) await this.request('stop').catch(() => undefined);
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(killer);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The clients

type Sub = {
  role: Role;
  hears: boolean;
  ws: WebSocket;
  /** Messages of the current change, with their arrival time (parsed after the change, off the hot path). */
  msgs: { t: number; data: Buffer }[];
  got: number;
  closed?: { code: number; reason: string };
};

/** Called on the last expected message of the current change. */
let onAllIn: (() => void) | null = null;
let remaining = 0;

function connect(wsUrl: string, token: string | null, role: Role, everyone: boolean): Promise<Sub> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    const sub: Sub = { role, hears: everyone || HEARS[role], ws, msgs: [], got: 0 };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })));
    ws.once('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as { type: string };
      if (m.type !== 'connection_ack') {
        reject(new Error(`${role}: expected connection_ack, got ${d.toString()}`));
        return;
      }
      ws.on('message', (data: Buffer) => {
        const t = performance.now();
        sub.msgs.push({ t, data });
        if (sub.hears && ++sub.got === PER_CHANGE && --remaining === 0) onAllIn?.();
      });
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY } }));
      resolve(sub);
    });
    ws.on('error', reject);
    ws.on('close', (code, reason) => {
      sub.closed = { code, reason: reason.toString() };
      reject(new Error(`${role}: closed ${code} ${reason.toString()}`));
    });
  });
}

async function connectAll(wsUrl: string, credentials: Record<Role, string | null>, n: number, everyone: boolean): Promise<Sub[]> {
  const roles: Role[] = [];
  const total = MIX.reduce((s, m) => s + m.share, 0);
  // Largest remainders, so the counts add up to n; the roles interleaved in connection order.
  const counts = MIX.map((m) => ({ role: m.role, exact: (n * m.share) / total }));
  const floors = counts.map((c) => ({ ...c, k: Math.floor(c.exact) }));
  let left = n - floors.reduce((s, c) => s + c.k, 0);
  for (const c of [...floors].sort((a, b) => b.exact - b.k - (a.exact - a.k))) if (left-- > 0) c.k += 1;
  const queue = floors.map((c) => ({ role: c.role, k: c.k }));
  while (roles.length < n) for (const q of queue) if (q.k > 0 && roles.length < n) (roles.push(q.role), (q.k -= 1));
  const subs: Sub[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, n) }, async () => {
      while (next < n) {
        const i = next++;
        subs[i] = await connect(wsUrl, credentials[roles[i]!], roles[i]!, everyone);
      }
    }),
  );
  return subs;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

type ItemEvent = { cursor: string; type: string; at: string; itemId: string; item: Record<string, unknown> & { applicant?: { masked?: boolean } | null } };
type RunResult = {
  server: ServerKind;
  n: number;
  deliveries: number[];
  /** The same deliveries by the subscriber's role (printed with each run: where the tail is). */
  byRole: Partial<Record<Role, number[]>>;
  firstEvent: number[];
  lastPerChange: number[];
  request: number[];
  /** From t0 until the server's pubsub published the change's last event (Otklik: commit, NOTIFY, the bus's read). */
  published: number[];
  missing: number;
  /** Messages about another change than the one in progress (a change that came later than CHANGE_TIMEOUT_MS). */
  late: number;
  errors: string[];
  connectSeconds: number;
  before: LiveMemory;
  subscribed: LiveMemory;
  afterRun: LiveMemory;
  load: [number, number];
  captured?: ItemEvent[];
};

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : NaN);
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function run(server: ServerKind, n: number, payload: ItemEvent[] | undefined): Promise<RunResult> {
  const load0 = loadavg()[0]!;
  const child = await Child.start(server);
  const subs: Sub[] = [];
  try {
    // Credentials and what a change needs.
    let credentials: Record<Role, string | null> = { wall: null, analyst: null, curator: null, executor: null, head: null };
    let trigger: (i: number) => Promise<string>;
    if (server === 'otklik') {
      const signIn = async (username: string) =>
        (await gql<{ signIn: { token: string } }>(child.url, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: PASSWORD })).signIn.token;
      const head = await signIn('head');
      const wall = (
        await gql<{ createApiToken: { token: string } }>(
          child.url,
          'mutation { createApiToken(input: { name: "Стена МЦУ (bench)", kind: WALL_DISPLAY, scopes: [WALL_READ, KPI_READ, ORG_READ] }) { token } }',
          {},
          head,
        )
      ).createApiToken.token;
      credentials = { wall, head, analyst: await signIn('analyst'), curator: await signIn('curator'), executor: await signIn('executor') };
      const settlements = (await gql<{ settlements: { id: string }[] }>(child.url, '{ settlements { id } }', {}, head)).settlements.map((s) => s.id);
      const categories = ['ZHKH_WATER', 'ROADS_REPAIR'];
      trigger = async (i) =>
        (
          await gql<{ createItem: { id: string } }>(
            child.url,
            'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
            {
              i: {
                kind: 'APPEAL',
                channel: 'LETTER',
                identified: true,
                categoryCode: categories[i % categories.length],
                settlementId: settlements[i % settlements.length],
                text: `Нет воды в доме по ул. Мира, ${i}`,
                applicant: { name: 'Соколова Анна Павловна', phone: '+7 903 111-22-33', address: 'г. Суровикино, ул. Мира, д. 7' },
              },
            },
            head,
          )
        ).createItem.id;
    } else {
      if (payload) await child.request('payload', payload);
      trigger = async () => {
        const res = await fetch(`${child.url}/publish`, { method: 'POST' });
        return ((await res.json()) as { itemId: string }).itemId;
      };
    }

    // Connect and subscribe N; wait until the server listens for all of them.
    const base = await child.request<number>('listeners');
    const before = await child.request<LiveMemory>('mem');
    const c0 = performance.now();
    // The baseline has no access policy: all N hear every change (slightly more work than Otklik's mix).
    subs.push(...(await connectAll(child.url.replace(/^http/, 'ws') + '/graphql', credentials, n, server === 'baseline')));
    const until = Date.now() + 120_000;
    for (;;) {
      const count = await child.request<number>('listeners');
      if (count >= base + n) break;
      const failed = subs.find((s) => s.msgs.length || s.closed);
      if (failed) throw new Error(`a subscription failed: ${failed.closed?.reason ?? failed.msgs[0]!.data.toString().slice(0, 300)}`);
      if (Date.now() > until) throw new Error(`only ${count - base} of ${n} subscriptions registered`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const connectSeconds = (performance.now() - c0) / 1000;
    const subscribed = await child.request<LiveMemory>('mem');
    const hearing = subs.filter((s) => s.hears).length;

    const result: RunResult = {
      server,
      n,
      deliveries: [],
      byRole: {},
      firstEvent: [],
      lastPerChange: [],
      request: [],
      published: [],
      missing: 0,
      late: 0,
      errors: [],
      connectSeconds,
      before,
      subscribed,
      afterRun: subscribed,
      load: [load0, 0],
    };
    for (let i = 0; i < WARMUP + CHANGES; i++) {
      const counted = i >= WARMUP;
      if (PROF_DIR && i === WARMUP) await child.request('profile-start', HEAP_PROF);
      for (const s of subs) {
        s.msgs = [];
        s.got = 0;
      }
      remaining = hearing;
      let timer: NodeJS.Timeout | undefined;
      const allIn = new Promise<boolean>((resolve) => {
        onAllIn = () => resolve(true);
        timer = setTimeout(() => resolve(false), TIMEOUT_MS);
      });
      const t0 = performance.now();
      const itemId = await trigger(i);
      const t1 = performance.now();
      const complete = await allIn;
      clearTimeout(timer);
      onAllIn = null;
      if (!complete) {
        result.errors.push(`change ${i}: ${remaining} of ${hearing} subscribers had not heard all its events after ${TIMEOUT_MS} ms`);
        if (process.env.VERBOSE) {
          const s = subs.find((x) => x.hears && x.got < PER_CHANGE)!;
          console.log(`    change ${i} (${itemId}), a ${s.role} got ${s.got}: ${s.msgs.map((m) => `${ms(m.t - t0)} ms ${m.data.toString().slice(0, 160)}`).join('\n      ')}`);
        }
      }
      // Off the hot path: what each subscriber received, and when.
      let last = 0;
      for (const s of subs) {
        let created: number | null = null;
        let registered: number | null = null;
        for (const m of s.msgs) {
          const msg = JSON.parse(m.data.toString()) as { type: string; payload?: { data?: { itemEvents?: ItemEvent }; errors?: unknown } };
          const e = msg.payload?.data?.itemEvents;
          if (msg.type !== 'next' || !e || msg.payload?.errors) {
            result.errors.push(`change ${i}, ${s.role}: ${m.data.toString().slice(0, 300)}`);
            continue;
          }
          if (e.itemId !== itemId) {
            result.late += 1;
            continue;
          }
          if (!s.hears) result.errors.push(`change ${i}: the ${s.role} heard an item it does not reach`);
          if (s.role !== 'head' && e.item && e.item.applicant?.masked !== true) result.errors.push(`change ${i}: the ${s.role} got the applicant unmasked`);
          if (e.type === 'CREATED') created = m.t - t0;
          if (e.type === 'REGISTERED') registered = m.t - t0;
          // The item as Otklik delivers it to the wall: what the baseline broadcasts.
          if (server === 'otklik' && counted && s.role === 'wall' && (result.captured ??= []).length < PER_CHANGE) result.captured.push(e);
        }
        if (!s.hears) continue;
        if (registered === null) {
          if (counted) result.missing += 1;
          continue;
        }
        last = Math.max(last, registered);
        if (counted) {
          result.deliveries.push(registered);
          (result.byRole[s.role] ??= []).push(registered);
          if (created !== null) result.firstEvent.push(created);
        }
      }
      const published = await child.request<number | null>('published', `${itemId} REGISTERED`);
      if (counted) {
        result.lastPerChange.push(last);
        result.request.push(t1 - t0);
        if (published !== null) result.published.push(published - (performance.timeOrigin + t0));
      }
      if (process.env.VERBOSE) {
        console.log(`    change ${i}: request ${ms(t1 - t0)}, published ${published === null ? '?' : ms(published - (performance.timeOrigin + t0))}, last subscriber ${ms(last)} ms`);
      }
      if (result.errors.length > 20) throw new Error(result.errors.join('\n'));
      if (GAP_MS > 0) await new Promise((r) => setTimeout(r, GAP_MS));
    }
    if (PROF_DIR) {
      await mkdir(PROF_DIR, { recursive: true });
      await child.request('profile-stop', { file: join(PROF_DIR, `${server}-${n}.${HEAP_PROF ? 'heapprofile' : 'cpuprofile'}`), heap: HEAP_PROF });
    }
    result.afterRun = await child.request<LiveMemory>('mem');
    result.load[1] = loadavg()[0]!;
    const closed = subs.filter((s) => s.closed);
    if (closed.length) result.errors.push(`${closed.length} sockets closed during the run (e.g. ${closed[0]!.closed!.code} ${closed[0]!.closed!.reason})`);
    return result;
  } finally {
    for (const s of subs) {
      s.ws.removeAllListeners('close');
      s.ws.on('error', () => undefined);
      s.ws.terminate();
    }
    await child.stop();
  }
}

function summary(r: RunResult) {
  const d = sortNum(r.deliveries);
  const last = sortNum(r.lastPerChange);
  return {
    p50: pct(d, 0.5),
    p95: pct(d, 0.95),
    p99: pct(d, 0.99),
    max: d[d.length - 1] ?? NaN,
    lastP50: pct(last, 0.5),
    lastMax: last[last.length - 1] ?? NaN,
    firstP99: pct(sortNum(r.firstEvent), 0.99),
    request: pct(sortNum(r.request), 0.5),
    published: pct(sortNum(r.published), 0.5),
    heap: (r.subscribed.heapUsed + r.subscribed.external - r.before.heapUsed - r.before.external) / r.n,
    rss: (r.subscribed.rss - r.before.rss) / r.n,
    heapAfter: (r.afterRun.heapUsed + r.afterRun.external - r.before.heapUsed - r.before.external) / r.n,
    rssAfter: (r.afterRun.rss - r.before.rss) / r.n,
  };
}

// ---------------------------------------------------------------------------------------------------------------

const started = performance.now();
console.log(
  `live delivery: N = ${Ns.join(', ')}; ${CHANGES} changes (+${WARMUP} warm-up) per run; mix ${MIX.map((m) => `${m.role} ${m.share}`).join(', ')}; ` +
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const results: RunResult[] = [];
let payload: ItemEvent[] | undefined;
for (const n of Ns) {
  for (const server of SERVERS) {
    const r = await run(server, n, payload);
    if (r.captured?.length === PER_CHANGE) payload = r.captured;
    const s = summary(r);
    console.log(
      `  ${server} N=${n}: connected and subscribed in ${r.connectSeconds.toFixed(1)} s; p50 ${ms(s.p50)} p99 ${ms(s.p99)} ms; ` +
        `${kb(s.heap)} KB heap, ${kb(s.rss)} KB RSS per connection; load ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}` +
        (r.missing ? `; ${r.missing} deliveries missing` : '') +
        (r.late ? `; ${r.late} messages late (after their change timed out)` : '') +
        (r.errors.length ? `\n    ${r.errors.slice(0, 5).join('\n    ')}` : '') +
        `\n    by role: ${Object.entries(r.byRole)
          .map(([role, xs]) => {
            const d = sortNum(xs!);
            return `${role} p50 ${ms(pct(d, 0.5))} p99 ${ms(pct(d, 0.99))} max ${ms(d[d.length - 1]!)}`;
          })
          .join('; ')}`,
    );
    results.push(r);
  }
}

console.log(
  `\n| server | subscribers | deliveries | p50 ms | p95 ms | p99 ms | max ms | last subscriber of a change, p50 / max ms | request ms (p50) | published on the server ms (p50) | heap KB / connection | RSS KB / connection | after the run: heap / RSS KB per connection |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const s = summary(r);
  console.log(
    `| ${r.server === 'otklik' ? 'Otklik' : 'bare graphql-ws'} | ${r.n.toLocaleString('en')} | ${r.deliveries.length.toLocaleString('en')}${r.missing ? ` (${r.missing} missing)` : ''} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.lastP50)} / ${ms(s.lastMax)} | ${ms(s.request)} | ${ms(s.published)} | ${kb(s.heap)} | ${kb(s.rss)} | ${kb(s.heapAfter)} / ${kb(s.rssAfter)} |`,
  );
}
const pairs = Ns.map((n) => [results.find((r) => r.n === n && r.server === 'otklik'), results.find((r) => r.n === n && r.server === 'baseline')] as const).filter(
  ([o, b]) => o && b,
);
if (pairs.length) {
  console.log(`\n| subscribers | Otklik / bare: p50 | p99 | heap per connection | RSS per connection |\n|---|---|---|---|---|`);
  for (const [o, b] of pairs) {
    const so = summary(o!);
    const sb = summary(b!);
    const x = (a: number, c: number) => `${(a / c).toFixed(1)}×`;
    console.log(`| ${o!.n.toLocaleString('en')} | ${x(so.p50, sb.p50)} | ${x(so.p99, sb.p99)} | ${x(so.heap, sb.heap)} | ${x(so.rss, sb.rss)} |`);
  }
}
const targets: Record<number, number> = { 1000: 250, 5000: 1000 };
for (const r of results.filter((r) => r.server === 'otklik')) {
  const s = summary(r);
  const target = targets[r.n];
  const perConn = s.heap / 1024;
  console.log(
    `Otklik at ${r.n.toLocaleString('en')}: p99 ${ms(s.p99)} ms${target ? ` (target ≤ ${target} ms: ${s.p99 <= target ? 'met' : 'NOT met'})` : ''}; ` +
      `${perConn.toFixed(1)} KB heap per connection (target ≤ 50 KB: ${perConn <= 50 ? 'met' : 'NOT met'}; RSS ${kb(s.rss)} KB, which moves by tens of KB between runs)`,
  );
}
console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
