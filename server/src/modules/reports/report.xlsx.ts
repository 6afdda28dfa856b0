import ExcelJS from 'exceljs';
import type { ReportContent, UnitRow } from './report.content.js';

export const SHEETS = ['Показатели', 'Динамика', 'Отраслевые блоки', 'Подразделения', 'Категории', 'Проблемы'] as const;
const SHARE = '0.0%';
const NUMBER = '0.00';

function header(ws: ExcelJS.Worksheet, columns: { header: string; width: number }[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function units(wb: ExcelJS.Workbook, name: string, first: string, rows: UnitRow[]): void {
  const ws = wb.addWorksheet(name);
  header(ws, [
    { header: first, width: 40 },
    { header: 'Поступило', width: 12 },
    { header: 'Дан ответ', width: 12 },
    { header: 'Доля в срок', width: 14 },
    { header: 'Просрочено', width: 12 },
  ]);
  for (const r of rows) ws.addRow([r.name, r.received, r.answered, r.onTimeShare, r.overdueOpen]);
  ws.getColumn(4).numFmt = SHARE;
}

/** The report as a workbook: one sheet per cut (SHEETS), raw numbers with number formats. */
export async function reportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Otklik';
  wb.created = c.generatedAt;
  wb.title = `${c.municipalityName}: ${c.periodLabel}`;

  const f = wb.addWorksheet(SHEETS[0]);
  header(f, [
    { header: 'Показатель', width: 38 },
    { header: 'Значение', width: 12 },
    { header: 'Пред. период', width: 14 },
    { header: 'Изменение', width: 12 },
    { header: 'Цель', width: 10 },
    { header: 'Состояние', width: 14 },
  ]);
  for (const r of c.figures) {
    const row = f.addRow([r.label, r.value, r.previous, r.change, r.target, r.state]);
    const fmt = r.format === 'share' ? SHARE : r.format === 'number' ? NUMBER : '0';
    for (const col of [2, 3, 4, 5]) row.getCell(col).numFmt = fmt;
  }
  f.addRow([]);
  f.addRow([`${c.municipalityName}, ${c.periodLabel}; сформирован ${c.generatedAt.toISOString()} (${c.generatedBy})`]);

  const s = wb.addWorksheet(SHEETS[1]);
  header(s, [
    { header: 'Период', width: 16 },
    { header: 'Поступило', width: 12 },
    { header: 'Дан ответ', width: 12 },
    { header: 'Доля в срок', width: 14 },
  ]);
  for (const p of c.series) s.addRow([p.label, p.received, p.answered, p.onTimeShare]);
  s.getColumn(4).numFmt = SHARE;

  units(wb, SHEETS[2], 'Отраслевой блок', c.sectors);
  units(wb, SHEETS[3], 'Подразделение', c.departments);
  units(wb, SHEETS[4], 'Категория', c.categories);

  const p = wb.addWorksheet(SHEETS[5]);
  header(p, [
    { header: 'Проблема', width: 50 },
    { header: 'Статус', width: 14 },
    { header: 'Обращений', width: 12 },
    { header: 'Ждут ответа', width: 12 },
  ]);
  for (const r of c.problems) p.addRow([r.title, r.status, r.items, r.openItems]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
