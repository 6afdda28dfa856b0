import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Where every server of the run keeps the trained text model (TEXT_MODEL_CACHE_DIR): the server tests' own
 * (server/test/global-setup.ts), so that after them the model of this corpus and code is read, not trained again.
 */
export const TEXT_MODEL_CACHE = join(tmpdir(), 'otklik-text-models');

/**
 * Checks `condition` every `intervalMs` until it holds, for at most `timeoutMs`: waiting for a condition, not for
 * some time. Says whether it came to hold.
 */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}


/**
 * The product as a newcomer runs it: the built server (server/dist) serving the built dashboard (web/dist) on
 * its own embedded PostgreSQL, seeded with the demo district. `pnpm build` must have run.
 */
export default async function setup(project: TestProject) {
  const main = join(root, 'server/dist/main.js');
  if (!existsSync(main) || !existsSync(join(root, 'web/dist/index.html'))) {
    throw new Error('Build first: pnpm build (server/dist and web/dist are needed)');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'otklik-e2e-'));
  const port = await freePort();
  const pgPort = await freePort();
  const server: ChildProcess = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      SEED_DEMO: 'true',
      DEMO_ITEMS: '300',
      DEMO_PASSWORD: 'demo',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // webhooks.e2e.ts registers a webhook on a receiver of its own at 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      // The text model, trained once by this server and read from here by every other server of the run.
      TEXT_MODEL_CACHE_DIR: TEXT_MODEL_CACHE,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const healthy = await until(async () => {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      return (await fetch(`${baseUrl}/healthz`)).ok;
    } catch {
      return false; // not listening yet
    }
  }, 90_000, 300);
  if (!healthy) throw new Error('the server did not become healthy in 90 s');
  // A fresh database has no text model: the server trains one in the background. The tests read texts, so wait
  // until it answers (it is then in TEXT_MODEL_CACHE for the other servers of the run).
  const signIn = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(username: "head", password: "demo") { token } }' }),
  });
  const token = ((await signIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  const modelReady = await until(async () => {
    const r = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ classifyText(text: "нет воды в доме") { modelVersion } }' }),
    });
    return !((await r.json()) as { errors?: unknown[] }).errors;
  }, 300_000, 1_000);
  if (!modelReady) throw new Error('the text model was not ready in 300 s');
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    if (server.exitCode) console.warn(`the server exited with ${server.exitCode} (signal ${server.signalCode ?? 'none'})`);
    // PostgreSQL may still be writing its last files after the server exits: wait for it, then remove the data.
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    if (!(await until(() => !existsSync(pidFile), 15_000, 100))) console.warn('PostgreSQL still had its pid file after 15 s');
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((e: unknown) =>
      console.warn(`could not remove ${dataDir}: ${String(e)}`),
    );
  };
}
