import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { render, settle } from '../../../../test/render';
import { itemFixture } from '../../../../test/items';
import { classifyItemMutation } from '../../graphql/classify-item.mutation';
import { classifyOptionsMock, machineFixture } from '../../test/machine-fixtures';
import ItemActionBar from '../ItemActionBar.vue';
import ClassifyForm from './ClassifyForm.vue';

/** An item the machine was not sure about: no category, waiting in TO_CLASSIFY, with the machine's proposal. */
const unsure = itemFixture({
  version: 5,
  category: null,
  sector: null,
  settlement: null,
  address: null,
  urgent: false,
  classifiedBy: null,
  machine: machineFixture({ confidence: 0.41, applied: [] }),
  availableActions: ['CLASSIFY', 'ASSIGN'],
});

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);
const checkbox = (wrapper: Wrapper) => field(wrapper, 'classify-urgent').element as HTMLInputElement;

describe('ClassifyForm', () => {
  it("opens with the machine's proposal chosen for an item without a category, the place it found, and says to check it", async () => {
    const { wrapper } = await render(ClassifyForm, { props: { item: unsure }, mocks: [classifyOptionsMock] });
    expect((field(wrapper, 'classify-category').element as HTMLSelectElement).value).toBe('ZHKH_WATER');
    expect(wrapper.text()).toContain('Выбрано предложение модели (41');
    expect((field(wrapper, 'classify-settlement').element as HTMLSelectElement).value).toBe('st-2');
    // The categories by sector, the inactive ones left out.
    const groups = field(wrapper, 'classify-category').findAll('optgroup').map((g) => g.attributes('label'));
    expect(groups).toEqual(['ЖКХ', 'Благоустройство']);
    expect(field(wrapper, 'classify-category').find('option[value="BLAG_OLD"]').exists()).toBe(false);
  });

  it("keeps the item's own category when it has one", async () => {
    const { wrapper } = await render(ClassifyForm, {
      props: { item: itemFixture({ machine: machineFixture({ categoryCode: 'ZHKH_HEATING' }), availableActions: ['CLASSIFY'] }) },
      mocks: [classifyOptionsMock],
    });
    expect((field(wrapper, 'classify-category').element as HTMLSelectElement).value).toBe('ZHKH_WATER');
    expect(wrapper.text()).not.toContain('Выбрано предложение модели');
  });

  it('offers urgency only for a category that can be urgent, and unticks it when such a category is left', async () => {
    const { wrapper } = await render(ClassifyForm, { props: { item: unsure }, mocks: [classifyOptionsMock] });
    expect(checkbox(wrapper).disabled).toBe(false);
    await field(wrapper, 'classify-urgent').setValue(true);
    await field(wrapper, 'classify-category').setValue('BLAG_LIGHTING');
    expect(checkbox(wrapper).disabled).toBe(true);
    expect(checkbox(wrapper).checked).toBe(false);
    expect(wrapper.text()).toContain('Обращения этой категории не бывают срочными');
  });

  it('classifies with the category, urgency, settlement and address chosen, at the version seen', async () => {
    const classified = itemFixture({ version: 6, urgent: true, classifiedBy: 'STAFF', availableActions: ['CLASSIFY', 'ASSIGN'] });
    const result = vi.fn(() => ({ data: { classifyItem: classified } }));
    const { wrapper } = await render(ClassifyForm, {
      props: { item: unsure },
      mocks: [
        classifyOptionsMock,
        {
          request: {
            query: classifyItemMutation,
            variables: {
              id: 'i-1',
              version: 5,
              input: { categoryCode: 'ZHKH_HEATING', urgent: true, settlementId: 'st-1', address: 'ул. Ленина, 3', comment: null },
            },
          },
          result,
        },
      ],
    });
    await field(wrapper, 'classify-category').setValue('ZHKH_HEATING');
    await field(wrapper, 'classify-urgent').setValue(true);
    await field(wrapper, 'classify-settlement').setValue('st-1');
    await field(wrapper, 'classify-address').setValue(' ул. Ленина, 3 ');
    await field(wrapper, 'classify-submit').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('done')?.[0]).toEqual([expect.objectContaining({ version: 6, classifiedBy: 'STAFF' })]);
  });

  it("shows the server's refusal of urgency beside the form in Russian", async () => {
    const { wrapper } = await render(ClassifyForm, {
      props: { item: unsure },
      mocks: [
        classifyOptionsMock,
        {
          request: { query: classifyItemMutation },
          variableMatcher: () => true,
          result: { errors: [new GraphQLError('Bad input', { extensions: { code: 'BAD_USER_INPUT' } })] },
        },
      ],
    });
    await field(wrapper, 'classify-submit').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="action-error"]').exists()).toBe(true);
    expect(wrapper.emitted('done')).toBeUndefined();
  });
});

describe('the CLASSIFY action on the card', () => {
  it('is the main button for an item without a category and opens the classification form', async () => {
    const { wrapper } = await render(ItemActionBar, { props: { item: unsure }, mocks: [classifyOptionsMock] });
    const button = field(wrapper, 'action-CLASSIFY');
    expect(button.text()).toBe('Классифицировать');
    expect(button.classes()).toContain('btn--primary');
    expect(field(wrapper, 'action-ASSIGN').classes()).not.toContain('btn--primary');
    await button.trigger('click');
    await settle();
    expect(document.querySelector('dialog')?.textContent).toContain('Классифицировать');
    expect(wrapper.find('[data-testid="classify-category"]').exists()).toBe(true);
  });

  it('is a secondary button for an item that has a category', async () => {
    const { wrapper } = await render(ItemActionBar, { props: { item: itemFixture({ availableActions: ['CLASSIFY', 'ASSIGN'] }) } });
    expect(field(wrapper, 'action-CLASSIFY').classes()).not.toContain('btn--primary');
    expect(field(wrapper, 'action-ASSIGN').classes()).toContain('btn--primary');
  });
});
