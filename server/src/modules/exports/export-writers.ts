import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { formatWallClock, type Cell, type ExportColumn } from './item-export.columns.js';

/**
 * Writers of an export's rows to a response, page by page, with backpressure: `write` resolves when the output can
 * take more, so a slow client slows the reading of the database instead of filling memory. `write` and `end`
 * reject with `ExportAborted` once the output is gone (the client went away).
 */
export interface RowWriter {
  write(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

export class ExportAborted extends Error {
  constructor() {
    super('the client closed the connection');
  }
}

/** Rejects with ExportAborted when `out` closes before it has finished. */
function closed(out: Writable): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (out.destroyed) return reject(new ExportAborted());
    out.once('close', () => reject(new ExportAborted()));
  });
}

/** Resolves when `stream` may be written again; rejects when `out` closes first. */
function drained(stream: Writable, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted());
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', gone);
      resolve();
    };
    const gone = () => {
      stream.off('drain', done);
      out.off('close', gone);
      reject(new ExportAborted());
    };
    stream.on('drain', done);
    out.on('close', gone);
  });
}

/**
 * CSV (RFC 4180, CRLF) in UTF-8 with a byte order mark, so that Excel reads Cyrillic; `;` by default (Excel's
 * separator in a Russian locale). Times as `YYYY-MM-DD HH:mm`. A cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, so that a spreadsheet does not run text an applicant typed as a formula.
 */
export function csvWriter(out: Writable, columns: readonly ExportColumn[], delimiter: ';' | ','): RowWriter {
  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map((c, i) => ({ key: String(i), header: c.header })),
    delimiter,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { date: (d) => formatWallClock(d) },
  });
  csv.pipe(out);
  return {
    async write(rows) {
      for (const row of rows) {
        if (out.destroyed) throw new ExportAborted();
        if (!csv.write(row)) await drained(csv, out);
      }
    },
    async end() {
      if (out.destroyed) throw new ExportAborted();
      csv.end();
      await finished(out);
    },
  };
}

/**
 * XLSX written as it goes (exceljs' streaming writer: each row is serialised and zipped when committed, no shared
 * strings). Times are spreadsheet dates shown as `yyyy-mm-dd hh:mm`, in the municipality's time; the header row is
 * bold and frozen.
 */
export function xlsxWriter(out: Writable, columns: readonly ExportColumn[], sheetName: string): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Otklik';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    ...(c.type === 'datetime' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  return {
    async write(rows) {
      if (out.destroyed) throw new ExportAborted();
      for (const row of rows) sheet.addRow(row).commit();
      // The zip is piped to `out`: wait while `out` is full, so the compressed rows do not pile up in memory.
      if (out.writableNeedDrain) await drained(out, out);
    },
    async end() {
      if (out.destroyed) throw new ExportAborted();
      sheet.commit();
      // The zip's end is written to `out`: if the client goes away meanwhile, the commit would wait for ever.
      await Promise.race([workbook.commit(), closed(out)]);
      if (out.destroyed && !out.writableFinished) throw new ExportAborted();
    },
  };
}
