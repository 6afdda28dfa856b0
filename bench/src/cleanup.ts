import { log } from './util.js';

/**
 * What the run must undo however it ends: child processes (the server, the baselines, PostgreSQL) and temporary
 * directories. Each entry has an orderly way (awaited, in reverse order of registration: the server stops before
 * its database) and a last-resort way that works inside `process.on('exit')`, where nothing can be awaited.
 */
type Entry = { name: string; orderly: () => Promise<void>; lastResort: () => void; done: boolean };

const entries: Entry[] = [];
let running: Promise<void> | null = null;

export function onCleanup(name: string, orderly: () => Promise<void>, lastResort: () => void): () => void {
  const entry: Entry = { name, orderly, lastResort, done: false };
  entries.push(entry);
  // Undone early (a baseline stopped after its scenario): it is no longer anyone's business at exit.
  return () => {
    entry.done = true;
  };
}

/** Runs every orderly cleanup not yet done, newest first; errors are reported, not thrown. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    for (const entry of [...entries].reverse()) {
      if (entry.done) continue;
      entry.done = true;
      try {
        await entry.orderly();
      } catch (e) {
        log(`cleanup of ${entry.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        try {
          entry.lastResort();
        } catch {
          // nothing more to do
        }
      }
    }
  })();
  return running;
}

let signalled = false;

/** Whether the run is being torn down: connections dropping then are expected, not failures. */
export const stopping = () => running !== null;

/** Ctrl+C, SIGTERM, an uncaught error: clean up, then exit with the conventional code. */
export function installExitHandlers(): void {
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (signalled) {
      log(`${signal} again: leaving at once`);
      process.exit(code);
    }
    signalled = true;
    log(`${signal}: stopping the children and removing temporary data`);
    void cleanupAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('uncaughtException', (e) => {
    log(`uncaught: ${e.stack ?? e.message}`);
    void cleanupAll().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (e) => {
    log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void cleanupAll().finally(() => process.exit(1));
  });
  // If the process ends without the orderly path (process.exit elsewhere), still no child or directory is left.
  process.on('exit', () => {
    for (const entry of [...entries].reverse()) {
      if (entry.done) continue;
      entry.done = true;
      try {
        entry.lastResort();
      } catch {
        // best effort
      }
    }
  });
}
