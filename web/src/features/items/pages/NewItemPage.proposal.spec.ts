import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ClassifyTextQuery, LikelyDuplicatesQuery } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { createTestClient, render, settle, signedIn } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { viewerFixture } from '../../../test/fixtures';
import { meQuery } from '../../auth/graphql/me.query';
import { classifyTextQuery } from '../graphql/classify-text.query';
import { createItemMutation } from '../graphql/create-item.mutation';
import { likelyDuplicatesQuery } from '../graphql/likely-duplicates.query';
import { mergeItemMutation } from '../graphql/merge-item.mutation';
import { newItemOptionsQuery } from '../graphql/new-item-options.query';
import { slaPreviewQuery } from '../graphql/sla-preview.query';
import { NOT_READY_RETRY_MS } from '../composables/useTextProposal';
import { closeToast } from '../toast';
import NewItemPage from './NewItemPage.vue';

// The machine's proposal in the registration form: asked as the operator types, taken only on their click.

const optionsMock: MockedResponse = {
  request: { query: newItemOptionsQuery },
  result: {
    data: {
      sectors: [
        {
          __typename: 'Sector',
          id: 's-1',
          code: 'ZHKH',
          name: 'ЖКХ',
          nameEn: 'Housing and utilities',
          categories: [
            { __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply', active: true, urgentCapable: true },
            { __typename: 'Category', id: 'c-2', code: 'ZHKH_BILLING', name: 'Плата за ЖКУ', nameEn: 'Utility bills', active: true, urgentCapable: false },
          ],
        },
        {
          __typename: 'Sector',
          id: 's-2',
          code: 'BLAGO',
          name: 'Благоустройство',
          nameEn: 'Public amenities',
          categories: [{ __typename: 'Category', id: 'c-3', code: 'WASTE_COLLECTION', name: 'Вывоз мусора', nameEn: 'Waste collection', active: true, urgentCapable: false }],
        },
      ],
      settlements: [
        { __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино', kind: 'URBAN' },
        { __typename: 'Settlement', id: 'st-2', name: 'Лысовское сельское поселение', kind: 'RURAL' },
      ],
    },
  },
};

/** The deadlines preview is not what these tests check: it answers whatever it is asked. */
const anyPreview: MockedResponse = {
  request: { query: slaPreviewQuery },
  variableMatcher: () => true,
  result: { data: { slaPreview: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

type Classification = ClassifyTextQuery['classifyText'];

const WATER_TEXT = 'Третий день нет воды в хуторе Лысове на улице Садовой, 12';
const WATER: Classification = {
  sectorCode: 'ZHKH',
  sectorConfidence: 0.93,
  categoryCode: 'ZHKH_WATER',
  confidence: 0.87,
  alternatives: [
    { categoryCode: 'ZHKH_BILLING', sectorCode: 'ZHKH', confidence: 0.06 },
    { categoryCode: 'WASTE_COLLECTION', sectorCode: 'BLAGO', confidence: 0.03 },
  ],
  urgent: true,
  urgentScore: 0.81,
  urgentReasons: ['NO_WATER'],
  place: {
    settlement: { id: 'st-2', name: 'Лысовское сельское поселение' },
    locality: { name: 'Лысов', kind: 'хутор' },
    street: 'ул. Садовая',
    house: '12',
    confidence: 0.9,
  },
  modelVersion: 'base-1',
};

/** The server's answer, with the type names it gives, for exactly this text and channel. */
function withTypenames(c: Classification) {
  return {
    __typename: 'Classification',
    ...c,
    alternatives: c.alternatives.map((a) => ({ __typename: 'ClassificationAlternative', ...a })),
    place: c.place && {
      __typename: 'Place',
      ...c.place,
      settlement: c.place.settlement && { __typename: 'PlaceSettlement', ...c.place.settlement },
      locality: c.place.locality && { __typename: 'PlaceLocality', ...c.place.locality },
    },
  };
}

function classify(text: string, answer: Classification, calls = vi.fn(), channel: string | null = null): MockedResponse {
  return {
    request: { query: classifyTextQuery, variables: { text, channel } },
    result: () => {
      calls();
      return { data: { classifyText: withTypenames(answer) } };
    },
  };
}

/** No duplicates, however asked (unless a test says otherwise). */
const noDuplicates: MockedResponse = {
  request: { query: likelyDuplicatesQuery },
  variableMatcher: () => true,
  result: { data: { likelyDuplicates: [] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The pause in typing after which the form asks for the proposal and the duplicates. */
const pause = async () => {
  await pass(400);
  await settle();
};

async function openForm(mocks: MockedResponse[]) {
  const viewer = viewerFixture('HEAD');
  const client = createTestClient([
    { request: { query: meQuery }, result: { data: { me: viewer } }, maxUsageCount: Number.POSITIVE_INFINITY },
    optionsMock,
    anyPreview,
    ...mocks,
  ]);
  signedIn(client, viewer);
  const rendered = await render(NewItemPage, { client, route: '/items/new' });
  await pause();
  return rendered;
}

type Wrapper = Awaited<ReturnType<typeof openForm>>['wrapper'];
const get = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);
const has = (wrapper: Wrapper, id: string) => wrapper.find(`[data-testid="${id}"]`).exists();
const value = (wrapper: Wrapper, id: string) => (get(wrapper, id).element as HTMLInputElement).value;

afterEach(() => closeToast());

describe('NewItemPage: the machine proposal', () => {
  it('proposes category, sector, confidence, urgency and place once the operator pauses, not while typing', async () => {
    const asked = vi.fn();
    const { wrapper } = await openForm([classify(WATER_TEXT, WATER, asked), noDuplicates]);
    // Too short a text asks nothing and shows no panel.
    await get(wrapper, 'item-text').setValue('Нет воды');
    await pause();
    expect(has(wrapper, 'text-proposal')).toBe(false);

    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pass(399);
    await settle();
    expect(asked).not.toHaveBeenCalled();
    expect(get(wrapper, 'proposal-waiting').text()).toBe('Система читает текст…');
    await pass(1);
    await settle();
    expect(asked).toHaveBeenCalledTimes(1);

    expect(get(wrapper, 'text-proposal').text()).toContain('Предложение системы');
    expect(get(wrapper, 'proposal-category').text()).toBe('Водоснабжение');
    expect(get(wrapper, 'proposal-confidence').text()).toMatch(/^уверенность 87\s%$/);
    expect(get(wrapper, 'proposal-sector').text()).toMatch(/^Блок: ЖКХ \(93\s%\)$/);
    expect(get(wrapper, 'proposal-alternative-ZHKH_BILLING').text()).toMatch(/^Плата за ЖКУ · 6\s%$/);
    expect(get(wrapper, 'proposal-urgent').attributes('data-urgent')).toBe('true');
    expect(get(wrapper, 'proposal-urgent').text()).toContain('Экстренное');
    expect(get(wrapper, 'proposal-urgent').text()).toContain('Нет воды');
    expect(get(wrapper, 'proposal-settlement').text()).toBe('Лысовское сельское поселение');
    expect(get(wrapper, 'proposal-address').text()).toBe('хутор Лысов, ул. Садовая, 12');
    // Nothing is taken by itself.
    expect(value(wrapper, 'item-category')).toBe('');
    expect(value(wrapper, 'item-settlement')).toBe('');
    expect(value(wrapper, 'item-address')).toBe('');
    expect((get(wrapper, 'item-urgent').element as HTMLInputElement).checked).toBe(false);
  });

  it('fills category, settlement, address and urgency on "Принять всё", and each part by its own button', async () => {
    const { wrapper } = await openForm([classify(WATER_TEXT, WATER), noDuplicates]);
    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pause();
    // Urgency needs a category that can be urgent: until one is chosen, the panel says so instead of a button.
    expect(has(wrapper, 'proposal-accept-urgent')).toBe(false);
    expect(has(wrapper, 'proposal-urgent-needs-category')).toBe(true);

    await get(wrapper, 'proposal-accept-category').trigger('click');
    expect(value(wrapper, 'item-category')).toBe('ZHKH_WATER');
    expect(get(wrapper, 'proposal-accept-category').text()).toBe('Принято');
    await get(wrapper, 'proposal-accept-urgent').trigger('click');
    expect((get(wrapper, 'item-urgent').element as HTMLInputElement).checked).toBe(true);
    await get(wrapper, 'proposal-accept-place').trigger('click');
    expect(value(wrapper, 'item-settlement')).toBe('st-2');
    expect(value(wrapper, 'item-address')).toBe('хутор Лысов, ул. Садовая, 12');
    expect(has(wrapper, 'proposal-place-filled')).toBe(true);
    expect(get(wrapper, 'proposal-accept-all').attributes('disabled')).toBeDefined();
  });

  it('takes everything in one click, and an alternative on its click', async () => {
    const { wrapper } = await openForm([classify(WATER_TEXT, WATER), noDuplicates]);
    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pause();
    await get(wrapper, 'proposal-accept-all').trigger('click');
    expect(value(wrapper, 'item-category')).toBe('ZHKH_WATER');
    expect((get(wrapper, 'item-urgent').element as HTMLInputElement).checked).toBe(true);
    expect(value(wrapper, 'item-settlement')).toBe('st-2');
    expect(value(wrapper, 'item-address')).toBe('хутор Лысов, ул. Садовая, 12');

    await get(wrapper, 'proposal-alternative-WASTE_COLLECTION').trigger('click');
    await settle();
    expect(value(wrapper, 'item-category')).toBe('WASTE_COLLECTION');
    // A category that cannot be urgent takes urgency away, as choosing it by hand does.
    expect((get(wrapper, 'item-urgent').element as HTMLInputElement).checked).toBe(false);
  });

  it('never replaces what the operator chose by hand: a new proposal leaves the category, the place fills only empty fields', async () => {
    const later = `${WATER_TEXT}, и счёт пришёл`;
    const { wrapper } = await openForm([
      classify(WATER_TEXT, WATER),
      classify(later, { ...WATER, categoryCode: 'ZHKH_BILLING', confidence: 0.6, urgent: false, urgentReasons: [] }),
      noDuplicates,
    ]);
    await get(wrapper, 'item-category').setValue('WASTE_COLLECTION');
    await get(wrapper, 'item-address').setValue('ул. Садовая, 14');
    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pause();
    expect(get(wrapper, 'proposal-category').text()).toBe('Водоснабжение');
    expect(value(wrapper, 'item-category')).toBe('WASTE_COLLECTION');

    await get(wrapper, 'item-text').setValue(later);
    await pause();
    expect(get(wrapper, 'proposal-category').text()).toBe('Плата за ЖКУ');
    expect(value(wrapper, 'item-category')).toBe('WASTE_COLLECTION');

    // The settlement was empty and is filled; the address typed by hand stays.
    await get(wrapper, 'proposal-accept-place').trigger('click');
    expect(value(wrapper, 'item-settlement')).toBe('st-2');
    expect(value(wrapper, 'item-address')).toBe('ул. Садовая, 14');
    expect(value(wrapper, 'item-category')).toBe('WASTE_COLLECTION');
  });

  it('says quietly that the model is still training, keeps the form usable, and asks again later by itself', async () => {
    const asked = vi.fn();
    const { wrapper } = await openForm([
      {
        request: { query: classifyTextQuery, variables: { text: WATER_TEXT, channel: 'PHONE' } },
        result: () => {
          asked();
          return {
            errors: [
              { message: 'The text model is still training', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TEXT_MODEL_NOT_READY' } },
            ],
          };
        },
      },
      classify(WATER_TEXT, WATER, asked, 'PHONE'),
      noDuplicates,
    ]);
    await get(wrapper, 'item-channel').setValue('PHONE');
    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pause();
    expect(asked).toHaveBeenCalledTimes(1);
    expect(get(wrapper, 'proposal-not-ready').text()).toContain('Модель ещё обучается');
    expect(has(wrapper, 'proposal-category')).toBe(false);
    // The form is not blocked: no error of the form, fields and the submit button are usable.
    expect(has(wrapper, 'item-error')).toBe(false);
    expect(get(wrapper, 'item-submit').attributes('disabled')).toBeUndefined();
    await get(wrapper, 'item-category').setValue('ZHKH_WATER');
    expect(value(wrapper, 'item-category')).toBe('ZHKH_WATER');

    await pass(NOT_READY_RETRY_MS);
    await settle();
    expect(asked).toHaveBeenCalledTimes(2);
    expect(has(wrapper, 'proposal-not-ready')).toBe(false);
    expect(get(wrapper, 'proposal-category').text()).toBe('Водоснабжение');
  });

  it('registers the item as a duplicate and merges it into the offered one in one click, then opens that card', async () => {
    const main = { id: 'i-main', number: '2026-000123', status: 'IN_PROGRESS' as const, version: 4 };
    const candidates: LikelyDuplicatesQuery['likelyDuplicates'] = [
      {
        similarity: 0.72,
        samePlace: true,
        sameCategory: true,
        item: {
          ...main,
          subject: null,
          text: 'В хуторе Лысове на улице Садовой нет воды уже три дня, водовоз не приезжает, просим принять меры срочно.',
          receivedAt: '2026-11-25T07:00:00.000Z',
          settlement: { id: 'st-2', name: 'Лысовское сельское поселение' },
        },
      },
    ];
    const order: string[] = [];
    const duplicatesAsked = vi.fn();
    const { wrapper, router } = await openForm([
      classify(WATER_TEXT, WATER, vi.fn(), 'PHONE'),
      {
        request: { query: likelyDuplicatesQuery },
        // Asked with the place and category the machine proposes, before the operator accepted anything.
        variableMatcher: (v) => v.text === WATER_TEXT && v.settlementId === 'st-2' && v.categoryCode === 'ZHKH_WATER' && v.first === 3,
        result: () => {
          duplicatesAsked();
          return {
            data: {
              likelyDuplicates: candidates.map((c) => ({
                __typename: 'DuplicateCandidate',
                ...c,
                item: { __typename: 'Item', ...c.item, settlement: { __typename: 'Settlement', ...c.item.settlement } },
              })),
            },
          };
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      noDuplicates,
      {
        request: { query: createItemMutation },
        variableMatcher: (v) => v.input.text === WATER_TEXT && v.input.channel === 'PHONE' && v.input.register === true,
        result: () => {
          order.push('createItem');
          return { data: { createItem: itemFixture({ id: 'i-new', number: '2026-000999', version: 1 }) } };
        },
      },
      {
        request: { query: mergeItemMutation, variables: { id: 'i-new', version: 1, parentId: 'i-main' } },
        result: () => {
          order.push('mergeItem');
          return { data: { mergeItem: itemFixture({ id: 'i-new', number: '2026-000999', version: 2, status: 'MERGED' }) } };
        },
      },
    ]);
    await get(wrapper, 'item-channel').setValue('PHONE');
    await get(wrapper, 'item-text').setValue(WATER_TEXT);
    await pause();
    // The first ask carries the place and category only once the proposal is there: one more pause.
    await pause();
    expect(duplicatesAsked).toHaveBeenCalled();
    const candidate = get(wrapper, 'duplicate-candidate');
    expect(candidate.attributes('data-number')).toBe('2026-000123');
    expect(get(wrapper, 'duplicate-link').attributes('href')).toBe('/items/i-main');
    expect(candidate.text()).toContain('№ 2026-000123');
    expect(candidate.text()).toContain('25.11.2026');
    expect(candidate.text()).toContain('В работе');
    expect(candidate.text()).toMatch(/сходство 72\s%/);
    expect(candidate.text()).toContain('В хуторе Лысове на улице Садовой нет воды');

    await get(wrapper, 'duplicate-merge').trigger('click');
    await settle();
    expect(order).toEqual(['createItem', 'mergeItem']);
    expect(router.currentRoute.value.fullPath).toBe('/items/i-main');
    expect(document.querySelector('[data-testid="item-toast"]')?.textContent).toContain(
      'Зарегистрировано № 2026-000999 и объединено с № 2026-000123',
    );
  });
});
