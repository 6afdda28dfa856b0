import { onScopeDispose, ref, type Ref } from 'vue';

/**
 * The widths below which the dashboard changes its layout. The same figures are written in the components' CSS
 * (`@media (max-width: 720px)`, `(max-width: 860px)`), which cannot read them; change both together.
 * - `narrow` (a phone, up to 720 px): lists become cards, filters fold into a panel.
 * - `compact` (up to 860 px): the navigation folds into a menu behind a button.
 * - `medium` (up to 1180 px): wide tables leave out their least needed columns.
 */
export const BREAKPOINTS = { narrow: 720, compact: 860, medium: 1180 } as const;

export const NARROW_QUERY = `(max-width: ${BREAKPOINTS.narrow}px)`;
export const COMPACT_QUERY = `(max-width: ${BREAKPOINTS.compact}px)`;
export const MEDIUM_QUERY = `(max-width: ${BREAKPOINTS.medium}px)`;

/**
 * Whether a CSS media query matches now, following the window as it changes (a rotated phone, a resized window).
 * Where there is no `matchMedia` (server-side or an old engine), it never matches: the wide layout.
 */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  if (list) {
    const onChange = (event: MediaQueryListEvent) => (matches.value = event.matches);
    list.addEventListener('change', onChange);
    onScopeDispose(() => list.removeEventListener('change', onChange));
  }
  return matches;
}

/** A phone: lists as cards, filters in a panel. */
export const useNarrow = () => useMediaQuery(NARROW_QUERY);
/** The navigation in a menu behind a button. */
export const useCompact = () => useMediaQuery(COMPACT_QUERY);
/** Wide tables without their least needed columns. */
export const useMedium = () => useMediaQuery(MEDIUM_QUERY);
