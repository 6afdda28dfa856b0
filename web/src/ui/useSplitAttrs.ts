import { computed, useAttrs } from 'vue';

/**
 * For form fields with `inheritAttrs: false`: `class` and `style` style the wrapper (so a parent can size the
 * field), everything else (data-testid, autocomplete, name, min, …) goes to the native control.
 */
export function useSplitAttrs() {
  const attrs = useAttrs();
  const root = computed(() => ({ class: attrs.class, style: attrs.style }));
  const control = computed(() => {
    const { class: _c, style: _s, ...rest } = attrs;
    return rest;
  });
  return { root, control };
}
