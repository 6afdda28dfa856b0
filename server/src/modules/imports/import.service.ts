import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, notFound } from '../../graphql/errors.js';
import { readRows } from '../../db/where-sql.js';
import { flushOrConflict, writableMunicipalityId } from '../../shared/tenancy.js';
import { LocalFileStore, type FileStore } from '../files/file-store.js';
import { ImportFile, ImportFormat, ImportJob, ImportMapping, ImportRowError, type ImportColumn } from './import.entity.js';
import { cellText, detectCsv, headOf, ImportReadError, readFile, type ReadSettings } from './import-reader.js';
import { compileMapping, suggestMapping } from './import-rows.js';
import { enqueueImport } from './import-job.js';
import { PREVIEW_ROWS, type ImportMappingInput, type ImportPreview, type ImportReadInput, type ImportRowErrorConnection, type StartImportInput } from './import.types.js';

/** The file store the job reads from (the same as the reports', modules/reports). */
export function importStoreOf(ctx: Pick<Ctx, 'config'>): FileStore {
  return new LocalFileStore(ctx.config.filesDir);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function userIdOf(ctx: Ctx): string {
  if (ctx.viewer?.kind !== 'user') throw new AppError(ErrorCode.FORBIDDEN, 'Imports are made by people');
  return ctx.viewer.userId;
}

/** An uploaded file of the viewer's own: its rows carry personal data, so nobody else reads them. */
async function ownFile(ctx: Ctx, id: string): Promise<ImportFile> {
  const file = UUID.test(id) ? await ctx.em.findOne(ImportFile, { id, uploadedBy: userIdOf(ctx) }) : null;
  if (!file) throw notFound('ImportFile', id);
  if (file.purgedAt) {
    throw new AppError(ErrorCode.NOT_FOUND, `The file ${file.fileName} was removed at the end of its retention; upload it again`, {
      reason: 'IMPORT_FILE_PURGED',
    });
  }
  return file;
}

/** How a file is read: a CSV's encoding and delimiter chosen, or detected from its first bytes. */
async function settingsOf(store: FileStore, file: ImportFile, read?: ImportReadInput | null): Promise<ReadSettings> {
  if (file.format === ImportFormat.XLSX) return { format: file.format };
  const detected = read?.encoding && read?.delimiter ? null : detectCsv(await headOf(await store.get(file.storageKey)));
  return {
    format: ImportFormat.CSV,
    encoding: read?.encoding ?? detected!.encoding,
    delimiter: read?.delimiter ?? detected!.delimiter,
  };
}

/** The header and the first rows of a file. */
async function firstRows(store: FileStore, file: ImportFile, settings: ReadSettings, rows: number): Promise<{ headers: string[]; rows: string[][] }> {
  const out: string[][] = [];
  try {
    for await (const row of readFile(() => store.get(file.storageKey), settings)) {
      out.push(row.cells.map((c) => cellText(c)));
      if (out.length > rows) break;
    }
  } catch (e) {
    if (e instanceof ImportReadError) throw badInput([{ field: 'file', problems: [e.message] }]);
    throw e;
  }
  if (!out.length) throw badInput([{ field: 'file', problems: ['the file has no rows'] }]);
  const [headers, ...data] = out;
  return { headers: headers!, rows: data };
}

/** `importFile`: how the file will be read, its header and first rows, and a mapping suggested by the header. */
export async function importPreview(ctx: Ctx, id: string, read?: ImportReadInput | null): Promise<ImportPreview> {
  const file = await ownFile(ctx, id);
  const store = importStoreOf(ctx);
  const settings = await settingsOf(store, file, read);
  const { headers, rows } = await firstRows(store, file, settings, PREVIEW_ROWS);
  return {
    id: file.id,
    fileName: file.fileName,
    size: file.size,
    format: file.format,
    encoding: settings.encoding ?? null,
    delimiter: settings.delimiter ?? null,
    headers,
    rows,
    suggested: suggestMapping(headers),
  };
}

/**
 * `startImport`: checks the mapping against the file's header (every problem at once, BAD_USER_INPUT) and queues
 * the job; the scheduler runs it (import-job.ts) and `importProgress` follows it.
 */
export async function startImport(ctx: Ctx, input: StartImportInput): Promise<ImportJob> {
  const municipalityId = writableMunicipalityId(ctx);
  const userId = userIdOf(ctx);
  const file = await ownFile(ctx, input.fileId);
  const store = importStoreOf(ctx);
  const settings = await settingsOf(store, file, input.read);
  const { headers } = await firstRows(store, file, settings, 0);
  const columns: ImportColumn[] = input.columns.map((c) => ({ column: c.column.trim(), field: c.field }));
  const { problems } = compileMapping(headers, columns, input);
  if (problems.length) throw badInput([{ field: 'columns', problems }]);
  const job = ctx.em.create(ImportJob, {
    municipality: municipalityId,
    file: file.id,
    fileName: file.fileName,
    source: input.source.trim(),
    columns,
    kind: input.kind ?? null,
    channel: input.channel ?? null,
    encoding: settings.encoding ?? null,
    delimiter: settings.delimiter ?? null,
    dryRun: input.dryRun,
    startedBy: userId,
  });
  await ctx.em.flush();
  await enqueueImport(ctx.em, job.id);
  return job;
}

export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const job = UUID.test(id) ? await ctx.em.findOne(ImportJob, { id }) : null;
  if (!job) throw notFound('ImportJob', id);
  return job;
}

