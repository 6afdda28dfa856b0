import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import PgBoss from 'pg-boss';
import { QUEUES } from '../src/jobs/scheduler.js';
import { startImportJobs } from '../src/modules/imports/import-job.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/*
 * Bulk import over real HTTP and graphql-ws (docs/integrators.md, "Bulk import"): a file uploaded to POST /imports,
 * previewed, checked by a dry run and imported by the scheduler's job, chunk by chunk, with its progress committed and
 * announced; importing it again creates nothing; a job stopped half-way goes on from where it was.
 */

let t: TestApp;
let scheduler: { stop: () => Promise<void> };
let head: string;
let dir: string;
const clients: Client[] = [];

/** The live heap after a full collection (V8's gc, exposed for this test). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const HEADER = ['Номер', 'Дата поступления', 'Вид', 'Канал', 'Текст обращения', 'Категория', 'ФИО заявителя', 'E-mail'];
const COLUMNS = [
  { column: 'Номер', field: 'EXTERNAL_ID' },
  { column: 'Дата поступления', field: 'RECEIVED_AT' },
  { column: 'Вид', field: 'KIND' },
  { column: 'Канал', field: 'CHANNEL' },
  { column: 'Текст обращения', field: 'TEXT' },
  { column: 'Категория', field: 'CATEGORY' },
  { column: 'ФИО заявителя', field: 'APPLICANT_NAME' },
  { column: 'E-mail', field: 'APPLICANT_EMAIL' },
];

/** What makes the i-th bad row bad, by turn, and the field it is reported on. */
const FAULTS: { field: string; reason: string; row: (i: number) => string[] }[] = [
  { field: 'RECEIVED_AT', reason: 'NOT_A_DATE', row: (i) => good(i).map((v, c) => (c === 1 ? '31.02.2026 10:00' : v)) },
  { field: 'TEXT', reason: 'INVALID', row: (i) => good(i).map((v, c) => (c === 4 ? 'ой' : v)) },
  { field: 'APPLICANT_EMAIL', reason: 'INVALID', row: (i) => good(i).map((v, c) => (c === 7 ? 'не-почта' : v)) },
  { field: 'KIND', reason: 'NOT_A_KIND', row: (i) => good(i).map((v, c) => (c === 2 ? 'жалоба' : v)) },
  { field: 'CATEGORY', reason: 'UNKNOWN_CATEGORY', row: (i) => good(i).map((v, c) => (c === 5 ? 'НЕТ_ТАКОЙ' : v)) },
];

function good(i: number): string[] {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const minute = String(i % 60).padStart(2, '0');
  return [
    `CRM-${i}`,
    `${day}.10.2026 09:${minute}`,
    i % 2 ? 'Сообщение' : 'обращение',
    i % 2 ? 'ПОС' : 'Письмо',
    `Обращение №${i}: не вывозят мусор с контейнерной площадки во дворе дома, просим принять меры`,
    'ZHKH_HEATING',
    `Иванов Иван ${i}`,
    `user${i}@example.ru`,
  ];
}

const csvLine = (cells: string[]) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';') + '\r\n';

/**
 * A CSV of `rows` data rows, written as a stream (never held whole): every `badEvery`-th row is bad, by turn of
 * FAULTS. Returns the lines of the bad rows (the header is line 1) with their fields.
 */
async function writeCsv(path: string, rows: number, badEvery: number, encoding: 'utf8' | 'win1251' = 'utf8'): Promise<Map<number, string>> {
  const out = createWriteStream(path);
  const bad = new Map<number, string>();
  const write = async (text: string) => {
    if (!out.write(iconv.encode(text, encoding))) await once(out, 'drain');
  };
  await write(csvLine(HEADER));
  let faults = 0;
  for (let i = 0; i < rows; i++) {
    if (badEvery && i % badEvery === badEvery - 1) {
      const f = FAULTS[faults++ % FAULTS.length]!;
      bad.set(i + 2, f.field);
      await write(csvLine(f.row(i)));
    } else await write(csvLine(good(i)));
  }
  out.end();
  await once(out, 'finish');
  return bad;
}

