import { createServer } from 'node:net';

/** A port the OS has just handed out and taken back: free unless someone grabs it in the next instant. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port from the OS'))));
    });
  });
}

/**
 * Asks `check` until it answers something other than undefined, `intervalMs` apart, for at most `timeoutMs`.
 * Readiness is a condition to observe (a port answering, /readyz saying ok), never a fixed wait.
 */
export async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s${last ? ` (${last instanceof Error ? last.message : String(last)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const seconds = (t0: number) => (performance.now() - t0) / 1000;

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en');
}

export function fmtMs(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '–';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
