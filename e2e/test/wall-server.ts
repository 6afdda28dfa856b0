import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { TEXT_MODEL_CACHE } from './global-setup.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Checks `condition` every `intervalMs` until it holds, for at most `timeoutMs`; says whether it came to hold. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * A server of the wall's own, apart from the one every e2e test shares: the wall's test stops and restarts it. The
 * built server (server/dist) on its own embedded PostgreSQL in its own data directory and ports, seeded with a small
 * demo district. `start()` again after `stop()` keeps the data directory and the ports, as a restart of the service.
 */

export class OwnServer {
  /** Chosen at the first start and kept for the restarts. */
  port = 0;
  private pgPort = 0;
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  private dataDir: string | null = null;
  private child: ChildProcess | null = null;

  async start(): Promise<void> {
    if (!this.port) {
      this.port = await freePort();
      this.pgPort = await freePort();
    }
    const main = join(root, 'server/dist/main.js');
    if (!existsSync(main) || !existsSync(join(root, 'web/dist/index.html'))) {
      throw new Error('Build first: pnpm build (server/dist and web/dist are needed)');
    }
    this.dataDir ??= await mkdtemp(join(tmpdir(), 'otklik-e2e-wall-'));
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        // The text model the run's first server trained (global-setup.ts), not trained again.
        TEXT_MODEL_CACHE_DIR: TEXT_MODEL_CACHE,
        EMBEDDED_PG_PORT: String(this.pgPort),
        SEED_DEMO: 'true',
        DEMO_ITEMS: '150',
        DEMO_PASSWORD: 'demo',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        WALL_TILE_URL: '',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.child = child;
    const healthy = await until(async () => {
      if (child.exitCode !== null) throw new Error(`the wall's server exited with ${child.exitCode}`);
      try {
        return (await fetch(`${this.baseUrl}/healthz`)).ok;
      } catch {
        return false; // not listening yet
      }
    }, 90_000, 300);
    if (!healthy) throw new Error('the wall’s server did not become healthy in 90 s');
  }

  /** Stops the server (SIGTERM: it shuts its PostgreSQL down itself) and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    // Its PostgreSQL writes its last files after the server exits: a restart waits for it.
    const pidFile = join(this.dataDir!, 'pg', 'postmaster.pid');
    await until(() => !existsSync(pidFile), 15_000, 100);
  }

  /** Stops it and removes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.dataDir) {
      await rm(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((e: unknown) =>
        console.warn(`could not remove ${this.dataDir}: ${String(e)}`),
      );
    }
  }

  /** A GraphQL request over HTTP with a bearer token (no cookie). */
  async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
}
