import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { meQuery } from '../../features/auth/graphql/me.query';
import { municipalityFixture, viewerFixture } from '../../test/fixtures';
import { meMock, render } from '../../test/render';
import { notificationAddedSubscription } from '../../features/notifications/graphql/notification-added.subscription';
import { notificationBellQuery } from '../../features/notifications/graphql/notification-bell.query';
import AppLayout from './AppLayout.vue';

/** The bell in the header: one unread notification, and no live event. */
const bellMocks: MockedResponse[] = [
  {
    request: { query: notificationBellQuery, variables: { first: 15 } },
    result: { data: { unreadNotificationCount: 1, notifications: [] } },
  },
  { request: { query: notificationAddedSubscription }, delay: Infinity },
];

describe('AppLayout header', () => {
  it('shows the product, the municipality, the person and their role', async () => {
    const { wrapper } = await render(AppLayout, { mocks: [meMock('SECTOR_LEAD'), ...bellMocks] });
    expect(wrapper.get('[data-testid="brand"]').text()).toBe('Отклик');
    expect(wrapper.get('[data-testid="viewer-municipality"]').text()).toBe('Суровикинский район');
    expect(wrapper.get('[data-testid="viewer-name"]').text()).toBe('Мельникова Ольга Ивановна');
    const roles = wrapper.get('[data-testid="viewer-roles"]');
    expect(roles.text()).toBe('Ответственный за отраслевой блок');
    expect(roles.attributes('data-roles')).toBe('SECTOR_LEAD');
    expect(wrapper.find('[data-testid="signout"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="locale-en"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="notifications-count"]').text()).toBe('1');
    // The production-calendar warning is the head's.
    expect(wrapper.find('[data-testid="calendar-warning"]').exists()).toBe(false);
  });

  it('tells the regional reader they see every municipality', async () => {
    const { wrapper } = await render(AppLayout, { mocks: [meMock('REGION'), ...bellMocks], locale: 'en' });
    expect(wrapper.get('[data-testid="viewer-municipality"]').text()).toBe('All municipalities of the region');
    expect(wrapper.get('[data-testid="viewer-roles"]').text()).toBe('Regional centre');
  });

  it('shows every date below it in the time zone of the viewer’s municipality', async () => {
    const elsewhere = viewerFixture('HEAD', { municipality: { ...municipalityFixture, timezone: 'Asia/Yekaterinburg' } });
    const { wrapper } = await render(AppLayout, {
      mocks: [
        { request: { query: meQuery }, result: { data: { me: elsewhere } }, maxUsageCount: Number.POSITIVE_INFINITY },
        {
          request: { query: notificationBellQuery, variables: { first: 15 } },
          result: {
            data: {
              unreadNotificationCount: 1,
              notifications: [
                { __typename: 'Notification', id: 'n-1', type: 'ASSIGNED', message: 'x', readAt: null, createdAt: '2026-11-27T09:00:00.000Z', item: null },
              ],
            },
          },
        },
        bellMocks[1]!,
      ],
    });
    await wrapper.get('[data-testid="notifications-bell"]').trigger('click');
    // 09:00 UTC is 14:00 in Yekaterinburg (UTC+5): not the zone render() gives by default, nor the machine's.
    expect(wrapper.get('[data-testid="notification-n-1"] time').text()).toBe('27.11.2026, 14:00');
  });
});
