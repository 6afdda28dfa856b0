import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

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
  const port = 47000 + Math.floor(Math.random() * 1000);
  const server: ChildProcess = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 10000),
      SEED_DEMO: 'true',
      DEMO_ITEMS: '300',
      DEMO_PASSWORD: 'demo',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become healthy in 90 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    if (server.exitCode) console.warn(`the server exited with ${server.exitCode} (signal ${server.signalCode ?? 'none'})`);
    // PostgreSQL may still be writing its last files after the server exits: wait for it, then remove the data.
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    for (let i = 0; i < 150 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((e: unknown) =>
      console.warn(`could not remove ${dataDir}: ${String(e)}`),
    );
  };
}
