import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { pass } from '../test/clock';
import { render, settle } from '../test/render';
import UiDialog from './UiDialog.vue';

/** A page with a button that opens a dialog of two fields and a button that can turn busy, or be removed. */
function page(options: { dismissible?: boolean } = {}) {
  return defineComponent({
    setup() {
      const open = ref(false);
      const busy = ref(false);
      const shown = ref(true);
      return () => [
        h('button', { 'data-testid': 'opener', onClick: () => (open.value = true) }, 'Открыть'),
        h(
          UiDialog,
          {
            open: open.value,
            'onUpdate:open': (value: boolean) => (open.value = value),
            title: 'Диалог',
            dismissible: options.dismissible ?? true,
          },
          () => [
            h('p', 'Текст'),
            h('input', { 'data-testid': 'first' }),
            h('input', { 'data-testid': 'second' }),
            shown.value ? h('button', { 'data-testid': 'gone', type: 'button' }, 'Исчезнет') : null,
            h('button', { 'data-testid': 'busy', type: 'button', disabled: busy.value, onClick: () => (busy.value = true) }, 'Найти'),
            h('button', { 'data-testid': 'remove', type: 'button', onClick: () => (shown.value = false) }, 'Убрать'),
          ],
        ),
      ];
    },
  });
}

const active = () => document.activeElement as HTMLElement;
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
function key(name: string, shiftKey = false): void {
  active().dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, cancelable: true }));
}

async function opened(options: { dismissible?: boolean } = {}) {
  const rendered = await render(page(options));
  byTestId('opener').focus();
  byTestId('opener').click();
  await settle();
  // A person acts a moment after the dialog opened (Vue ignores events no later than its listeners; the clock is frozen).
  await pass(1);
  return rendered;
}

describe('UiDialog', () => {
  it('is a native modal dialog that opens on its first field', async () => {
    await opened();
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    expect(active()).toBe(byTestId('first'));
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    await opened();
    byTestId('second').focus();
    key('Escape');
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
    expect(active()).toBe(byTestId('opener'));
  });

  it('closes when the browser reports Escape to the dialog itself (cancel), wherever focus is', async () => {
    await opened();
    (document.activeElement as HTMLElement).blur();
    const cancel = new Event('cancel', { cancelable: true });
    document.querySelector('dialog')!.dispatchEvent(cancel);
    await settle();
    expect(cancel.defaultPrevented).toBe(true);
    expect(document.querySelector('dialog')).toBeNull();
    expect(active()).toBe(byTestId('opener'));
  });

  it('brings focus back inside when the focused element is removed', async () => {
    await opened();
    byTestId('gone').focus();
    expect(active()).toBe(byTestId('gone'));
    // Removed by the content's own change (a click does not move focus here), as search results are redrawn.
    byTestId('remove').click();
    await settle();
    expect(document.querySelector('[data-testid="gone"]')).toBeNull();
    expect(document.querySelector('dialog')!.contains(active())).toBe(true);
    key('Escape');
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('brings focus back to the first field when the focused button turns busy (disabled)', async () => {
    await opened();
    byTestId('busy').focus();
    byTestId('busy').click();
    await settle();
    expect((byTestId('busy') as HTMLButtonElement).disabled).toBe(true);
    expect(active()).toBe(byTestId('first'));
  });

  it('goes round its elements with Tab and Shift+Tab', async () => {
    await opened();
    byTestId('remove').focus();
    key('Tab');
    // The close button comes first in the order of the page.
    expect(active().getAttribute('aria-label')).toBe('Закрыть');
    key('Tab', true);
    expect(active()).toBe(byTestId('remove'));
  });

  it('stays open on Escape, on the backdrop and when the browser closes it while it may not be dismissed', async () => {
    await opened({ dismissible: false });
    const dialog = document.querySelector('dialog')!;
    key('Escape');
    dialog.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    dialog.close();
    await settle();
    expect(cancel.defaultPrevented).toBe(true);
    expect(document.querySelector('dialog')).toBe(dialog);
    expect(dialog.open).toBe(true);
  });

  it('closes on a press on the backdrop, not inside the panel', async () => {
    await opened();
    const dialog = document.querySelector('dialog')!;
    byTestId('second').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await settle();
    expect(document.querySelector('dialog')).toBe(dialog);
    dialog.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
  });
});
