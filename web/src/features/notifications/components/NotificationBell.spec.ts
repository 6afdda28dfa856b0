import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { pass } from '../../../test/clock';
import { render, settle } from '../../../test/render';
import { markNotificationsReadMutation } from '../graphql/mark-notifications-read.mutation';
import { notificationAddedSubscription } from '../graphql/notification-added.subscription';
import { notificationBellQuery } from '../graphql/notification-bell.query';
import NotificationBell from './NotificationBell.vue';

function notice(
  id: string,
  type: string,
  number: string | null,
  readAt: string | null = null,
  extra: { itemCount?: number; subject?: string | null; problem?: { id: string; title: string } } = {},
) {
  return {
    __typename: 'Notification',
    id,
    type,
    message: `server text ${id}`,
    readAt,
    createdAt: '2026-11-27T09:00:00.000Z',
    itemCount: extra.itemCount ?? 1,
    item: number ? { __typename: 'Item', id: `i-${number}`, number, subject: extra.subject ?? null } : null,
    problem: extra.problem ? { __typename: 'Problem', ...extra.problem } : null,
  };
}

function bell(unread: number, list: ReturnType<typeof notice>[]): MockedResponse {
  return { request: { query: notificationBellQuery, variables: { first: 15 } }, result: { data: { unreadNotificationCount: unread, notifications: list } } };
}

const silent: MockedResponse = { request: { query: notificationAddedSubscription }, delay: Infinity };

const list = [
  notice('n-1', 'ASSIGNED', '2026-000901'),
  notice('n-2', 'RETURNED', '2026-000902'),
  notice('n-3', 'OVERDUE', '2026-000903', '2026-11-27T08:00:00.000Z'),
  notice('n-4', 'SOMETHING_NEW', null),
];

