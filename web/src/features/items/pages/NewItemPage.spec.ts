import { ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { createTestClient, meMock, render, settle } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { viewerFixture } from '../../../test/fixtures';
import { TimeZoneKey } from '../../../shared/injection';
import { meQuery } from '../../auth/graphql/me.query';
import { createItemMutation } from '../graphql/create-item.mutation';
import { newItemOptionsQuery } from '../graphql/new-item-options.query';
import { slaPreviewQuery } from '../graphql/sla-preview.query';
import NewItemPage from './NewItemPage.vue';

// 12:00 in Volgograd (UTC+3).
const NOW = new Date('2026-11-27T09:00:00.000Z');

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
          code: 'ROADS',
          name: 'Дороги',
          nameEn: 'Roads',
          categories: [{ __typename: 'Category', id: 'c-3', code: 'ROADS_REPAIR', name: 'Ремонт дорог', nameEn: 'Road repair', active: true, urgentCapable: false }],
        },
      ],
      settlements: [{ __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино', kind: 'URBAN' }],
    },
  },
};

function preview(variables: Record<string, unknown>, data: Record<string, unknown>, calls = vi.fn()): MockedResponse {
  return {
    request: { query: slaPreviewQuery, variables: { registeredAt: NOW.toISOString(), receivedAt: NOW.toISOString(), urgent: false, categoryCode: null, ...variables } },
    result: () => {
      calls();
      return {
        data: {
          slaPreview: {
            __typename: 'SlaPreview',
            registrationDueAt: null,
            redirectDueAt: null,
            answerDueAt: null,
            firstReactionDueAt: null,
            timezone: 'Europe/Volgograd',
            calendarConfirmed: true,
            ...data,
          },
        },
      };
    },
  };
}

async function openForm(mocks: MockedResponse[], role: Role = 'HEAD', me: MockedResponse = meMock(role)) {
  const client = createTestClient([me, optionsMock, ...mocks]);
  await client.query({ query: meQuery });
  // The layout gives every page the municipality's time zone.
  const rendered = await render(NewItemPage, { client, route: '/items/new', provide: { [TimeZoneKey as symbol]: ref('Europe/Volgograd') } });
  // The preview waits for a pause in typing.
  await new Promise((resolve) => setTimeout(resolve, 350));
  await settle();
  return rendered;
}

