import { afterEach, describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { meQuery } from '../../features/auth/graphql/me.query';
import { municipalityFixture, viewerFixture } from '../../test/fixtures';
import { meMock, render, settle } from '../../test/render';
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

describe('AppLayout on a narrow screen', () => {
  /** The test window's width (happy-dom): the layout reads it through matchMedia, as in a browser. */
  const atWidth = (width: number) =>
    (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 844 });
  afterEach(() => atWidth(1024));

  it('folds the navigation, the person and the sign-out into a menu behind a button that says whether it is open', async () => {
    atWidth(390);
    const { wrapper } = await render(AppLayout, { mocks: [meMock('EXECUTOR'), ...bellMocks] });
    const toggle = wrapper.get('[data-testid="menu-toggle"]');
    const menu = wrapper.get('[data-testid="app-menu"]');
    expect(toggle.attributes('aria-label')).toBe('Меню');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe(menu.attributes('id'));
    expect(menu.isVisible()).toBe(false);
    // The header keeps only what fits a phone: the person and the sign-out are in the menu.
    expect(wrapper.get('header').find('[data-testid="viewer-name"]').exists()).toBe(false);
    expect(wrapper.get('header').find('[data-testid="signout"]').exists()).toBe(false);

    await toggle.trigger('click');
    await settle();
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(menu.isVisible()).toBe(true);
    expect(menu.get('[data-testid="viewer-name"]').text()).toBe('Захаров Игорь Николаевич');
    expect(menu.find('[data-testid="signout"]').exists()).toBe(true);
    // The focus goes to the menu's first page.
    expect(document.activeElement).toBe(menu.get('[data-testid="nav-home"]').element);
  });

  it('closes the menu on Esc with the focus back on its button, on a click beside it and when a page opens', async () => {
    atWidth(390);
    const { wrapper, router } = await render(AppLayout, { mocks: [meMock('HEAD'), ...bellMocks] });
    const toggle = wrapper.get('[data-testid="menu-toggle"]');
    const menu = wrapper.get('[data-testid="app-menu"]');

    await toggle.trigger('click');
    await settle();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(menu.isVisible()).toBe(false);
    expect(document.activeElement).toBe(toggle.element);

    await toggle.trigger('click');
    await settle();
    await wrapper.get('[data-testid="menu-backdrop"]').trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('false');

    await toggle.trigger('click');
    await settle();
    await menu.get('[data-testid="nav-items"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.name).toBe('items');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(menu.isVisible()).toBe(false);
  });

  it('shows the navigation beside the page, with no menu button, on a wide screen', async () => {
    atWidth(1440);
    const { wrapper } = await render(AppLayout, { mocks: [meMock('HEAD'), ...bellMocks] });
    expect(wrapper.find('[data-testid="menu-toggle"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="app-menu"]').isVisible()).toBe(true);
    expect(wrapper.get('header').find('[data-testid="viewer-name"]').exists()).toBe(true);
  });
});
