import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { GraphQLError } from 'graphql';
import type { KpiTargetFieldsFragment, Role } from '../../../gql/graphql';
import { createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import { analyticsOptionsQuery } from '../graphql/analytics-options.query';
import { kpiTargetsQuery } from '../graphql/kpi-targets.query';
import { setKpiTargetMutation } from '../graphql/set-kpi-target.mutation';
import TargetsPage from './TargetsPage.vue';

const curator = { __typename: 'KpiTargetActor', id: 'u-curator', username: 'curator', fullName: 'Ковалёв Сергей Петрович' };

function target(overrides: Partial<KpiTargetFieldsFragment> = {}): KpiTargetFieldsFragment & { __typename: string } {
  return {
    __typename: 'KpiTarget',
    id: 't-1',
    figure: 'ON_TIME_SHARE',
    direction: 'HIGHER_IS_BETTER',
    level: 'MUNICIPALITY',
    value: 0.85,
    atRiskMargin: 0.085,
    validFrom: '2026-01-01',
    validTo: null,
    comment: 'План на 2026 год',
    approvedAt: '2025-12-20T07:00:00.000Z',
    approvedBy: curator,
    supersededAt: null,
    supersededBy: null,
    sector: null,
    department: null,
    ...overrides,
  } as KpiTargetFieldsFragment & { __typename: string };
}

const options: MockedResponse = {
  request: { query: analyticsOptionsQuery, variables: {} },
  result: {
    data: {
      sectors: [{ __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing', categories: [] }],
      departments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ', active: true }],
      settlements: [],
    },
  },
};

const list = (targets: KpiTargetFieldsFragment[]) => () => ({ data: { kpiTargets: targets } });

async function openTargets(role: Role, mocks: MockedResponse[]) {
  const client = createTestClient([meMock(role), options, ...mocks]);
  signedIn(client, role);
  return render(TargetsPage, { client, route: '/analytics/targets' });
}

describe('TargetsPage', () => {
  it('lets the curator approve a target, a share entered in per cent, and shows the history that follows', async () => {
    const approved = target({ id: 't-2', value: 0.9, atRiskMargin: 0.05, validFrom: '2026-12-01', comment: 'Приказ № 12', approvedAt: '2026-11-27T09:00:00.000Z' });
    const mutation = vi.fn(() => ({ data: { setKpiTarget: approved } }));
    const before = vi.fn(list([target()]));
    const after = vi.fn(list([target({ supersededAt: '2026-11-27T09:00:00.000Z', supersededBy: curator }), approved]));
    const { wrapper } = await openTargets('CURATOR', [
      { request: { query: kpiTargetsQuery }, result: before },
      {
        request: {
          query: setKpiTargetMutation,
          variables: { input: { figure: 'ON_TIME_SHARE', value: 0.9, atRiskMargin: 0.05, validFrom: '2026-12-01', comment: 'Приказ № 12' } },
        },
        result: mutation,
      },
      { request: { query: kpiTargetsQuery }, result: after },
    ]);
    expect(before).toHaveBeenCalledTimes(1);
    // Today in the municipality by default.
    expect((wrapper.get('[data-testid="target-valid-from"]').element as HTMLInputElement).value).toBe('27.11.2026');
    expect(wrapper.get('[data-testid="target-figure"]').findAll('option').map((o) => o.text())).toContain('Повторные (в месяц)');

    await wrapper.get('[data-testid="target-value"]').setValue('90');
    await wrapper.get('[data-testid="target-margin"]').setValue('5');
    await wrapper.get('[data-testid="target-valid-from"]').setValue('01.12.2026');
    await wrapper.get('[data-testid="target-comment"]').setValue('Приказ № 12');
    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();

    expect(mutation).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="target-approved"]').text()).toBe('Цель «Ответы в срок» утверждена с 01.12.2026');
    expect(after).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="target-status-t-1"]').attributes('data-status')).toBe('SUPERSEDED');
    // Said without a verb that would have to agree with the person.
    expect(wrapper.get('[data-testid="target-t-1"]').text()).toContain('27.11.2026, 12:00, утверждено: Ковалёв Сергей Петрович');
    expect(wrapper.get('[data-testid="target-status-t-2"]').attributes('data-status')).toBe('ACTIVE');
    expect(wrapper.get('[data-testid="target-value-t-2"]').text().replace(/\u00a0|\u202f/g, ' ')).toBe('не ниже 90 %');
  });

  it('sends a department’s target in its own unit, and checks the value first', async () => {
    const mutation = vi.fn(() => ({
      data: { setKpiTarget: target({ id: 't-3', figure: 'MEAN_ANSWER_DAYS', direction: 'LOWER_IS_BETTER', level: 'DEPARTMENT', value: 7.5, atRiskMargin: 0.75 }) },
    }));
    const { wrapper } = await openTargets('CURATOR', [
      { request: { query: kpiTargetsQuery }, result: list([]), maxUsageCount: 2 },
      {
        request: { query: setKpiTargetMutation, variables: { input: { figure: 'MEAN_ANSWER_DAYS', value: 7.5, departmentId: 'd-housing', validFrom: '2026-11-27', validTo: '2027-01-01' } } },
        result: mutation,
      },
    ]);
    await wrapper.get('[data-testid="target-figure"]').setValue('MEAN_ANSWER_DAYS');
    await wrapper.get('[data-testid="target-level"]').setValue('DEPARTMENT');
    await wrapper.get('[data-testid="target-value"]').setValue('-2');
    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();
    expect(mutation).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Не меньше 0');
    expect(wrapper.text()).toContain('Обязательное поле');

    await wrapper.get('[data-testid="target-value"]').setValue('7,5');
    await wrapper.get('[data-testid="target-department"]').setValue('d-housing');
    await wrapper.get('[data-testid="target-valid-to"]').setValue('01.01.2027');
    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();
    expect(mutation).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s objection under the field it concerns', async () => {
    const { wrapper } = await openTargets('CURATOR', [
      { request: { query: kpiTargetsQuery }, result: list([]) },
      {
        request: { query: setKpiTargetMutation, variables: { input: { figure: 'ON_TIME_SHARE', value: 0.9, validFrom: '2026-11-27' } } },
        result: { errors: [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.validFrom', problems: ['not a date'] }] } })] },
      },
    ]);
    await wrapper.get('[data-testid="target-value"]').setValue('90');
    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="target-valid-from"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('not a date');
  });

  it.each<Role>(['HEAD', 'SECTOR_LEAD', 'ANALYST'])('gives %s the list with its history, and no form', async (role) => {
    const { wrapper } = await openTargets(role, [
      {
        request: { query: kpiTargetsQuery },
        result: list([
          target({ supersededAt: '2026-06-30T07:00:00.000Z', supersededBy: curator }),
          target({
            id: 't-5',
            figure: 'REPEATS',
            direction: 'LOWER_IS_BETTER',
            level: 'SECTOR',
            sector: { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing' } as KpiTargetFieldsFragment['sector'],
            value: 4,
            atRiskMargin: 0.4,
            validFrom: '2026-07-01',
            validTo: '2027-01-01',
            comment: null,
          }),
        ]),
      },
    ]);
    expect(wrapper.find('[data-testid="target-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="targets-read-only"]').exists()).toBe(true);
    const old = wrapper.get('[data-testid="target-t-1"]').text();
    expect(old).toContain('Ковалёв Сергей Петрович (curator)');
    expect(old).toContain('20.12.2025, 10:00');
    expect(old).toContain('«План на 2026 год»');
    expect(old).toContain('30.06.2026, 10:00, утверждено: Ковалёв Сергей Петрович');
    const repeats = wrapper.get('[data-testid="target-t-5"]').text();
    expect(repeats).toContain('ЖКХ');
    expect(repeats).toContain('не выше 4 в месяц');
    // A count's margin keeps its fraction.
    expect(repeats.replace(/\u00a0/g, ' ')).toContain('отклонение до 0,4 в месяц');
    expect(repeats).toContain('с 01.07.2026 по 01.01.2027');

    await wrapper.get('[data-testid="targets-superseded"]').setValue(false);
    expect(wrapper.find('[data-testid="target-t-1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="target-t-5"]').exists()).toBe(true);
  });
});
