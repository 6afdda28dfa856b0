import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { Report, ReportKind, ReportStatus } from '../src/modules/reports/report.entity.js';
import { duePeriods, runScheduledReports } from '../src/modules/reports/report.service.js';
import { SHEETS } from '../src/modules/reports/report.xlsx.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/**
 * Weekly and monthly reports (docs/kpi.md, "Reports"): March 2026 in Europe/Volgograd (UTC+3), a few items built
 * by hand through the lifecycle, an on-time target approved by the curator.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const deps: Record<string, { id: string; name: string }> = {};
const FROM = '2026-03-01T00:00:00+03:00';
const TO = '2026-04-01T00:00:00+03:00';
const at = (local: string) => `${local}+03:00`;
type Ref = { id: string; version: number };
type ReportRow = { id: string; kind: string; periodFrom: string; periodTo: string; status: string; generatedBy: string; xlsxUrl: string; pdfUrl: string; xlsxSize: number; pdfSize: number; pdfSha256: string };
const REPORT_FIELDS = 'id kind periodFrom periodTo status generatedBy xlsxUrl pdfUrl xlsxSize pdfSize pdfSha256';

async function as<T>(when: string, doc: string, vars: Record<string, unknown> = {}, token = tok.head!): Promise<T> {
  t.clock.set(at(when));
  const r = await t.gql<Record<string, T>>(doc, vars, token);
  expect(r.errors, doc).toBeUndefined();
  return Object.values(r.data!)[0]!;
}
const step = (doc: string) => async (when: string, item: Ref, vars: Record<string, unknown> = {}): Promise<Ref> =>
  as<Ref>(when, doc, { id: item.id, v: item.version, ...vars });
const assign = step('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id version } }');
const start = step('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id version } }');
const submit = step('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Работы выполнены, фото приложено." }) { id version } }');
const approve = step('mutation($id: ID!, $v: Int!) { approveAnswer(id: $id, version: $v, input: { outcome: SUPPORTED_MEASURES_TAKEN }) { id version } }');

async function create(when: string, input: Record<string, unknown>): Promise<Ref> {
  return as<Ref>(when, 'mutation($i: ItemInput!) { createItem(input: $i) { id version } }', {
    i: { identified: true, channel: 'LETTER', text: 'Обращение для проверки отчёта', receivedAt: new Date(at(when)).toISOString(), ...input },
  });
}
async function answer(item: Ref, department: string, assignAt: string, answerAt: string): Promise<Ref> {
  let r = await assign(assignAt, item, { d: deps[department]!.id });
  r = await start(assignAt, r);
  r = await submit(answerAt, r);
  return approve(answerAt, r);
}

async function download(path: string, token?: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => ('str' in x ? x.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

const countReports = async () => (await systemEm(t.orm).count(Report, {}));
const SCHEDULED_AT = new Date('2026-04-01T07:00:00+03:00');

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'curator', 'analyst', 'executor', 'sector_lead', 'region']) tok[u] = await t.signInAs(u);
  const r = await t.gql<{ departments: { id: string; code: string; name: string }[] }>('{ departments { id code name } }', {}, tok.head);
  for (const d of r.data!.departments) deps[d.code] = d;

  // A1: answered in time by housing; A2: answered late by housing (due 19.02); I1: roads, in time; A4: overdue open.
  const a1 = await create('2026-03-02T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' });
  await answer(a1, 'housing', '2026-03-02T11:00:00', '2026-03-12T10:00:00');
  const a2 = await create('2026-01-20T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' });
  await answer(a2, 'housing', '2026-01-21T10:00:00', '2026-03-25T10:00:00');
  const a3 = await create('2026-03-04T10:00:00', { kind: 'APPEAL', categoryCode: 'ROADS_REPAIR' });
  await answer(a3, 'roads', '2026-03-04T10:30:00', '2026-03-10T10:00:00');
  await create('2026-02-01T10:00:00', { kind: 'APPEAL', categoryCode: 'ZHKH_WATER' });
  await as('2026-02-20T10:00:00', 'mutation { setKpiTarget(input: { figure: ON_TIME_SHARE, validFrom: "2026-01-01", value: 0.9 }) { id } }', {}, tok.curator);
  t.clock.set(at('2026-04-02T10:00:00'));
});

