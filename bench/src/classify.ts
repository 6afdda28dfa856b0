import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanupAll, installExitHandlers, onCleanup } from './cleanup.js';
import { loadDocuments } from './documents.js';
import { REPO } from './options.js';
import { startPostgres } from './postgres.js';
import { machine, writeSection } from './report.js';
import { BENCH_TEXT_MODELS, startServer } from './server-process.js';
import { fmtMs, log, poll } from './util.js';

/**
 * The text classifier's benchmark (docs/benchmarks.md, "Reading a text"; issue 13: `classifyText` under 5 ms per text,
 * p95, the model loaded): the real server on its own PostgreSQL, its model trained (or read from
 * TEXT_MODEL_CACHE_DIR), then one client asking `classifyText` for each text of the corpus's test split in turn, one
 * request at a time. Measured in the same run: the same client asking `{ __typename }` (the floor of one GraphQL
 * request over HTTP to this server), and `classify` itself in this process on the same model (the work alone).
 * Options: --texts N (default 2,000), --no-doc, --label TEXT.
 */

const DEMO_PASSWORD = 'bench-password';

type Options = { texts: number; doc: string | null; label: string | null };

function parse(argv: string[]): Options {
  const o: Options = { texts: 2000, doc: join(REPO, 'docs/benchmarks.md'), label: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--texts') o.texts = Number(next());
    else if (a === '--no-doc') o.doc = null;
    else if (a === '--label') o.label = next();
    else throw new Error(`unknown option ${a} (--texts N, --no-doc, --label TEXT)`);
  }
  return o;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ ms: number; body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { reason?: string } }[] } }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { reason?: string } }[] };
  return { ms: performance.now() - t0, body };
}

const CLASSIFY = 'query($t: String!, $c: Channel) { classifyText(text: $t, channel: $c) { sectorCode categoryCode confidence alternatives { categoryCode confidence } urgent urgentReasons place { settlement { id name } locality { name kind } street house confidence } modelVersion } }';

async function main(): Promise<void> {
  installExitHandlers();
  const o = parse(process.argv.slice(2));
  const main = join(REPO, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error('no server build: run pnpm build first');
  const corpus = readFileSync(join(REPO, 'server/data/text/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; split: string });
  const tests = corpus.filter((e) => e.split === 'test').map((e) => e.text);
  const texts = Array.from({ length: o.texts }, (_, i) => tests[i % tests.length]!);

  const { manifest } = loadDocuments(REPO, ['SignIn']);
  const dataDir = await mkdtemp(join(tmpdir(), 'otklik-bench-classify-'));
  onCleanup('the data directory', async () => rmSync(dataDir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  const pgInfo = await startPostgres(dataDir, { sharedBuffers: '128MB' });
  const cacheDir = BENCH_TEXT_MODELS;
  const server = await startServer({ main, databaseUrl: pgInfo.serverUrl, dataDir: join(dataDir, 'server'), demoPassword: DEMO_PASSWORD, manifest, env: { TEXT_MODEL_CACHE_DIR: cacheDir } });
  const signIn = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($p: String!) { signIn(username: "pos_operator", password: $p) { token } }', variables: { p: DEMO_PASSWORD } }),
  });
  const token = ((await signIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  log('waiting for the text model (trained on a first run, then read from the cache)');
  const t0 = performance.now();
  await poll('the text model', async () => ((await post(server.url, token, CLASSIFY, { t: 'нет воды' })).body.errors ? undefined : true), 600_000, 1000);
  log(`  ready after ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Warm-up, not counted.
  for (const t of texts.slice(0, 200)) await post(server.url, token, CLASSIFY, { t, c: 'PHONE' });
  // The product's request and the floor's alternate, so that both meet the same moments of the machine's load.
  log(`${texts.length} texts, one request at a time, each followed by the floor's request`);
  const product: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const a = await post(server.url, token, CLASSIFY, { t: texts[i], c: 'PHONE' });
    const b = await post(server.url, token, '{ __typename }');
    if (a.body.errors || b.body.errors) throw new Error(JSON.stringify(a.body.errors ?? b.body.errors));
    product.push(a.ms);
    floor.push(b.ms);
  }
  product.sort((x, y) => x - y);
  floor.sort((x, y) => x - y);
  log(`  classifyText over HTTP: p50 ${fmtMs(percentile(product, 50))} ms, p95 ${fmtMs(percentile(product, 95))} ms`);
  log(`  { __typename } over HTTP: p50 ${fmtMs(percentile(floor, 50))} ms, p95 ${fmtMs(percentile(floor, 95))} ms`);

  // The work alone: the server's own classify on the model it answers with (the cache file it read or wrote).
  const version = ((await post(server.url, token, CLASSIFY, { t: 'нет воды' })).body.data!.classifyText as { modelVersion: string }).modelVersion;
  const file = readdirSync(cacheDir).find((f) => f.startsWith(version));
  if (!file) throw new Error(`the model ${version} is not in ${cacheDir}`);
  const training = (await import(pathToFileURL(join(REPO, 'server/dist/modules/text/model-training.js')).href)) as { unpackModel: (b: Buffer) => unknown };
  const classifier = (await import(pathToFileURL(join(REPO, 'server/dist/modules/text/classifier.js')).href)) as { classify: (m: unknown, t: string, c?: string) => unknown };
  const model = training.unpackModel(readFileSync(join(cacheDir, file)));
  for (const t of texts.slice(0, 200)) classifier.classify(model, t, 'PHONE');
  const pure: number[] = [];
  for (const t of texts) {
    const s = performance.now();
    classifier.classify(model, t, 'PHONE');
    pure.push(performance.now() - s);
  }
  pure.sort((a, b) => a - b);
  log(`  classify in-process: p50 ${fmtMs(percentile(pure, 50))} ms, p95 ${fmtMs(percentile(pure, 95))} ms`);

  const m = machine(pgInfo.version);
  const p95 = percentile(product, 95);
  const title = '### Reading a text (classifyText)';
  const body = [
    `${o.label ? `**${o.label}.** ` : ''}${m.date}; ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}.`,
    `The real server (\`server/dist/main.js\`, production settings), the model loaded; one client, one request at a time, ${texts.length.toLocaleString('en')} texts of the corpus's test split (each answered with its category, alternatives, urgency and place).`,
    '',
    '| what | p50 | p95 | p95 over the floor | target |',
    '|---|---:|---:|---:|---|',
    `| \`classifyText\` over HTTP | ${fmtMs(percentile(product, 50))} ms | ${fmtMs(p95)} ms | ${(p95 / percentile(floor, 95)).toFixed(2)} | p95 < 5 ms: ${p95 < 5 ? 'met' : '**not met**'} |`,
    `| floor: \`{ __typename }\` over HTTP, same server and client | ${fmtMs(percentile(floor, 50))} ms | ${fmtMs(percentile(floor, 95))} ms | 1.00 | – |`,
    `| the work alone: \`classify\` in-process, same model | ${fmtMs(percentile(pure, 50))} ms | ${fmtMs(percentile(pure, 95))} ms | – | – |`,
  ].join('\n');
  console.log(`\n${title}\n\n${body}\n`);
  if (o.doc) {
    writeSection(o.doc, 'classify', title, body, '## Reading a text');
    log(`wrote the results into ${o.doc}`);
  }
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