describe('NotificationBell', () => {
  it('shows how many are unread, and lists them in the interface language, at municipal time, with links to their items', async () => {
    const { wrapper } = await render(NotificationBell, { mocks: [bell(2, list), silent] });
    expect(wrapper.get('[data-testid="notifications-count"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="notifications-bell"]').attributes('aria-label')).toBe('Уведомления: Непрочитанных: 2');
    expect(wrapper.find('[data-testid="notifications-panel"]').exists()).toBe(false);

    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    const items = wrapper.findAll('[data-testid^="notification-"]');
    expect(items.map((i) => i.get('.bell__text').text())).toEqual([
      'Вам назначено 2026-000901',
      'Ответ по 2026-000902 возвращён на доработку',
      'Срок по 2026-000903 истёк',
      'server text n-4',
    ]);
    // 09:00 UTC is 12:00 in Volgograd, whatever the zone of the machine.
    expect(items.map((i) => i.get('.bell__time').text())).toEqual(Array(4).fill('27.11.2026, 12:00'));
    expect(items[0]!.get('a').attributes('href')).toBe('/items/i-2026-000901');
    expect(items[0]!.classes()).toContain('bell__item--unread');
    expect(items[2]!.classes()).not.toContain('bell__item--unread');
  });

  it.each([
    ['ru', 'Просрочено мероприятие по проблеме «Ямы на ул. Ленина»'],
    ['en', 'A measure of the problem “Ямы на ул. Ленина” is overdue'],
  ] as const)('words an overdue measure of a problem in %s with the problem’s title and links to the problem', async (locale, words) => {
    const overdue = notice('n-7', 'MEASURE_OVERDUE', null, null, { problem: { id: 'p-1', title: 'Ямы на ул. Ленина' } });
    const { wrapper } = await render(NotificationBell, { locale, mocks: [bell(1, [overdue]), silent] });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    const entry = wrapper.get('[data-testid="notification-n-7"] a[data-problem]');
    expect(entry.get('.bell__text').text()).toBe(words);
    expect(entry.attributes('href')).toBe('/problems/p-1');
  });

  it('shows the server’s words for an overdue measure of a problem the reader may not open', async () => {
    const { wrapper } = await render(NotificationBell, { mocks: [bell(1, [notice('n-8', 'MEASURE_OVERDUE', null)]), silent] });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    expect(wrapper.get('[data-testid="notification-n-8"] .bell__text').text()).toBe('server text n-8');
    expect(wrapper.find('[data-testid="notification-n-8"] a').exists()).toBe(false);
  });

  it('says what each item is about under its notification', async () => {
    const { wrapper } = await render(NotificationBell, {
      mocks: [bell(1, [notice('n-1', 'OVERDUE', '2026-000901', null, { subject: 'Нет воды на ул. Ленина' }), notice('n-2', 'ASSIGNED', '2026-000902')]), silent],
    });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    const [first, second] = wrapper.findAll('[data-testid^="notification-"]');
    expect(first!.get('.bell__text').text()).toBe('Срок по 2026-000901 истёк');
    expect(first!.get('.bell__subject').text()).toBe('Нет воды на ул. Ленина');
    expect(second!.find('.bell__subject').exists()).toBe(false);
  });

  it.each([
    [2, 'Истёк срок по 2 обращениям'],
    [11, 'Истёк срок по 11 обращениям'],
    [21, 'Истёк срок по 21 обращению'],
    [47, 'Истёк срок по 47 обращениям'],
  ])('shows a digest of %i passed deadlines in its Russian plural form, linking to the overdue items of the inbox', async (count, words) => {
    const { wrapper } = await render(NotificationBell, { mocks: [bell(1, [notice('n-9', 'OVERDUE', null, null, { itemCount: count })]), silent] });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    const entry = wrapper.get('[data-testid="notification-n-9"] a[data-digest]');
    expect(entry.get('.bell__text').text()).toBe(words);
    expect(entry.attributes('href')).toBe('/items?deadline=OVERDUE');
  });

  it('words digests and the kinds without a number of their own in English', async () => {
    const { wrapper } = await render(NotificationBell, {
      locale: 'en',
      mocks: [bell(1, [notice('n-9', 'DUE_SOON', null, null, { itemCount: 12 }), notice('n-8', 'REVIEW_OVERDUE', '2026-000903')]), silent],
    });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    expect(wrapper.findAll('.bell__text').map((e) => e.text())).toEqual(['The deadlines of 12 items are near', 'The review of the answer to 2026-000903 is overdue']);
    expect(wrapper.get('[data-testid="notification-n-9"] a').attributes('href')).toBe('/items?deadline=DUE_SOON');
  });

  it('shows no count when everything is read', async () => {
    const { wrapper } = await render(NotificationBell, { mocks: [bell(0, [list[2]!]), silent] });
    expect(wrapper.find('[data-testid="notifications-count"]').exists()).toBe(false);
  });

  it('marks everything read and updates the count without asking again', async () => {
    const marked = vi.fn(() => ({ data: { markNotificationsRead: 2 } }));
    const asked = vi.fn(() => ({ data: { unreadNotificationCount: 2, notifications: list } }));
    const { wrapper } = await render(NotificationBell, {
      mocks: [
        { request: { query: notificationBellQuery, variables: { first: 15 } }, result: asked, maxUsageCount: Number.POSITIVE_INFINITY },
        silent,
        { request: { query: markNotificationsReadMutation, variables: { ids: null } }, result: marked },
      ],
    });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    await wrapper.get('[data-testid="notifications-mark-all"]').trigger('click');
    await settle();
    expect(marked).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="notifications-count"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid^="notification-"]')).toHaveLength(4);
    expect(wrapper.findAll('.bell__item--unread')).toHaveLength(0);
    // The cache was updated from the answer of the mutation: the list was not asked for again.
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('asks again when the server adds a notification', async () => {
    const again = vi.fn(() => ({ data: { unreadNotificationCount: 3, notifications: [notice('n-5', 'ON_REVIEW', '2026-000904'), ...list] } }));
    const { wrapper } = await render(NotificationBell, {
      mocks: [
        bell(2, list),
        {
          request: { query: notificationAddedSubscription },
          result: { data: { notificationAdded: { __typename: 'NotificationAdded', notificationId: 'n-5', at: '2026-11-27T09:05:00.000Z' } } },
          delay: 20,
        },
        { request: { query: notificationBellQuery, variables: { first: 15 } }, result: again },
      ],
    });
    expect(wrapper.get('[data-testid="notifications-count"]').text()).toBe('2');
    expect(again).not.toHaveBeenCalled();
    // The event arrives 20 ms after the bell opened.
    await pass(20);
    await settle();
    expect(again).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="notifications-count"]').text()).toBe('3');
  });
});
