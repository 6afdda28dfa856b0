import type { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportEncoding, ImportFormat } from './import.entity.js';

/**
 * Reading an imported file as a stream of rows (docs/integrators.md, "Bulk import"): CSV through csv-parse, XLSX
 * through exceljs's streaming reader, so that a file of any length is read with the memory of a few rows. The first
 * row is the header.
 */

/** One row of the file: its line (CSV: the line it ends on; XLSX: the row number) and its cells. */
export type SourceRow = { line: number; cells: Cell[] };
/** A cell as the file has it: CSV gives text; XLSX also numbers, dates (wall-clock time, as UTC fields) and booleans. */
export type Cell = string | number | boolean | Date | null;

export type ReadSettings = { format: ImportFormat; encoding?: ImportEncoding | null; delimiter?: string | null };

/** The longest CSV record read (characters): a quote left open does not swallow the file into memory. */
const MAX_RECORD_CHARS = 1_000_000;
const DELIMITERS = [';', ',', '\t', '|'] as const;

export class ImportReadError extends Error {}

/** The format by the file's name and first bytes: XLSX is a ZIP ("PK"), anything else is read as CSV. */
export function formatOf(fileName: string, head: Buffer): ImportFormat | null {
  const zip = head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b;
  if (zip) return /\.xlsx$/i.test(fileName) || !/\.(csv|txt)$/i.test(fileName) ? ImportFormat.XLSX : null;
  return ImportFormat.CSV;
}

/** The first `bytes` of a stream (then the stream is let go). */
export async function headOf(stream: Readable, bytes = 65_536): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/**
 * A CSV file's encoding and delimiter from its first bytes: UTF-8 when they are valid UTF-8 (a BOM says so too), else
 * Windows-1251; the delimiter that occurs most often outside quotes on the header line (";" when none does).
 */
export function detectCsv(head: Buffer): { encoding: ImportEncoding; delimiter: string } {
  let encoding: ImportEncoding = ImportEncoding.UTF_8;
  if (!(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)) {
    try {
      // `stream`: a character cut at the end of the sample is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      encoding = ImportEncoding.WINDOWS_1251;
    }
  }
  const text = decode(head, encoding);
  const end = text.search(/\r?\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { encoding, delimiter: n > 0 ? best : ';' };
}

const iconvName = (e: ImportEncoding) => (e === ImportEncoding.WINDOWS_1251 ? 'win1251' : 'utf8');

function decode(bytes: Buffer, encoding: ImportEncoding): string {
  return iconv.decode(bytes, iconvName(encoding));
}

/** The rows of a file, the header first, read as a stream. Ending the iteration early lets the file go. */
export async function* readFile(open: () => Promise<Readable>, settings: ReadSettings): AsyncGenerator<SourceRow> {
  if (settings.format === ImportFormat.XLSX) {
    yield* readXlsx(await open());
    return;
  }
  const encoding = settings.encoding ?? ImportEncoding.UTF_8;
  const delimiter = settings.delimiter ?? ';';
  const source = await open();
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const decoder = iconv.decodeStream(iconvName(encoding)) as unknown as Transform;
  source.on('error', (e) => parser.destroy(e));
  decoder.on('error', (e) => parser.destroy(e));
  source.pipe(decoder).pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: record.info.lines, cells: record.record };
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code?.startsWith('CSV_')) throw new ImportReadError(`The CSV file cannot be read at line ${err.lines ?? '?'}: ${csvProblem(err.code)}`);
    throw e;
  } finally {
    source.destroy();
    decoder.destroy();
    parser.destroy();
  }
}

function csvProblem(code: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted value is not closed';
  if (code === 'CSV_MAX_RECORD_SIZE') return `a row is longer than ${MAX_RECORD_CHARS} characters (a quote left open?)`;
  if (code.startsWith('CSV_INVALID_CLOSING_QUOTE')) return 'a quote is closed in the middle of a value';
  return code;
}

/** The rows of the first worksheet of an XLSX file. */
async function* readXlsx(source: Readable): AsyncGenerator<SourceRow> {
  // Styles are read so that a date cell comes as a date (its format says so); shared strings are kept by exceljs.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        // exceljs's row values start at index 1.
        yield { line: row.number, cells: values.slice(1).map(xlsxCell) };
      }
      break;
    }
  } catch (e) {
    if (e instanceof Error && /zip|end of central directory|signature/i.test(e.message)) throw new ImportReadError('The XLSX file cannot be read (not a valid workbook)');
    throw e;
  } finally {
    source.destroy();
  }
}

function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return xlsxCell(o.result);
  if (typeof o.text === 'string') return o.text;
  return null;
}

/** A cell as text: what a person sees in the preview and what the import reads. */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // An Excel date is a wall-clock time without a zone: exceljs gives its fields as UTC.
    const p = (n: number) => String(n).padStart(2, '0');
    const time = v.getUTCHours() || v.getUTCMinutes() ? ` ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}` : '';
    return `${p(v.getUTCDate())}.${p(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}${time}`;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v).trim();
}
