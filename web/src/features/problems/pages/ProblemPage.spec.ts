import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { ProblemFieldsFragment, Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { sectorLeadFixture } from '../../../test/fixtures';
import { Blank, blankRoutes, createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import {
  addProblemMeasureMutation,
  approveProblemPlanMutation,
  problemDepartmentUsersQuery,
  solveProblemMutation,
  unlinkProblemItemsMutation,
  updateProblemMeasureMutation,
} from '../graphql/problem-mutations';
import { problemOptionsQuery } from '../graphql/problem-options.query';
import { problemQuery } from '../graphql/problem.query';
import { executor, head, measure, problemCard, problemItem, problemOptions, roads, roadsSector, solveEntry } from '../testing';
import ProblemPage from './ProblemPage.vue';

const routes = [
  ...blankRoutes,
  { name: 'problems', path: '/problems', component: Blank },
  { name: 'problem', path: '/problems/:id', component: Blank },
];
const options: MockedResponse = { request: { query: problemOptionsQuery }, result: { data: problemOptions }, maxUsageCount: Number.POSITIVE_INFINITY };
const cardOf = (problem: ProblemFieldsFragment): MockedResponse => ({ request: { query: problemQuery, variables: { id: problem.id } }, result: { data: { problem } } });

async function open(who: Role | ViewerFieldsFragment, problem: ProblemFieldsFragment, mocks: MockedResponse[] = []) {
  const client = createTestClient([meMock(typeof who === 'string' ? who : 'SECTOR_LEAD'), options, cardOf(problem), ...mocks]);
  signedIn(client, who);
  return render(ProblemPage, { client, routes, route: `/problems/${problem.id}` });
}

const linked = [
  problemItem({ id: 'i-1', number: '2026-000901', status: 'IN_PROGRESS' }),
  problemItem({ id: 'i-2', number: '2026-000902', status: 'ANSWERED', outcome: 'EXPLAINED' }),
  problemItem({ id: 'i-3', number: '2026-000903', status: 'REGISTERED', department: null }),
];

/** The actions bar's buttons, by test id. */
const buttons = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) =>
  wrapper.findAll('[data-testid="problem-actions"] .actions__buttons button').map((b) => b.attributes('data-testid'));

describe('ProblemPage', () => {
  it('shows where and who, the plan by due date with the overdue measure marked, the reports and the linked items opening their cards', async () => {
    const problem = problemCard({
      measures: [
        measure({ id: 'm-1', text: 'Заменить участок водопровода', dueDate: '2026-12-15' }),
        measure({ id: 'm-2', text: 'Обследовать сети', dueDate: '2026-11-20', dueAt: '2026-11-20T20:59:59.000Z', overdue: true, status: 'IN_PROGRESS', owner: null }),
        measure({ id: 'm-3', text: 'Подвезти питьевую воду', dueDate: '2026-11-10', status: 'DONE', doneAt: '2026-11-09T22:30:00.000Z', department: null }),
      ],
      reports: [
        { __typename: 'ProblemReport', id: 'r-1', text: 'Бригада выехала на место.', at: '2026-11-21T06:00:00.000Z', author: head },
        { __typename: 'ProblemReport', id: 'r-2', text: 'Обследование идёт.', at: '2026-11-24T21:15:00.000Z', author: executor },
      ] as unknown as ProblemFieldsFragment['reports'],
      items: linked,
    });
    const { wrapper } = await open('ANALYST', problem);

    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Водоснабжение: Городское поселение город Суровикино, ул. Ленина');
    expect(wrapper.get('[data-testid="problem-status"]').attributes('data-status')).toBe('CONFIRMED');
    expect(wrapper.get('[data-testid="problem-status"]').text()).toBe('Подтверждена');
    expect(wrapper.get('[data-testid="problem-place"]').text()).toBe('Водоснабжение · Городское поселение город Суровикино, ул. Ленина');
    expect(wrapper.get('[data-testid="problem-department"]').text()).toBe('Отдел ЖКХ');
    expect(wrapper.get('[data-testid="problem-counts"]').text().replace(/\s+/g, ' ')).toBe('3 обращения, ждут ответа: 2; 3 жителя');
    expect(wrapper.get('[data-testid="problem-overdue"]').text()).toBe('Просрочено 1 мероприятие');

    // The plan by due date; only the overdue one is marked, with its date as the municipality's day.
    const rows = wrapper.findAll('[data-testid^="measure-m-"]');
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual(['measure-m-3', 'measure-m-2', 'measure-m-1']);
    expect(rows.map((r) => r.attributes('data-overdue'))).toEqual(['false', 'true', 'false']);
    const overdue = wrapper.get('[data-testid="measure-m-2"]');
    expect(overdue.get('[data-testid="measure-overdue"]').text()).toBe('Просрочено');
    expect(overdue.get('[data-testid="measure-due"]').text()).toBe('срок 20.11.2026');
    expect(overdue.get('[data-testid="measure-status"]').text()).toBe('Выполняется');
    expect(overdue.text()).toContain('Отдел ЖКХ');
    expect(wrapper.get('[data-testid="measure-m-1"]').text()).toContain('Отдел ЖКХ · Захаров Игорь Николаевич');
    // Done at 22:30 UTC on the 9th: the 10th in the municipality.
    expect(wrapper.get('[data-testid="measure-m-3"]').text()).toContain('выполнено 10.11.2026');
    expect(wrapper.get('[data-testid="measure-m-3"]').find('[data-testid="measure-overdue"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="measures-overdue"]').text()).toBe('Просрочено 1 мероприятие');

    // Reports, newest first, at municipal time.
    const reports = wrapper.findAll('[data-testid^="report-r-"]');
    expect(reports.map((r) => r.attributes('data-testid'))).toEqual(['report-r-2', 'report-r-1']);
    expect(reports[0]!.text()).toContain('25.11.2026, 00:15 · Захаров Игорь Николаевич');
    expect(reports[0]!.text()).toContain('Обследование идёт.');

    // The linked items, each opening its card, with its status in words.
    expect(wrapper.get('[data-testid="problem-item-link-2026-000902"]').attributes('href')).toBe('/items/i-2');
    expect(wrapper.get('[data-testid="problem-item-2026-000902"]').text()).toContain('Ответ дан');
    expect(wrapper.get('[data-testid="problem-item-2026-000902"]').text()).toContain('Разъяснено');

    // An analyst reads: no step, no form.
    expect(wrapper.find('[data-testid="problem-actions"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="measure-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="measure-complete"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="items-link"]').exists()).toBe(false);
  });

  it('solves the problem with an answer and an outcome, then lists the items answered and those skipped with their reasons in words', async () => {
    const problem = problemCard({ items: linked, measures: [measure()] });
    const solved = problemCard({
      status: 'SOLVED',
      version: 2,
      openItemCount: 0,
      answerText: 'Участок водопровода заменён 26.11.2026, водоснабжение восстановлено.',
      outcome: 'SUPPORTED_MEASURES_TAKEN',
      solvedAt: '2026-11-27T09:00:00.000Z',
      solvedBy: head,
      measures: [measure()],
      items: [problemItem({ id: 'i-1', number: '2026-000901', status: 'ANSWERED', outcome: 'SUPPORTED_MEASURES_TAKEN' }), linked[1]!, linked[2]!],
    });
    const mutation = vi.fn(() => ({
      data: {
        solveProblem: {
          __typename: 'ProblemSolveResult',
          problem: solved,
          answered: [solveEntry({ itemId: 'i-1', actions: ['SUBMIT_ANSWER', 'APPROVE_ANSWER'], item: solved.items[0]! })],
          submitted: [],
          skipped: [
            solveEntry({ itemId: 'i-2', reason: 'ALREADY_ANSWERED', message: 'already answered', item: linked[1]! }),
            solveEntry({ itemId: 'i-3', reason: 'NO_DEPARTMENT', message: 'no department', item: linked[2]! }),
            solveEntry({ itemId: 'i-4', reason: 'NOT_REACHED', message: 'not reached', item: null }),
          ],
        },
      },
    }));
    const { wrapper } = await open('HEAD', problem, [
      {
        request: { query: solveProblemMutation, variables: { id: 'p-1', answerText: 'Участок водопровода заменён 26.11.2026, водоснабжение восстановлено.', outcome: 'SUPPORTED_MEASURES_TAKEN' } },
        result: mutation,
      },
    ]);

    await wrapper.get('[data-testid="problem-solve"]').trigger('click');
    expect(wrapper.get('[data-testid="solve-outcome"]').findAll('option').map((o) => o.text())).toEqual([
      'Поддержано',
      'Поддержано, меры приняты',
      'Разъяснено',
      'Не поддержано',
    ]);
    await wrapper.get('[data-testid="solve-answer"]').setValue('Сделано');
    await wrapper.get('[data-testid="solve-form"]').trigger('submit');
    await settle();
    expect(mutation).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="solve-form"]').text()).toContain('Не короче 10 символов');

    await wrapper.get('[data-testid="solve-answer"]').setValue('Участок водопровода заменён 26.11.2026, водоснабжение восстановлено.');
    await wrapper.get('[data-testid="solve-form"]').trigger('submit');
    await settle();

    expect(mutation).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="solve-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="solve-summary"]').text()).toContain('Ответ дан: 1. Ждут проверки: 0. Пропущено: 3.');
    const answered = wrapper.get('[data-testid="solve-answered"]');
    expect(answered.text()).toContain('Получило ответ — 1 обращение');
    expect(answered.get('a').attributes('href')).toBe('/items/i-1');
    expect(answered.text()).toContain('Ответ отправлен на проверку → Ответ одобрен и отправлен');
    const skipped = wrapper.get('[data-testid="solve-skipped"]');
    expect(skipped.text()).toContain('Пропущены — 3 обращения');
    expect(skipped.findAll('[data-reason]').map((e) => [e.attributes('data-reason'), e.get('[data-testid="solve-reason"]').text()])).toEqual([
      ['ALREADY_ANSWERED', 'Ответ уже дан'],
      ['NO_DEPARTMENT', 'Не назначено подразделение — ни у обращения, ни у проблемы'],
      ['NOT_REACHED', 'Обращение вам недоступно'],
    ]);
    expect(wrapper.get('[data-testid="solve-entry-i-4"]').text()).toContain('Обращение недоступно');
    // The server's English messages are never shown.
    expect(wrapper.text()).not.toContain('already answered');
    expect(wrapper.find('[data-testid="solve-submitted"]').isVisible()).toBe(false);

    // The card follows: solved, with the answer and the outcome, and no more steps.
    expect(wrapper.get('[data-testid="problem-status"]').attributes('data-status')).toBe('SOLVED');
    expect(wrapper.get('[data-testid="problem-outcome"]').text()).toBe('Поддержано, меры приняты');
    expect(wrapper.get('[data-testid="problem-answer"]').text()).toBe('Участок водопровода заменён 26.11.2026, водоснабжение восстановлено.');
    expect(wrapper.get('[data-testid="problem-item-2026-000901"]').attributes('data-status')).toBe('ANSWERED');
    expect(wrapper.find('[data-testid="problem-actions"]').exists()).toBe(false);
  });

  it('adds a measure due two weeks from the municipality’s today, for the problem’s department and a person of it, and completes another', async () => {
    const added = measure({ id: 'm-5', text: 'Промыть водопровод', dueDate: '2026-12-11', dueAt: '2026-12-11T20:59:59.000Z', owner: executor });
    const add = vi.fn(() => ({ data: { addProblemMeasure: added } }));
    const complete = vi.fn(() => ({ data: { updateProblemMeasure: measure({ status: 'DONE', doneAt: '2026-11-27T09:00:00.000Z' }) } }));
    const { wrapper } = await open('HEAD', problemCard({ measures: [measure()] }), [
      {
        request: { query: problemDepartmentUsersQuery, variables: { departmentId: 'd-housing' } },
        result: { data: { users: [{ __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич', position: 'Инженер' }] } },
      },
      { request: { query: addProblemMeasureMutation, variables: { problemId: 'p-1', input: { text: 'Промыть водопровод', dueDate: '2026-12-11', departmentId: 'd-housing', ownerId: 'u-executor' } } }, result: add },
      { request: { query: updateProblemMeasureMutation, variables: { id: 'm-1', input: { status: 'DONE' } } }, result: complete },
    ]);

    await wrapper.get('[data-testid="measure-add"]').trigger('click');
    await settle();
    const form = wrapper.get('[data-testid="measure-form"]');
    expect((form.get('[data-testid="measure-form-due-date"]').element as HTMLInputElement).value).toBe('11.12.2026');
    expect((form.get('[data-testid="measure-form-department"]').element as HTMLSelectElement).value).toBe('d-housing');
    expect(form.get('[data-testid="measure-form-owner"]').findAll('option').map((o) => o.text())).toEqual(['Не указан', 'Захаров Игорь Николаевич (Инженер)']);
    await form.get('[data-testid="measure-form-text"]').setValue('Промыть водопровод');
    await form.get('[data-testid="measure-form-owner"]').setValue('u-executor');
    await form.trigger('submit');
    await settle();
    expect(add).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="measure-form"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid^="measure-m-"]').map((r) => r.attributes('data-testid'))).toEqual(['measure-m-5', 'measure-m-1']);

    await wrapper.get('[data-testid="measure-m-1"]').get('[data-testid="measure-complete"]').trigger('click');
    await settle();
    expect(complete).toHaveBeenCalledTimes(1);
    const done = wrapper.get('[data-testid="measure-m-1"]');
    expect(done.attributes('data-status')).toBe('DONE');
    expect(done.get('[data-testid="measure-status"]').text()).toBe('Выполнено');
    expect(done.find('[data-testid="measure-complete"]').exists()).toBe(false);
  });

  it('approves the plan, and the problem goes into work', async () => {
    const approve = vi.fn(() => ({ data: { approveProblemPlan: problemCard({ status: 'IN_WORK', measures: [measure()], planApprovedAt: '2026-11-27T09:00:00.000Z', planApprovedBy: head }) } }));
    const { wrapper } = await open('CURATOR', problemCard({ measures: [measure()] }), [{ request: { query: approveProblemPlanMutation, variables: { id: 'p-1' } }, result: approve }]);
    await wrapper.get('[data-testid="problem-approve-plan"]').trigger('click');
    await settle();
    expect(approve).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="problem-status"]').text()).toBe('В работе');
    expect(wrapper.get('[data-testid="problem-history"]').text()).toContain('План утверждён27.11.2026, 12:00 · Гордеева Наталья Викторовна');
  });

  it('unlinks an item for who edits the problem', async () => {
    const unlink = vi.fn(() => ({ data: { unlinkProblemItems: problemCard({ itemCount: 2, items: [linked[0]!, linked[1]!] }) } }));
    const { wrapper } = await open('HEAD', problemCard({ items: linked }), [{ request: { query: unlinkProblemItemsMutation, variables: { id: 'p-1', itemIds: ['i-3'] } }, result: unlink }]);
    await wrapper.get('[data-testid="problem-item-unlink-2026-000903"]').trigger('click');
    await settle();
    expect(unlink).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="problem-item-2026-000903"]').exists()).toBe(false);
  });

  it.each<[string, Role | ViewerFieldsFragment, Partial<ProblemFieldsFragment>, string[]]>([
    ['the head, on a confirmed problem with a plan', 'HEAD', { measures: [measure()] }, ['problem-approve-plan', 'problem-solve', 'problem-edit', 'problem-merge', 'problem-reject']],
    ['the curator, on a confirmed problem', 'CURATOR', { measures: [measure()] }, ['problem-approve-plan', 'problem-reject']],
    ['the curator, on a problem entered by hand', 'CURATOR', { status: 'PROPOSED' }, ['problem-confirm', 'problem-reject']],
    ['the lead of its sector, in work', sectorLeadFixture(['ZHKH']), { status: 'IN_WORK' }, ['problem-solve', 'problem-edit', 'problem-merge', 'problem-reject']],
    // The fixture's lead leads ЖКХ (s-1); this problem is of the roads (s-2).
    ['the lead of another sector', sectorLeadFixture(['ZHKH']), { category: roads, sector: roadsSector }, []],
    ['the head, once it is solved', 'HEAD', { status: 'SOLVED', solvedAt: '2026-11-26T09:00:00.000Z' }, []],
  ])('offers %s exactly the steps the status and the role allow', async (_who, who, overrides, expected) => {
    const { wrapper } = await open(who, problemCard(overrides));
    expect(buttons(wrapper)).toEqual(expected);
  });

  it('keeps the plan from being approved while it has no measure, and says why', async () => {
    const { wrapper } = await open('HEAD', problemCard());
    expect(wrapper.get('[data-testid="problem-approve-plan"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="problem-approve-plan-hint"]').text()).toBe('Чтобы утвердить план, добавьте хотя бы одно мероприятие.');
    expect(wrapper.get('[data-testid="measures-empty"]').text()).toBe('Мероприятий пока нет.');
  });
});
