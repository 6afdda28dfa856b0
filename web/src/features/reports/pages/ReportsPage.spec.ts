import { ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { GraphQLError } from 'graphql';
import type { ReportFieldsFragment, Role } from '../../../gql/graphql';
import { TimeZoneKey } from '../../../shared/injection';
import { municipalityFixture } from '../../../test/fixtures';
import { createTestClient, meMock, render, settle, signedIn } from '../../../test/render';
import { generateReportMutation } from '../graphql/generate-report.mutation';
import { reportMunicipalitiesQuery, reportsQuery } from '../graphql/reports.query';
import ReportsPage from './ReportsPage.vue';

function report(overrides: Partial<ReportFieldsFragment> = {}): ReportFieldsFragment & { __typename: string } {
  const id = overrides.id ?? 'r-1';
  return {
    __typename: 'Report',
    id,
    kind: 'WEEKLY',
    status: 'READY',
    periodFrom: '2026-11-16',
    periodTo: '2026-11-23',
    // Monday 06:07 in the municipality (UTC+3).
    generatedAt: '2026-11-23T03:07:00.000Z',
    generatedBy: 'scheduler',
    municipalityId: 'm-1',
    xlsxUrl: `/reports/${id}.xlsx`,
    xlsxSize: 48_640,
    pdfUrl: `/reports/${id}.pdf`,
    pdfSize: 2_621_440,
    ...overrides,
  };
}

const weekly = report();
const monthly = report({
  id: 'r-2',
  kind: 'MONTHLY',
  periodFrom: '2026-10-01',
  periodTo: '2026-11-01',
  // 21:30 UTC on the 26th is 00:30 on the 27th in the municipality.
  generatedAt: '2026-11-26T21:30:00.000Z',
  generatedBy: 'curator',
});

/** The list as the server has it now; a test changes it, and every read of `reports` answers it. */
function server(initial: ReportFieldsFragment[]) {
  const state = { reports: initial };
  const mock: MockedResponse = {
    request: { query: reportsQuery, variables: { first: 50, kind: null } },
    result: () => ({ data: { reports: state.reports } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { state, mock };
}

async function open(role: Role, mocks: MockedResponse[], provide: Record<symbol, unknown> = {}) {
  const client = createTestClient([meMock(role), ...mocks]);
  signedIn(client, role);
  return render(ReportsPage, { client, route: '/', provide });
}

const rowText = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], id: string) => wrapper.get(`[data-testid="report-${id}"]`).text().replace(/[\u00a0\u202f]/g, ' ');

describe('ReportsPage', () => {
  it('lists the reports newest first: kind, period, when at municipal time, by schedule or on request, and both files to download', async () => {
    const { mock } = server([monthly, weekly]);
    const { wrapper } = await open('ANALYST', [mock]);
    expect(wrapper.findAll('tbody tr').map((r) => r.attributes('data-testid'))).toEqual(['report-r-2', 'report-r-1']);

    const month = rowText(wrapper, 'r-2');
    expect(month).toContain('Месячный');
    expect(month).toContain('Октябрь 2026');
    expect(month).toContain('01.10.2026 — 31.10.2026');
    expect(wrapper.get('[data-testid="report-r-2"] [data-testid="report-generated-at"]').text()).toBe('27.11.2026, 00:30');
    expect(wrapper.get('[data-testid="report-r-2"] [data-testid="report-origin"]').text()).toBe('По запросу: curator');

    const week = rowText(wrapper, 'r-1');
    expect(week).toContain('Недельный');
    expect(week).toContain('16.11.2026 — 22.11.2026');
    expect(wrapper.get('[data-testid="report-r-1"] [data-testid="report-generated-at"]').text()).toBe('23.11.2026, 06:07');
    expect(wrapper.get('[data-testid="report-r-1"] [data-testid="report-origin"]').text()).toBe('По расписанию');

    const xlsx = wrapper.get('[data-testid="report-xlsx-r-1"]');
    const pdf = wrapper.get('[data-testid="report-pdf-r-1"]');
    expect(xlsx.attributes('href')).toBe('/reports/r-1.xlsx');
    expect(pdf.attributes('href')).toBe('/reports/r-1.pdf');
    expect(xlsx.attributes('download')).toBeDefined();
    expect(xlsx.text().replace(/[\u00a0\u202f]/g, ' ')).toBe('XLSX48 КБ');
    expect(pdf.text().replace(/[\u00a0\u202f]/g, ' ')).toBe('PDF2,5 МБ');
  });

  it.each<Role>(['ANALYST', 'REGION'])('gives %s the list and no form to generate', async (role) => {
    const { mock } = server([weekly]);
    const { wrapper } = await open(role, [
      mock,
      { request: { query: reportMunicipalitiesQuery }, result: { data: { municipalities: [{ ...municipalityFixture, timezone: 'Europe/Volgograd' }] } } },
    ]);
    expect(wrapper.find('[data-testid="report-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-xlsx-r-1"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="report-pdf-r-1"]').exists()).toBe(true);
  });

  it('shows a regional reader which municipality each report is about, at that municipality’s time', async () => {
    const { mock } = server([weekly]);
    const { wrapper } = await open(
      'REGION',
      [mock, { request: { query: reportMunicipalitiesQuery }, result: { data: { municipalities: [{ ...municipalityFixture, timezone: 'Europe/Volgograd' }] } } }],
      // A regional reader has no municipality of their own: the layout gives no time zone.
      { [TimeZoneKey as symbol]: ref(undefined) },
    );
    const row = rowText(wrapper, 'r-1');
    expect(row).toContain('Суровикинский район');
    expect(wrapper.get('[data-testid="report-generated-at"]').text()).toBe('23.11.2026, 06:07');
  });

  it('lets the head generate the last week that ended, says it had a report already, and lists the new files', async () => {
    const { state, mock } = server([weekly]);
    const again = report({ generatedAt: '2026-11-27T09:00:00.000Z', generatedBy: 'head', xlsxSize: 50_000 });
    const mutation = vi.fn(() => {
      state.reports = [again];
      return { data: { generateReport: again } };
    });
    const { wrapper } = await open('HEAD', [mock, { request: { query: generateReportMutation, variables: { kind: 'WEEKLY', periodStart: '2026-11-16' } }, result: mutation }]);

    const period = wrapper.get('[data-testid="report-period"]');
    // Friday 27 November in the municipality: the week of the 23rd is not over; the one before is proposed.
    expect((period.element as HTMLSelectElement).value).toBe('2026-11-16');
    expect(period.findAll('option').slice(0, 2).map((o) => o.text())).toEqual(['23.11.2026 — 29.11.2026 — текущий, ещё не закончился', '16.11.2026 — 22.11.2026']);
    expect(wrapper.get('[data-testid="report-again-note"]').text()).toBe('За этот период отчёт уже есть: его файлы будут сформированы заново.');

    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await settle();
    expect(mutation).toHaveBeenCalledTimes(1);
    const done = wrapper.get('[data-testid="report-generated"]');
    expect(done.text()).toContain('Недельный отчёт сформирован: 16.11.2026 — 22.11.2026.');
    expect(done.get('[data-testid="generated-xlsx-r-1"]').attributes('href')).toBe('/reports/r-1.xlsx');
    expect(done.get('[data-testid="generated-pdf-r-1"]').attributes('href')).toBe('/reports/r-1.pdf');
    expect(wrapper.get('[data-testid="report-r-1"] [data-testid="report-origin"]').text()).toBe('По запросу: head');
    expect(wrapper.get('[data-testid="report-r-1"] [data-testid="report-generated-at"]').text()).toBe('27.11.2026, 12:00');
  });

  it('lets the curator choose a month, and shows the server’s objection under the period', async () => {
    const { mock } = server([]);
    const { wrapper } = await open('CURATOR', [
      mock,
      {
        request: { query: generateReportMutation, variables: { kind: 'MONTHLY', periodStart: '2026-09-01' } },
        result: { errors: [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'periodStart', problems: ['no data before the municipality was set up'] }] } })] },
      },
    ]);
    expect(wrapper.text()).toContain('Отчётов пока нет.');
    await wrapper.get('[data-testid="report-kind"]').setValue('MONTHLY');
    const period = wrapper.get('[data-testid="report-period"]');
    expect((period.element as HTMLSelectElement).value).toBe('2026-10-01');
    expect(period.findAll('option').slice(0, 3).map((o) => o.text())).toEqual(['Ноябрь 2026 — текущий, ещё не закончился', 'Октябрь 2026', 'Сентябрь 2026']);
    await period.setValue('2026-09-01');
    expect(wrapper.find('[data-testid="report-again-note"]').exists()).toBe(false);
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await settle();
    expect(period.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="report-form"]').text()).toContain('no data before the municipality was set up');
    expect(wrapper.find('[data-testid="report-generated"]').exists()).toBe(false);
  });
});
