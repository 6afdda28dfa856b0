import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ItemFieldsFragment } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { blankRoutes, meMock, render, settle } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { itemQuery } from '../graphql/item.query';
import { itemPartsQuery } from '../graphql/item-parts.query';
import { startItemMutation } from '../graphql/start-item.mutation';
import { createLiveTestClient, itemChange, liveItemFixture } from '../test/live-server';
import ItemPage from '../pages/ItemPage.vue';
import { DONE_NOTICE_MS } from './useItemAction';

/**
 * The card of an assigned item, opened by the head, after the head started it (version 4). Its lists, fetched again
 * after a live event, are those of `listsVersion`.
 */
async function startedCard(listsVersion: number) {
  const started = itemFixture({ status: 'IN_PROGRESS', version: 4, availableActions: ['SUBMIT_ANSWER'] });
  const mocks: MockedResponse[] = [
    meMock('HEAD'),
    { request: { query: itemQuery, variables: { id: 'i-1' } }, result: { data: { item: itemFixture({ status: 'ASSIGNED', availableActions: ['START'] }) } } },
    { request: { query: startItemMutation, variables: { id: 'i-1', version: 3 } }, result: { data: { startItem: started } } },
    {
      request: { query: itemPartsQuery, variables: { id: 'i-1' } },
      result: vi.fn(() => ({ data: { item: { __typename: 'Item', id: 'i-1', version: listsVersion, parent: null, duplicates: [], answers: [], attachments: [], history: itemFixture().history } } })),
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
  ];
  const { client, live } = createLiveTestClient(mocks);
  const routes = blankRoutes.filter((r) => r.name !== 'item').concat({ name: 'item', path: '/items/:id', component: ItemPage });
  const rendered = await render(ItemPage, { client, routes, route: '/items/i-1' });
  await rendered.wrapper.get('[data-testid="action-START"]').trigger('click');
  await settle();
  expect(rendered.wrapper.get('[data-testid="action-done"]').text()).toBe('Готово: Взято в работу');
  return { ...rendered, live };
}

const shown = (wrapper: Awaited<ReturnType<typeof startedCard>>['wrapper']) => wrapper.find('[data-testid="action-done"]').exists();

describe('the notice of a done action on the card', () => {
  it('goes when a live update moves the item on to a newer version', async () => {
    const { wrapper, live } = await startedCard(5);
    live.push(
      'ItemCardEvents',
      itemChange(liveItemFixture({ status: 'ON_REVIEW', version: 5, availableActions: [] } as Partial<ItemFieldsFragment>), {
        cursor: '42',
        type: 'STATUS_CHANGED',
        at: '2026-11-27T09:00:30.000Z',
      }),
    );
    await settle();
    expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('ON_REVIEW');
    expect(shown(wrapper)).toBe(false);
  });

  it('stays while the item is as the action left it, and goes after its time', async () => {
    const { wrapper, live } = await startedCard(4);
    // The event of the person's own change (the same version) is not a change under the notice.
    live.push('ItemCardEvents', itemChange(liveItemFixture({ status: 'IN_PROGRESS', version: 4 }), { cursor: '41', type: 'STATUS_CHANGED', at: '2026-11-27T09:00:00.000Z' }));
    await settle();
    await pass(DONE_NOTICE_MS / 2);
    expect(shown(wrapper)).toBe(true);
    await pass(DONE_NOTICE_MS / 2);
    expect(shown(wrapper)).toBe(false);
  });
});
