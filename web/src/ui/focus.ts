import { nextTick } from 'vue';

/** After a failed submit: bring the first field with a problem (or the error message) into view and focus it. */
export async function revealFirstProblem(container: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  const target =
    container?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    container?.querySelector<HTMLElement>('fieldset[aria-describedby] input') ??
    container?.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  if (typeof target.focus === 'function') target.focus({ preventScroll: true });
}

/** What can take focus from the keyboard. */
const FOCUSABLE = [
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'button:not([disabled])',
  'a[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');
/** What a person types into: a dialog opens on the first of these. */
const FIELD = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

function usable(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.isConnected && !element.closest('[hidden], [inert]') && !(element as HTMLButtonElement).disabled;
}

/** The elements of `container` that Tab reaches, in document order. */
export function focusablesIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll(FOCUSABLE)].filter(usable);
}

/**
 * Where focus goes when a dialog opens: an element marked `autofocus`, else the first field, else the first thing
 * that takes focus outside `[data-focus-last]` (the close button), else the container itself.
 */
export function initialFocusIn(container: HTMLElement): HTMLElement {
  const marked = [...container.querySelectorAll('[autofocus]')].find(usable);
  const field = [...container.querySelectorAll(FIELD)].find(usable);
  const other = focusablesIn(container).find((element) => !element.closest('[data-focus-last]'));
  return marked ?? field ?? other ?? container;
}

/** Focus is lost when nothing has it (`<body>`) or its element in `container` can no longer take it. */
function focusLost(container: HTMLElement): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body || active === document.documentElement) return true;
  return active !== container && container.contains(active) && !usable(active);
}

/**
 * Keeps the focus inside `container` (an open modal dialog) whatever its content does: Tab and Shift+Tab go round
 * its elements, and when the focused element is removed or disabled under the person (a list of search results
 * drawn anew, a button that turns into a spinner), focus comes back to the element focused last if it can take it
 * again, else to the dialog's first field — never to the page behind, where Escape and Tab would no longer reach
 * the dialog. A native modal `<dialog>` makes the page behind inert; this covers what it does not (focus lost
 * to `<body>`) and browsers and test DOMs without it. Returns the function that lets go.
 */
export function keepFocusWithin(container: HTMLElement): () => void {
  let last: HTMLElement | null = null;
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && container.contains(event.target)) last = event.target;
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const items = focusablesIn(container);
    if (!items.length) {
      event.preventDefault();
      container.focus();
      return;
    }
    const first = items[0]!;
    const final = items[items.length - 1]!;
    const active = document.activeElement;
    const outside = !active || !items.includes(active as HTMLElement);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      final.focus();
    } else if (!event.shiftKey && (active === final || outside)) {
      event.preventDefault();
      first.focus();
    }
  };
  const restore = () => {
    if (!container.isConnected || !focusLost(container)) return;
    const target = last && container.contains(last) && usable(last) ? last : initialFocusIn(container);
    target.focus({ preventScroll: true });
  };
  // Removal and disabling do not always send `focusout` (browsers differ), so the content's changes are watched.
  const observer = new MutationObserver(restore);
  observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert'] });
  const onFocusOut = (event: FocusEvent) => {
    // Focus leaving for nothing (`relatedTarget` null, e.g. its element disabled) is brought back after the change.
    if (event.relatedTarget === null) queueMicrotask(restore);
  };
  container.addEventListener('focusin', onFocusIn);
  container.addEventListener('focusout', onFocusOut);
  container.addEventListener('keydown', onKeydown);
  return () => {
    observer.disconnect();
    container.removeEventListener('focusin', onFocusIn);
    container.removeEventListener('focusout', onFocusOut);
    container.removeEventListener('keydown', onKeydown);
  };
}
