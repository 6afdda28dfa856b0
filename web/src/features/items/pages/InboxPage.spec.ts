import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ItemFilter, ItemListFieldsFragment, Role } from '../../../gql/graphql';
import { NOW, pass } from '../../../test/clock';
import { meMock, render, settle, signedIn } from '../../../test/render';
import { itemRowFixture } from '../../../test/items';
import { createLiveTestClient, itemChange } from '../test/live-server';
import { analyticsOptionsQuery } from '../../analytics/graphql/analytics-options.query';
import { inboxFilterOptionsQuery } from '../graphql/inbox-filter-options.query';
import { itemQueueCountsQuery } from '../graphql/item-queue-counts.query';
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
      departments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел ЖКХ', shortName: 'Отдел ЖКХ' }],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const countsMock: MockedResponse = {
  request: { query: itemQueueCountsQuery },
  result: { data: { itemQueueCounts: { __typename: 'ItemQueueCounts', MINE: 4, UNASSIGNED: 12, MY_REVIEW: 1, OVERDUE_MY_SECTORS: 7, TO_CLASSIFY: 2 } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

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

/**
 * The inbox as the app opens it: the route guard has loaded the viewer into the cache first. Its live subscription
 * hears nothing unless the test pushes an event (`live`).
 */
async function openInbox(route: string, mocks: MockedResponse[], role: Role = 'HEAD', locale: 'ru' | 'en' = 'ru', counts: MockedResponse = countsMock) {
  const { client, live } = createLiveTestClient([meMock(role), optionsMock, counts, ...mocks]);
  signedIn(client, role);
  return { ...(await render(InboxPage, { client, route, locale })), live };
}

describe('InboxPage: searching applicants', () => {
  it('tells a role that sees applicants (an executor) that the search finds them, and a curator, who never sees them, that it finds words and numbers', async () => {
    const input = async (role: Role) => {
      const { wrapper } = await openInbox('/items', [itemsMock({}, page([]))], role);
      return wrapper.get('[data-testid="filter-search"] input, input[data-testid="filter-search"]').element as HTMLInputElement;
    };
    const executor = await input('EXECUTOR');
    expect(executor.placeholder).toBe('Слова, № или заявитель');
    expect(executor.closest('[title]')?.getAttribute('title') ?? executor.title).toContain('фамилия, телефон или e-mail заявителя');
    const curator = await input('CURATOR');
    expect(curator.placeholder).toBe('Слова или номер');
    expect(curator.closest('[title]')?.getAttribute('title') ?? curator.title).not.toContain('заявител');
  });
});

describe('InboxPage', () => {
  it('asks the server for exactly the view in the address, with whole municipal days', async () => {
    const result = vi.fn(() => page([itemRowFixture()]));
    const { wrapper } = await openInbox(
      '/items?queue=MINE&kind=APPEAL&status=ASSIGNED&sector=ZHKH&category=ZHKH_WATER&deadline=OVERDUE&urgent=1&q=вода&from=2026-11-01&to=2026-11-30&junk=1',
      [
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
    const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page(rows, 40, true))]);
    const badge = (number: string) => wrapper.get(`[data-testid="item-row-${number}"] [data-testid="deadline-badge"]`);

    expect(badge('2026-000001').attributes('data-state')).toBe('ON_TRACK');
    expect(badge('2026-000001').classes()).toContain('badge--success');
    expect(badge('2026-000001').text()).toContain('осталось 3 д 2 ч');
    expect(badge('2026-000002').attributes('data-state')).toBe('DUE_SOON');
    expect(badge('2026-000002').classes()).toContain('badge--warning');
    // Whole hours in the table's narrow column; the card shows the minutes too.
    expect(badge('2026-000002').text()).toContain('осталось 5 ч');
    expect(badge('2026-000002').text()).not.toContain('мин');
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
    const { wrapper } = await openInbox('/items?queue=UNASSIGNED', [itemsMock({ queue: 'UNASSIGNED', openOnly: true }, page([]))]);
    expect(wrapper.get('[data-testid="queue-count-UNASSIGNED"]').text()).toBe('12');
    expect(wrapper.get('[data-testid="queue-count-OVERDUE_MY_SECTORS"]').text()).toBe('7');
    expect(wrapper.get('[data-testid="queue-MINE"]').attributes('href')).toBe('/items?queue=MINE');

    const executor = await openInbox('/items', [itemsMock({ openOnly: true }, page([]))], 'EXECUTOR');
    expect(executor.wrapper.findAll('[data-testid^="queue-"]').map((a) => a.attributes('data-testid'))).toEqual(['queue-all', 'queue-MINE', 'queue-count-MINE']);
    expect(executor.wrapper.find('[data-testid="items-new"]').exists()).toBe(false);

    const analyst = await openInbox('/items', [itemsMock({ openOnly: true }, page([]))], 'ANALYST');
    expect(analyst.wrapper.find('[data-testid="queue-all"]').exists()).toBe(false);
  });

  it('loads the next page with the cursor and appends it', async () => {
    const first = [itemRowFixture({ id: 'a', number: '2026-000001' })];
    const second = vi.fn(() => page([itemRowFixture({ id: 'b', number: '2026-000002' })], 2, false));
    const { wrapper } = await openInbox('/items', [
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

  describe('live', () => {
    const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ' };
    const status = (wrapper: Awaited<ReturnType<typeof openInbox>>['wrapper'], number: string) =>
      wrapper.get(`[data-testid="item-row-${number}"] [data-status]`).attributes('data-status');
    const rowNumbers = (wrapper: Awaited<ReturnType<typeof openInbox>>['wrapper']) =>
      wrapper.findAll('[data-testid^="item-row-"]').map((r) => r.attributes('data-testid'));
    /** A new item, as its CREATED event carries it. */
    const fresh = (n: number, overrides: Parameters<typeof itemRowFixture>[0] = {}) =>
      itemRowFixture({ id: `n-${n}`, number: `2026-00095${n}`, status: 'NEW', version: 1, receivedAt: NOW.toISOString(), ...overrides });

    it('changes the status of a row in place on an event, without asking for the list again', async () => {
      const list = vi.fn(() => page([itemRowFixture()]));
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, list)]);
      expect(status(wrapper, '2026-000901')).toBe('REGISTERED');

      live.push('ItemEvents', itemChange(itemRowFixture({ status: 'ASSIGNED', version: 4, department: housing }), { cursor: '41', type: 'ASSIGNED' }));
      await settle();
      expect(status(wrapper, '2026-000901')).toBe('ASSIGNED');
      expect(wrapper.get('[data-testid="item-row-2026-000901"]').text()).toContain('Отдел ЖКХ');

      // Nothing else happens later either: no list request, no banner, no mark.
      await pass(10_000);
      await settle();
      expect(list).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="items-arrivals"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="item-left"]').exists()).toBe(false);
    });

    it('does not take a row back to an older version than it shows', async () => {
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture({ status: 'ASSIGNED', version: 4 })]))]);
      live.push('ItemEvents', itemChange(itemRowFixture({ status: 'REGISTERED', version: 3 }), { cursor: '40', type: 'REGISTERED' }));
      await settle();
      expect(status(wrapper, '2026-000901')).toBe('ASSIGNED');
    });

    it('marks a row closed while only open items are listed, and keeps it in its place', async () => {
      const rows = [itemRowFixture(), itemRowFixture({ id: 'i-2', number: '2026-000902' })];
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, page(rows))]);
      live.push('ItemEvents', itemChange(itemRowFixture({ status: 'CLOSED', version: 9 }), { cursor: '41', type: 'STATUS_CHANGED' }));
      await settle();
      expect(rowNumbers(wrapper)).toEqual(['item-row-2026-000901', 'item-row-2026-000902']);
      expect(status(wrapper, '2026-000901')).toBe('CLOSED');
      expect(wrapper.get('[data-testid="item-row-2026-000901"] [data-testid="item-left"]').text()).toBe('Уже не в этом списке');
      expect(wrapper.find('[data-testid="item-row-2026-000902"] [data-testid="item-left"]').exists()).toBe(false);
    });

    it('marks a row of "mine" reassigned to someone else, and unmarks it when it comes back', async () => {
      const me = { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' };
      const other = { __typename: 'User', id: 'u-other', fullName: 'Петров Пётр Петрович' };
      const mine = itemRowFixture({ status: 'IN_PROGRESS', department: housing, executor: me });
      const { wrapper, live } = await openInbox('/items?queue=MINE', [itemsMock({ queue: 'MINE', openOnly: true }, page([mine]))], 'EXECUTOR');
      live.push('ItemEvents', itemChange({ ...mine, status: 'ASSIGNED', version: 4, executor: other }, { cursor: '41', type: 'ASSIGNED' }));
      await settle();
      expect(wrapper.find('[data-testid="item-left"]').exists()).toBe(true);
      live.push('ItemEvents', itemChange({ ...mine, status: 'ASSIGNED', version: 5, executor: me }, { cursor: '42', type: 'ASSIGNED' }));
      await settle();
      expect(wrapper.find('[data-testid="item-left"]').exists()).toBe(false);
    });

    it('announces new items of the list in a banner with the Russian plural instead of inserting them, and shows them on click', async () => {
      const first = vi.fn(() => page([itemRowFixture()]));
      const again = vi.fn(() => page([fresh(1), fresh(2), fresh(3), fresh(4), fresh(5), itemRowFixture()]));
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, first), itemsMock({ openOnly: true }, again)]);
      const banner = () => wrapper.find('[data-testid="items-arrivals"]');
      expect(banner().exists()).toBe(false);

      live.push('ItemEvents', itemChange(fresh(1), { cursor: '41', type: 'CREATED' }));
      await settle();
      expect(banner().text()).toBe('1 новое обращение — показать');
      live.push('ItemEvents', itemChange(fresh(2), { cursor: '42', type: 'CREATED' }));
      live.push('ItemEvents', itemChange(fresh(3), { cursor: '43', type: 'CREATED' }));
      // The same item registered is not another one.
      live.push('ItemEvents', itemChange(fresh(1, { status: 'REGISTERED', version: 2 }), { cursor: '44', type: 'REGISTERED' }));
      await settle();
      expect(banner().text()).toBe('3 новых обращения — показать');
      live.push('ItemEvents', itemChange(fresh(4), { cursor: '45', type: 'CREATED' }));
      live.push('ItemEvents', itemChange(fresh(5), { cursor: '46', type: 'CREATED' }));
      await settle();
      expect(banner().text()).toBe('5 новых обращений — показать');
      expect(rowNumbers(wrapper)).toEqual(['item-row-2026-000901']);

      await banner().trigger('click');
      await settle();
      expect(again).toHaveBeenCalledTimes(1);
      expect(rowNumbers(wrapper)).toHaveLength(6);
      expect(banner().exists()).toBe(false);
    });

    it('says "1 new item — show" in English', async () => {
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture()]))], 'HEAD', 'en');
      live.push('ItemEvents', itemChange(fresh(1), { cursor: '41', type: 'CREATED' }));
      await settle();
      expect(wrapper.get('[data-testid="items-arrivals"]').text()).toBe('1 new item — show');
    });

    it('does not announce an item outside the filter, nor one that would come only further down with "load more"', async () => {
      const soon = itemRowFixture({ dueAt: hours(10) });
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, page([soon], 40, true))]);
      // Closed already: not in "open only".
      live.push('ItemEvents', itemChange(fresh(1, { status: 'CLOSED' }), { cursor: '41' }));
      // Not urgent and due after the last row loaded: it comes with the next page.
      live.push('ItemEvents', itemChange(fresh(2, { dueAt: hours(500) }), { cursor: '42', type: 'CREATED' }));
      await settle();
      expect(wrapper.find('[data-testid="items-arrivals"]').exists()).toBe(false);
      // Urgent items come first: this one would be above the rows on screen.
      live.push('ItemEvents', itemChange(fresh(3, { dueAt: hours(500), urgent: true }), { cursor: '43', type: 'CREATED' }));
      await settle();
      expect(wrapper.get('[data-testid="items-arrivals"]').text()).toBe('1 новое обращение — показать');
    });

    it('fetches the queue counters again once per burst of events: a second after the last, at most five seconds after the first', async () => {
      const counts = vi.fn(() => ({ data: { itemQueueCounts: { __typename: 'ItemQueueCounts', MINE: 4, UNASSIGNED: 12, MY_REVIEW: 1, OVERDUE_MY_SECTORS: 7, TO_CLASSIFY: 2 } } }));
      const countsAsked: MockedResponse = { request: { query: itemQueueCountsQuery }, result: counts, maxUsageCount: Number.POSITIVE_INFINITY };
      const { live } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture()]))], 'HEAD', 'ru', countsAsked);
      expect(counts).toHaveBeenCalledTimes(1);

      // An event every 900 ms: the debounce alone would wait for the end of the burst.
      for (let i = 0; i < 6; i += 1) {
        if (i) await pass(900);
        live.push('ItemEvents', itemChange(itemRowFixture({ version: 4 + i }), { cursor: String(41 + i) }));
      }
      await pass(400);
      await settle();
      expect(counts).toHaveBeenCalledTimes(1);
      await pass(100);
      await settle();
      expect(counts).toHaveBeenCalledTimes(2);

      // A single event: a second later.
      live.push('ItemEvents', itemChange(itemRowFixture({ version: 20 }), { cursor: '60' }));
      await pass(900);
      await settle();
      expect(counts).toHaveBeenCalledTimes(2);
      await pass(100);
      await settle();
      expect(counts).toHaveBeenCalledTimes(3);
    });

    it('listens again from the last cursor after the connection was lost', async () => {
      const { live } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture()]))]);
      live.push('ItemEvents', itemChange(itemRowFixture({ version: 4 }), { cursor: '41' }));
      live.push('ItemEvents', itemChange(itemRowFixture({ version: 5 }), { cursor: '42' }));
      live.drop('ItemEvents');
      await pass(999);
      expect(live.subscriptions('ItemEvents')).toEqual([{}]);
      await pass(1);
      expect(live.subscriptions('ItemEvents')).toEqual([{}, { after: '42' }]);
      expect(live.openCount('ItemEvents')).toBe(1);
    });

    it('reloads the rows on screen and the counters when the server no longer has the events since the cursor, and listens again without one', async () => {
      const first = vi.fn(() => page([itemRowFixture()]));
      const reloaded = vi.fn(() => page([itemRowFixture({ status: 'IN_PROGRESS', version: 7 })]));
      const counts = vi.fn(() => countsMock.result as never);
      const countsAsked: MockedResponse = { request: { query: itemQueueCountsQuery }, result: counts, maxUsageCount: Number.POSITIVE_INFINITY };
      const { wrapper, live } = await openInbox('/items', [itemsMock({ openOnly: true }, first), itemsMock({ openOnly: true }, reloaded)], 'HEAD', 'ru', countsAsked);
      live.push('ItemEvents', itemChange(itemRowFixture({ version: 4 }), { cursor: '41' }));
      live.drop('ItemEvents');
      await pass(1_000);
      live.refuse('ItemEvents', [
        { message: 'after: that cursor is older than the events kept; reload and subscribe without it', extensions: { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' } },
      ]);
      await settle();
      expect(live.subscriptions('ItemEvents')).toEqual([{}, { after: '41' }, {}]);
      expect(reloaded).toHaveBeenCalledTimes(1);
      expect(counts).toHaveBeenCalledTimes(2);
      expect(status(wrapper, '2026-000901')).toBe('IN_PROGRESS');
    });
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
      const { wrapper, router } = await openInbox(`/items?kpi=${kpi}`, [names, itemsMock({ kpi: drill }, drilled), itemsMock({ openOnly: true }, plain)]);
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
      const { wrapper } = await openInbox(`/items?kind=APPEAL&kpi=${kpi}`, [names, itemsMock({ kinds: ['APPEAL'], kpi: drill }, drilled)], 'HEAD', 'en');
      expect(drilled).toHaveBeenCalledTimes(1);
      expect(wrapper.get('[data-testid="kpi-chip"]').text().replace(/\s+/g, ' ')).toBe('Figure: Answered late · 01/11/2026 – 27/11/2026 · Отдел ЖКХ');
      expect(wrapper.find('[data-testid="filter-reset"]').exists()).toBe(true);
    });

    it('ignores a drill-down it cannot read', async () => {
      const open = vi.fn(() => page([]));
      const { wrapper } = await openInbox(`/items?kpi=ANSWERED_LATE~${from}~${to}~colour:red`, [itemsMock({ openOnly: true }, open)]);
      expect(open).toHaveBeenCalledTimes(1);
      expect(wrapper.find('[data-testid="kpi-chip"]').exists()).toBe(false);
    });
  });

  describe('at phone width', () => {
    /** The test window's width (happy-dom): the page reads it through matchMedia, as in a browser. */
    const atWidth = (width: number) =>
      (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 844 });
    afterEach(() => atWidth(1024));
    const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ' };
    const executor = { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' };

    it('lists the items as cards, not a table: number, kind, subject, status, deadline, settlement, department and executor', async () => {
      atWidth(390);
      const row = itemRowFixture({ status: 'IN_PROGRESS', dueAt: hours(-26), deadlineState: 'OVERDUE', department: housing, executor, urgent: true });
      const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page([row]))], 'EXECUTOR');
      expect(wrapper.find('table').exists()).toBe(false);
      const card = wrapper.get('[data-testid="items-cards"] [data-testid="item-row-2026-000901"]');
      expect(card.get('[data-testid="item-link-2026-000901"]').attributes('href')).toBe('/items/i-1');
      expect(card.text()).toContain('Обращение');
      expect(card.text()).toContain('Нет воды на ул. Ленина');
      expect(card.text()).toContain('Экстренное');
      expect(card.get('[data-status]').attributes('data-status')).toBe('IN_PROGRESS');
      expect(card.get('[data-testid="deadline-badge"]').text()).toContain('просрочено на 1 д 2 ч');
      // Short names, the full ones on hover.
      expect(card.get('[title="Городское поселение город Суровикино"]').text()).toBe('г. Суровикино');
      const department = card.get('[data-testid="item-card-department"]');
      expect(department.attributes('title')).toBe('Отдел по жилищно-коммунальному хозяйству, транспорту и связи');
      expect(department.text()).toContain('Отдел ЖКХ');
      expect(card.get('[data-testid="item-card-executor"]').text()).toBe('Захаров Игорь Николаевич');
    });

    it('turns the table into cards when the window narrows, and back', async () => {
      const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture()]))]);
      expect(wrapper.find('table [data-testid="item-row-2026-000901"]').exists()).toBe(true);
      atWidth(390);
      await settle();
      expect(wrapper.find('table').exists()).toBe(false);
      expect(wrapper.find('[data-testid="items-cards"] [data-testid="item-row-2026-000901"]').exists()).toBe(true);
      atWidth(1440);
      await settle();
      expect(wrapper.find('table [data-testid="item-row-2026-000901"]').exists()).toBe(true);
    });

    it('folds the filters into a panel behind a button that counts the chosen ones; the search stays in sight', async () => {
      atWidth(390);
      const { wrapper } = await openInbox('/items?kind=APPEAL&deadline=OVERDUE&q=вода', [
        itemsMock({ openOnly: true, kinds: ['APPEAL'], deadlineState: 'OVERDUE', search: 'вода' }, page([])),
      ]);
      const toggle = wrapper.get('[data-testid="filters-toggle"]');
      const panel = wrapper.get('[data-testid="filters-panel"]');
      expect(toggle.attributes('aria-expanded')).toBe('false');
      expect(toggle.attributes('aria-controls')).toBe(panel.attributes('id'));
      expect(wrapper.get('[data-testid="filters-count"]').text()).toBe('2');
      expect(toggle.text()).toContain('выбрано: 2');
      expect(panel.isVisible()).toBe(false);
      expect(wrapper.get('[data-testid="filter-search"]').isVisible()).toBe(true);

      await toggle.trigger('click');
      expect(toggle.attributes('aria-expanded')).toBe('true');
      expect(panel.isVisible()).toBe(true);
      expect((wrapper.get('[data-testid="filter-kind"]').element as HTMLSelectElement).value).toBe('APPEAL');
    });

    it('leaves the category column out below 1180 px and names the category under the subject instead', async () => {
      atWidth(1440);
      const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture()]))]);
      expect(wrapper.findAll('th').map((th) => th.text())).toContain('Категория');
      expect(wrapper.find('[data-testid="item-category"]').exists()).toBe(false);
      atWidth(1000);
      await settle();
      expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['Номер', 'Суть', 'Поселение', 'Исполнение', 'Статус и срок']);
      expect(wrapper.get('[data-testid="item-row-2026-000901"] [data-testid="item-category"]').text()).toBe('Водоснабжение');
      atWidth(1440);
      await settle();
      expect(wrapper.findAll('th').map((th) => th.text())).toContain('Категория');
    });

    it('shows every filter and no fold button on a wide screen', async () => {
      atWidth(1440);
      const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page([]))]);
      expect(wrapper.find('[data-testid="filters-toggle"]').exists()).toBe(false);
      expect(wrapper.get('[data-testid="filters-panel"]').isVisible()).toBe(true);
    });
  });

  it('names the settlement and the department shortly in the table, with the full names on hover', async () => {
    const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ' };
    const { wrapper } = await openInbox('/items', [itemsMock({ openOnly: true }, page([itemRowFixture({ department: housing })]))]);
    const row = wrapper.get('table [data-testid="item-row-2026-000901"]');
    expect(row.get('[data-testid="item-settlement"]').text()).toBe('г. Суровикино');
    expect(row.get('[data-testid="item-settlement"]').attributes('title')).toBe('Городское поселение город Суровикино');
    expect(row.get('[data-testid="item-department"]').text()).toBe('Отдел ЖКХ');
    expect(row.get('[data-testid="item-department"]').attributes('title')).toBe('Отдел по жилищно-коммунальному хозяйству, транспорту и связи');
  });
});
