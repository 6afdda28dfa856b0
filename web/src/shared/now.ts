import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** The current time (ms), ticking every `intervalMs` while the component (or effect scope) using it lives. */
export function useNow(intervalMs = 30_000): Ref<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), intervalMs);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  return now;
}