type Wrapper = Awaited<ReturnType<typeof openForm>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);
const pause = async () => {
  await new Promise((resolve) => setTimeout(resolve, 350));
  await settle();
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('NewItemPage', () => {
  it('shows the deadlines the item will get, asking again as kind, category and urgency change', async () => {
    const first = vi.fn();
    const water = vi.fn();
    const urgent = vi.fn();
    const { wrapper } = await openForm([
      preview(
        { kind: 'APPEAL' },
        { registrationDueAt: '2026-11-30T23:59:59+03:00', redirectDueAt: '2026-12-04T23:59:59+03:00', answerDueAt: '2026-12-28T23:59:59+03:00' },
        first,
      ),
      preview({ kind: 'MESSAGE', categoryCode: 'ZHKH_WATER' }, { answerDueAt: '2026-12-11T17:00:00+03:00' }, water),
      preview({ kind: 'MESSAGE', categoryCode: 'ZHKH_WATER', urgent: true }, { answerDueAt: '2027-01-11T17:00:00+03:00', calendarConfirmed: false }, urgent),
    ]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-registration-due').text()).toBe('30.11.2026, 23:59');
    expect(field(wrapper, 'sla-redirect-due').text()).toBe('04.12.2026, 23:59');
    expect(field(wrapper, 'sla-answer-due').text()).toBe('28.12.2026, 23:59');
    expect(wrapper.find('[data-testid="sla-calendar-warning"]').exists()).toBe(false);

    await field(wrapper, 'item-kind').setValue('MESSAGE');
    await field(wrapper, 'item-category').setValue('ZHKH_WATER');
    await pause();
    // Typing fast asks once, with the last values.
    expect(water).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('11.12.2026, 17:00');
    expect(wrapper.find('[data-testid="sla-registration-due"]').exists()).toBe(false);

    await field(wrapper, 'item-urgent').setValue(true);
    await pause();
    expect(urgent).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('11.01.2027, 17:00');
    expect(field(wrapper, 'sla-calendar-warning').text()).toContain('календарь на год срока не утверждён');
  });

  it('explains and enforces that an electronic appeal needs an identified citizen', async () => {
    const created = vi.fn(() => ({ data: { createItem: itemFixture() } }));
    const { wrapper } = await openForm([
      preview({ kind: 'APPEAL' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      { request: { query: createItemMutation }, variableMatcher: () => true, result: created },
    ]);
    expect(wrapper.find('[data-testid="identification-rule"]').exists()).toBe(false);
    await field(wrapper, 'item-channel').setValue('EPGU');
    expect(field(wrapper, 'identification-rule').text()).toContain('только от идентифицированного гражданина');
    await field(wrapper, 'item-text').setValue('Нет воды третий день');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(created).not.toHaveBeenCalled();
    expect(field(wrapper, 'identification-rule').text()).toContain('Для электронного обращения личность должна быть подтверждена');
    // A letter needs no identification.
    await field(wrapper, 'item-channel').setValue('LETTER');
    expect(wrapper.find('[data-testid="identification-rule"]').exists()).toBe(false);
  });

  it('registers the item with exactly what was entered and opens its card', async () => {
    const created = vi.fn(() => ({ data: { createItem: itemFixture({ id: 'i-new', number: '2026-000999' }) } }));
    const { wrapper, router } = await openForm([
      preview({ kind: 'APPEAL' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      preview({ kind: 'APPEAL', categoryCode: 'ZHKH_WATER' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      {
        request: {
          query: createItemMutation,
          variables: {
            input: {
              kind: 'APPEAL',
              channel: 'WEB_FORM',
              identified: true,
              applicant: { name: 'Петров Пётр Петрович', phone: null, email: null, address: 'ул. Ленина, 12' },
              subject: 'Нет воды',
              text: 'Третий день нет воды.',
              address: null,
              settlementId: 'st-1',
              lat: 48.6,
              lon: 42.85,
              categoryCode: 'ZHKH_WATER',
              urgent: false,
              // 11:30 in Volgograd.
              receivedAt: '2026-11-27T08:30:00.000Z',
              register: true,
              attachmentIds: null,
            },
          },
        },
        result: created,
      },
      preview({ kind: 'APPEAL', categoryCode: 'ZHKH_WATER', receivedAt: '2026-11-27T08:30:00.000Z' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
    ]);
    await field(wrapper, 'item-channel').setValue('WEB_FORM');
    await field(wrapper, 'item-identified').setValue(true);
    await field(wrapper, 'item-applicant-name').setValue(' Петров Пётр Петрович ');
    await field(wrapper, 'item-applicant-address').setValue('ул. Ленина, 12');
    await field(wrapper, 'item-subject').setValue('Нет воды');
    await field(wrapper, 'item-text').setValue('Третий день нет воды.');
    await field(wrapper, 'item-category').setValue('ZHKH_WATER');
    await field(wrapper, 'item-settlement').setValue('st-1');
    await field(wrapper, 'item-lat').setValue('48,6');
    await field(wrapper, 'item-lon').setValue('42.85');
    await field(wrapper, 'item-received-at').setValue('2026-11-27T11:30');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(created).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.fullPath).toBe('/items/i-new');
  });

  it('lets a sector lead choose only the categories of their sectors, and the ПОС operator only messages', async () => {
    const roads = viewerFixture('SECTOR_LEAD', {
      sectors: [{ __typename: 'Sector', id: 's-2', code: 'ROADS' }] as unknown as ViewerFieldsFragment['sectors'],
    });
    const lead = await openForm([preview({ kind: 'APPEAL' }, {})], 'SECTOR_LEAD', {
      request: { query: meQuery },
      result: { data: { me: roads } },
      maxUsageCount: Number.POSITIVE_INFINITY,
    });
    expect(lead.wrapper.findAll('[data-testid="item-category"] optgroup').map((g) => g.attributes('label'))).toEqual(['Дороги']);
    expect(lead.wrapper.get('[data-testid="item-category"]').attributes('required')).toBeDefined();

    const operator = await openForm([preview({ kind: 'MESSAGE' }, { answerDueAt: '2026-12-11T17:00:00+03:00' })], 'POS_OPERATOR');
    expect(operator.wrapper.findAll('[data-testid="item-kind"] option').map((o) => o.attributes('value'))).toEqual(['MESSAGE']);
    expect(operator.wrapper.findAll('[data-testid="item-category"] optgroup').map((g) => g.attributes('label'))).toEqual(['ЖКХ', 'Дороги']);
  });
});
