import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportContent } from './report.content.js';
import { ReportKind } from './report.entity.js';

// DejaVu Sans (the npm package dejavu-fonts-ttf): TrueType with Cyrillic, embedded (subset) in every PDF.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 40;
type Doc = InstanceType<typeof PDFDocument>;
type Cell = string | number | null;

export const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1).replace('.', ',')} %`);
const num = (v: number | null, digits = 2) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits).replace('.', ','));

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#1f3a5f').text(text, MARGIN, doc.y).moveDown(0.3);
  doc.font('main').fontSize(9).fillColor('black');
}

/** A table: a bold header row, then rows; breaks onto a new page (repeating the header). */
function table(doc: Doc, columns: { title: string; width: number; align?: 'left' | 'right' }[], rows: Cell[][]): void {
  const pad = 3;
  const drawRow = (cells: Cell[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'main').fontSize(8.5);
    const texts = cells.map((c) => (c === null ? '—' : String(c)));
    const h = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.title), true);
      doc.font(bold ? 'bold' : 'main').fontSize(8.5);
    }
    const y = doc.y;
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, y, columns.reduce((s, c) => s + c.width, 0), h).fill('#e8eef5').fillColor('black');
    texts.forEach((t, i) => {
      const col = columns[i]!;
      doc.text(t, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? (i === 0 ? 'left' : 'right') });
      x += col.width;
    });
    doc.moveTo(MARGIN, y + h).lineTo(x, y + h).lineWidth(0.3).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.title), true);
  for (const r of rows) drawRow(r, false);
  doc.font('main').fontSize(9);
}

/** A grouped bar chart drawn with the PDF's own primitives: received and answered per bucket. */
function barChart(doc: Doc, title: string, points: { label: string; a: number; b: number }[], legend: [string, string]): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 180;
  if (doc.y + height + 60 > doc.page.height - MARGIN) doc.addPage();
  doc.font('bold').fontSize(10).text(title, MARGIN, doc.y);
  const top = doc.y + 20;
  const left = MARGIN + 30;
  const plotW = width - 30;
  const max = Math.max(1, ...points.flatMap((p) => [p.a, p.b]));
  doc.font('main').fontSize(7).fillColor('black');
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((max * i) / 4);
    const y = top + height - (height * i) / 4;
    doc.moveTo(left, y).lineTo(left + plotW, y).lineWidth(0.2).strokeColor('#cccccc').stroke();
    doc.text(String(v), MARGIN, y - 4, { width: 26, align: 'right' });
  }
  const slot = plotW / Math.max(1, points.length);
  const bar = Math.min(18, slot / 3);
  points.forEach((p, i) => {
    const x = left + i * slot + (slot - 2 * bar) / 2;
    const ha = (height * p.a) / max;
    const hb = (height * p.b) / max;
    if (ha) doc.rect(x, top + height - ha, bar, ha).fill('#4a78b5');
    if (hb) doc.rect(x + bar, top + height - hb, bar, hb).fill('#7fbf7f');
    doc.fillColor('black').text(p.label, left + i * slot, top + height + 3, { width: slot, align: 'center' });
  });
  const ly = top + height + 18;
  doc.rect(left, ly, 8, 8).fill('#4a78b5');
  doc.fillColor('black').text(legend[0], left + 12, ly);
  doc.rect(left + 110, ly, 8, 8).fill('#7fbf7f');
  doc.fillColor('black').text(legend[1], left + 122, ly);
  doc.x = MARGIN;
  doc.y = ly + 20;
}

/** The report as a PDF in Russian: a title page, the figures, the trend with a chart, the rankings, the problems. */
export function reportPdf(c: ReportContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Отчёт: ${c.municipalityName}, ${c.periodLabel}`, Creator: 'Otklik' } });
  doc.registerFont('main', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Title page
  doc.font('bold').fontSize(22).text(c.kind === ReportKind.WEEKLY ? 'Еженедельный отчёт' : 'Ежемесячный отчёт', MARGIN, 200, { align: 'center' });
  doc.moveDown(0.5).font('main').fontSize(14).text('о работе с обращениями, сообщениями и инцидентами', { align: 'center' });
  doc.moveDown(1.5).font('bold').fontSize(16).text(c.municipalityName, { align: 'center' });
  doc.moveDown(0.5).font('main').fontSize(13).text(c.periodLabel, { align: 'center' });
  doc.moveDown(4).fontSize(9).fillColor('#555555')
    .text(`Сформирован ${c.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${c.generatedBy === 'scheduler' ? 'по расписанию' : c.generatedBy})`, { align: 'center' });
  doc.fillColor('black');

  doc.addPage();
  heading(doc, '1. Показатели');
  table(
    doc,
    [{ title: 'Показатель', width: 185 }, { title: 'Значение', width: 65 }, { title: 'Пред. период', width: 70 }, { title: 'Изменение', width: 65 }, { title: 'Цель', width: 50 }, { title: 'Состояние', width: 80 }],
    c.figures.map((f) => {
      const fmt = (v: number | null) => (f.format === 'share' ? share(v) : num(v));
      const change = f.change === null ? '—' : `${f.change > 0 ? '+' : ''}${f.format === 'share' ? `${(f.change * 100).toFixed(1).replace('.', ',')} п.п.` : num(f.change)}`;
      return [f.label, fmt(f.value), fmt(f.previous), change, f.target === null ? '—' : fmt(f.target), f.state ?? '—'];
    }),
  );

  heading(doc, '2. Динамика');
  barChart(doc, c.kind === ReportKind.WEEKLY ? 'Поступило и дан ответ по дням' : 'Поступило и дан ответ по неделям',
    c.series.map((p) => ({ label: p.label, a: p.received, b: p.answered })), ['Поступило', 'Дан ответ']);
  table(doc, [{ title: 'Период', width: 140 }, { title: 'Поступило', width: 100 }, { title: 'Дан ответ', width: 100 }, { title: 'Доля в срок', width: 100 }],
    c.series.map((p) => [p.label, p.received, p.answered, share(p.onTimeShare)]));

  const unitColumns = (first: string) => [
    { title: first, width: 215 }, { title: 'Поступило', width: 75 }, { title: 'Дан ответ', width: 75 }, { title: 'Доля в срок', width: 75 }, { title: 'Просрочено', width: 75 },
  ];
  const unitRows = (rows: ReportContent['sectors']) => rows.map((r) => [r.name, r.received, r.answered, share(r.onTimeShare), r.overdueOpen]);
  heading(doc, '3. Отраслевые блоки');
  table(doc, unitColumns('Отраслевой блок'), unitRows(c.sectors));
  heading(doc, '4. Подразделения (сначала отстающие)');
  table(doc, unitColumns('Подразделение'), unitRows(c.departments));
  heading(doc, '5. Категории (10 самых частых)');
  table(doc, unitColumns('Категория'), unitRows(c.categories));
  heading(doc, '6. Проблемы');
  if (c.problems.length) {
    table(doc, [{ title: 'Проблема', width: 265 }, { title: 'Статус', width: 85 }, { title: 'Обращений', width: 80 }, { title: 'Ждут ответа', width: 85 }],
      c.problems.map((p) => [p.title, p.status, p.items, p.openItems]));
  } else {
    doc.text('Открытых проблем нет.');
  }
  doc.end();
  return done;
}
