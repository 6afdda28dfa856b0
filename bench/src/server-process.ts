import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onCleanup } from './cleanup.js';
import { freePort, log, poll } from './util.js';

/** The product's server (its build, `server/dist/main.js`) in a process of its own, as an operator runs it. */
export type ServerProcess = { url: string; pid: number; stop: () => Promise<void> };

export type ServerOptions = {
  main: string;
  databaseUrl: string;
  dataDir: string;
  demoPassword: string;
  manifest: string;
  /** Extra flags for node itself (--cpu-prof …) */
  nodeArgs?: string[];
  /** Run the background jobs (pg-boss) as production does; off by default, so that no job runs beside a read. */
  jobs?: boolean;
  verbose?: boolean;
  /** More settings (e.g. TEXT_MODEL_CACHE_DIR) */
  env?: Record<string, string>;
};

/** Where the benchmarks' servers keep their text models (a first run trains one, for a minute or so). */
export const BENCH_TEXT_MODELS = join(tmpdir(), 'otklik-bench-text-models');

/**
 * The environment of a benchmark run: production, rate limits off (one client sends everything; docs/security.md),
 * the demo district without demo items (the bench writes its own), no job scheduler (its scans and rollups would
 * run against the generated data in the middle of a measurement), and the dashboard's documents from the checkout
 * the server was built from, since a server without a web build has no manifest of its own (graphql/trusted-documents.ts).
 */
function environment(o: ServerOptions, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: process.env.LANG ?? 'C.UTF-8',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: o.databaseUrl,
    DATA_DIR: o.dataDir,
    SEED_DEMO: 'true',
    DEMO_ITEMS: '0',
    DEMO_PASSWORD: o.demoPassword,
    JOBS: o.jobs ? 'true' : 'false',
    RATE_LIMIT_PER_SECOND: '0',
    RATE_LIMIT_BURST: '0',
    RATE_LIMIT_CONCURRENT: '0',
    LOG_LEVEL: 'warn',
    TRUSTED_DOCUMENTS_MANIFEST: o.manifest,
    // The text model, trained by the first run on this machine and read by the later ones (startServer waits for it).
    TEXT_MODEL_CACHE_DIR: BENCH_TEXT_MODELS,
    ...o.env,
  };
}

/**
 * Waits until the server's text model answers: a server trains its first model in a worker thread after it is ready,
 * which would take a core from a measurement and leave the new items of an ingestion without the machine's pass that
 * production gives them. Read from BENCH_TEXT_MODELS after a first run, it is there in a second or two.
 */
async function textModelReady(url: string, password: string): Promise<void> {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, { token?: string } | null>; errors?: unknown[] };
  };
  const signedIn = await gql('mutation($p: String!) { signIn(username: "pos_operator", password: $p) { token } }', { p: password });
  const token = signedIn.data?.signIn?.token;
  if (!token) throw new Error(`the bench could not sign in to wait for the text model: ${JSON.stringify(signedIn.errors)}`);
  const started = performance.now();
  // Only a model still training is waited for: a build without text models (an older one, `--server`) answers
  // another error at once.
  const training = (errors: unknown[] | undefined) => !!errors?.some((e) => (e as { extensions?: { reason?: string } }).extensions?.reason === 'TEXT_MODEL_NOT_READY');
  await poll('the text model', async () => (training((await gql('{ classifyText(text: "нет воды") { modelVersion } }', {}, token)).errors) ? undefined : true), 600_000, 1000);
  const s = (performance.now() - started) / 1000;
  if (s > 5) log(`the text model was ready after ${s.toFixed(0)} s (trained on this first run, cached for the next)`);
}

export async function startServer(o: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), o.main], {
    cwd: dirname(dirname(o.main)),
    env: environment(o, port),
    // Its own process group: Ctrl+C reaches the bench alone, which then stops this with SIGTERM (a drained stop,
    // and the CPU profile written) before stopping PostgreSQL.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b: Buffer) => {
    const text = b.toString('utf8');
    tail = (tail + text).slice(-8000);
    if (o.verbose) for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[server] ${line}\n`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  const stopChild = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // The server drains within STOP_GRACE_MS (10 s) and gives itself 15 s more before it exits by itself.
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 40_000).unref())]);
    if (!done) {
      log('the server did not stop within 40 s: killing it');
      child.kill('SIGKILL');
      await exited;
    }
  };
  const undo = onCleanup('the server', stopChild, () => child.kill('SIGKILL'));
  const failed = exited.then((code) => {
    throw new Error(`the server exited (${code}) before it was ready:\n${tail.trim().split('\n').slice(-15).join('\n')}`);
  });
  failed.catch(() => {});
  await Promise.race([
    failed,
    poll(
      'the server (/readyz)',
      async () => {
        const res = await fetch(`${url}/readyz`);
        const body = (await res.json()) as { status?: string };
        return res.ok && body.status === 'ok' ? true : undefined;
      },
      // The first start migrates and seeds the demo district.
      300_000,
      200,
    ),
  ]);
  await Promise.race([failed, textModelReady(url, o.demoPassword)]);
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      undo();
      await stopChild();
      if (child.exitCode !== 0 && child.signalCode === null && child.exitCode !== null) {
        log(`the server exited with ${child.exitCode}:\n${tail.trim().split('\n').slice(-10).join('\n')}`);
      }
    },
  };
}
