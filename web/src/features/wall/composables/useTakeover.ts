import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue';

/** How long an alert holds the screen, and how many may wait behind it (more are dropped: the screen catches up). */
export const TAKEOVER_MS = 15_000;
export const TAKEOVER_QUEUE = 5;

/**
 * Alerts that take the screen over one after another, each for TAKEOVER_MS. Bounded: at most TAKEOVER_QUEUE wait,
 * the oldest waiting one gives way to a newer one; the timer goes with the component.
 */
export function useTakeover<T>(durationMs = TAKEOVER_MS, queueSize = TAKEOVER_QUEUE): { current: ShallowRef<T | null>; show(value: T): void } {
  const current = shallowRef<T | null>(null);
  const waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function next() {
    timer = undefined;
    current.value = waiting.shift() ?? null;
    if (current.value !== null) timer = setTimeout(next, durationMs);
  }

  function show(value: T) {
    if (current.value === null) {
      current.value = value;
      timer = setTimeout(next, durationMs);
      return;
    }
    waiting.push(value);
    if (waiting.length > queueSize) waiting.shift();
  }

  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearTimeout(timer);
      waiting.length = 0;
    });
  }
  return { current, show };
}
