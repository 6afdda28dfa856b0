import { describe, expect, it } from 'vitest';
import { pass } from '../../../../test/clock';
import { render, settle } from '../../../../test/render';
import { itemFixture } from '../../../../test/items';
import { itemLookupQuery } from '../../graphql/item-lookup.query';
import ItemActionBar from '../ItemActionBar.vue';

const item = itemFixture({ availableActions: ['MERGE'] });

const candidate = (id: string, number: string, subject: string) => ({
  __typename: 'Item',
  id,
  number,
  kind: 'APPEAL',
  status: 'IN_PROGRESS',
  subject,
  receivedAt: '2026-11-20T07:00:00.000Z',
});
const lookup = (search: string, nodes: ReturnType<typeof candidate>[]) => ({
  request: { query: itemLookupQuery, variables: { search } },
  result: { data: { items: { __typename: 'ItemConnection', nodes } } },
});

function active(): HTMLElement {
  return document.activeElement as HTMLElement;
}

function pressEscape(): void {
  active().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
}

describe('the merge dialog', () => {
  it('keeps focus inside after a search redraws the results, closes on Escape and returns focus to the opener', async () => {
    const { wrapper } = await render(ItemActionBar, {
      props: { item },
      mocks: [
        lookup('Ленина', [candidate('i-2', '2026-000850', 'Нет воды, ул. Ленина'), candidate('i-3', '2026-000851', 'Снова нет воды')]),
        lookup('2026-0009', [candidate('i-4', '2026-000910', 'Вода по ул. Ленина')]),
      ],
    });
    const opener = wrapper.get('[data-testid="action-MERGE"]').element as HTMLButtonElement;
    opener.focus();
    await wrapper.get('[data-testid="action-MERGE"]').trigger('click');
    await settle();
    const dialog = document.querySelector('dialog')!;
    expect(dialog).not.toBeNull();
    // It opens on its first field, the search, not on the close button.
    expect(active()).toBe(wrapper.get('[data-testid="merge-search"]').element);

    await wrapper.get('[data-testid="merge-search"]').setValue('Ленина');
    await wrapper.get('[data-testid="merge-search"]').trigger('keydown', { key: 'Enter' });
    await settle();
    const first = wrapper.get('[data-testid="merge-candidate-2026-000850"]').element as HTMLInputElement;
    first.focus();
    expect(active()).toBe(first);

    // A second search draws the results anew: the focused result is gone with them.
    await wrapper.get('[data-testid="merge-search"]').setValue('2026-0009');
    await wrapper.get('[data-testid="merge-find"]').trigger('click');
    await settle();
    expect(first.isConnected).toBe(false);
    expect(wrapper.find('[data-testid="merge-candidate-2026-000910"]').exists()).toBe(true);
    expect(dialog.contains(active())).toBe(true);
    expect(active()).not.toBe(document.body);

    // A moment later (Vue ignores an event stamped no later than its listener was attached; the clock is frozen).
    await pass(1);
    pressEscape();
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
    expect(active()).toBe(opener);
  });
});
