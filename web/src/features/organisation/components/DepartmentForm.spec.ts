import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { DepartmentFieldsFragment } from '../../../gql/graphql';
import { createTestClient, render, settle, settled } from '../../../test/render';
import { createDepartmentMutation } from '../graphql/create-department.mutation';
import { departmentFormOptionsQuery } from '../graphql/department-form-options.query';
import { departmentsQuery } from '../graphql/departments.query';
import { updateDepartmentMutation } from '../graphql/update-department.mutation';
import DepartmentForm from './DepartmentForm.vue';

const optionsMock = {
  request: { query: departmentFormOptionsQuery },
  result: {
    data: {
      sectors: [
        {
          __typename: 'Sector',
          id: 's-1',
          code: 'ZHKH',
          name: 'ЖКХ',
          nameEn: 'Housing and utilities',
          categories: [
            { __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply', active: true },
            { __typename: 'Category', id: 'c-2', code: 'ZHKH_OLD', name: 'Устаревшая', nameEn: null, active: false },
          ],
        },
        { __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads', categories: [] },
      ],
      settlements: [
        { __typename: 'Settlement', id: 'st-1', name: 'Суровикинское', kind: 'URBAN' },
        { __typename: 'Settlement', id: 'st-2', name: 'Лысовское', kind: 'RURAL' },
      ],
    },
  },
};

function department(overrides: Partial<DepartmentFieldsFragment> = {}): DepartmentFieldsFragment & { __typename: 'Department' } {
  return {
    __typename: 'Department',
    id: 'd-1',
    code: 'vodokanal',
    name: 'МУП «Водоканал»',
    shortName: 'Водоканал',
    shortNameDerived: false,
    kind: 'UTILITY',
    email: 'info@vodokanal.example',
    phone: '8 (84473) 2-11-11',
    active: true,
    sectors: [{ __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing and utilities' }],
    categories: [],
    settlements: [{ __typename: 'Settlement', id: 'st-1', name: 'Суровикинское' }],
    ...overrides,
  } as DepartmentFieldsFragment & { __typename: 'Department' };
}

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);

describe('DepartmentForm', () => {
  it('creates a department with exactly the variables the server expects', async () => {
    const created = department({ id: 'd-new', code: 'water_service', name: 'Служба водоснабжения', shortName: 'Служба водоснабжения', shortNameDerived: true, phone: null });
    const result = vi.fn(() => ({ data: { createDepartment: created } }));
    const { wrapper } = await render(DepartmentForm, {
      mocks: [
        optionsMock,
        {
          request: {
            query: createDepartmentMutation,
            variables: {
              input: {
                code: 'water_service',
                name: 'Служба водоснабжения',
                shortName: null,
                kind: 'UTILITY',
                email: 'water@example.ru',
                phone: null,
                sectorCodes: ['ZHKH'],
                categoryCodes: ['ZHKH_WATER'],
                settlementIds: ['st-2'],
              },
            },
          },
          result,
        },
      ],
    });

    await field(wrapper, 'department-code').setValue(' water_service ');
    await field(wrapper, 'department-name').setValue('Служба водоснабжения');
    await field(wrapper, 'department-kind').setValue('UTILITY');
    await field(wrapper, 'department-email').setValue('water@example.ru');
    await field(wrapper, 'department-sector-ZHKH').setValue(true);
    await field(wrapper, 'department-category-ZHKH_WATER').setValue(true);
    await field(wrapper, 'department-settlement-st-2').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('saved')?.[0]).toEqual([expect.objectContaining({ id: 'd-new', code: 'water_service' })]);
    expect(wrapper.find('[data-testid="department-error"]').exists()).toBe(false);
  });

  it('leaves the short name empty when it is derived, showing the derived one as the placeholder; shows a kept one', async () => {
    const derived = department({ shortName: 'Отдел ЖКХ', shortNameDerived: true });
    const { wrapper } = await render(DepartmentForm, { mocks: [optionsMock], props: { department: derived } });
    const input = field(wrapper, 'department-short-name').element as HTMLInputElement;
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('Отдел ЖКХ');
    const kept = await render(DepartmentForm, { mocks: [optionsMock], props: { department: department() } });
    expect((field(kept.wrapper, 'department-short-name').element as HTMLInputElement).value).toBe('Водоканал');
  });

  it('offers only active categories, and no code field to change when editing', async () => {
    const { wrapper } = await render(DepartmentForm, { mocks: [optionsMock], props: { department: department() } });
    expect(wrapper.find('[data-testid="department-category-ZHKH_WATER"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="department-category-ZHKH_OLD"]').exists()).toBe(false);
    expect(field(wrapper, 'department-code').attributes('disabled')).toBeDefined();
    expect((field(wrapper, 'department-sector-ZHKH').element as HTMLInputElement).checked).toBe(true);
    expect((field(wrapper, 'department-settlement-st-1').element as HTMLInputElement).checked).toBe(true);
  });

  it('updates a department: clears what was emptied and sends the links it has', async () => {
    const result = vi.fn(() => ({
      data: { updateDepartment: department({ name: 'МУП «Водоканал» г. Суровикино', shortName: 'МУП «Водоканал» г. Суровикино', shortNameDerived: true, email: null, active: false }) },
    }));
    const { wrapper } = await render(DepartmentForm, {
      props: { department: department() },
      mocks: [
        optionsMock,
        {
          request: {
            query: updateDepartmentMutation,
            variables: {
              id: 'd-1',
              input: {
                name: 'МУП «Водоканал» г. Суровикино',
                shortName: '',
                kind: 'UTILITY',
                email: null,
                phone: '8 (84473) 2-11-11',
                active: false,
                sectorCodes: ['ZHKH', 'ROADS'],
                categoryCodes: [],
                settlementIds: ['st-1'],
              },
            },
          },
          result,
        },
      ],
    });

    await field(wrapper, 'department-name').setValue('МУП «Водоканал» г. Суровикино');
    await field(wrapper, 'department-short-name').setValue('');
    await field(wrapper, 'department-email').setValue('');
    await field(wrapper, 'department-sector-ROADS').setValue(true);
    await field(wrapper, 'department-active').setValue(false);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('checks the required fields before sending anything', async () => {
    const sent = vi.fn(() => ({ data: { createDepartment: department() } }));
    const { wrapper } = await render(DepartmentForm, {
      mocks: [optionsMock, { request: { query: createDepartmentMutation }, variableMatcher: () => true, result: sent }],
    });
    await field(wrapper, 'department-code').setValue('1bad');
    await field(wrapper, 'department-email').setValue('not-an-email');
    await wrapper.get('form').trigger('submit');
    await settle();
    const text = wrapper.text();
    expect(text).toContain('Латинские буквы, цифры и _, начиная с буквы');
    expect(text).toContain('Обязательное поле');
    expect(text).toContain('Введите адрес электронной почты');
    expect(sent).not.toHaveBeenCalled();
    expect(wrapper.emitted('saved')).toBeUndefined();
    expect(field(wrapper, 'department-name').attributes('aria-invalid')).toBe('true');
  });

  it('shows a taken code under the code field and the other problems under theirs', async () => {
    const conflict = vi.fn(() => ({ errors: [new GraphQLError('exists', { extensions: { code: 'CONFLICT', field: 'code' } })] }));
    const variables = {
      input: {
        code: 'vodokanal',
        name: 'Водоканал 2',
        shortName: null,
        kind: 'OTHER',
        email: null,
        phone: null,
        sectorCodes: [],
        categoryCodes: [],
        settlementIds: [],
      },
    };
    const { wrapper } = await render(DepartmentForm, {
      mocks: [
        optionsMock,
        { request: { query: createDepartmentMutation, variables }, result: conflict },
        {
          request: { query: createDepartmentMutation, variables },
          result: {
            errors: [
              new GraphQLError('Invalid input', {
                extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.settlementIds', problems: ['unknown settlements: x'] }] },
              }),
            ],
          },
        },
      ],
    });
    await field(wrapper, 'department-code').setValue('vodokanal');
    await field(wrapper, 'department-name').setValue('Водоканал 2');
    await field(wrapper, 'department-kind').setValue('OTHER');
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(conflict).toHaveBeenCalledTimes(1);
    const codeField = field(wrapper, 'department-code').element.closest('.field')!;
    expect(codeField.textContent).toContain('Уже занято');
    expect(field(wrapper, 'department-error').text()).toContain('Такая запись уже существует.');

    await wrapper.get('form').trigger('submit');
    await settle();
    const group = field(wrapper, 'department-settlement-st-1').element.closest('fieldset')!;
    expect(group.textContent).toContain('unknown settlements: x');
    expect(field(wrapper, 'department-error').text()).toContain('Проверьте заполнение полей.');
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('adds the created department to the cached list, without a refetch', async () => {
    const created = department({ id: 'd-new', code: 'new_unit', name: 'Новый отдел', kind: 'ADMIN_UNIT', shortName: 'Новый отдел', shortNameDerived: true, email: null, phone: null, sectors: [], settlements: [] });
    const client = createTestClient([
      { request: { query: departmentsQuery, variables: {} }, result: { data: { departments: [department()] } } },
      optionsMock,
      {
        request: {
          query: createDepartmentMutation,
          variables: {
            input: { code: 'new_unit', name: 'Новый отдел', shortName: null, kind: 'ADMIN_UNIT', email: null, phone: null, sectorCodes: [], categoryCodes: [], settlementIds: [] },
          },
        },
        result: { data: { createDepartment: created } },
      },
    ]);
    await settled(client.query({ query: departmentsQuery, variables: {} }));
    const { wrapper } = await render(DepartmentForm, { client });
    await field(wrapper, 'department-code').setValue('new_unit');
    await field(wrapper, 'department-name').setValue('Новый отдел');
    await field(wrapper, 'department-kind').setValue('ADMIN_UNIT');
    await wrapper.get('form').trigger('submit');
    await settle();

    const list = client.readQuery({ query: departmentsQuery, variables: {} })?.departments ?? [];
    expect(list.map((d) => d.code)).toEqual(['vodokanal', 'new_unit']);
  });
});
