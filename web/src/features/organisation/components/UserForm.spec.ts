import { describe, expect, it, vi } from 'vitest';
import { render, settle } from '../../../test/render';
import { createUserMutation } from '../graphql/create-user.mutation';
import { userFormOptionsQuery } from '../graphql/user-form-options.query';
import UserForm from './UserForm.vue';

const optionsMock = {
  request: { query: userFormOptionsQuery },
  result: {
    data: {
      departments: [{ __typename: 'Department', id: 'd-1', name: 'Отдел ЖКХ', shortName: 'ЖКХ' }],
      sectors: [
        { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing' },
        { __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads' },
      ],
    },
  },
};

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);

describe('UserForm', () => {
  it('asks an executor for a department and a sector lead for sectors before sending', async () => {
    const sent = vi.fn(() => ({ data: { createUser: null } }));
    const { wrapper } = await render(UserForm, {
      mocks: [optionsMock, { request: { query: createUserMutation }, variableMatcher: () => true, result: sent }],
    });
    await field(wrapper, 'user-username').setValue('ivanov');
    await field(wrapper, 'user-full-name').setValue('Иванов Иван Иванович');
    await field(wrapper, 'user-password').setValue('long-enough');
    await field(wrapper, 'user-role-EXECUTOR').setValue(true);
    await field(wrapper, 'user-role-SECTOR_LEAD').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(wrapper.text()).toContain('Исполнитель должен состоять в подразделении');
    expect(wrapper.text()).toContain('Ответственный за блок ведёт хотя бы один блок');
    expect(sent).not.toHaveBeenCalled();
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('never offers the regional role', async () => {
    const { wrapper } = await render(UserForm, { mocks: [optionsMock] });
    expect(wrapper.find('[data-testid="user-role-REGION"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="user-role-HEAD"]').exists()).toBe(true);
  });

  it('creates a sector lead with a lower-case login, the sectors and the first password', async () => {
    const result = vi.fn(() => ({
      data: {
        createUser: {
          __typename: 'User',
          id: 'u-new',
          username: 'petrova',
          fullName: 'Петрова Анна',
          position: null,
          email: null,
          phone: null,
          roles: ['SECTOR_LEAD'],
          active: true,
          locale: 'en',
          lastSignInAt: null,
          department: null,
          sectors: [{ __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads' }],
          municipality: { __typename: 'Municipality', id: 'm-1', shortName: 'Суровикинский район' },
        },
      },
    }));
    const { wrapper } = await render(UserForm, {
      mocks: [
        optionsMock,
        {
          request: {
            query: createUserMutation,
            variables: {
              input: {
                username: 'petrova',
                fullName: 'Петрова Анна',
                position: null,
                email: null,
                phone: null,
                roles: ['SECTOR_LEAD'],
                departmentId: null,
                sectorCodes: ['ROADS'],
                locale: 'en',
                password: 'secret-123',
              },
            },
          },
          result,
        },
      ],
    });
    await field(wrapper, 'user-username').setValue('Petrova');
    await field(wrapper, 'user-full-name').setValue('Петрова Анна');
    await field(wrapper, 'user-role-SECTOR_LEAD').setValue(true);
    await field(wrapper, 'user-sector-ROADS').setValue(true);
    await wrapper.findAll('select')[1]!.setValue('en');
    await field(wrapper, 'user-password').setValue('secret-123');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });
});
