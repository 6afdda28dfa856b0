import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Ctx, UserViewer } from '../../graphql/context.js';
import { createAppPubSub, type Topics } from '../../graphql/pubsub.js';
import { systemEm, viewerEm, type Orm } from '../../db/orm.js';
import { readRows } from '../../db/where-sql.js';
import { insertRows } from '../../db/bulk-insert.js';
import { logger, safeError } from '../../shared/logger.js';
import { ErrorCode } from '../../graphql/errors.js';
import { Permission, REGIONAL_ROLES, rolesGrant, type Role } from '../auth/roles.js';
import { ingestItems, ingestProblems } from '../ingest/ingest.service.js';
import type { IngestItemInput } from '../ingest/ingest.types.js';
import type { TextUnderstanding } from '../text/proposal.js';
import { LiveEvent } from '../live/live-event.entity.js';
import { outboxRows } from '../live/outbox.js';
import { LocalFileStore, type FileStore } from '../files/file-store.js';
import { Category } from '../organisation/category.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { ImportJob, ImportStatus } from './import.entity.js';
import { cellText, ImportReadError, readFile, type SourceRow } from './import-reader.js';
import { compileMapping, ingestProblem, rowToInput, type CompiledMapping, type RowContext, type RowProblem } from './import-rows.js';

/**
 * The import job (docs/integrators.md, "Bulk import"): a file read as a stream, 1,000 rows at a time, each chunk
 * through ingestion (`ingestItems`: idempotent by (source, externalId), one transaction per chunk) as the person who
 * started it, then its refused rows and the job's progress committed with a live event (IMPORT_PROGRESS). A dry run
 * checks the same rows by ingestion's own checks (`ingestProblems`) and writes no item.
 *
 * The job table is the truth, pg-boss only wakes a worker: a worker holds a job by a lease renewed with every chunk;
 * after a restart (a stop lets the lease go at once; a crash, after LEASE_MS) the job is sent again and goes on from
 * the rows it had committed. A chunk re-sent after a crash is harmless: its items exist and are found, not made again.
 */

export const IMPORT_QUEUE = 'imports';
/** Rows per chunk: ingestion's batch. */
export const IMPORT_CHUNK = 1000;
/** How long a worker holds a job without committing a chunk before another may take it. */
export const LEASE_MS = 60_000;

/** One pg-boss job per import waiting at a time (policy `short`, keyed by the import's id); pg-boss never retries it. */
const SEND_OPTIONS = { retryLimit: 0, expireInSeconds: 23 * 3600 } as const;

type Db = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

/** pg-boss used only to insert jobs, through a connection of the caller's pool (never started). */
let sender: PgBoss | null = null;
function senderOf(db: Db): PgBoss {
  sender ??= new PgBoss({ db, schema: 'pgboss' });
  return sender;
}

/** A pg-boss `db` over an ORM's pool: one of its connections, for one statement. */
function poolDb(em: EntityManager): Db {
  const client = em.getKnex().client as { acquireConnection(): Promise<{ query: Db['executeSql'] }>; releaseConnection(c: unknown): Promise<void> };
  return {
    executeSql: async (text, values) => {
      const conn = await client.acquireConnection();
      try {
        return await conn.query(text, values);
      } finally {
        await client.releaseConnection(conn);
      }
    },
  };
}

/**
 * Wakes a worker for the import. Without the scheduler's queue (no instance has run the jobs yet) nothing is sent:
 * the job waits in its table, and the scheduler's sweep sends it when it starts.
 */
export async function enqueueImport(em: EntityManager, jobId: string): Promise<void> {
  const db = poolDb(em);
  try {
    await senderOf(db).send(IMPORT_QUEUE, { jobId }, { ...SEND_OPTIONS, singletonKey: jobId, db } as never);
  } catch (e) {
    logger.warn('import: the job could not be queued now; the scheduler will take it', safeError(e));
  }
}

/** Sends a job for every import waiting or left by a worker (stopped, or silent longer than its lease). */
export async function sweepImports(orm: Orm, boss: PgBoss, now: Date): Promise<number> {
  const em = systemEm(orm);
  const rows = await readRows<{ id: string }>(
    em,
    `select id from import_job where status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < ?) order by created_at`,
    [now],
  );
  for (const r of rows) await boss.send(IMPORT_QUEUE, { jobId: r.id }, { ...SEND_OPTIONS, singletonKey: r.id });
  return rows.length;
}

