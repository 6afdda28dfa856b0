import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { GraphQLError } from 'graphql';
import type { Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { sectorLeadFixture } from '../../../test/fixtures';
import { Blank, blankRoutes, createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import { confirmProposalMutation, rejectProposalMutation } from '../graphql/problem-mutations';
import { problemOptionsQuery } from '../graphql/problem-options.query';
import { problemProposalsQuery } from '../graphql/problem-proposals.query';
import { problemsQuery } from '../graphql/problems.query';
import { problemOptions, problemRow, proposal, roads, roadsSector } from '../testing';
import ProblemsPage from './ProblemsPage.vue';

const routes = [
  ...blankRoutes,
  { name: 'problems', path: '/problems', component: Blank },
  { name: 'problem', path: '/problems/:id', component: Blank },
];

const LIST = { first: 25, status: null, sectorCode: null, settlementId: null, departmentId: null };
const options: MockedResponse = { request: { query: problemOptionsQuery }, result: { data: problemOptions }, maxUsageCount: Number.POSITIVE_INFINITY };
const listOf = (rows: ReturnType<typeof problemRow>[], variables: Record<string, unknown> = LIST): MockedResponse => ({
  request: { query: problemsQuery, variables },
  result: { data: { problems: { __typename: 'ProblemConnection', totalCount: rows.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: rows } } },
});
const proposalsOf = (list: ReturnType<typeof proposal>[]): MockedResponse => ({
  request: { query: problemProposalsQuery, variables: { windowDays: 60, minItems: 3 } },
  result: { data: { problemProposals: list } },
});

async function open(who: Role | ViewerFieldsFragment, mocks: MockedResponse[], route = '/problems') {
  const client = createTestClient([meMock(typeof who === 'string' ? who : 'SECTOR_LEAD'), options, ...mocks]);
  signedIn(client, who);
  return render(ProblemsPage, { client, routes, route });
}

describe('ProblemsPage', () => {
  it('lets the head confirm a proposal with its title and department; the proposal leaves and the problem appears in the list', async () => {
    const confirmed = problemRow({ id: 'p-9', title: 'Перебои с водой на ул. Ленина', itemCount: 3, openItemCount: 3, residentCount: 2 });
    const mutation = vi.fn(() => ({ data: { confirmProposal: confirmed } }));
    const { wrapper, router } = await open(
      'HEAD',
      [
        listOf([]),
        proposalsOf([proposal()]),
        {
          request: {
            query: confirmProposalMutation,
            variables: { input: { key: 'ZHKH_WATER|st-1|ул ленина', windowDays: 60, minItems: 3, title: 'Перебои с водой на ул. Ленина', area: 'ул. Ленина', departmentId: 'd-housing' } },
          },
          result: mutation,
        },
        proposalsOf([]),
        listOf([confirmed]),
      ],
      '/problems?tab=proposals',
    );

    const card = wrapper.get('[data-proposal]');
    expect(card.get('[data-testid="proposal-title"]').text()).toBe('Водоснабжение: Городское поселение город Суровикино, ул. Ленина');
    expect(card.get('[data-testid="proposal-place"]').text()).toBe('Городское поселение город Суровикино, ул. Ленина');
    expect(card.get('[data-testid="proposal-items"]').text()).toBe('3 обращения');
    expect(card.get('[data-testid="proposal-residents"]').text()).toBe('2 жителя');
    // The last one came at 21:30 UTC on the 25th: the 26th in the municipality (00:30), whatever the machine's zone.
    expect(card.text()).toContain('с 05.10.2026 по 26.11.2026');
    expect(wrapper.get('[data-testid="proposals-count"]').text()).toBe('1');

    // Its items are listed on demand, each opening its card.
    expect(card.find('[data-testid="proposal-item-list"]').exists()).toBe(false);
    await card.get('[data-testid="proposal-toggle-items"]').trigger('click');
    const items = card.get('[data-testid="proposal-item-list"]');
    expect(items.findAll('a').map((a) => a.attributes('href'))).toEqual(['/items/i-1', '/items/i-2', '/items/i-3']);
    expect(items.text()).toContain('Назначено');

    await card.get('[data-testid="proposal-confirm"]').trigger('click');
    const form = wrapper.get('[data-testid="confirm-proposal-form"]');
    expect((form.get('[data-testid="confirm-proposal-title"]').element as HTMLInputElement).value).toBe(
      'Водоснабжение: Городское поселение город Суровикино, ул. Ленина',
    );
    expect((form.get('[data-testid="confirm-proposal-area"]').element as HTMLInputElement).value).toBe('ул. Ленина');
    await form.get('[data-testid="confirm-proposal-title"]').setValue('Перебои с водой на ул. Ленина');
    await form.get('[data-testid="confirm-proposal-department"]').setValue('d-housing');
    await form.trigger('submit');
    await settle();

    expect(mutation).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="confirm-proposal-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="problems-done"]').text()).toContain('Проблема «Перебои с водой на ул. Ленина» подтверждена и внесена в перечень.');
    expect(wrapper.get('[data-testid="problems-done-link"]').attributes('href')).toBe('/problems/p-9');
    expect(wrapper.get('[data-testid="proposals-empty"]').text()).toBe('Сейчас предложений нет.');
    expect(wrapper.find('[data-testid="proposals-count"]').exists()).toBe(false);

    await wrapper.get('[data-testid="problems-tab-list"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/problems');
    const row = wrapper.get('[data-testid="problem-row-p-9"]');
    expect(row.get('[data-testid="problem-link-p-9"]').attributes('href')).toBe('/problems/p-9');
    expect(row.get('[data-status]').text()).toBe('Подтверждена');
    expect(row.text()).toContain('Отдел ЖКХ');
    expect(row.get('[data-testid="problem-items-p-9"]').text()).toBe('3ждут ответа: 3');
    expect(wrapper.get('[data-testid="problems-total"]').text()).toBe('Найдено: 1');
  });

  it('rejects a proposal only with a reason of at least five characters, then says it will not be proposed again', async () => {
    const mutation = vi.fn(() => ({ data: { rejectProposal: problemRow({ id: 'p-10', status: 'REJECTED' }) } }));
    const { wrapper } = await open(
      'CURATOR',
      [
        listOf([]),
        proposalsOf([proposal()]),
        { request: { query: rejectProposalMutation, variables: { input: { key: 'ZHKH_WATER|st-1|ул ленина', windowDays: 60, minItems: 3, reason: 'Разовые обращения, не проблема' } } }, result: mutation },
        proposalsOf([]),
      ],
      '/problems?tab=proposals',
    );
    await wrapper.get('[data-testid="proposal-reject"]').trigger('click');
    await wrapper.get('[data-testid="reject-proposal-reason"]').setValue('нет');
    await wrapper.get('[data-testid="reject-proposal-form"]').trigger('submit');
    await settle();
    expect(mutation).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="reject-proposal-reason"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="reject-proposal-form"]').text()).toContain('Не короче 5 символов');

    await wrapper.get('[data-testid="reject-proposal-reason"]').setValue('Разовые обращения, не проблема');
    await wrapper.get('[data-testid="reject-proposal-form"]').trigger('submit');
    await settle();
    expect(mutation).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="problems-done"]').text()).toContain('эти обращения больше не будут предложены');
    expect(wrapper.find('[data-testid="problems-done-link"]').exists()).toBe(false);
  });

  it('shows the server’s refusal of a confirmation in words and keeps the dialog open', async () => {
    const { wrapper } = await open(
      'HEAD',
      [
        listOf([]),
        proposalsOf([proposal()]),
        {
          request: {
            query: confirmProposalMutation,
            variables: { input: { key: 'ZHKH_WATER|st-1|ул ленина', windowDays: 60, minItems: 3, title: 'Водоснабжение: Городское поселение город Суровикино, ул. Ленина', area: 'ул. Ленина' } },
          },
          result: { errors: [new GraphQLError('gone', { extensions: { code: 'NOT_FOUND', entity: 'ProblemProposal' } })] },
        },
      ],
      '/problems?tab=proposals',
    );
    await wrapper.get('[data-testid="proposal-confirm"]').trigger('click');
    await wrapper.get('[data-testid="confirm-proposal-form"]').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="confirm-proposal-form"]').text()).toContain('Запись не найдена');
  });

  it('offers a sector lead to confirm or reject only the proposals of their sectors', async () => {
    const lead = sectorLeadFixture(['ZHKH']);
    const { wrapper } = await open(
      lead,
      [listOf([]), proposalsOf([proposal(), proposal({ key: 'ROADS|st-1|', street: null, suggestedTitle: 'Ремонт дорог: Городское поселение город Суровикино', category: { ...roads, sector: roadsSector } })])],
      '/problems?tab=proposals',
    );
    const cards = wrapper.findAll('[data-proposal]');
    expect(cards.map((c) => c.get('[data-testid="proposal-title"]').text())).toEqual([
      'Водоснабжение: Городское поселение город Суровикино, ул. Ленина',
      'Ремонт дорог: Городское поселение город Суровикино',
    ]);
    expect(cards.map((c) => [c.find('[data-testid="proposal-confirm"]').exists(), c.find('[data-testid="proposal-reject"]').exists()])).toEqual([
      [true, true],
      [false, false],
    ]);
    // A proposal for a whole settlement names the settlement alone.
    expect(cards[1]!.get('[data-testid="proposal-place"]').text()).toBe('Городское поселение город Суровикино');
  });

  it.each<Role>(['ANALYST', 'EXECUTOR'])('gives %s the list alone: no proposals tab, no proposals asked for, nothing to create', async (role) => {
    const proposals = vi.fn(() => ({ data: { problemProposals: [proposal()] } }));
    const { wrapper } = await open(role, [
      listOf([problemRow(), problemRow({ id: 'p-2', title: 'Ямы на дорогах', status: 'IN_WORK', category: roads, sector: roadsSector, department: null, openItemCount: 0 })]),
      { request: { query: problemProposalsQuery, variables: { windowDays: 60, minItems: 3 } }, result: proposals },
    ], '/problems?tab=proposals');
    expect(proposals).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="problems-tab-proposals"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="problem-create"]').exists()).toBe(false);
    const second = wrapper.get('[data-testid="problem-row-p-2"]');
    expect(second.get('[data-status]').attributes('data-status')).toBe('IN_WORK');
    expect(second.get('[data-status]').text()).toBe('В работе');
    expect(second.text()).toContain('Подразделение не назначено');
    expect(second.get('[data-testid="problem-items-p-2"]').text()).toBe('3');
  });

  it('narrows the list by status, sector and settlement, keeps them in the address and resets them', async () => {
    const { wrapper, router } = await open('ANALYST', [
      listOf([problemRow()]),
      listOf([problemRow({ id: 'p-3', status: 'SOLVED' })], { ...LIST, status: ['SOLVED'] }),
      listOf([], { ...LIST, status: ['SOLVED'], sectorCode: 'ROADS' }),
      listOf([problemRow({ id: 'p-4', status: 'REJECTED' })], { ...LIST, status: ['PROPOSED', 'CONFIRMED', 'IN_WORK', 'SOLVED', 'REJECTED'], sectorCode: 'ROADS', settlementId: 'st-2' }),
      listOf([problemRow()]),
    ]);
    const statusOptions = wrapper.get('[data-testid="problems-filter-status"]').findAll('option').map((o) => o.text());
    expect(statusOptions).toEqual(['На контроле', 'Предложена', 'Подтверждена', 'В работе', 'Решена', 'Отклонена', 'Все статусы']);

    await wrapper.get('[data-testid="problems-filter-status"]').setValue('SOLVED');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/problems?status=SOLVED');
    expect(wrapper.find('[data-testid="problem-row-p-3"]').exists()).toBe(true);

    await wrapper.get('[data-testid="problems-filter-sector"]').setValue('ROADS');
    await settle();
    expect(wrapper.text()).toContain('Проблем не найдено. Измените фильтры.');

    await wrapper.get('[data-testid="problems-filter-status"]').setValue('ALL');
    await wrapper.get('[data-testid="problems-filter-settlement"]').setValue('st-2');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ status: 'ALL', sector: 'ROADS', settlement: 'st-2' });
    expect(wrapper.find('[data-testid="problem-row-p-4"]').exists()).toBe(true);

    await wrapper.get('[data-testid="problems-filter-reset"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/problems');
    expect(wrapper.find('[data-testid="problem-row-p-1"]').exists()).toBe(true);
  });
});
