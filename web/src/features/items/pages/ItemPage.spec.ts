import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ItemAction, ItemFieldsFragment } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { blankRoutes, meMock, render, settle } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { itemQuery } from '../graphql/item.query';
import { itemEventsSubscription } from '../graphql/item-events.subscription';
import { startItemMutation } from '../graphql/start-item.mutation';
import ItemPage from './ItemPage.vue';

const silentLive: MockedResponse = { request: { query: itemEventsSubscription, variables: { filter: { itemIds: ['i-1'] } } }, delay: Infinity };

function itemMock(item: ItemFieldsFragment): MockedResponse {
  return { request: { query: itemQuery, variables: { id: item.id } }, result: { data: { item } } };
}

async function card(item: ItemFieldsFragment, extra: MockedResponse[] = [], locale: 'ru' | 'en' = 'ru') {
  return render(ItemPage, { routes: blankRoutes.filter((r) => r.name !== 'item').concat({ name: 'item', path: '/items/:id', component: ItemPage }), route: `/items/${item.id}`, mocks: [meMock('HEAD'), silentLive, itemMock(item), ...extra], locale });
}

const actionButtons = (wrapper: Awaited<ReturnType<typeof card>>['wrapper']) =>
  wrapper.findAll('button[data-testid^="action-"]').map((b) => b.attributes('data-testid'));

