import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { cleanupAll, installExitHandlers, onCleanup } from './cleanup.js';
import { loadDocuments } from './documents.js';
import { REPO } from './options.js';
import { longLivedClient, startPostgres } from './postgres.js';
import { machine, writeSection } from './report.js';
import { startServer } from './server-process.js';
import { fmtInt, fmtMs, log, seconds } from './util.js';

/**
 * The ingestion benchmark (docs/benchmarks.md, "Ingestion"): the real server on its own embedded PostgreSQL, an
 * integrator token, and
 * - batches of 1,000 items through `ingestItems`, from one client and then from `--batch-clients` at once: items a second;
 * - single-item calls from one client and then from `--connections` at once, `--duration` seconds each: calls a second, p50 and p95;
 * - bulk import of a CSV of `--import-rows` rows (uploaded by the head, imported as a job): rows a second;
 * - the floor: PostgreSQL `COPY` of the very rows the batches (and the import) stored (exported with COPY … TO, imported into a twin
 *   of the item table with the same indexes), rows a second. The ratio is the product's rate over the floor's.
 * Every input is new (its own externalId), so every call creates.
 */

const DEMO_PASSWORD = 'bench-password';

type Options = { batches: number; batchClients: number; connections: number; duration: number; importRows: number; doc: string | null; label: string | null; profile: string | null };

function parse(argv: string[]): Options {
  const o: Options = { batches: 20, batchClients: 2, connections: 10, duration: 10, importRows: 50_000, doc: join(REPO, 'docs/benchmarks.md'), label: null, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--batches') o.batches = Number(next());
    else if (a === '--batch-clients') o.batchClients = Number(next());
    else if (a === '--import-rows') o.importRows = Number(next());
    else if (a === '--connections') o.connections = Number(next());
    else if (a === '--duration') o.duration = Number(next());
    else if (a === '--no-doc') o.doc = null;
    else if (a === '--label') o.label = next();
    else if (a === '--profile') o.profile = next();
    else throw new Error(`unknown option ${a} (--batches N, --batch-clients N, --connections N, --import-rows N, --duration S, --no-doc, --label TEXT, --profile DIR)`);
  }
  return o;
}

const INGEST = `mutation($items: [IngestItemInput!]!) { ingestItems(items: $items) { created rejected results { error { code message } } } }`;

let serial = 0;
function input(source: string, receivedAt: string) {
  const n = ++serial;
  return {
    kind: n % 3 === 0 ? 'APPEAL' : 'MESSAGE',
    channel: n % 3 === 0 ? 'EPGU' : 'POS',
    identified: true,
    source,
    externalId: `${source}-${n}`,
    receivedAt,
    categoryCode: ['ZHKH_WATER', 'WASTE_COLLECTION', 'ROADS_REPAIR', undefined][n % 4],
    text: `Обращение ${n}: на улице Ленина не горят фонари, прошу принять меры`,
    applicant: { name: `Заявитель ${n}`, email: `a${n}@example.ru`, phone: `+7 903 ${String(1000000 + n).slice(-7)}` },
  };
}