/** The municipality's imports, newest first. */
export async function listImportJobs(ctx: Ctx, first: number): Promise<ImportJob[]> {
  if (first < 1 || first > 100) throw badInput([{ field: 'first', problems: ['1 to 100'] }]);
  return ctx.em.find(ImportJob, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
}

/** A job's refused rows by line, a page at a time (`after`: the last line of the page before). */
export async function importRowErrors(ctx: Ctx, jobId: string, first: number, after?: string | null): Promise<ImportRowErrorConnection> {
  if (first < 1 || first > 1000) throw badInput([{ field: 'first', problems: ['1 to 1000'] }]);
  if (after !== undefined && after !== null && !/^\d{1,9}$/.test(after)) throw badInput([{ field: 'after', problems: ['a line number'] }]);
  const job = await getImportJob(ctx, jobId);
  const from = after ? Number(after) : 0;
  const rows = await ctx.em.find(ImportRowError, { job: job.id, line: { $gt: from } }, { orderBy: { line: 'asc' }, limit: first + 1 });
  const [{ n }] = await readRows<{ n: number }>(ctx.em, 'select count(*)::int as n from import_row_error where job_id = ?', [job.id]);
  const nodes = rows.slice(0, first);
  return { totalCount: n!, nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? String(nodes.at(-1)!.line) : null } };
}

export async function listImportMappings(ctx: Ctx): Promise<ImportMapping[]> {
  return ctx.em.find(ImportMapping, {}, { orderBy: { name: 'asc' } });
}

/** Saves a mapping under its name; a mapping of the same name is replaced. */
export async function saveImportMapping(ctx: Ctx, input: ImportMappingInput): Promise<ImportMapping> {
  const municipalityId = writableMunicipalityId(ctx);
  const userId = userIdOf(ctx);
  const columns: ImportColumn[] = input.columns.map((c) => ({ column: c.column.trim(), field: c.field }));
  const twice = columns.map((c) => c.field).filter((f, i, all) => all.indexOf(f) !== i);
  if (twice.length) throw badInput([{ field: 'columns', problems: [...new Set(twice)].map((f) => `${f} is mapped twice`) }]);
  const name = input.name.trim();
  let mapping = await ctx.em.findOne(ImportMapping, { name });
  if (!mapping) mapping = ctx.em.create(ImportMapping, { municipality: municipalityId, name, source: input.source.trim(), columns });
  ctx.em.assign(mapping, { source: input.source.trim(), columns, kind: input.kind ?? null, channel: input.channel ?? null, savedBy: userId });
  await flushOrConflict(ctx, 'name', 'A mapping');
  return mapping;
}

export async function deleteImportMapping(ctx: Ctx, id: string): Promise<boolean> {
  writableMunicipalityId(ctx);
  const mapping = UUID.test(id) ? await ctx.em.findOne(ImportMapping, { id }) : null;
  if (!mapping) throw notFound('ImportMapping', id);
  ctx.em.remove(mapping);
  await ctx.em.flush();
  return true;
}