afterAll(async () => {
  await t?.stop();
});

describe('reports', () => {
  it('is due: the week before the last Monday 06:00 local, the month before the last 1st 06:00', () => {
    const due = (iso: string) => duePeriods(new Date(iso), 'Europe/Volgograd').map((d) => `${d.kind} ${d.start.toISODate()}`);
    expect(due('2026-04-01T07:00:00+03:00')).toEqual(['WEEKLY 2026-03-23', 'MONTHLY 2026-03-01']);
    expect(due('2026-04-06T05:59:00+03:00')).toEqual(['WEEKLY 2026-03-23', 'MONTHLY 2026-03-01']);
    expect(due('2026-04-06T06:00:00+03:00')).toEqual(['WEEKLY 2026-03-30', 'MONTHLY 2026-03-01']);
    expect(due('2026-04-01T05:00:00+03:00')).toEqual(['WEEKLY 2026-03-23', 'MONTHLY 2026-02-01']);
  });

  it('the scheduled job generates last month’s (and last week’s) report once', async () => {
    const run = () => runScheduledReports({ orm: t.orm, now: () => SCHEDULED_AT, config: { filesDir: t.filesDir } });
    expect(await run()).toEqual({ generated: 2 });
    expect(await run()).toEqual({ generated: 0 });
    const monthly = await as<ReportRow[]>('2026-04-02T10:00:00', `{ reports(first: 10, kind: MONTHLY) { ${REPORT_FIELDS} } }`, {}, tok.curator);
    expect(monthly).toEqual([expect.objectContaining({ kind: 'MONTHLY', periodFrom: '2026-03-01', periodTo: '2026-04-01', status: ReportStatus.READY, generatedBy: 'scheduler' })]);
    const all = await as<ReportRow[]>('2026-04-02T10:00:00', `{ reports(first: 10) { ${REPORT_FIELDS} } }`, {}, tok.analyst);
    expect(all.map((r) => `${r.kind} ${r.periodFrom}`)).toEqual(['MONTHLY 2026-03-01', 'WEEKLY 2026-03-23']);
  });

  let report: ReportRow;
  it('generateReport makes both files now, as the curator, replacing the scheduled one of the period', async () => {
    report = await as<ReportRow>('2026-04-02T10:00:00', `mutation { generateReport(kind: MONTHLY, periodStart: "2026-03-01") { ${REPORT_FIELDS} } }`, {}, tok.curator);
    expect(report).toMatchObject({ kind: 'MONTHLY', periodFrom: '2026-03-01', periodTo: '2026-04-01', status: 'READY', generatedBy: 'curator' });
    expect(report.xlsxUrl).toBe(`/reports/${report.id}.xlsx`);
    expect(await systemEm(t.orm).count(Report, { kind: ReportKind.MONTHLY })).toBe(1);
    const bad = await t.gql(`mutation { generateReport(kind: WEEKLY, periodStart: "2026-03-03") { id } }`, {}, tok.curator);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('a period of year 1 or year 0 (before the production calendar; PostgreSQL has no year 0) is BAD_USER_INPUT, not a fault', async () => {
    for (const periodStart of ['0001-01-01', '0000-01-01', '1999-12-01']) {
      const r = await t.gql(`mutation($p: String!) { generateReport(kind: MONTHLY, periodStart: $p) { id } }`, { p: periodStart }, tok.curator);
      expect(r.errors?.[0]?.extensions, periodStart).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'periodStart', problems: ['from 2000 on'] }] });
    }
    expect(await systemEm(t.orm).count(Report, {})).toBe(2);
  });

  it('the XLSX has a sheet per cut; its on-time share is that of kpis; departments that are late come first', async () => {
    const res = await download(report.xlsxUrl, tok.curator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(report.xlsxSize);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS]);

    const k = await as<{ onTimeShare: number; answered: number }>('2026-04-02T10:00:00', `{ kpis(from: "${FROM}", to: "${TO}") { onTimeShare answered } }`, {}, tok.curator);
    expect(k.answered).toBe(3);
    const figures = wb.getWorksheet('Показатели')!;
    const row = figures.getRows(1, figures.rowCount)!.find((r) => r.getCell(1).value === 'Доля ответов в срок')!;
    expect(row.getCell(2).value).toBeCloseTo(k.onTimeShare, 10);
    expect(row.getCell(5).value).toBe(0.9);
    expect(row.getCell(6).value).toBe('не выполнено');

    const departments = wb.getWorksheet('Подразделения')!;
    const rows = departments.getRows(2, departments.rowCount - 1)!.map((r) => r.values as unknown[]);
    // housing: 1 received in March (A2 came in January), 2 answered, 1 in time (0.5); roads: 1 of 1; the
    // unassigned A4 (overdue) has no department and no answer: last.
    expect(rows[0]!.slice(1)).toEqual([deps.housing!.name, 1, 2, 0.5, 0]);
    expect(rows[1]!.slice(1)).toEqual([deps.roads!.name, 1, 1, 1, 0]);
    expect(rows[2]!.slice(1)).toEqual(['Не указано', 0, 0, undefined, 1]);
    expect(wb.getWorksheet('Динамика')!.rowCount).toBe(1 + 6); // the weeks from Monday that touch March
  });

  it('the PDF embeds its Russian text (a font with Cyrillic), readable back as text', async () => {
    const res = await download(report.pdfUrl, tok.curator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // Words a table cell wraps are separate runs of text: compare with the white space collapsed.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Ежемесячный отчёт');
    expect(text).toContain('Показатели');
    expect(text).toContain(deps.housing!.name);
    expect(text).toContain('Доля ответов в срок');
  });

  it('download: 401 without credentials, 403 without REPORTS_READ, 404 for another municipality’s report or a bad name', async () => {
    expect((await download(report.pdfUrl)).status).toBe(401);
    expect((await download(report.pdfUrl, tok.executor)).status).toBe(403);
    expect((await download(`/reports/${report.id}.docx`, tok.curator)).status).toBe(404);
    expect((await download(report.xlsxUrl, tok.region)).status).toBe(200);

    const em = systemEm(t.orm);
    const m = em.create(Municipality, { code: 'other', name: 'Другой район', shortName: 'Другой', regionName: 'Волгоградская область', timezone: 'Europe/Volgograd' });
    const own = await em.findOneOrFail(Report, { id: report.id });
    const foreign = em.create(Report, {
      municipality: m, kind: ReportKind.MONTHLY, periodFrom: '2026-03-01', periodTo: '2026-04-01', status: ReportStatus.READY,
      generatedAt: new Date(), generatedBy: 'scheduler', xlsxKey: own.xlsxKey, xlsxSize: own.xlsxSize, xlsxSha256: own.xlsxSha256,
      pdfKey: own.pdfKey, pdfSize: own.pdfSize, pdfSha256: own.pdfSha256,
    });
    await em.flush();
    expect((await download(`/reports/${foreign.id}.pdf`, tok.curator)).status).toBe(404);
    expect((await download(`/reports/${foreign.id}.pdf`, tok.head)).status).toBe(404);
    const listed = await as<ReportRow[]>('2026-04-02T10:00:00', `{ reports(first: 10) { id } }`, {}, tok.curator);
    expect(listed.map((r) => r.id)).not.toContain(foreign.id);
  });

  it('refused generation changes nothing', async () => {
    const before = await countReports();
    const sums = (await systemEm(t.orm).find(Report, {}, { orderBy: { id: 'asc' } })).map((r) => r.pdfSha256);
    for (const who of ['executor', 'analyst', 'sector_lead', 'region']) {
      const r = await t.gql(`mutation { generateReport(kind: WEEKLY, periodStart: "2026-03-16") { id } }`, {}, tok[who]);
      expect(codeOf(r), who).toBe('FORBIDDEN');
    }
    expect(await countReports()).toBe(before);
    expect((await systemEm(t.orm).find(Report, {}, { orderBy: { id: 'asc' } })).map((r) => r.pdfSha256)).toEqual(sums);
    const r = await t.gql(`{ reports(first: 5) { id } }`, {}, tok.executor);
    expect(codeOf(r)).toBe('FORBIDDEN');
  });
});
