import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ItemAction, ItemFieldsFragment } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { blankRoutes, meMock, render, settle } from '../../../test/render';
import { itemFixture } from '../../../test/items';
import { itemQuery } from '../graphql/item.query';
import { itemPartsQuery } from '../graphql/item-parts.query';
import { startItemMutation } from '../graphql/start-item.mutation';
import { classifyItemMutation } from '../graphql/classify-item.mutation';
import { itemLikelyDuplicatesQuery } from '../graphql/item-likely-duplicates.query';
import { mergeItemMutation } from '../graphql/merge-item.mutation';
import { classifyOptionsMock, machineFixture } from '../test/machine-fixtures';
import { createLiveTestClient, itemChange, liveItemFixture } from '../test/live-server';
import ItemPage from './ItemPage.vue';

function itemMock(item: ItemFieldsFragment): MockedResponse {
  return { request: { query: itemQuery, variables: { id: item.id } }, result: { data: { item } } };
}

/** The card of an item, opened by the head (`u-head`); its live subscription hears what the test pushes (`live`). */
async function card(item: ItemFieldsFragment, extra: MockedResponse[] = [], locale: 'ru' | 'en' = 'ru') {
  const { client, live } = createLiveTestClient([meMock('HEAD'), itemMock(item), ...extra]);
  const routes = blankRoutes.filter((r) => r.name !== 'item').concat({ name: 'item', path: '/items/:id', component: ItemPage });
  return { ...(await render(ItemPage, { client, routes, route: `/items/${item.id}`, locale })), live };
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

  it('names the channel and the system the item came from in words, never by their codes', async () => {
    const pos = await card(itemFixture({ channel: 'POS', source: 'POS' }));
    expect(pos.wrapper.get('[data-testid="item-source"]').element.parentElement!.textContent).toBe('ПОС · Интеграция с ПОС');
    const other = await card(itemFixture({ channel: 'EMAIL', source: 'eds-112' }));
    expect(other.wrapper.get('[data-testid="item-source"]').text()).toBe('· Другая система: eds-112');
    const byHand = await card(itemFixture({ channel: 'LETTER', source: 'dashboard' }));
    expect(byHand.wrapper.get('[data-testid="item-source"]').element.parentElement!.textContent).toBe('Письмо · Панель МЦУ');
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
            checks: [],
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

  describe('text understanding (issue 13)', () => {
    const duplicates = (...list: { id: string; number: string }[]) => ({
      request: { query: itemLikelyDuplicatesQuery, variables: { id: 'i-1' } },
      result: {
        data: {
          item: {
            __typename: 'Item',
            id: 'i-1',
            likelyDuplicates: list.map((d) => ({
              __typename: 'DuplicateCandidate',
              similarity: 0.78,
              samePlace: true,
              sameCategory: true,
              item: { __typename: 'Item', id: d.id, number: d.number, status: 'ASSIGNED', receivedAt: '2026-11-24T08:00:00.000Z', subject: null, text: 'Нет воды' },
            })),
          },
        },
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    });

    it('says a category set by the machine was set automatically, with its confidence, and folds the proposal away', async () => {
      const { wrapper } = await card(itemFixture({ classifiedBy: 'MACHINE', machine: machineFixture() }), [classifyOptionsMock, duplicates()]);
      expect(wrapper.get('[data-testid="item-classified-by-machine"]').text().replace(/\s/g, ' ')).toBe('определено автоматически, 87 %');
      expect(wrapper.get('[data-testid="item-machine"]').text()).toContain('Машинная классификация');
      // No likely duplicate: no list.
      expect(wrapper.find('[data-testid="likely-duplicates"]').exists()).toBe(false);
    });

    it('marks nothing for a category given by a person, and says an item without one waits to be classified', async () => {
      const given = await card(itemFixture({ classifiedBy: 'STAFF' }), [duplicates()]);
      expect(given.wrapper.find('[data-testid="item-classified-by-machine"]').exists()).toBe(false);
      expect(given.wrapper.find('[data-testid="item-machine"]').exists()).toBe(false);

      const waiting = await card(itemFixture({ category: null, sector: null, classifiedBy: null }), [duplicates()]);
      expect(waiting.wrapper.get('[data-testid="item-to-classify"]').text()).toBe('ждёт классификации');
    });

    it('classifies the item from the card and shows the category as given by a person', async () => {
      const unsure = itemFixture({ category: null, sector: null, classifiedBy: null, machine: machineFixture({ confidence: 0.41, applied: [] }), availableActions: ['CLASSIFY'] });
      const classified = vi.fn(() => ({ data: { classifyItem: itemFixture({ version: 4, classifiedBy: 'STAFF', machine: unsure.machine, availableActions: ['CLASSIFY', 'ASSIGN'] }) } }));
      const { wrapper } = await card(unsure, [
        classifyOptionsMock,
        duplicates(),
        {
          request: {
            query: classifyItemMutation,
            variables: { id: 'i-1', version: 3, input: { categoryCode: 'ZHKH_WATER', urgent: false, settlementId: 'st-1', address: 'г. Суровикино, ул. Ленина, 12', comment: null } },
          },
          result: classified,
        },
      ]);
      await wrapper.get('[data-testid="action-CLASSIFY"]').trigger('click');
      await settle();
      await wrapper.get('[data-testid="classify-submit"]').trigger('click');
      await settle();
      expect(classified).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="item-to-classify"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="item-classified-by-machine"]').exists()).toBe(false);
      expect(wrapper.get('[data-testid="action-done"]').text()).toContain('Классифицировано');
    });

    it('merges the item into a likely duplicate in one click and shows it merged', async () => {
      const merged = vi.fn(() => ({
        data: { mergeItem: itemFixture({ status: 'MERGED', version: 4, availableActions: [], parent: { __typename: 'Item', id: 'i-7', number: '2026-000777', status: 'ASSIGNED', subject: null } }) },
      }));
      const { wrapper } = await card(itemFixture({ availableActions: ['MERGE', 'ASSIGN'] }), [
        duplicates({ id: 'i-7', number: '2026-000777' }),
        { request: { query: mergeItemMutation, variables: { id: 'i-1', version: 3, parentId: 'i-7' } }, result: merged },
      ]);
      expect(wrapper.findAll('[data-testid="likely-duplicate"]')).toHaveLength(1);
      await wrapper.get('[data-testid="duplicate-merge-2026-000777"]').trigger('click');
      await settle();
      expect(merged).toHaveBeenCalledTimes(1);
      expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('MERGED');
      expect(wrapper.get('[data-testid="item-merged-notice"]').text()).toBe('Объединено с 2026-000777');
      expect(wrapper.get('[data-testid="item-parent"]').text()).toBe('2026-000777');
      // A merged item is no longer open: no list of likely duplicates.
      expect(wrapper.find('[data-testid="likely-duplicates"]').exists()).toBe(false);
    });
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

  describe('live', () => {
    const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ' };
    const lead = { id: 'u-sector_lead', fullName: 'Мельникова Ольга Ивановна' };
    const head = { id: 'u-head', fullName: 'Гордеева Наталья Викторовна' };
    const AT = '2026-11-27T08:59:00.000Z';
    type Entry = ItemFieldsFragment['history'][number];
    function entry(id: string, type: string, actor: { id: string; fullName: string } | null, from: Entry['fromStatus'], to: Entry['toStatus'], at = AT): Entry {
      return {
        __typename: 'ItemEvent',
        id,
        at,
        type,
        fromStatus: from,
        toStatus: to,
        comment: null,
        details: null,
        actorLabel: actor ? actor.id.slice(2) : 'scheduler',
        changes: null,
        actor: actor ? { __typename: 'User', ...actor } : null,
      } as Entry;
    }
    /** What ItemParts answers: the card's lists with these history entries after the fixture's. */
    function partsMock(result: MockedResponse['result']): MockedResponse {
      return { request: { query: itemPartsQuery, variables: { id: 'i-1' } }, result, maxUsageCount: Number.POSITIVE_INFINITY };
    }
    const parts = (version: number, ...added: Entry[]) =>
      vi.fn(() => ({
        data: { item: { __typename: 'Item', id: 'i-1', version, parent: null, duplicates: [], answers: [], attachments: [], history: [...itemFixture().history, ...added] } },
      }));
    /** A second answer to the whole card: the card must not ask for it. */
    const whole = () => vi.fn(() => ({ data: { item: itemFixture() } }));

    it('updates the card in place from someone else’s change, fetches only its lists again and says someone else changed it', async () => {
      const lists = parts(4, entry('e-3', 'ASSIGN', lead, 'REGISTERED', 'ASSIGNED'));
      const again = whole();
      const { wrapper, live } = await card(itemFixture(), [partsMock(lists), { request: { query: itemQuery, variables: { id: 'i-1' } }, result: again }]);
      expect(live.subscriptions('ItemCardEvents')).toEqual([{ filter: { itemIds: ['i-1'] } }]);

      live.push(
        'ItemCardEvents',
        itemChange(liveItemFixture({ status: 'ASSIGNED', version: 4, department: housing, suggestedDepartments: [housing], availableActions: ['START'] }), { cursor: '41', type: 'ASSIGNED', at: AT }),
      );
      await settle();
      expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('ASSIGNED');
      // The short name, the full one on hover.
      expect(wrapper.get('[data-testid="item-department"]').text()).toBe('Отдел ЖКХ');
      expect(wrapper.get('[data-testid="item-department"]').attributes('title')).toBe('Отдел по жилищно-коммунальному хозяйству, транспорту и связи');
      expect(actionButtons(wrapper)).toEqual(['action-START']);
      expect(wrapper.get('[data-testid="item-history"]').findAll('[data-event]').map((e) => e.attributes('data-event'))).toEqual(['ASSIGN', 'REGISTER', 'CREATED']);
      expect(lists).toHaveBeenCalledTimes(1);
      expect(again).not.toHaveBeenCalled();
      expect(wrapper.get('[data-testid="item-changed-elsewhere"]').text()).toBe('Другой сотрудник изменил карточку: показано новое состояние.');
    });

    it('does not say so when the change is the viewer’s own and its event comes before the answer of the action', async () => {
      const lists = parts(4, entry('e-3', 'START', head, 'ASSIGNED', 'IN_PROGRESS'));
      const started = vi.fn(() => ({
        data: { startItem: itemFixture({ status: 'IN_PROGRESS', version: 4, history: [...itemFixture().history, entry('e-3', 'START', head, 'ASSIGNED', 'IN_PROGRESS')] }) },
      }));
      const { wrapper, live } = await card(itemFixture({ status: 'ASSIGNED', availableActions: ['START'] }), [
        partsMock(lists),
        { request: { query: startItemMutation, variables: { id: 'i-1', version: 3 } }, result: started, delay: 20 },
      ]);
      await wrapper.get('[data-testid="action-START"]').trigger('click');
      live.push('ItemCardEvents', itemChange(liveItemFixture({ status: 'IN_PROGRESS', version: 4 }), { cursor: '41', type: 'STATUS_CHANGED', at: AT }));
      await settle();
      expect(started).toHaveBeenCalledTimes(1);
      expect(lists).toHaveBeenCalledTimes(1);
      expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('IN_PROGRESS');
      expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(false);
    });

    it('ignores the event of the viewer’s own change when the answer of the action came first', async () => {
      const lists = parts(4);
      const started = vi.fn(() => ({
        data: { startItem: itemFixture({ status: 'IN_PROGRESS', version: 4, history: [...itemFixture().history, entry('e-3', 'START', head, 'ASSIGNED', 'IN_PROGRESS')] }) },
      }));
      const { wrapper, live } = await card(itemFixture({ status: 'ASSIGNED', availableActions: ['START'] }), [
        partsMock(lists),
        { request: { query: startItemMutation, variables: { id: 'i-1', version: 3 } }, result: started },
      ]);
      await wrapper.get('[data-testid="action-START"]').trigger('click');
      await settle();
      live.push('ItemCardEvents', itemChange(liveItemFixture({ status: 'IN_PROGRESS', version: 4 }), { cursor: '41', type: 'STATUS_CHANGED', at: AT }));
      await settle();
      expect(lists).not.toHaveBeenCalled();
      expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(false);
    });

    it('shows a deadline reminder of the scheduler in the history without saying someone changed the card', async () => {
      const lists = parts(4, entry('e-3', 'DUE_SOON', null, 'REGISTERED', 'REGISTERED'));
      const { wrapper, live } = await card(itemFixture(), [partsMock(lists)]);
      live.push('ItemCardEvents', itemChange(liveItemFixture({ version: 4, deadlineState: 'DUE_SOON' }), { cursor: '41', type: 'DEADLINE_STATE_CHANGED', at: AT }));
      await settle();
      expect(wrapper.get('[data-testid="item-deadline"]').attributes('data-state')).toBe('DUE_SOON');
      expect(wrapper.get('[data-testid="item-history"]').findAll('[data-event]').map((e) => e.attributes('data-event'))).toEqual(['DUE_SOON', 'REGISTER', 'CREATED']);
      expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(false);
    });

    it('hides the notice when the viewer acts', async () => {
      const lists = parts(4, entry('e-3', 'ASSIGN', lead, 'REGISTERED', 'ASSIGNED'));
      const { wrapper, live } = await card(itemFixture(), [
        partsMock(lists),
        {
          request: { query: startItemMutation, variables: { id: 'i-1', version: 4 } },
          result: {
            data: {
              startItem: itemFixture({
                status: 'IN_PROGRESS',
                version: 5,
                history: [...itemFixture().history, entry('e-3', 'ASSIGN', lead, 'REGISTERED', 'ASSIGNED'), entry('e-4', 'START', head, 'ASSIGNED', 'IN_PROGRESS')],
              }),
            },
          },
        },
      ]);
      live.push('ItemCardEvents', itemChange(liveItemFixture({ status: 'ASSIGNED', version: 4, availableActions: ['START'] }), { cursor: '41', type: 'ASSIGNED', at: AT }));
      await settle();
      expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(true);
      await wrapper.get('[data-testid="action-START"]').trigger('click');
      await settle();
      expect(wrapper.find('[data-testid="item-changed-elsewhere"]').exists()).toBe(false);
    });

    it('listens again from the last cursor after the connection was lost, and reloads the card when that cursor has expired', async () => {
      const lists = parts(4, entry('e-3', 'ASSIGN', lead, 'REGISTERED', 'ASSIGNED'));
      const again = vi.fn(() => ({ data: { item: itemFixture({ status: 'IN_PROGRESS', version: 6 }) } }));
      const { wrapper, live } = await card(itemFixture(), [partsMock(lists), { request: { query: itemQuery, variables: { id: 'i-1' } }, result: again }]);
      live.push('ItemCardEvents', itemChange(liveItemFixture({ status: 'ASSIGNED', version: 4 }), { cursor: '41', type: 'ASSIGNED', at: AT }));
      await settle();
      live.drop('ItemCardEvents');
      await pass(1_000);
      expect(live.subscriptions('ItemCardEvents')).toEqual([{ filter: { itemIds: ['i-1'] } }, { filter: { itemIds: ['i-1'] }, after: '41' }]);
      live.refuse('ItemCardEvents', [{ message: 'expired', extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' } }]);
      await settle();
      expect(again).toHaveBeenCalledTimes(1);
      expect(wrapper.get('[data-testid="item-status"]').attributes('data-status')).toBe('IN_PROGRESS');
      expect(live.subscriptions('ItemCardEvents').at(-1)).toEqual({ filter: { itemIds: ['i-1'] } });
    });
  });
});
