import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { freePort } from './ports.js';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  exitedAt: () => number | null;
  /** What the server has written to stderr so far (its log). */
  log: () => string;
};

/**
 * The server as an operator runs it: `src/main.ts` in a process of its own, in production mode, with its embedded
 * PostgreSQL in `dataDir`, free ports, the demo accounts without items, the text model the global setup trained, and
 * no per-person rate limits (the tests that
 * use it are load generators with one session; the limits have test/rate-limits.test.ts). Resolves once /readyz
 * answers 200, or fails at once with the server's own words if it exits before.
 */
export async function startServerProcess(options: { dataDir: string; password: string; env?: Record<string, string>; detached?: boolean }): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    detached: options.detached ?? false,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      SEED_DEMO: 'true',
      DEMO_ITEMS: '0',
      DEMO_PASSWORD: options.password,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      RATE_LIMIT_PER_SECOND: '0',
      RATE_LIMIT_CONCURRENT: '0',
      // The base text model the global setup trained (test/global-setup.ts): read, not trained again in the background
      // for two and a half minutes of a core while the test runs.
      TEXT_MODEL_CACHE_DIR: join(tmpdir(), 'otklik-text-models'),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  let exitedAt: number | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitedAt = Date.now();
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  let onExit: (code: number | null) => void = () => undefined;
  const exitedEarly = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`the server exited with ${code} before it was ready:\n${log.slice(-3_000)}`));
    child.once('exit', onExit);
  });
  exitedEarly.catch(() => undefined);
  try {
    await Promise.race([exitedEarly, vi.waitFor(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), { timeout: 90_000, interval: 200 })]);
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw e;
  } finally {
    child.off('exit', onExit);
  }
  return { child, url, exited, exitedAt: () => exitedAt, log: () => log };
}