describe('ItemPage', () => {
  it.each<[ItemAction[], string[]]>([
    [['ASSIGN', 'EXTEND', 'REDIRECT', 'LEAVE_WITHOUT_ANSWER', 'MERGE'], ['action-ASSIGN', 'action-EXTEND', 'action-REDIRECT', 'action-LEAVE_WITHOUT_ANSWER', 'action-MERGE']],
    [['START'], ['action-START']],
    [['APPROVE_ANSWER', 'RETURN_FOR_REWORK'], ['action-APPROVE_ANSWER', 'action-RETURN_FOR_REWORK']],
    [['RATE', 'CLOSE'], ['action-RATE', 'action-CLOSE']],
  ])('shows exactly the actions the server offers: %j', async (available, expected) => {
    const { wrapper } = await card(itemFixture({ availableActions: available }));
    expect(actionButtons(wrapper)).toEqual(expected);
    expect(wrapper.find('[data-testid="item-no-actions"]').exists()).toBe(false);
  });

  it('shows no button at all when nothing is offered', async () => {
    const { wrapper } = await card(itemFixture({ availableActions: [], status: 'CLOSED', dueAt: null, deadlineState: null }));
    expect(actionButtons(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="item-no-actions"]').text()).toBe('Сейчас у вас нет действий с этой карточкой');
  });

  it('shows the number, the raw status, the text, the place on the map, the dates at municipal time and the history', async () => {
    const { wrapper } = await card(itemFixture());
    expect(wrapper.get('[data-testid="item-number"]').text()).toBe('2026-000901');
    const status = wrapper.get('[data-testid="item-status"]');
    expect(status.attributes('data-status')).toBe('REGISTERED');
    expect(status.text()).toBe('Зарегистрировано');
    expect(wrapper.get('[data-testid="item-text"]').text()).toContain('Третий день нет холодной воды');
    expect(wrapper.get('[data-testid="item-map"]').attributes('href')).toBe('https://www.openstreetmap.org/?mlat=48.6&mlon=42.85#map=17/48.6/42.85');
    const history = wrapper.get('[data-testid="item-history"]');
    expect(history.findAll('[data-event]').map((e) => e.attributes('data-event'))).toEqual(['REGISTER', 'CREATED']);
    expect(history.text()).toContain('Новое → Зарегистрировано');
    expect(history.text()).toContain('Гордеева Наталья Викторовна');
    // Received at 07:00 UTC: 10:00 in Volgograd, on the card and in the history, whatever the machine's zone.
    const received = wrapper.findAll('time[datetime="2026-11-25T07:00:00.000Z"]');
    expect(received.map((t) => t.text())).toEqual(['25.11.2026, 10:00', '25.11.2026, 10:00']);
    expect(wrapper.find('[data-testid="applicant-masked"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="applicant-name"]').text()).toBe('Иванов Иван Иванович');
  });

  it('says when the applicant is masked for this role', async () => {
    const { wrapper } = await card(
      itemFixture({ applicant: { __typename: 'Applicant', name: 'И***в И.', phone: null, email: null, address: 'г. Суровикино, ул. Ленина', masked: true } }),
      [],
      'en',
    );
    expect(wrapper.get('[data-testid="applicant-masked"]').text()).toBe('Personal data are hidden for your role (law 152-FZ)');
    expect(wrapper.get('[data-testid="applicant-name"]').text()).toBe('И***в И.');
  });

  it('translates the reasons of a return in the answers and in the history', async () => {
    const { wrapper } = await card(
      itemFixture({
        status: 'IN_PROGRESS',
        answers: [
          {
            __typename: 'ItemAnswer',
            id: 'a-1',
            kind: 'FINAL',
            status: 'RETURNED',
            text: 'Проблема решена.',
            submittedAt: '2026-11-26T07:00:00.000Z',
            reviewedAt: '2026-11-26T09:00:00.000Z',
            reworkReasons: ['NO_DATE_OR_MEASURES', 'NO_EVIDENCE'],
            reviewComment: 'Приложите фото',
            author: { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' },
            reviewer: { __typename: 'User', id: 'u-sector_lead', fullName: 'Мельникова Ольга Ивановна' },
          },
        ],
        history: [
          {
            __typename: 'ItemEvent',
            id: 'e-9',
            at: '2026-11-26T09:00:00.000Z',
            type: 'RETURN_FOR_REWORK',
            fromStatus: 'ON_REVIEW',
            toStatus: 'IN_PROGRESS',
            comment: 'Приложите фото',
            details: { reasons: ['NO_DATE_OR_MEASURES', 'NO_EVIDENCE'] },
            actorLabel: 'sector_lead',
            changes: null,
            actor: { __typename: 'User', id: 'u-sector_lead', fullName: 'Мельникова Ольга Ивановна' },
          },
        ],
      }),
    );
    expect(wrapper.get('[data-testid="answer-rework-reasons"]').text()).toContain('Нет срока или конкретных мер');
    expect(wrapper.get('[data-testid="answer-rework-reasons"]').text()).toContain('Нет подтверждения (фото, акт)');
    expect(wrapper.get('[data-testid="item-history"]').text()).toContain('Нет срока или конкретных мер, Нет подтверждения (фото, акт): Приложите фото');
  });

  it('starts the item with its version and follows the returned item', async () => {
    const started = vi.fn(() => ({ data: { startItem: itemFixture({ status: 'IN_PROGRESS', version: 4, availableActions: ['SUBMIT_ANSWER', 'ASK_CITIZEN'] }) } }));
    const { wrapper } = await card(itemFixture({ status: 'ASSIGNED', availableActions: ['START'] }), [
      { request: { query: startItemMutation, variables: { id: 'i-1', version: 3 } }, result: started },
    ]);
    await wrapper.get('[data-testid="action-START"]').trigger('click');
    await settle();
    expect(started).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('IN_PROGRESS');
    expect(actionButtons(wrapper)).toEqual(['action-ASK_CITIZEN', 'action-SUBMIT_ANSWER']);
  });

  it('says someone else changed the item when the version is stale, and reloads it', async () => {
    const reloaded = vi.fn(() => ({ data: { item: itemFixture({ status: 'IN_PROGRESS', version: 5, availableActions: [] }) } }));
    const { wrapper } = await card(itemFixture({ status: 'ASSIGNED', availableActions: ['START'] }), [
      {
        request: { query: startItemMutation, variables: { id: 'i-1', version: 3 } },
        result: { errors: [new GraphQLError('stale', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 5 } })] },
      },
      { request: { query: itemQuery, variables: { id: 'i-1' } }, result: reloaded },
    ]);
    await wrapper.get('[data-testid="action-START"]').trigger('click');
    await settle();
    expect(wrapper.get('[data-testid="action-error"]').text()).toContain('Кто-то уже изменил эту запись');
    await wrapper.get('[data-testid="action-reload"]').trigger('click');
    await settle();
    expect(reloaded).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('IN_PROGRESS');
  });

  it('fetches the item again when someone else changes it', async () => {
    const again = vi.fn(() => ({ data: { item: itemFixture({ status: 'ASSIGNED', version: 4 }) } }));
    const { wrapper } = await render(ItemPage, {
      routes: blankRoutes.filter((r) => r.name !== 'item').concat({ name: 'item', path: '/items/:id', component: ItemPage }),
      route: '/items/i-1',
      mocks: [
        meMock('HEAD'),
        itemMock(itemFixture()),
        {
          request: { query: itemEventsSubscription, variables: { filter: { itemIds: ['i-1'] } } },
          result: {
            data: {
              itemEvents: {
                __typename: 'ItemChange',
                cursor: '41',
                type: 'ASSIGNED',
                at: '2026-11-27T09:00:00.000Z',
                itemId: 'i-1',
                item: { __typename: 'Item', status: 'ASSIGNED', version: 4 },
              },
            },
          },
          delay: 20,
        },
        { request: { query: itemQuery, variables: { id: 'i-1' } }, result: again },
      ],
    });
    expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('REGISTERED');
    // The event arrives 20 ms after the card opened; the card waits 400 ms for an answer of its own first.
    await pass(20);
    await settle();
    expect(again).not.toHaveBeenCalled();
    await pass(400);
    await settle();
    expect(again).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('ASSIGNED');
    expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(true);
  });
});
