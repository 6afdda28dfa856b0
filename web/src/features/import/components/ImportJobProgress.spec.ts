import { describe, expect, it } from 'vitest';
import type { ImportJobFieldsFragment } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { render, settle } from '../../../test/render';
import { importProgressSubscription } from '../graphql/import-progress.subscription';
import { importRowErrorsQuery } from '../graphql/import-row-errors.query';
import ImportJobProgress from './ImportJobProgress.vue';

function job(overrides: Partial<ImportJobFieldsFragment> = {}): ImportJobFieldsFragment & { __typename: 'ImportJob' } {
  return {
    __typename: 'ImportJob',
    id: 'j-1',
    fileName: 'выгрузка.csv',
    source: 'old-crm',
    dryRun: true,
    status: 'QUEUED',
    total: null,
    processed: 0,
    created: 0,
    existing: 0,
    rejected: 0,
    error: null,
    createdAt: '2026-11-20T07:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

const done = job({ status: 'DONE', total: 2000, processed: 2000, created: 1998, rejected: 2, finishedAt: '2026-11-20T07:01:00.000Z' });

describe('ImportJobProgress', () => {
  it('fills the progress bar from importProgress and, once the check is done, lists the bad rows by line with their column and reason', async () => {
    const { wrapper } = await render(ImportJobProgress, {
      props: { job: job() },
      mocks: [
        { request: { query: importProgressSubscription, variables: { jobId: 'j-1' } }, result: { data: { importProgress: done } }, delay: 20 },
        {
          request: { query: importRowErrorsQuery, variables: { jobId: 'j-1', first: 100, after: null } },
          result: {
            data: {
              importRowErrors: {
                __typename: 'ImportRowErrorConnection',
                totalCount: 2,
                nodes: [
                  { __typename: 'ImportRowError', line: 12, column: 'Дата поступления', field: 'RECEIVED_AT', code: 'BAD_USER_INPUT', reason: 'NOT_A_DATE', message: 'receivedAt: not a date' },
                  { __typename: 'ImportRowError', line: 40, column: 'E-mail', field: 'APPLICANT_EMAIL', code: 'BAD_USER_INPUT', reason: 'INVALID', message: 'applicant.email: email must be an email' },
                ],
                pageInfo: { __typename: 'PageInfo', endCursor: '40', hasNextPage: false },
              },
            },
          },
        },
      ],
    });
    const bar = () => wrapper.get('[data-testid="import-progress"]');
    expect(bar().attributes('value')).toBe('0');
    expect(wrapper.text()).toContain('Считаем строки…');
    await pass(20);
    await settle();
    expect(bar().attributes('value')).toBe('100');
    expect(wrapper.get('[data-testid="import-status"]').text()).toBe('Готово');
    expect(wrapper.get('[data-testid="import-totals"]').text()).toContain('Будет создано: 1');
    // The reason in the interface's language; for a rule of the item, also which rule, as the server words it.
    expect(wrapper.get('[data-testid="import-error-12"]').text()).toContain('Дата поступления');
    expect(wrapper.get('[data-testid="import-error-12"]').text()).toContain('Не дата: ожидается дд.мм.гггг чч:мм');
    expect(wrapper.get('[data-testid="import-error-12"]').text()).not.toContain('receivedAt: not a date');
    expect(wrapper.get('[data-testid="import-error-40"]').text()).toContain('Значение не проходит проверку');
    expect(wrapper.get('[data-testid="import-error-40"]').text()).toContain('applicant.email');
  });
});
