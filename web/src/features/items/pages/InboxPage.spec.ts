import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ItemFilter, ItemListFieldsFragment, Role } from '../../../gql/graphql';
import { NOW, pass } from '../../../test/clock';
import { createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import { itemRowFixture } from '../../../test/items';
import { analyticsOptionsQuery } from '../../analytics/graphql/analytics-options.query';
import { inboxFilterOptionsQuery } from '../graphql/inbox-filter-options.query';
import { itemQueueCountsQuery } from '../graphql/item-queue-counts.query';
import { itemEventsSubscription } from '../graphql/item-events.subscription';
import { itemsQuery } from '../graphql/items.query';
import InboxPage from './InboxPage.vue';

// The clock stands at NOW (12:00 in Volgograd) in every test.
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

const optionsMock: MockedResponse = {
  request: { query: inboxFilterOptionsQuery },
  result: {
    data: {
      sectors: [
        {
          __typename: 'Sector',
          id: 's-1',
          code: 'ZHKH',
          name: 'ЖКХ',
          nameEn: 'Housing and utilities',
          categories: [{ __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply', active: true }],
        },
      ],
      departments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел ЖКХ', shortName: null }],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const countsMock: MockedResponse = {
  request: { query: itemQueueCountsQuery },
  result: { data: { itemQueueCounts: { __typename: 'ItemQueueCounts', MINE: 4, UNASSIGNED: 12, MY_REVIEW: 1, OVERDUE_MY_SECTORS: 7 } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The live subscription answers nothing unless a test says so. */
const silentLive: MockedResponse = { request: { query: itemEventsSubscription, variables: {} }, delay: Infinity };

function page(nodes: ItemListFieldsFragment[], totalCount = nodes.length, hasNextPage = false) {
  return {
    data: {
      items: {
        __typename: 'ItemConnection',
        totalCount,
        nodes,
        pageInfo: { __typename: 'PageInfo', endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1]!.id}` : null, hasNextPage },
      },
    },
  };
}

function itemsMock(filter: ItemFilter, result: ReturnType<typeof page> | (() => ReturnType<typeof page>), extra: { after?: string; first?: number } = {}): MockedResponse {
  return {
    request: { query: itemsQuery, variables: { filter, first: extra.first ?? 25, sort: 'URGENT_FIRST', ...(extra.after ? { after: extra.after } : {}) } },
    result,
  };
}

/** The inbox as the app opens it: the route guard has loaded the viewer into the cache first. */
async function openInbox(route: string, mocks: MockedResponse[], role: Role = 'HEAD', locale: 'ru' | 'en' = 'ru') {
  const client = createTestClient([meMock(role), optionsMock, countsMock, ...mocks]);
  signedIn(client, role);
  return render(InboxPage, { client, route, locale });
}

describe('InboxPage', () => {
  it('asks the server for exactly the view in the address, with whole municipal days', async () => {
    const result = vi.fn(() => page([itemRowFixture()]));
    const { wrapper } = await openInbox(
      '/items?queue=MINE&kind=APPEAL&status=ASSIGNED&sector=ZHKH&category=ZHKH_WATER&deadline=OVERDUE&urgent=1&q=вода&from=2026-11-01&to=2026-11-30&junk=1',
      [
        silentLive,
        itemsMock(
          {
            queue: 'MINE',
            kinds: ['APPEAL'],
            statuses: ['ASSIGNED'],
            sectorCode: 'ZHKH',
            categoryCode: 'ZHKH_WATER',
            deadlineState: 'OVERDUE',
            urgent: true,
            search: 'вода',
            // Europe/Volgograd is UTC+3: 1 November 00:00 local to the end of 30 November local.
            receivedFrom: '2026-10-31T21:00:00.000Z',
            receivedTo: '2026-11-30T21:00:00.000Z',
          },
          result,
        ),
      ],
    );
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="item-row-2026-000901"]').exists()).toBe(true);
    // The filters show the view they came from.
    expect((wrapper.get('[data-testid="filter-kind"]').element as HTMLSelectElement).value).toBe('APPEAL');
    expect((wrapper.get('[data-testid="filter-deadline"]').element as HTMLSelectElement).value).toBe('OVERDUE');
    expect((wrapper.get('[data-testid="filter-search"]').element as HTMLInputElement).value).toBe('вода');
    expect(wrapper.get('[data-testid="queue-MINE"]').attributes('aria-current')).toBe('page');
  });

  it('lists only open items by default, and puts a changed filter into the address', async () => {
    const open = vi.fn(() => page([itemRowFixture()]));
    const appeals = vi.fn(() => page([]));
    const { wrapper, router } = await openInbox('/items', [
      silentLive,
      itemsMock({ openOnly: true }, open),
      itemsMock({ openOnly: true, kinds: ['APPEAL'] }, appeals),
    ]);
    expect(open).toHaveBeenCalledTimes(1);
    await wrapper.get('[data-testid="filter-kind"]').setValue('APPEAL');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/items?kind=APPEAL');
    expect(appeals).toHaveBeenCalledTimes(1);
    expect(wrapper.text()).toContain('Ничего не найдено. Измените фильтры.');
  });

  it('offers an export of exactly the list on screen: the same filter and sort in the link', async () => {
    const { wrapper } = await openInbox('/items?kind=MESSAGE&sort=RECEIVED_DESC', [
      silentLive,
      { ...itemsMock({ openOnly: true, kinds: ['MESSAGE'] }, page([itemRowFixture()])), request: { query: itemsQuery, variables: { filter: { openOnly: true, kinds: ['MESSAGE'] }, first: 25, sort: 'RECEIVED_DESC' } } },
    ]);
    for (const format of ['xlsx', 'csv']) {
      const href = wrapper.get(`[data-testid="items-export-${format}"]`).attributes('href')!;
      const url = new URL(href, 'http://localhost');
      expect(url.pathname).toBe(`/exports/items.${format}`);
      expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ openOnly: true, kinds: ['MESSAGE'] });
      expect(url.searchParams.get('sort')).toBe('RECEIVED_DESC');
    }
  });

  it('shows each deadline by its state, counting from dueAt, and a paused clock as paused', async () => {
    const rows = [
      itemRowFixture({ id: 'a', number: '2026-000001', dueAt: hours(74), deadlineState: 'ON_TRACK' }),
      itemRowFixture({ id: 'b', number: '2026-000002', dueAt: hours(5.5), deadlineState: 'DUE_SOON', urgent: true }),
      itemRowFixture({ id: 'c', number: '2026-000003', dueAt: hours(-26), deadlineState: 'OVERDUE' }),
      // The server has not noticed yet that this one has just passed its deadline.
      itemRowFixture({ id: 'd', number: '2026-000004', dueAt: hours(-0.5), deadlineState: 'DUE_SOON' }),
      itemRowFixture({ id: 'e', number: '2026-000005', kind: 'MESSAGE', status: 'WAITING_CITIZEN', dueAt: hours(30), deadlineState: 'ON_TRACK', pausedAt: hours(-2) }),
    ];
    const { wrapper } = await openInbox('/items', [silentLive, itemsMock({ openOnly: true }, page(rows, 40, true))]);
    const badge = (number: string) => wrapper.get(`[data-testid="item-row-${number}"] [data-testid="deadline-badge"]`);

    expect(badge('2026-000001').attributes('data-state')).toBe('ON_TRACK');
    expect(badge('2026-000001').classes()).toContain('badge--success');
    expect(badge('2026-000001').text()).toContain('осталось 3 д 2 ч');
    expect(badge('2026-000002').attributes('data-state')).toBe('DUE_SOON');
    expect(badge('2026-000002').classes()).toContain('badge--warning');
    expect(badge('2026-000002').text()).toContain('осталось 5 ч 30 мин');
    expect(badge('2026-000003').attributes('data-state')).toBe('OVERDUE');
    expect(badge('2026-000003').classes()).toContain('badge--danger');
    expect(badge('2026-000003').text()).toContain('просрочено на 1 д 2 ч');
    expect(badge('2026-000004').attributes('data-state')).toBe('OVERDUE');
    expect(badge('2026-000005').attributes('data-state')).toBe('PAUSED');
    expect(badge('2026-000005').text()).toBe('приостановлен');

    expect(wrapper.findAll('[data-testid="urgent-marker"]')).toHaveLength(1);
    expect(wrapper.get('[data-testid="item-row-2026-000002"]').text()).toContain('Экстренное');
    expect(wrapper.get('[data-testid="items-shown"]').text()).toBe('Показано 5 из 40');
  });

  it('shows the queues of the role with their counts', async () => {
    const { wrapper } = await openInbox('/items?queue=UNASSIGNED', [silentLive, itemsMock({ queue: 'UNASSIGNED', openOnly: true }, page([]))]);
    expect(wrapper.get('[data-testid="queue-count-UNASSIGNED"]').text()).toBe('12');
    expect(wrapper.get('[data-testid="queue-count-OVERDUE_MY_SECTORS"]').text()).toBe('7');
    expect(wrapper.get('[data-testid="queue-MINE"]').attributes('href')).toBe('/items?queue=MINE');

    const executor = await openInbox('/items', [silentLive, itemsMock({ openOnly: true }, page([]))], 'EXECUTOR');
    expect(executor.wrapper.findAll('[data-testid^="queue-"]').map((a) => a.attributes('data-testid'))).toEqual(['queue-all', 'queue-MINE', 'queue-count-MINE']);
    expect(executor.wrapper.find('[data-testid="items-new"]').exists()).toBe(false);

    const analyst = await openInbox('/items', [silentLive, itemsMock({ openOnly: true }, page([]))], 'ANALYST');
    expect(analyst.wrapper.find('[data-testid="queue-all"]').exists()).toBe(false);
  });

  it('loads the next page with the cursor and appends it', async () => {
    const first = [itemRowFixture({ id: 'a', number: '2026-000001' })];
    const second = vi.fn(() => page([itemRowFixture({ id: 'b', number: '2026-000002' })], 2, false));
    const { wrapper } = await openInbox('/items', [
      silentLive,
      itemsMock({ openOnly: true }, page(first, 2, true)),
      itemsMock({ openOnly: true }, second, { after: 'cursor-a' }),
    ]);
    await wrapper.get('[data-testid="items-load-more"]').trigger('click');
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
    expect(wrapper.findAll('[data-testid^="item-row-"]').map((r) => r.attributes('data-testid'))).toEqual([
      'item-row-2026-000001',
      'item-row-2026-000002',
    ]);
    expect(wrapper.find('[data-testid="items-load-more"]').exists()).toBe(false);
  });

  it('fetches the rows on screen again, once, a second after an item changes', async () => {
    const again = vi.fn(() => page([itemRowFixture({ status: 'ASSIGNED' })]));
    const { wrapper } = await openInbox('/items', [
      {
        request: { query: itemEventsSubscription, variables: {} },
        result: {
          data: {
            itemEvents: {
              __typename: 'ItemChange',
              cursor: '41',
              type: 'ASSIGNED',
              at: NOW.toISOString(),
              itemId: 'i-1',
              item: { __typename: 'Item', status: 'ASSIGNED', version: 4 },
            },
          },
        },
        delay: 10,
      },
      itemsMock({ openOnly: true }, page([itemRowFixture()])),
      itemsMock({ openOnly: true }, again),
    ]);
    expect(wrapper.get('[data-testid="item-row-2026-000901"] [data-status]').attributes('data-status')).toBe('REGISTERED');
    // The event arrives 10 ms after the inbox opened; a burst of changes costs one request, a second later.
    await pass(10);
    await settle();
    expect(again).not.toHaveBeenCalled();
    await pass(1000);
    await settle();
    expect(again).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="item-row-2026-000901"] [data-status]').attributes('data-status')).toBe('ASSIGNED');
  });

  describe('opened from a KPI figure', () => {
    const from = '2026-10-31T21:00:00.000Z';
    const to = '2026-11-27T09:01:00.000Z';
    const kpi = `ANSWERED_LATE~${from}~${to}~department:d-housing`;
    const names: MockedResponse = {
      request: { query: analyticsOptionsQuery, variables: {} },
      result: {
        data: {
          sectors: [],
          departments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ', active: true }],
          settlements: [],
        },
      },
    };
    const drill = { set: 'ANSWERED_LATE', from, to, scope: { departmentId: 'd-housing' } } as const;

    it('lists exactly the items behind the figure, closed ones too, says so in a chip and drops it on request', async () => {
      const drilled = vi.fn(() => page([itemRowFixture({ status: 'CLOSED' })]));
      const plain = vi.fn(() => page([]));
      const { wrapper, router } = await openInbox(`/items?kpi=${kpi}`, [silentLive, names, itemsMock({ kpi: drill }, drilled), itemsMock({ openOnly: true }, plain)]);
      expect(drilled).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="item-row-2026-000901"]').exists()).toBe(true);
      const chip = wrapper.get('[data-testid="kpi-chip"]');
      expect(chip.attributes('data-set')).toBe('ANSWERED_LATE');
      expect(chip.text().replace(/\s+/g, ' ')).toBe('Показатель: Отвеченные с опозданием · 01.11.2026 — 27.11.2026 · Отдел ЖКХ');
      // "Open only" does not apply to a figure, which counts closed items.
      const openOnly = wrapper.get('[data-testid="filter-open-only"]').element as HTMLInputElement;
      expect(openOnly.checked).toBe(false);
      expect(openOnly.disabled).toBe(true);

      await wrapper.get('[data-testid="kpi-chip-remove"]').trigger('click');
      await settle();
      expect(router.currentRoute.value.fullPath).toBe('/items');
      expect(plain).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="kpi-chip"]').exists()).toBe(false);
    });

    it('combines the figure with the other filters, in English too', async () => {
      const drilled = vi.fn(() => page([]));
      const { wrapper } = await openInbox(`/items?kind=APPEAL&kpi=${kpi}`, [silentLive, names, itemsMock({ kinds: ['APPEAL'], kpi: drill }, drilled)], 'HEAD', 'en');
      expect(drilled).toHaveBeenCalledTimes(1);
      expect(wrapper.get('[data-testid="kpi-chip"]').text().replace(/\s+/g, ' ')).toBe('Figure: Answered late · 01/11/2026 – 27/11/2026 · Отдел ЖКХ');
      expect(wrapper.find('[data-testid="filter-reset"]').exists()).toBe(true);
    });

    it('ignores a drill-down it cannot read', async () => {
      const open = vi.fn(() => page([]));
      const { wrapper } = await openInbox(`/items?kpi=ANSWERED_LATE~${from}~${to}~colour:red`, [silentLive, itemsMock({ openOnly: true }, open)]);
      expect(open).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="kpi-chip"]').exists()).toBe(false);
    });
  });
});