async function call(url: string, token: string, items: unknown[]): Promise<{ ms: number; created: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INGEST, variables: { items } }),
  });
  const body = (await res.json()) as { data?: { ingestItems: { created: number; rejected: number; results: { error: { message: string } | null }[] } }; errors?: unknown };
  const ms = performance.now() - t0;
  const out = body.data?.ingestItems;
  if (!out || out.rejected) throw new Error(`ingestItems: ${JSON.stringify(body.errors ?? out?.results.find((r) => r.error))}`);
  return { ms, created: out.created };
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const IMPORT_SOURCE = 'import-bench';
const fmtMb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Writes the CSV, uploads it, starts the import and waits for its end (polling the job, as a dashboard would not). */
async function importPhase(url: string, session: string, dir: string, rows: number) {
  const path = join(dir, 'import.csv');
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('Номер;Дата поступления;Вид;Канал;Текст обращения;Категория;ФИО заявителя;Телефон\r\n');
  const now = Date.now();
  for (let i = 0; i < rows; i++) {
    // Received over the last 30 days, in Moscow time as such exports write it.
    const at = new Date(now - 3_600_000 - ((i * 2_592_000_000) / rows)) ;
    const local = new Date(at.getTime() + 3 * 3_600_000).toISOString();
    const date = `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
    const category = ['ZHKH_WATER', 'WASTE_COLLECTION', 'ROADS_REPAIR', ''][i % 4];
    await write(`ПОС-${i};${date};Сообщение;ПОС;Сообщение ${i}: на улице Ленина не горят фонари, прошу принять меры;${category};Заявитель ${i};+7 903 ${String(1_000_000 + i).slice(-7)}\r\n`);
  }
  out.end();
  await once(out, 'finish');
  const bytes = out.bytesWritten;
  log(`bulk import of ${fmtInt(rows)} rows (${fmtMb(bytes)} MB)`);
  const t0 = performance.now();
  const up = await fetch(`${url}/imports?name=import.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session}`, 'x-otklik-upload': '1', 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path)) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  if (!up.ok) throw new Error(`upload: HTTP ${up.status} ${await up.text()}`);
  const file = (await up.json()) as { id: string };
  const uploadMs = performance.now() - t0;
  const columns = [
    ['Номер', 'EXTERNAL_ID'],
    ['Дата поступления', 'RECEIVED_AT'],
    ['Вид', 'KIND'],
    ['Канал', 'CHANNEL'],
    ['Текст обращения', 'TEXT'],
    ['Категория', 'CATEGORY'],
    ['ФИО заявителя', 'APPLICANT_NAME'],
    ['Телефон', 'APPLICANT_PHONE'],
  ].map(([column, field]) => ({ column, field }));
  const t1 = performance.now();
  const started = await gql<{ startImport: { id: string } }>(
    url,
    'mutation($i: StartImportInput!) { startImport(input: $i) { id } }',
    { i: { fileId: file.id, source: IMPORT_SOURCE, columns, dryRun: false } },
    session,
  );
  type Job = { status: string; processed: number; created: number; rejected: number; error: string | null };
  let job: Job;
  for (;;) {
    job = (await gql<{ importJob: Job }>(url, 'query($id: ID!) { importJob(id: $id) { status processed created rejected error } }', { id: started.startImport.id }, session)).importJob;
    if (job.status === 'DONE' || job.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = performance.now() - t1;
  if (job.status !== 'DONE' || job.rejected) throw new Error(`the import ended ${job.status} with ${job.rejected} rejected: ${job.error}`);
  const rate = job.created / (ms / 1000);
  log(`  ${fmtInt(rate)} rows/s (${fmtInt(job.created)} created in ${(ms / 1000).toFixed(1)} s; upload ${(uploadMs / 1000).toFixed(1)} s)`);
  return { rows, bytes, created: job.created, ms, uploadMs, rate };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  installExitHandlers();
  const o = parse(process.argv.slice(2));
  const main = join(REPO, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error('no server build: run pnpm build first');
  const { manifest } = loadDocuments(REPO, ['SignIn']);
  const dataDir = await mkdtemp(join(tmpdir(), 'otklik-bench-ingest-'));
  onCleanup('the data directory', async () => rmSync(dataDir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  const pgInfo = await startPostgres(dataDir, { sharedBuffers: '512MB' });
  // The background jobs run, as in production: the import is one of them (and the KPI rollups run beside everything).
  const server = await startServer({ main, databaseUrl: pgInfo.serverUrl, dataDir: join(dataDir, 'server'), demoPassword: DEMO_PASSWORD, manifest, jobs: true, ...(o.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${o.profile}`] } : {}) });
  const session = await gql<{ signIn: { token: string } }>(server.url, 'mutation($p: String!) { signIn(username: "head", password: $p) { token } }', { p: DEMO_PASSWORD });
  const { createApiToken } = await gql<{ createApiToken: { token: string } }>(
    server.url,
    'mutation { createApiToken(input: { name: "bench ingest", kind: INTEGRATOR, scopes: [ITEMS_INGEST] }) { token } }',
    {},
    session.signIn.token,
  );
  const token = createApiToken.token;
  const receivedAt = new Date(Date.now() - 3_600_000).toISOString();

  // A warm-up batch, not counted (the server's first statements, PostgreSQL's caches).
  await call(server.url, token, Array.from({ length: 1000 }, () => input('warmup', receivedAt)));

  // `o.batches` batches from `clients` senders at once (each sends its next batch when the last is answered).
  const batchRun = async (clients: number) => {
    log(`${o.batches} batches of 1,000 items from ${clients} client(s)`);
    const times: number[] = [];
    let left = o.batches;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (left-- > 0) {
          const r = await call(server.url, token, Array.from({ length: 1000 }, () => input('batch', receivedAt)));
          if (r.created !== 1000) throw new Error(`a batch created ${r.created} items, not 1,000`);
          times.push(r.ms);
        }
      }),
    );
    const rate = (o.batches * 1000) / seconds(t0);
    times.sort((a, b) => a - b);
    log(`  ${fmtInt(rate)} items/s, a batch p50 ${fmtMs(percentile(times, 50))} / p95 ${fmtMs(percentile(times, 95))} ms`);
    return { clients, rate, times };
  };
  const batchRuns = [await batchRun(1), ...(o.batchClients > 1 ? [await batchRun(o.batchClients)] : [])];

  // Single-item calls: one sender posting items one at a time, then `o.connections` senders at once.
  const singleRun = async (clients: number) => {
    log(`single-item calls, ${clients} client(s), ${o.duration} s`);
    const times: number[] = [];
    const until = performance.now() + o.duration * 1000;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) times.push((await call(server.url, token, [input('single', receivedAt)])).ms);
      }),
    );
    const rate = times.length / seconds(t1);
    times.sort((a, b) => a - b);
    log(`  ${fmtInt(rate)} calls/s, p50 ${fmtMs(percentile(times, 50))} / p95 ${fmtMs(percentile(times, 95))} ms`);
    return { clients, rate, times };
  };
  const singleRuns = [await singleRun(1), ...(o.connections > 1 ? [await singleRun(o.connections)] : [])];

  // Bulk import: a CSV of `o.importRows` rows (semicolons, Russian headers and dates, as the feedback platform exports
  // them), uploaded by the head, then imported as a job; rows a second from the start of the job to its end.
  const importRun = o.importRows > 0 ? await importPhase(server.url, session.signIn.token, dataDir, o.importRows) : null;

  // The floor: COPY of the rows the batches (and the import) stored, into a twin of the item table with its indexes.
  const admin = longLivedClient(pgInfo.adminUrl);
  await admin.connect();
  onCleanup('a database connection', () => admin.end(), () => {});
  await admin.query('create table bench_item_copy (like item including defaults including indexes including constraints)');
  const copyFloor = async (source: string) => {
    const chunks: Buffer[] = [];
    await pipeline(admin.query(copyTo(`copy (select * from item where source = '${source}') to stdout`)), new Writable({ write(c: Buffer, _e, done) { chunks.push(c); done(); } }));
    const n = (await admin.query<{ n: number }>(`select count(*)::int as n from item where source = '${source}'`)).rows[0]!.n;
    // An empty twin each time: its unique keys would refuse the same numbers and pairs twice.
    await admin.query('truncate bench_item_copy');
    const t2 = performance.now();
    await pipeline(Readable.from(chunks), admin.query(copyFrom('copy bench_item_copy from stdin')));
    const rate = n / seconds(t2);
    log(`  COPY of the same ${fmtInt(n)} rows: ${fmtInt(rate)} rows/s`);
    return { rows: n, rate };
  };
  const { rows, rate: copyRate } = await copyFloor('batch');
  const importCopy = importRun ? await copyFloor(IMPORT_SOURCE) : null;
  const events = (await admin.query<{ n: number }>(`select count(*)::int as n from item_event e join item i on i.id = e.item_id where i.source = 'batch'`)).rows[0]!.n;

  const m = machine(pgInfo.version);
  const title = '### Ingestion';
  const body = [
    `${o.label ? `**${o.label}.** ` : ''}${m.date}; ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}.`,
    `The real server (\`server/dist/main.js\`, production settings, rate limits off) on its own PostgreSQL; an integrator token; every input new.`,
    '',
    '| what | product | floor: COPY of the same item rows | ratio | target |',
    '|---|---:|---:|---:|---|',
    ...batchRuns.map(
      (b) =>
        `| batches of 1,000 (${o.batches}, ${b.clients === 1 ? 'one client' : `${b.clients} clients at once`}) | ${fmtInt(b.rate)} items/s (a batch p50 ${fmtMs(percentile(b.times, 50))} ms, p95 ${fmtMs(percentile(b.times, 95))} ms) | ${fmtInt(copyRate)} rows/s | ${(b.rate / copyRate).toFixed(2)} | ≥ 5,000 items/s: ${b.rate >= 5000 ? 'met' : '**not met**'} |`,
    ),
    ...(importRun && importCopy
      ? [
          `| bulk import of a CSV (${fmtInt(importRun.rows)} rows, ${fmtMb(importRun.bytes)} MB) | ${fmtInt(importRun.rate)} rows/s (${fmtInt(importRun.created)} created in ${(importRun.ms / 1000).toFixed(1)} s; upload ${(importRun.uploadMs / 1000).toFixed(1)} s) | ${fmtInt(importCopy.rate)} rows/s | ${(importRun.rate / importCopy.rate).toFixed(2)} | ≥ 20,000 rows/s: ${importRun.rate >= 20_000 ? 'met' : '**not met**'} |`,
        ]
      : []),
    ...singleRuns.map(
      (s) =>
        `| single-item calls (${s.clients === 1 ? 'one client' : `${s.clients} clients at once`}, ${o.duration} s) | ${fmtInt(s.rate)} calls/s, p50 ${fmtMs(percentile(s.times, 50))} ms, p95 ${fmtMs(percentile(s.times, 95))} ms | – | – | p95 ≤ 50 ms: ${percentile(s.times, 95) <= 50 ? 'met' : '**not met**'} |`,
    ),
    '',
    `Each created item also wrote its CREATED event (${fmtInt(events)} for the ${fmtInt(rows)} batch items) and its live announcement; the floor copies the item rows the batches stored, alone.`,
  ].join('\n');
  console.log(`\n${title}\n\n${body}\n`);
  if (o.doc) {
    writeSection(o.doc, 'ingest', title, body, '## Ingestion');
    log(`wrote the results into ${o.doc}`);
  }
  // The server, the connection and PostgreSQL stop through their cleanups, in the reverse order of their start
  // (with --profile, the server writes its CPU profile into DIR as it stops).
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
