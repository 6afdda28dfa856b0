import { defineComponent, h } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { useQuery } from '@vue/apollo-composable';
import { pass } from '../../../test/clock';
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
  shortName: name,
  shortNameDerived: true,
  kind: 'OTHER',
  email: null,
  phone: null,
  active: true,
  sectors: [],
  categories: [],
  settlements: [],
});

/** The server's event that someone changed an entity, 20 ms after the page opened; `delivered` counts it. */
function changed(entity: string, delivered = vi.fn()) {
  return {
    request: { query: organisationChangedSubscription, variables: {} },
    result: () => {
      delivered();
      return {
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
      };
    },
    delay: 20,
  };
}

describe('useOrganisationLive', () => {
  it('refetches the departments on screen when someone creates a department', async () => {
    const second = vi.fn(() => ({ data: { departments: [dept('d-1', 'Водоканал'), dept('d-2', 'Новый отдел')] } }));
    const delivered = vi.fn();
    const { wrapper } = await render(Harness, {
      mocks: [
        meMock('CURATOR'),
        { request: { query: departmentsQuery, variables: {} }, result: { data: { departments: [dept('d-1', 'Водоканал')] } } },
        { request: { query: departmentsQuery, variables: {} }, result: second },
        changed('Department', delivered),
      ],
    });
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Водоканал']);
    expect(second).not.toHaveBeenCalled();

    await pass(20);
    await settle();
    expect(delivered).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Водоканал', 'Новый отдел']);
  });

  it('leaves the departments alone when a user changed', async () => {
    const second = vi.fn(() => ({ data: { departments: [] } }));
    const users = vi.fn(() => ({ data: { users: [] } }));
    const delivered = vi.fn();
    const { wrapper } = await render(Harness, {
      mocks: [
        meMock('CURATOR'),
        { request: { query: departmentsQuery, variables: {} }, result: { data: { departments: [dept('d-1', 'Водоканал')] } } },
        { request: { query: departmentsQuery, variables: {} }, result: second },
        { request: { query: usersQuery }, result: users },
        changed('User', delivered),
      ],
    });
    await pass(20);
    await settle();
    // The event did arrive, and only the users (not on this page) would have been asked for again.
    expect(delivered).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(users).not.toHaveBeenCalled();
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Водоканал']);
  });
});