async function upload(path: string, name: string, token = head): Promise<Response> {
  return fetch(`${t.url}/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-otklik-upload': '1', 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path)) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
}

type Job = { id: string; status: string; total: number | null; processed: number; created: number; existing: number; rejected: number; error: string | null };
const JOB_FIELDS = 'id status total processed created existing rejected error';

async function start(fileId: string, dryRun: boolean, source: string): Promise<Job> {
  const r = await t.gql<{ startImport: Job }>(
    `mutation($i: StartImportInput!) { startImport(input: $i) { ${JOB_FIELDS} } }`,
    { i: { fileId, source, columns: COLUMNS, dryRun } },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.startImport;
}

async function job(id: string): Promise<Job> {
  const r = await t.gql<{ importJob: Job }>(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id }, head);
  return r.data!.importJob;
}

async function finished(id: string, timeout = 600_000): Promise<Job> {
  let last: Job | undefined;
  await vi.waitFor(
    async () => {
      last = await job(id);
      expect(['DONE', 'FAILED']).toContain(last.status);
    },
    { timeout, interval: 250 },
  );
  return last!;
}

async function allErrors(jobId: string): Promise<{ line: number; field: string | null; column: string | null; code: string; reason: string; message: string }[]> {
  const out: { line: number; field: string | null; column: string | null; code: string; reason: string; message: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data?: { importRowErrors: { nodes: typeof out; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null } = await t.gql(
      'query($j: ID!, $a: String) { importRowErrors(jobId: $j, first: 40, after: $a) { totalCount nodes { line column field code reason message } pageInfo { endCursor hasNextPage } } }',
      { j: jobId, a: after },
      head,
    );
    out.push(...r.data!.importRowErrors.nodes);
    if (!r.data!.importRowErrors.pageInfo.hasNextPage) return out;
    after = r.data!.importRowErrors.pageInfo.endCursor;
  }
}

async function itemsOf(source: string): Promise<number> {
  const rows = await t.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from item where source = ?', [source]);
  return rows[0]!.n;
}

/**
 * The import's workers on pg-boss, as the scheduler starts them (jobs/scheduler.ts), without its other schedules (the
 * KPI rollup of the days 100,000 new items fall on would only take the test's time).
 */
async function startJobs(): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({ connectionString: t.dbUrl, schema: 'pgboss', max: 4 });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(QUEUES.importSweep, { name: QUEUES.importSweep } as never).catch(() => undefined);
  const imports = await startImportJobs({ boss, orm: t.orm, now: t.clock.now, config: { filesDir: t.filesDir }, sweepQueue: QUEUES.importSweep });
  return {
    stop: async () => {
      imports.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  head = await t.signInAs('head');
  dir = await mkdtemp(join(tmpdir(), 'otklik-import-'));
  scheduler = await startJobs();
}, 120_000);
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await scheduler?.stop();
  await t?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('bulk import', () => {
  it('a 100,000-row CSV with 100 bad rows: the dry run names the 100, the import creates the rest once with live progress and flat memory, a second import creates nothing', async () => {
    const path = join(dir, 'big.csv');
    const bad = await writeCsv(path, 100_000, 1000);
    expect(bad.size).toBe(100);
    const size = (await stat(path)).size;

    const up = await upload(path, 'выгрузка.csv');
    expect(up.status).toBe(201);
    const file = (await up.json()) as { id: string; format: string; size: number };
    expect(file).toMatchObject({ format: 'CSV', size });

    const preview = await t.gql<{ importFile: { encoding: string; delimiter: string; headers: string[]; rows: string[][]; suggested: { column: string; field: string }[] } }>(
      'query($id: ID!) { importFile(id: $id) { encoding delimiter headers rows suggested { column field } } }',
      { id: file.id },
      head,
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.importFile).toMatchObject({ encoding: 'UTF_8', delimiter: ';', headers: HEADER });
    expect(preview.data!.importFile.rows[0]).toEqual(good(0));
    // The header's words suggest this very mapping.
    expect([...preview.data!.importFile.suggested].sort((a, b) => a.column.localeCompare(b.column))).toEqual([...COLUMNS].sort((a, b) => a.column.localeCompare(b.column)));

    // The dry run: every bad row by its line and field; no item written.
    const dry = await finished((await start(file.id, true, 'old-crm')).id);
    expect(dry).toMatchObject({ status: 'DONE', total: 100_000, processed: 100_000, created: 99_900, existing: 0, rejected: 100 });
    const errors = await allErrors(dry.id);
    expect(new Map(errors.map((e) => [e.line, e.field]))).toEqual(bad);
    expect(errors.every((e) => e.code === 'BAD_USER_INPUT' && e.message.length > 0 && e.column)).toBe(true);
    // Each with the reason's code the dashboard words in its language.
    const reasonOf = new Map(FAULTS.map((f) => [f.field, f.reason]));
    expect(errors.filter((e) => e.reason !== reasonOf.get(e.field!))).toEqual([]);
    expect(await itemsOf('old-crm')).toBe(0);

    // The import, followed over graphql-ws; the live heap sampled after each committed chunk.
    const baseline = liveHeap();
    const started = await start(file.id, false, 'old-crm');
    const client = createClient({ url: t.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${head}` }, retryAttempts: 0 });
    clients.push(client);
    const events: Job[] = [];
    let peak = baseline;
    for await (const e of client.iterate<{ importProgress: Job }>({ query: `subscription($j: ID!) { importProgress(jobId: $j) { ${JOB_FIELDS} } }`, variables: { j: started.id } })) {
      expect(e.errors).toBeUndefined();
      events.push(e.data!.importProgress);
      peak = Math.max(peak, liveHeap());
    }
    const last = events.at(-1)!;
    expect(last).toMatchObject({ status: 'DONE', total: 100_000, processed: 100_000, created: 99_900, existing: 0, rejected: 100 });
    // The progress moved in steps of at most a chunk, never back.
    const processed = events.map((e) => e.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(events.filter((e) => e.status === 'RUNNING' && e.processed > 0 && e.processed < 100_000).length).toBeGreaterThan(10);
    expect(await itemsOf('old-crm')).toBe(99_900);
    expect(new Map((await allErrors(started.id)).map((e) => [e.line, e.field]))).toEqual(bad);
    // Holding the rows would take at least the file's size (its text, as strings); the job's live heap grew by far less.
    const growth = peak - baseline;
    console.info(`import of ${size} bytes: live heap ${Math.round(baseline / 1e6)} MB before, at most ${Math.round(growth / 1e6)} MB more while it ran`);
    expect(growth).toBeLessThan(size / 3);

    // The same file again: nothing new.
    const again = await finished((await start(file.id, false, 'old-crm')).id);
    expect(again).toMatchObject({ status: 'DONE', processed: 100_000, created: 0, existing: 99_900, rejected: 100 });
    expect(await itemsOf('old-crm')).toBe(99_900);
  }, 900_000);

  it('a job stopped half-way goes on after a restart from the rows it had committed, and makes each item once', async () => {
    const path = join(dir, 'resume.csv');
    await writeCsv(path, 20_000, 0);
    const file = (await (await upload(path, 'resume.csv')).json()) as { id: string };
    const started = await start(file.id, false, 'resume-crm');
    // Stop the scheduler once a chunk is committed (the job lets its lease go after the chunk under way).
    await vi.waitFor(async () => expect((await job(started.id)).processed).toBeGreaterThan(0), { timeout: 120_000, interval: 50 });
    await scheduler.stop();
    const stopped = await job(started.id);
    expect(stopped.status).toBe('RUNNING');
    expect(stopped.processed).toBeGreaterThan(0);
    expect(stopped.processed).toBeLessThan(20_000);
    const [lease] = await t.orm.em.fork().getConnection().execute<{ lease_until: Date | null }[]>('select lease_until from import_job where id = ?', [started.id]);
    expect(lease!.lease_until).toBeNull();

    scheduler = await startJobs();
    const done = await finished(started.id);
    // Going on from where it was: had it begun again, the rows already imported would count as existing.
    expect(done).toMatchObject({ status: 'DONE', processed: 20_000, created: 20_000, existing: 0, rejected: 0 });
    expect(await itemsOf('resume-crm')).toBe(20_000);
  }, 300_000);

  it('reads a Windows-1251 CSV with commas, detected from its bytes', async () => {
    const path = join(dir, 'cp1251.csv');
    const out = createWriteStream(path);
    out.end(iconv.encode(`${HEADER.join(',')}\r\n${good(1).map((c) => `"${c}"`).join(',')}\r\n`, 'win1251'));
    await once(out, 'finish');
    const file = (await (await upload(path, 'cp1251.csv')).json()) as { id: string };
    const r = await t.gql<{ importFile: { encoding: string; delimiter: string; headers: string[]; rows: string[][] } }>(
      'query($id: ID!) { importFile(id: $id) { encoding delimiter headers rows } }',
      { id: file.id },
      head,
    );
    expect(r.data!.importFile).toEqual({ encoding: 'WINDOWS_1251', delimiter: ',', headers: HEADER, rows: [good(1)] });
  });

  it('reads an XLSX: its first worksheet, a date cell as the municipality\'s wall clock, and checks its rows like a CSV\'s', async () => {
    const path = join(dir, 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Выгрузка');
    sheet.addRow(HEADER);
    // An Excel date has no zone: 15.10.2026 09:30 is read as 09:30 in Europe/Volgograd (UTC+3).
    sheet.addRow(good(0).map((v, c) => (c === 1 ? new Date(Date.UTC(2026, 9, 15, 9, 30)) : v)));
    sheet.addRow(good(1).map((v, c) => (c === 4 ? 'ой' : v)));
    await workbook.xlsx.writeFile(path);
    const up = await upload(path, 'book.xlsx');
    expect(up.status).toBe(201);
    const file = (await up.json()) as { id: string; format: string };
    expect(file.format).toBe('XLSX');
    const preview = await t.gql<{ importFile: { headers: string[]; rows: string[][] } }>('query($id: ID!) { importFile(id: $id) { headers rows } }', { id: file.id }, head);
    expect(preview.data!.importFile.headers).toEqual(HEADER);
    expect(preview.data!.importFile.rows[0]![1]).toBe('15.10.2026 09:30');
    const done = await finished((await start(file.id, false, 'xlsx-crm')).id, 60_000);
    expect(done).toMatchObject({ status: 'DONE', total: 2, processed: 2, created: 1, rejected: 1 });
    expect((await allErrors(done.id)).map((e) => [e.line, e.field])).toEqual([[3, 'TEXT']]);
    const [item] = await t.orm.em.fork().getConnection().execute<{ received_at: Date }[]>("select received_at from item where source = 'xlsx-crm'");
    expect(new Date(item!.received_at).toISOString()).toBe('2026-10-15T06:30:00.000Z');
  });

  it('refuses a mapping that does not fit the file, naming every problem', async () => {
    const path = join(dir, 'small.csv');
    await writeCsv(path, 3, 0);
    const file = (await (await upload(path, 'small.csv')).json()) as { id: string };
    const r = await t.gql(
      'mutation($i: StartImportInput!) { startImport(input: $i) { id } }',
      { i: { fileId: file.id, source: 'x', columns: [{ column: 'Нет такой', field: 'TEXT' }, { column: 'Номер', field: 'EXTERNAL_ID' }] } },
      head,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const problems = (r.errors![0]!.extensions!.fields as { problems: string[] }[])[0]!.problems;
    expect(problems).toEqual(['the file has no column "Нет такой"', 'map a column to RECEIVED_AT', 'map a column to KIND or choose a kind', 'map a column to CHANNEL or choose a channel']);
  });

  it('keeps an uploaded file to the person who uploaded it, and refuses an upload to a role that does not import', async () => {
    const path = join(dir, 'own.csv');
    await writeCsv(path, 3, 0);
    const file = (await (await upload(path, 'own.csv')).json()) as { id: string };
    const other = await t.signInAs('pos_operator');
    const r = await t.gql('query($id: ID!) { importFile(id: $id) { headers } }', { id: file.id }, other);
    expect(codeOf(r)).toBe('NOT_FOUND');
    const refused = await upload(path, 'own.csv', await t.signInAs('executor'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('saves a mapping under its name, replaces it by the same name, and deletes it', async () => {
    const save = (source: string) =>
      t.gql<{ saveImportMapping: { id: string; source: string; columns: { column: string; field: string }[] } }>(
        'mutation($i: ImportMappingInput!) { saveImportMapping(input: $i) { id source columns { column field } } }',
        { i: { name: 'Старая CRM', source, columns: COLUMNS, kind: 'MESSAGE' } },
        head,
      );
    const a = await save('old-crm');
    const b = await save('old-crm-2');
    expect(b.data!.saveImportMapping).toMatchObject({ id: a.data!.saveImportMapping.id, source: 'old-crm-2', columns: COLUMNS });
    const list = await t.gql<{ importMappings: { name: string }[] }>('{ importMappings { name } }', {}, head);
    expect(list.data!.importMappings.map((m) => m.name)).toEqual(['Старая CRM']);
    const del = await t.gql('mutation($id: ID!) { deleteImportMapping(id: $id) }', { id: a.data!.saveImportMapping.id }, head);
    expect(del).toEqual({ data: { deleteImportMapping: true } });
  });
});
