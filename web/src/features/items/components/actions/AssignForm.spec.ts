import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { render, settle } from '../../../../test/render';
import { itemFixture } from '../../../../test/items';
import { assignItemMutation } from '../../graphql/assign-item.mutation';
import { assignOptionsQuery } from '../../graphql/assign-options.query';
import { departmentUsersQuery } from '../../graphql/department-users.query';
import AssignForm from './AssignForm.vue';

const item = itemFixture({
  availableActions: ['ASSIGN'],
  suggestedDepartments: [
    { __typename: 'Department', id: 'd-housing', name: 'Отдел по ЖКХ', shortName: 'Отдел по ЖКХ' },
    { __typename: 'Department', id: 'd-water', name: 'МУП «Водоканал»', shortName: 'Водоканал' },
  ],
});

const optionsMock = {
  request: { query: assignOptionsQuery },
  result: {
    data: {
      departments: [
        { __typename: 'Department', id: 'd-culture', name: 'Отдел культуры', shortName: 'Отдел культуры' },
        { __typename: 'Department', id: 'd-housing', name: 'Отдел по ЖКХ', shortName: 'Отдел по ЖКХ' },
        { __typename: 'Department', id: 'd-water', name: 'МУП «Водоканал»', shortName: 'Водоканал' },
      ],
    },
  },
};

const users = (departmentId: string, list: { id: string; fullName: string }[]) => ({
  request: { query: departmentUsersQuery, variables: { departmentId } },
  result: { data: { users: list.map((u) => ({ __typename: 'User', position: null, roles: ['EXECUTOR'], ...u })) } },
});

describe('AssignForm', () => {
  it('puts the suggested departments first and names an executor of the chosen one', async () => {
    const result = vi.fn(() => ({ data: { assignItem: itemFixture({ status: 'ASSIGNED', version: 4 }) } }));
    const { wrapper } = await render(AssignForm, {
      props: { item },
      mocks: [
        optionsMock,
        users('d-housing', [{ id: 'u-1', fullName: 'Захаров Игорь Николаевич' }]),
        users('d-water', [{ id: 'u-2', fullName: 'Петров Павел' }]),
        {
          request: { query: assignItemMutation, variables: { id: 'i-1', version: 3, input: { departmentId: 'd-water', executorId: 'u-2', comment: null } } },
          result,
        },
      ],
    });
    const groups = wrapper.findAll('[data-testid="assign-department"] optgroup');
    expect(groups.map((g) => g.attributes('label'))).toEqual(['Рекомендуемые', 'Все подразделения']);
    expect(groups[0]!.findAll('option').map((o) => o.text())).toEqual(['Отдел по ЖКХ', 'Водоканал']);
    expect(groups[1]!.findAll('option').map((o) => o.text())).toEqual(['Отдел культуры']);
    // The first suggestion is preselected, with its people.
    expect((wrapper.get('[data-testid="assign-department"]').element as HTMLSelectElement).value).toBe('d-housing');
    expect(wrapper.get('[data-testid="assign-executor"]').text()).toContain('Захаров Игорь Николаевич');

    await wrapper.get('[data-testid="assign-department"]').setValue('d-water');
    await settle();
    await wrapper.get('[data-testid="assign-executor"]').setValue('u-2');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('done')).toHaveLength(1);
  });

  it('assigns to the department alone when the person may not list its users', async () => {
    const result = vi.fn(() => ({ data: { assignItem: itemFixture({ status: 'ASSIGNED', version: 4 }) } }));
    const { wrapper } = await render(AssignForm, {
      props: { item },
      mocks: [
        optionsMock,
        {
          request: { query: departmentUsersQuery, variables: { departmentId: 'd-housing' } },
          result: { errors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] },
        },
        {
          request: { query: assignItemMutation, variables: { id: 'i-1', version: 3, input: { departmentId: 'd-housing', executorId: null, comment: 'Срочно' } } },
          result,
        },
      ],
    });
    expect(wrapper.get('[data-testid="assign-executors-unavailable"]').text()).toContain('подразделение назначит исполнителя само');
    expect(wrapper.get('[data-testid="assign-executor"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="assign-comment"]').setValue('Срочно');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
  });
});
