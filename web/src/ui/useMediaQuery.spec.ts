import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { BREAKPOINTS, useCompact, useNarrow } from './useMediaQuery';

/** The test window's size (happy-dom): matchMedia follows it and says so with a `change` event, as a browser does. */
function atWidth(width: number) {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 844 });
}
afterEach(() => atWidth(1024));

describe('useMediaQuery', () => {
  it('is narrow at a phone’s 390 px, compact up to 860 px, and neither at 1440 px', () => {
    const scope = effectScope();
    atWidth(390);
    const [narrow, compact] = scope.run(() => [useNarrow(), useCompact()])!;
    expect([narrow.value, compact.value]).toEqual([true, true]);
    scope.stop();
    atWidth(BREAKPOINTS.compact);
    const [narrow2, compact2] = effectScope().run(() => [useNarrow(), useCompact()])!;
    expect([narrow2.value, compact2.value]).toEqual([false, true]);
  });

  it('follows the window when it is resized (a rotated phone), and stops listening with its scope', async () => {
    atWidth(1440);
    const scope = effectScope();
    const narrow = scope.run(() => useNarrow())!;
    expect(narrow.value).toBe(false);
    atWidth(390);
    await nextTick();
    expect(narrow.value).toBe(true);
    atWidth(1440);
    expect(narrow.value).toBe(false);
    scope.stop();
    atWidth(390);
    expect(narrow.value).toBe(false);
  });
});
