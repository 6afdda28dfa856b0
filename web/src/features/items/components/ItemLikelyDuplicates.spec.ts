import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { render, settle } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { itemLikelyDuplicatesQuery } from '../graphql/item-likely-duplicates.query';
import { mergeItemMutation } from '../graphql/merge-item.mutation';
import ItemLikelyDuplicates from './ItemLikelyDuplicates.vue';

const candidate = (id: string, number: string, similarity: number, samePlace: boolean, sameCategory: boolean, text: string) => ({
  __typename: 'DuplicateCandidate',
  similarity,
  samePlace,
  sameCategory,
  item: { __typename: 'Item', id, number, status: 'IN_PROGRESS', receivedAt: '2026-11-24T21:30:00.000Z', subject: null, text },
});
const longText = `Нет воды на ул. Ленина ${'и давление слабое '.repeat(20)}`;
const listed = (...candidates: ReturnType<typeof candidate>[]) => ({
  request: { query: itemLikelyDuplicatesQuery, variables: { id: 'i-1' } },
  result: { data: { item: { __typename: 'Item', id: 'i-1', likelyDuplicates: candidates } } },
});
const two = listed(
  candidate('i-2', '2026-000850', 0.82, true, true, longText),
  candidate('i-3', '2026-000870', 0.47, false, true, 'Снова нет воды'),
);

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const rows = (wrapper: Wrapper) => wrapper.findAll('[data-testid="likely-duplicate"]');

describe('ItemLikelyDuplicates', () => {
  it('lists the likely duplicates, most similar first: number, date at municipal time, status, similarity, same place and category, a snippet', async () => {
    const { wrapper } = await render(ItemLikelyDuplicates, { props: { item: itemFixture({ availableActions: ['MERGE'] }) }, mocks: [two] });
    expect(wrapper.text()).toContain('Возможные дубликаты');
    const [first, second] = rows(wrapper);
    expect(first!.attributes('data-number')).toBe('2026-000850');
    expect(first!.get('a').attributes('href')).toBe('/items/i-2');
    // 21:30 UTC on the 24th is already the 25th in Volgograd.
    expect(first!.get('time').text()).toBe('25.11.2026');
    expect(first!.text()).toContain('В работе');
    expect(first!.get('[data-testid="duplicate-similarity"]').text().replace(/\s/g, ' ')).toBe('сходство 82 %');
    expect(first!.find('[data-testid="duplicate-same-place"]').exists()).toBe(true);
    expect(first!.find('[data-testid="duplicate-same-category"]').exists()).toBe(true);
    const snippet = first!.get('.candidate__text').text();
    expect(snippet.length).toBeLessThanOrEqual(161);
    expect(snippet.endsWith('…')).toBe(true);
    expect(second!.find('[data-testid="duplicate-same-place"]').exists()).toBe(false);
    expect(second!.get('.candidate__text').text()).toBe('Снова нет воды');
  });

  it('merges this item into the one chosen in one click: mergeItem with this item, its version and that item as the parent', async () => {
    const merged = itemFixture({ status: 'MERGED', version: 4, availableActions: [] });
    const result = vi.fn(() => ({ data: { mergeItem: merged } }));
    const { wrapper } = await render(ItemLikelyDuplicates, {
      props: { item: itemFixture({ version: 3, availableActions: ['MERGE'] }) },
      mocks: [two, { request: { query: mergeItemMutation, variables: { id: 'i-1', version: 3, parentId: 'i-3' } }, result }],
    });
    await wrapper.get('[data-testid="duplicate-merge-2026-000870"]').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('merged')?.[0]).toEqual([expect.objectContaining({ status: 'MERGED' }), '2026-000870']);
  });

  it('offers no merge when the server does not, and shows nothing when there is no likely duplicate', async () => {
    const { wrapper } = await render(ItemLikelyDuplicates, { props: { item: itemFixture({ availableActions: ['ASSIGN'] }) }, mocks: [two] });
    expect(rows(wrapper)).toHaveLength(2);
    expect(wrapper.find('[data-testid^="duplicate-merge-"]').exists()).toBe(false);

    const none = await render(ItemLikelyDuplicates, { props: { item: itemFixture({ availableActions: ['MERGE'] }) }, mocks: [listed()] });
    expect(none.wrapper.text()).toBe('');
  });

  it('offers to reload when someone else changed the item meanwhile', async () => {
    const { wrapper } = await render(ItemLikelyDuplicates, {
      props: { item: itemFixture({ availableActions: ['MERGE'] }) },
      mocks: [
        two,
        {
          request: { query: mergeItemMutation },
          variableMatcher: () => true,
          result: { errors: [new GraphQLError('Changed', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } })] },
        },
      ],
    });
    await wrapper.get('[data-testid="duplicate-merge-2026-000850"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="duplicate-merge-error"]').exists()).toBe(true);
    await wrapper.get('[data-testid="duplicate-reload"]').trigger('click');
    expect(wrapper.emitted('reload')).toHaveLength(1);
    expect(wrapper.emitted('merged')).toBeUndefined();
  });

  it('asks for the list again when the item changes', async () => {
    const again = { ...two, result: vi.fn(() => two.result), maxUsageCount: 2 };
    const { wrapper } = await render(ItemLikelyDuplicates, { props: { item: itemFixture({ version: 3, availableActions: ['MERGE'] }) }, mocks: [again] });
    expect(again.result).toHaveBeenCalledTimes(1);
    await wrapper.setProps({ item: itemFixture({ version: 4, availableActions: ['MERGE'], category: null }) });
    await settle();
    expect(again.result).toHaveBeenCalledTimes(2);
  });
});