export type ImportRunDeps = {
  orm: Orm;
  now: () => Date;
  config: Pick<Config, 'filesDir'> & Partial<Config>;
  store?: FileStore;
  /** The machine's first pass over imported items (modules/text); absent, they are not read by it. */
  text?: TextUnderstanding;
  /** This worker's name (one per scheduler). */
  worker: string;
  /** Aborted when the scheduler stops: the job lets its lease go after the chunk under way. */
  signal: AbortSignal;
};

export const workerName = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type Counts = { processed: number; created: number; existing: number; rejected: number };
type RowError = RowProblem & { line: number; code: string };

/** The person who started the import, as a viewer, if they still may import (active, same municipality, the permission). */
async function importerViewer(em: EntityManager, userId: string, municipalityId: string, now: Date): Promise<UserViewer | null> {
  const [u] = await readRows<{ id: string; username: string; active: boolean; roles: Role[]; municipality_id: string | null; department_id: string | null; sector_ids: string[] }>(
    em,
    `select u.id, u.username, u.active, u.roles::text[] as roles, u.municipality_id, u.department_id,
       array(select us.sector_id from user_sector us where us.user_id = u.id)::text[] as sector_ids
     from app_user u where u.id = ?`,
    [userId],
  );
  if (!u || !u.active || u.municipality_id !== municipalityId || u.roles.some((r) => REGIONAL_ROLES.includes(r))) return null;
  if (!rolesGrant(u.roles, Permission.ITEMS_IMPORT)) return null;
  return {
    kind: 'user',
    userId: u.id,
    sessionId: 'import-job',
    username: u.username,
    roles: [...u.roles],
    municipalityId,
    departmentId: u.department_id,
    sectorIds: u.sector_ids,
    expiresAt: new Date(now.getTime() + LEASE_MS),
  };
}

function progressPayload(job: { municipalityId: string; id: string; status: ImportStatus; total: number | null }, c: Counts, at: Date): Topics['IMPORT_PROGRESS'][0] {
  return { municipalityId: job.municipalityId, jobId: job.id, status: job.status, total: job.total, ...c, at: at.toISOString() };
}

/**
 * Runs one import (or dry run) as far as it goes: takes its lease, reads the file from the start, skips the rows
 * already committed, and commits chunk by chunk. Returns when the job is done or failed, when another worker holds
 * it, or, after the chunk under way, when the scheduler stops.
 */
