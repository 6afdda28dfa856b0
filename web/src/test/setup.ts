import { afterEach, beforeEach, vi } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { installFakeClock } from './clock';
import { forgetWaitingOperations } from './network';

// Every test starts at the same instant on a fake clock (see clock.ts), whatever the date and the machine.
beforeEach(() => installFakeClock());

// Each test starts with no remembered language, the default document language and an empty page. (After-hooks run
// last-registered first: this one runs after the unmounting below.)
afterEach(() => {
  vi.useRealTimers();
  forgetWaitingOperations();
  localStorage.clear();
  document.documentElement.lang = '';
  document.body.innerHTML = '';
});

// What a test mounted is unmounted after it (its queries, subscriptions and timers with it), so that no test
// depends on the ones before it.
enableAutoUnmount(afterEach);
