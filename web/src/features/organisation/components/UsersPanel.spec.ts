import { describe, expect, it, vi } from 'vitest';
import type { Role, UserFieldsFragment } from '../../../gql/graphql';
import { meMock, render, settle } from '../../../test/render';
import { updateUserMutation } from '../graphql/update-user.mutation';
import { usersQuery } from '../graphql/users.query';
import UsersPanel from './UsersPanel.vue';

function user(role: Role, overrides: Partial<UserFieldsFragment> = {}) {
  return {
    __typename: 'User' as const,
    id: `u-${role.toLowerCase()}`,
    username: role.toLowerCase(),
    fullName: `Сотрудник ${role}`,
    position: null,
    email: null,
    phone: null,
    roles: [role],
    active: true,
    locale: 'ru',
    lastSignInAt: null,
    department: null,
    sectors: [],
    municipality: { __typename: 'Municipality' as const, id: 'm-1', shortName: 'Суровикинский район' },
    ...overrides,
  };
}

const usersMock = {
  request: { query: usersQuery },
  result: { data: { users: [user('HEAD'), user('ANALYST'), user('EXECUTOR', { active: false })] } },
};

describe('UsersPanel', () => {
  it('lets the head create, edit, set passwords and deactivate others, but not themself', async () => {
    const { wrapper } = await render(UsersPanel, { mocks: [meMock('HEAD'), usersMock] });
    expect(wrapper.find('[data-testid="user-create"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-testid^="user-row-"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="user-deactivate-analyst"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="user-deactivate-head"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="user-activate-executor"]').exists()).toBe(true);
  });

  it('deactivates after confirmation, and the list follows from the cache', async () => {
    const result = vi.fn(() => ({ data: { updateUser: user('ANALYST', { active: false }) } }));
    const { wrapper } = await render(UsersPanel, {
      mocks: [
        meMock('HEAD'),
        usersMock,
        { request: { query: updateUserMutation, variables: { id: 'u-analyst', input: { active: false } } }, result },
      ],
    });
    await wrapper.get('[data-testid="user-deactivate-analyst"]').trigger('click');
    expect(wrapper.text()).toContain('Отключить пользователя?');
    await wrapper.get('[data-testid="user-deactivate-confirm"]').trigger('click');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="user-row-analyst"]').text()).toContain('Отключён');
    expect(wrapper.find('[data-testid="user-activate-analyst"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Пользователь Сотрудник ANALYST отключён, его сеансы завершены');
  });

  it('is read-only for a curator', async () => {
    const { wrapper } = await render(UsersPanel, { mocks: [meMock('CURATOR'), usersMock] });
    expect(wrapper.findAll('[data-testid^="user-row-"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="user-create"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid^="user-deactivate-"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Список только для просмотра');
  });

  it('filters by role and status without asking the server again', async () => {
    const { wrapper } = await render(UsersPanel, { mocks: [meMock('HEAD'), usersMock] });
    const selects = wrapper.findAll('select');
    await selects[0]!.setValue('ANALYST');
    expect(wrapper.findAll('[data-testid^="user-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['user-row-analyst']);
    await selects[0]!.setValue('');
    await selects[1]!.setValue('inactive');
    expect(wrapper.findAll('[data-testid^="user-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['user-row-executor']);
  });
});
