import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { NOW, pass } from '../../../test/clock';
import { createTestClient, render, settle, signedIn } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { viewerFixture } from '../../../test/fixtures';
import { meQuery } from '../../auth/graphql/me.query';
import { createItemMutation } from '../graphql/create-item.mutation';
import { newItemOptionsQuery } from '../graphql/new-item-options.query';
import { slaPreviewQuery } from '../graphql/sla-preview.query';
import NewItemPage from './NewItemPage.vue';

// The form opens at NOW: 12:00 in Volgograd (UTC+3).

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

/**
 * The server's preview for exactly these variables. `registeredAt` must be the moment of asking (the clock has
 * moved on by the pauses in typing); `receivedAt` is NOW unless the test changed it.
 */
function preview(variables: Record<string, unknown>, data: Record<string, unknown>, calls = vi.fn()): MockedResponse {
  const expected = { receivedAt: NOW.toISOString(), urgent: false, categoryCode: null, ...variables };
  return {
    request: { query: slaPreviewQuery },
    variableMatcher: ({ registeredAt, ...rest }) => registeredAt === new Date().toISOString() && isDeepStrictEqual(rest, expected),
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

/** Any preview no test expected: the form asked with values it should not have (or once too often). */
function unexpectedPreview(calls: () => void): MockedResponse {
  return {
    request: { query: slaPreviewQuery },
    variableMatcher: () => true,
    result: () => {
      calls();
      return { data: { slaPreview: null } };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

/** The pause in typing after which the form asks for the preview (300 ms). */
const pause = async () => {
  await pass(300);
  await settle();
};

async function openForm(mocks: MockedResponse[], role: Role = 'HEAD', viewer: ViewerFieldsFragment = viewerFixture(role)) {
  const client = createTestClient([
    { request: { query: meQuery }, result: { data: { me: viewer } }, maxUsageCount: Number.POSITIVE_INFINITY },
    optionsMock,
    ...mocks,
  ]);
  signedIn(client, viewer);
  // render() gives the page the municipality's time zone, as the layout does.
  const rendered = await render(NewItemPage, { client, route: '/items/new' });
  await pause();
  return rendered;
}

type Wrapper = Awaited<ReturnType<typeof openForm>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);

describe('NewItemPage', () => {
  it('shows the deadlines the item will get, asking again as kind, category and urgency change', async () => {
    const first = vi.fn();
    const water = vi.fn();
    const urgent = vi.fn();
    const unexpected = vi.fn();
    const { wrapper } = await openForm([
      preview(
        { kind: 'APPEAL' },
        { registrationDueAt: '2026-11-30T23:59:59+03:00', redirectDueAt: '2026-12-04T23:59:59+03:00', answerDueAt: '2026-12-28T23:59:59+03:00' },
        first,
      ),
      preview({ kind: 'MESSAGE', categoryCode: 'ZHKH_WATER' }, { answerDueAt: '2026-12-11T17:00:00+03:00' }, water),
      preview({ kind: 'MESSAGE', categoryCode: 'ZHKH_WATER', urgent: true }, { answerDueAt: '2027-01-11T17:00:00+03:00', calendarConfirmed: false }, urgent),
      unexpectedPreview(unexpected),
    ]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-registration-due').text()).toBe('30.11.2026, 23:59');
    expect(field(wrapper, 'sla-redirect-due').text()).toBe('04.12.2026, 23:59');
    expect(field(wrapper, 'sla-answer-due').text()).toBe('28.12.2026, 23:59');
    expect(wrapper.find('[data-testid="sla-calendar-warning"]').exists()).toBe(false);

    await field(wrapper, 'item-kind').setValue('MESSAGE');
    await field(wrapper, 'item-category').setValue('ZHKH_WATER');
    await settle();
    // Nothing is asked before the pause in typing.
    expect(water).not.toHaveBeenCalled();
    await pause();
    // Typing fast asks once, with the last values (never with MESSAGE and no category).
    expect(water).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('11.12.2026, 17:00');
    expect(wrapper.find('[data-testid="sla-registration-due"]').exists()).toBe(false);

    await field(wrapper, 'item-urgent').setValue(true);
    await pause();
    expect(urgent).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('11.01.2027, 17:00');
    expect(field(wrapper, 'sla-calendar-warning').text()).toContain('календарь на год срока не утверждён');
    expect(first).toHaveBeenCalledTimes(1);
    expect(unexpected).not.toHaveBeenCalled();
  });

  it('proposes now, on the wall clock of the municipality, as the time of receipt', async () => {
    const { wrapper } = await openForm([preview({ kind: 'APPEAL' }, {})]);
    // NOW is 09:00 UTC: 12:00 in Volgograd, whatever the zone of the machine.
    // Written the Russian way, day first and 24-hour, whatever the browser's language.
    expect((field(wrapper, 'item-received-at').element as HTMLInputElement).value).toBe('27.11.2026 12:00');
    expect(field(wrapper, 'item-received-at').element.closest('.field')!.textContent).toContain('Europe/Volgograd');
  });

  it('refuses a time of receipt in the future as it is typed, and previews no impossible deadlines from it', async () => {
    const unexpected = vi.fn();
    const later = vi.fn();
    const { wrapper } = await openForm([
      preview({ kind: 'APPEAL' }, { registrationDueAt: '2026-11-30T23:59:59+03:00', answerDueAt: '2026-12-28T23:59:59+03:00' }),
      preview({ kind: 'APPEAL', receivedAt: '2026-11-27T08:30:00.000Z' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }, later),
      unexpectedPreview(unexpected),
    ]);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('28.12.2026, 23:59');
    const receivedAt = field(wrapper, 'item-received-at');

    await receivedAt.setValue('04.03.2027 10:00');
    // At once, before any pause and without submitting: the field says why, and the old deadlines are gone.
    expect(receivedAt.element.closest('.field')!.textContent).toContain('Не может быть в будущем');
    expect(receivedAt.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid="sla-preview"]').exists()).toBe(false);
    expect(field(wrapper, 'sla-preview-blocked').text()).toContain('Укажите, когда поступило');
    await pause();
    expect(unexpected).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="sla-preview"]').exists()).toBe(false);

    // A minute ahead is still now (clocks differ); corrected to the past, the deadlines come back.
    await receivedAt.setValue('27.11.2026 11:30');
    expect(receivedAt.element.closest('.field')!.textContent).not.toContain('Не может быть в будущем');
    await pause();
    expect(later).toHaveBeenCalledTimes(1);
    expect(field(wrapper, 'sla-answer-due').text()).toBe('28.12.2026, 23:59');
    expect(unexpected).not.toHaveBeenCalled();
  });

  it('counts "the future" on the municipality clock: 12:01 in Volgograd is now, 12:02 is not', async () => {
    const unexpected = vi.fn();
    const { wrapper } = await openForm([
      preview({ kind: 'APPEAL' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      preview({ kind: 'APPEAL', receivedAt: '2026-11-27T09:01:00.000Z' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      unexpectedPreview(unexpected),
    ]);
    const receivedAt = field(wrapper, 'item-received-at');
    await receivedAt.setValue('27.11.2026 12:02');
    expect(receivedAt.element.closest('.field')!.textContent).toContain('Не может быть в будущем');
    await receivedAt.setValue('27.11.2026 12:01');
    expect(receivedAt.element.closest('.field')!.textContent).not.toContain('Не может быть в будущем');
    await pause();
    expect(wrapper.find('[data-testid="sla-answer-due"]').exists()).toBe(true);
    expect(unexpected).not.toHaveBeenCalled();
  });

  it('refuses a time of receipt before 2000 and one that is no real date, at once, and registers neither', async () => {
    const unexpected = vi.fn();
    const created = vi.fn(() => ({ data: { createItem: itemFixture() } }));
    const { wrapper } = await openForm([
      preview({ kind: 'APPEAL' }, { answerDueAt: '2026-12-28T23:59:59+03:00' }),
      { request: { query: createItemMutation }, variableMatcher: () => true, result: created },
      unexpectedPreview(unexpected),
    ]);
    await field(wrapper, 'item-channel').setValue('LETTER');
    await field(wrapper, 'item-text').setValue('Третий день нет воды.');
    const receivedAt = field(wrapper, 'item-received-at');
    const text = () => receivedAt.element.closest('.field')!.textContent!;

    await receivedAt.setValue('31.12.1999 23:00');
    expect(text()).toContain('Не раньше 01.01.2000');
    expect(wrapper.find('[data-testid="sla-preview"]').exists()).toBe(false);

    await receivedAt.setValue('31.02.2026 10:00');
    expect(text()).toContain('Введите дату и время в виде дд.мм.гггг чч:мм');
    expect(text()).not.toContain('Не раньше');
    expect(wrapper.find('[data-testid="sla-preview"]').exists()).toBe(false);

    await wrapper.get('form').trigger('submit');
    await pause();
    expect(created).not.toHaveBeenCalled();
    expect(unexpected).not.toHaveBeenCalled();
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
    await field(wrapper, 'item-received-at').setValue('27.11.2026 11:30');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(created).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.fullPath).toBe('/items/i-new');
  });

  it('lets a sector lead choose only the categories of their sectors, and the ПОС operator only messages', async () => {
    const roads = viewerFixture('SECTOR_LEAD', {
      sectors: [{ __typename: 'Sector', id: 's-2', code: 'ROADS' }] as unknown as ViewerFieldsFragment['sectors'],
    });
    const lead = await openForm([preview({ kind: 'APPEAL' }, {})], 'SECTOR_LEAD', roads);
    expect(lead.wrapper.findAll('[data-testid="item-category"] optgroup').map((g) => g.attributes('label'))).toEqual(['Дороги']);
    expect(lead.wrapper.get('[data-testid="item-category"]').attributes('required')).toBeDefined();

    const operator = await openForm([preview({ kind: 'MESSAGE' }, { answerDueAt: '2026-12-11T17:00:00+03:00' })], 'POS_OPERATOR');
    expect(operator.wrapper.findAll('[data-testid="item-kind"] option').map((o) => o.attributes('value'))).toEqual(['MESSAGE']);
    expect(operator.wrapper.findAll('[data-testid="item-category"] optgroup').map((g) => g.attributes('label'))).toEqual(['ЖКХ', 'Дороги']);
  });
});
