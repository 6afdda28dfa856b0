import { describe, expect, it } from 'vitest';
import { meMock, render } from '../../test/render';
import AppLayout from './AppLayout.vue';

describe('AppLayout header', () => {
  it('shows the product, the municipality, the person and their role', async () => {
    const { wrapper } = await render(AppLayout, { mocks: [meMock('SECTOR_LEAD')] });
    expect(wrapper.get('[data-testid="brand"]').text()).toBe('Отклик');
    expect(wrapper.get('[data-testid="viewer-municipality"]').text()).toBe('Суровикинский район');
    expect(wrapper.get('[data-testid="viewer-name"]').text()).toBe('Мельникова Ольга Ивановна');
    const roles = wrapper.get('[data-testid="viewer-roles"]');
    expect(roles.text()).toBe('Ответственный за отраслевой блок');
    expect(roles.attributes('data-roles')).toBe('SECTOR_LEAD');
    expect(wrapper.find('[data-testid="signout"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="locale-en"]').exists()).toBe(true);
  });

  it('tells the regional reader they see every municipality', async () => {
    const { wrapper } = await render(AppLayout, { mocks: [meMock('REGION')], locale: 'en' });
    expect(wrapper.get('[data-testid="viewer-municipality"]').text()).toBe('All municipalities of the region');
    expect(wrapper.get('[data-testid="viewer-roles"]').text()).toBe('Regional centre');
  });
});
