import { defineComponent, h } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { useQuery } from '@vue/apollo-composable';
import { meMock, render, settle } from '../../../test/render';
import { departmentsQuery } from '../graphql/departments.query';
import { organisationChangedSubscription } from '../graphql/organisation-changed.subscription';
import { usersQuery } from '../graphql/users.query';
import { useOrganisationLive } from './useOrganisationLive';

/** A page showing the departments, kept live. */
const Harness = defineComponent({
  setup() {
    const { result } = useQuery(departmentsQuery, {});
    useOrganisationLive();
    return () => h('ul', (result.value?.departments ?? []).map((d) => h('li', { key: d.id }, d.name)));
  },
});

const dept = (id: string, name: string) => ({
  __typename: 'Department',
  id,
  code: id,
  name,
  shortName: null,
  kind: 'OTHER',
  email: null,
  phone: null,
  active: true,
  sectors: [],
  categories: [],
  settlements: [],
});

function changed(entity: string) {
  return {
    request: { query: organisationChangedSubscription, variables: {} },
    result: {
      data: {
        organisationChanged: {
          __typename: 'OrganisationChange',
          entityId: 'd-2',
          entity,
          action: 'CREATED',
          at: '2026-11-27T10:00:00.000Z',
          municipalityId: 'm-1',
        },
      },
    },
    delay: 20,
  };
}

describe('useOrganisationLive', () => {
  it('refetches the departments on screen when someone creates a department', async () => {
    const second = vi.fn(() => ({ data: { departments: [dept('d-1', 'Водоканал'), dept('d-2', 'Новый отдел')] } }));
    const { wrapper } = await render(Harness, {
      mocks: [
        meMock('CURATOR'),
        { request: { query: departmentsQuery, variables: {} }, result: { data: { departments: [dept('d-1', 'Водоканал')] } } },
        { request: { query: departmentsQuery, variables: {} }, result: second },
        changed('Department'),
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Водоканал', 'Новый отдел']);
  });

  it('leaves the departments alone when a user changed', async () => {
    const second = vi.fn(() => ({ data: { departments: [] } }));
    const users = vi.fn(() => ({ data: { users: [] } }));
    await render(Harness, {
      mocks: [
        meMock('CURATOR'),
        { request: { query: departmentsQuery, variables: {} }, result: { data: { departments: [dept('d-1', 'Водоканал')] } } },
        { request: { query: departmentsQuery, variables: {} }, result: second },
        { request: { query: usersQuery }, result: users },
        changed('User'),
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle();
    expect(second).not.toHaveBeenCalled();
    expect(users).not.toHaveBeenCalled();
  });
});
