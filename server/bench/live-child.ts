/**
 * The IPC side of the live benchmark's server processes (bench/live-server.ts, bench/live-baseline.ts): they are
 * forked by bench/live.ts and answer its requests, each `{ id, type, data }` with `{ id, result }` or
 * `{ id, error }`.
 *   mem        a forced gc (the children run with --expose-gc), then process.memoryUsage()
 *   listeners  how many subscriptions listen for item events now (the bench waits for all N, no fixed sleep)
 *   stop       stops the server, cleans up and exits
 *   profile-start, profile-stop <file>   a V8 CPU profile of the measured changes only (LIVE_CPU_PROF), or with
 *              `heap: true` a sampling allocation profile that counts what the gc collected too (LIVE_HEAP_PROF);
 *              summarised by bench/live-profile.ts
 * plus what a child adds (the baseline: `payload`, the item change objects it broadcasts).
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
export type LiveRequest = { id: number; type: string; data?: unknown };
export type LiveReply = { id: number; result?: unknown; error?: string };
export type LiveMemory = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

export async function measuredMemory(): Promise<LiveMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // Twice, with a turn of the event loop between, so that weak callbacks and finalisers of the first run too.
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

let session: Session | null = null;
const profiling: Record<string, (data: unknown) => unknown> = {
  'profile-start': async (heap) => {
    session = new Session();
    session.connect();
    if (heap) {
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      } as never);
    } else {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
      await session.post('Profiler.start');
    }
    return true;
  },
  'profile-stop': async (data) => {
    if (!session) return false;
    const { file, heap } = data as { file: string; heap: boolean };
    const profile = heap ? (await session.post('HeapProfiler.stopSampling')).profile : (await session.post('Profiler.stop')).profile;
    session.disconnect();
    session = null;
    await writeFile(file, JSON.stringify(profile));
    return true;
  },
};

export function answerParent(own: Record<string, (data: unknown) => unknown>, stop: () => Promise<void>): void {
  const handlers = { ...profiling, ...own };
  let stopping = false;
  const quit = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
    } finally {
      process.exit(code);
    }
  };
  process.on('message', (raw) => {
    const req = raw as LiveRequest;
    if (req.type === 'stop') {
      process.send!({ id: req.id, result: true } satisfies LiveReply, () => void quit(0));
      return;
    }
    void (async () => {
      try {
        const handler = req.type === 'mem' ? measuredMemory : handlers[req.type];
        if (!handler) throw new Error(`unknown request ${req.type}`);
        process.send!({ id: req.id, result: await handler(req.data) } satisfies LiveReply);
      } catch (e) {
        process.send!({ id: req.id, error: String((e as Error)?.stack ?? e) } satisfies LiveReply);
      }
    })();
  });
  // The bench ended (or crashed): do not leave a database behind.
  process.on('disconnect', () => void quit(0));
  process.on('SIGINT', () => void quit(130));
  process.on('SIGTERM', () => void quit(143));
}