export async function runImportJob(deps: ImportRunDeps, jobId: string): Promise<void> {
  const em = systemEm(deps.orm);
  const lease = () => new Date(deps.now().getTime() + LEASE_MS);
  const [claimed] = await readRows<{ id: string }>(
    em,
    `update import_job set worker = ?, lease_until = ?, status = 'RUNNING', updated_at = ?
     where id = ? and status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < ?) returning id`,
    [deps.worker, lease(), deps.now(), jobId, deps.now()],
  );
  if (!claimed) return;
  const job = await em.findOneOrFail(ImportJob, { id: jobId }, { populate: ['file'] });
  const municipalityId = job.municipality.id;
  const state = { municipalityId, id: job.id, status: ImportStatus.RUNNING, total: job.total ?? null };
  let counts: Counts = { processed: job.processed, created: job.created, existing: job.existing, rejected: job.rejected };

  /** Commits a chunk's refused rows and the job's progress with its live event; false when the lease was lost. */
  const commit = async (errors: RowError[], next: Counts, end?: { status: ImportStatus; error?: string }): Promise<boolean> => {
    const at = deps.now();
    const status = end?.status ?? ImportStatus.RUNNING;
    return em.transactional(async (tx) => {
      const updated = await readRows<{ id: string }>(
        tx,
        `update import_job set processed = ?, created = ?, existing = ?, rejected = ?, total = ?, status = ?, error = ?,
           lease_until = ?, worker = ?, finished_at = ?, updated_at = ?
         where id = ? and worker = ? returning id`,
        [
          next.processed, next.created, next.existing, next.rejected, state.total, status, end?.error ?? null,
          end ? null : lease(), end ? null : deps.worker, end ? at : null, at, job.id, deps.worker,
        ],
      );
      if (!updated.length) return false;
      if (errors.length) {
        // A chunk committed again after a crash finds its errors there already.
        await readRows(
          tx,
          `insert into import_row_error (job_id, line, "column", field, code, reason, message)
           select ?, * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::import_row_reason[], ?::text[]) on conflict do nothing`,
          [job.id, errors.map((e) => e.line), errors.map((e) => e.column), errors.map((e) => e.field), errors.map((e) => e.code), errors.map((e) => e.reason), errors.map((e) => e.message)],
        );
      }
      await insertRows(tx, LiveEvent, outboxRows('IMPORT_PROGRESS', [{ payload: progressPayload({ ...state, status }, next, at), at }]));
      return true;
    });
  };

  try {
    const viewer = await importerViewer(em, job.startedBy.id, municipalityId, deps.now());
    if (!viewer) {
      await commit([], counts, { status: ImportStatus.FAILED, error: 'The person who started the import may no longer import items' });
      return;
    }
    const ctx: Ctx = {
      em: viewerEm(deps.orm, viewer),
      viewer,
      now: deps.now,
      // Ingestion reads only its per-token budget, which a person's import does not spend.
      config: { ingestItemsPerMinute: 0, ...deps.config } as Config,
      pubsub: createAppPubSub(),
      text: deps.text,
    };
    const store = deps.store ?? new LocalFileStore(deps.config.filesDir);
    const file = job.file.getEntity();
    const open = () => store.get(file.storageKey);
    const settings = { format: file.format, encoding: job.encoding, delimiter: job.delimiter };

    if (state.total === null) {
      // The rows counted first (a reading pass without checks), for the progress bar's end.
      let n = -1;
      for await (const _row of readFile(open, settings)) n += 1;
      state.total = Math.max(0, n);
      if (!(await commit([], counts))) return;
    }

    const rowCtx = await rowContextOf(ctx, municipalityId, job);
    let mapping: CompiledMapping | null = null;
    let seen = 0;
    let chunk: SourceRow[] = [];
    const flush = async (): Promise<boolean> => {
      const done = await processChunk(ctx, job.dryRun, mapping!, rowCtx, chunk);
      counts = {
        processed: counts.processed + chunk.length,
        created: counts.created + done.created,
        existing: counts.existing + done.existing,
        rejected: counts.rejected + done.errors.length,
      };
      chunk = [];
      return commit(done.errors, counts);
    };
    for await (const row of readFile(open, settings)) {
      if (!mapping) {
        const compiled = compileMapping(row.cells.map((c) => cellText(c)), job.columns, job);
        if (compiled.problems.length) throw new ImportReadError(`The mapping does not fit the file: ${compiled.problems.join('; ')}`);
        mapping = compiled.mapping;
        continue;
      }
      // Rows committed before a restart are read past, not sent again.
      if (seen++ < counts.processed) continue;
      chunk.push(row);
      if (chunk.length >= IMPORT_CHUNK) {
        if (!(await flush())) return;
        if (deps.signal.aborted) {
          await em.nativeUpdate(ImportJob, { id: job.id, worker: deps.worker }, { leaseUntil: null, worker: null });
          return;
        }
      }
    }
    if (chunk.length && !(await flush())) return;
    state.total = counts.processed;
    await commit([], counts, { status: ImportStatus.DONE });
  } catch (e) {
    const message = e instanceof ImportReadError ? e.message : 'The import stopped on an unexpected error; start it again to continue';
    if (!(e instanceof ImportReadError)) logger.error('import failed', { jobId, ...safeError(e) });
    await commit([], counts, { status: ImportStatus.FAILED, error: message }).catch((again: unknown) => logger.error('import: the failure could not be stored', safeError(again)));
  }
}

