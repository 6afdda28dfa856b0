import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
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
});
