import { createApp, h, type App } from 'vue';
import ItemToast from './components/ItemToast.vue';

/** How long a toast stays unless closed. */
export const TOAST_MS = 10_000;

let current: { app: App; el: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

/** Takes the toast away (at once; nothing when none is shown). */
export function closeToast(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.app.unmount();
  current.el.remove();
  current = null;
}

/**
 * Shows a short message at the bottom of the window that survives a navigation: the registration form says
 * "registered and merged" on the card it opens next, which is another page. Mounted on its own beside the app
 * (the layout has no place for messages that outlive a page); the message comes translated, so the toast needs
 * no i18n of its own. One at a time: a new one replaces the old.
 */
export function showToast(message: string, closeLabel: string, tone: 'success' | 'warning' = 'success', ms = TOAST_MS): void {
  closeToast();
  const el = document.createElement('div');
  document.body.appendChild(el);
  const app = createApp({ render: () => h(ItemToast, { message, closeLabel, tone, onClose: closeToast }) });
  app.mount(el);
  current = { app, el, timer: setTimeout(closeToast, ms) };
}