/** The municipality's zone and the catalogue by which rows name categories and settlements. */
async function rowContextOf(ctx: Ctx, municipalityId: string, job: ImportJob): Promise<RowContext> {
  const [municipality, categories, settlements] = await Promise.all([
    ctx.em.findOneOrFail(Municipality, { id: municipalityId }),
    ctx.em.find(Category, {}),
    ctx.em.find(Settlement, {}),
  ]);
  const low = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const categoryBy = new Map<string, string>();
  for (const c of categories) {
    categoryBy.set(low(c.name), c.code);
    categoryBy.set(low(c.code), c.code);
  }
  const settlementBy = new Map<string, string>();
  for (const s of settlements) {
    settlementBy.set(low(s.shortNameOrDerived), s.id);
    settlementBy.set(low(s.name), s.id);
  }
  return { source: job.source, zone: municipality.timezone, kind: job.kind, channel: job.channel, categories: categoryBy, settlements: settlementBy };
}

/** One chunk: each row made an item input (or refused), the inputs ingested (or, in a dry run, checked). */
async function processChunk(ctx: Ctx, dryRun: boolean, mapping: CompiledMapping, rowCtx: RowContext, rows: SourceRow[]): Promise<{ created: number; existing: number; errors: RowError[] }> {
  const errors: RowError[] = [];
  const inputs: IngestItemInput[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const r = rowToInput(row.cells, mapping, rowCtx);
    if ('problem' in r) errors.push({ ...r.problem, line: row.line, code: ErrorCode.BAD_USER_INPUT });
    else {
      inputs.push(r.input);
      lines.push(row.line);
    }
  }
  if (!inputs.length) return { created: 0, existing: 0, errors };
  if (!dryRun) {
    const result = await ingestItems(ctx, inputs);
    for (const r of result.results) if (r.error) errors.push({ ...ingestProblem(mapping, r.error), line: lines[r.index]!, code: r.error.code });
    errors.sort((a, b) => a.line - b.line);
    return { created: result.created, existing: result.existing, errors };
  }
  const problems = await ingestProblems(ctx, inputs);
  const accepted: IngestItemInput[] = [];
  problems.forEach((p, i) => {
    if (p) errors.push({ ...ingestProblem(mapping, p), line: lines[i]!, code: p.code });
    else accepted.push(inputs[i]!);
  });
  errors.sort((a, b) => a.line - b.line);
  // Which would be new: the pairs no item has yet, each once (a pair repeated in the file is one item).
  const found = accepted.length
    ? await readRows<{ source: string; external_id: string }>(
        ctx.em,
        `select source, external_id from item where municipality_id = ? and (source, external_id) in (select s, e from unnest(?::text[], ?::text[]) as t(s, e))`,
        [ctx.viewer!.municipalityId, accepted.map((a) => a.source.trim()), accepted.map((a) => a.externalId.trim())],
      )
    : [];
  const known = new Set(found.map((r) => `${r.source}\u0000${r.external_id}`));
  let created = 0;
  for (const a of accepted) {
    const key = `${a.source.trim()}\u0000${a.externalId.trim()}`;
    if (known.has(key)) continue;
    known.add(key);
    created += 1;
  }
  return { created, existing: accepted.length - created, errors };
}

/**
 * The import workers of a scheduler: the queue (one waiting job per import), its worker, and the sweep that sends the
 * imports nobody holds (at start, then by the scheduler's cron `sweepQueue`). `stop` makes a running import let its
 * lease go after the chunk under way, so the next start goes on with it at once.
 */
export async function startImportJobs(deps: {
  boss: PgBoss;
  orm: Orm;
  now: () => Date;
  config: Pick<Config, 'filesDir'> & Partial<Config>;
  sweepQueue: string;
  text?: TextUnderstanding;
}): Promise<{ stop: () => void }> {
  const controller = new AbortController();
  const run: ImportRunDeps = { orm: deps.orm, now: deps.now, config: deps.config, text: deps.text, worker: workerName(), signal: controller.signal };
  await deps.boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, policy: 'short' } as never).catch(() => undefined);
  await deps.boss.work<{ jobId: string }>(IMPORT_QUEUE, async ([job]) => {
    if (job && !controller.signal.aborted) await runImportJob(run, job.data.jobId);
  });
  await deps.boss.work(deps.sweepQueue, async () => {
    if (!controller.signal.aborted) await sweepImports(deps.orm, deps.boss, deps.now());
  });
  await sweepImports(deps.orm, deps.boss, deps.now());
  return { stop: () => controller.abort() };
}
