/**
 * The read-path benchmark (docs/performance.md): `pnpm bench:read [--items N] [--duration S] …` (--help).
 * A PostgreSQL of its own, the product's built server in a process of its own (as an operator runs it), generated
 * data, then each dashboard request under load next to its baselines; or, with --profile, a CPU profile of the
 * server over the inbox.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { startHost, type BaselineHost } from './baselines/index.js';
import { cleanupAll, installExitHandlers, onCleanup, stopping } from './cleanup.js';
import { generate, type GenerationResult } from './data/generate.js';
import { dashboardBody, dashboardHeaders, loadDocuments, plainBody } from './documents.js';
import { failures, measure, type LoadResult, type Target as LoadTarget } from './load.js';
import { parseOptions, UsageError, type Baseline, type Options } from './options.js';
import { longLivedClient, startPostgres, statsClient, type Postgres } from './postgres.js';
import { summariseProfile } from './profile.js';
import { BASELINE_NAMES, machine, renderProfile, renderResults, writeSection, type PlanReport, type Run, type ScenarioResult } from './report.js';
import { findIds, scenarios, selectScenarios, type Ids, type Scenario, type Viewer } from './scenarios.js';
import { startServer, type ServerProcess } from './server-process.js';
import { mustSucceed, post, signIn } from './session.js';
import { explainRequest, perRequest, quiesce, readStatements, resetStatements } from './statements.js';
import { fmtInt, fmtMs, log } from './util.js';

const DEMO_PASSWORD = 'bench-read';
/** The scenarios whose statements and plans are shown: the inboxes people open (the municipality's, a department's, a sector's) and the card. */
const EXPLAINED = new Set(['inbox-25', 'department-25', 'sector-25', 'card']);
/** Requests sent one at a time to count a scenario's statements per request. */
const SEQUENTIAL = 20;

type Marker = { items: number; municipalities: number; open: number; rows: Record<string, number>; generation: GenerationResult };

/** The commit of the checkout the server was built from, and whether its sources differ from it. */
function describeCommit(checkout: string): string {
  try {
    const head = execFileSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // --no-optional-locks: status must not refresh (write) the index of a checkout someone is working in.
    const dirty = execFileSync('git', ['--no-optional-locks', '-C', checkout, 'status', '--porcelain', '--untracked-files=no', '--', 'server', 'web', 'schema'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'not a git checkout';
  }
}

async function prepareData(o: Options, pgInfo: Postgres, dataDir: string, serverOptions: Parameters<typeof startServer>[0]): Promise<{ marker: Marker; generated: boolean }> {
  const markerFile = join(dataDir, 'bench-data.json');
  const existing = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null;
  if (existing && existing.items === o.items && existing.municipalities === o.municipalities) {
    log(`reusing the data in ${dataDir} (${fmtInt(existing.items)} items)`);
    return { marker: existing, generated: false };
  }
  if (existing) throw new Error(`${dataDir} holds ${fmtInt(existing.items)} items in ${existing.municipalities} municipalities, not ${fmtInt(o.items)} in ${o.municipalities}: use another --data directory`);
  // The server creates the schema and the demo district (without demo items) the way it does for an operator.
  log('starting the server once: migrations and the demo district');
  const first = await startServer(serverOptions);
  await first.stop();
  log(`generating ${fmtInt(o.items)} items in ${o.municipalities} municipalit${o.municipalities === 1 ? 'y' : 'ies'}`);
  const generation = await generate(pgInfo.adminUrl, { items: o.items, municipalities: o.municipalities });
  const rows = generation.rows as Record<string, number>;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  log(
    `generated ${fmtInt(total)} rows (${fmtInt(generation.open)} open items) in ${generation.totalSeconds.toFixed(1)} s: ` +
      `COPY ${generation.copySeconds.toFixed(1)} s (${fmtInt(total / generation.copySeconds)} rows/s), indexes ${generation.indexSeconds.toFixed(1)} s`,
  );
  const marker: Marker = { items: o.items, municipalities: generation.municipalities, open: generation.open, rows, generation };
  writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  return { marker, generated: true };
}

type Prepared = { target: LoadTarget; check: (answer: { json: { data?: unknown } }) => string | null };

/** The same rows? A baseline that answers other rows than the product measures something else: say so. */
function sameItems(product: unknown, other: unknown): string | null {
  const ids = (x: unknown): string[] | null => {
    const items = (x as { items?: { nodes?: { id: string }[] } } | null)?.items ?? (x as { allItems?: { nodes?: { id: string }[] } } | null)?.allItems;
    return items?.nodes?.map((n) => n.id) ?? null;
  };
  const total = (x: unknown) => ((x as { items?: { totalCount?: number }; allItems?: { totalCount?: number } } | null)?.items ?? (x as { allItems?: { totalCount?: number } } | null)?.allItems)?.totalCount;
  const me = (x: unknown) => (x as { me?: { id: string; sectors: { code: string }[] } } | null)?.me;
  if (me(product) !== undefined) {
    const [p, o] = [me(product), me(other)];
    return p?.id === o?.id && p?.sectors.map((s) => s.code).join() === o?.sectors.map((s) => s.code).join() ? null : 'another person or other sectors than the product';
  }
  const a = ids(product);
  const b = ids(other);
  if (!a || !b) return null;
  if (a.join() !== b.join()) return `other rows than the product (${b.length} rows, ${b.filter((id, i) => a[i] !== id).length} differ)`;
  if (total(product) !== total(other)) return `totalCount ${total(other)} against the product's ${total(product)}`;
  return null;
}

type BenchContext = { pgInfo: Postgres; server: ServerProcess; schemaPath: string; chosen: Scenario[]; docs: ReturnType<typeof loadDocuments>['documents']; admin: pg.Client; ids: Ids };

async function benchmark(o: Options, ctx: BenchContext) {
  const { pgInfo, server, schemaPath, chosen, docs, admin, ids } = ctx;
  const cookies: Record<Viewer, string> = {
    head: await signIn(server.url, docs.get('SignIn')!, 'head', DEMO_PASSWORD),
    executor: await signIn(server.url, docs.get('SignIn')!, 'executor', DEMO_PASSWORD),
  };
  // Production keeps a cookie session to the dashboard's own documents: a document without the dashboard's hash
  // must be refused, or the requests below are not checked the way the dashboard's are.
  const bare = await post(`${server.url}/graphql`, plainBody(docs.get('Me')!, {}), dashboardHeaders(cookies.head));
  const trusted =
    bare.status === 403 && bare.json.errors?.[0]?.extensions?.code === 'TRUSTED_DOCUMENT_REQUIRED'
      ? 'enforced (NODE_ENV=production, TRUSTED_DOCUMENTS=cookie by default: a session\'s document without the dashboard\'s hash was refused 403, the dashboard\'s were run)'
      : `not enforced (a session's document without the dashboard's hash answered ${bare.status})`;
  log(`trusted documents: ${trusted}`);
  const stats = statsClient(pgInfo);
  await stats.connect();
  const hosts = new Map<Baseline, BaselineHost>();
  try {
    for (const b of o.baselines) {
      if (b !== 'apollo' && !chosen.some((s) => (b === 'sql' ? s.sql : s.postgraphile))) continue;
      const host = await startHost(BASELINE_NAMES[b]);
      hosts.set(b, host);
      if (b === 'sql') await host.serve({ kind: 'sql', config: { databaseUrl: pgInfo.adminUrl, municipalityId: ids.municipalityId } });
      if (b === 'postgraphile') await host.serve({ kind: 'postgraphile', databaseUrl: pgInfo.adminUrl });
    }
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const results: ScenarioResult[] = [];
    const notes: string[] = [];
    for (const s of chosen) {
      const doc = docs.get(s.document)!;
      const product: LoadTarget = { url: `${server.url}/graphql`, body: dashboardBody(doc, s.variables), headers: dashboardHeaders(cookies[s.viewer]) };
      const answer = mustSucceed(`the product, ${s.title}`, await post(product.url, product.body, product.headers));
      const targets = new Map<Baseline, Prepared>();
      for (const [b, host] of hosts) {
        if (b === 'apollo') {
          await host.serve({ kind: 'apollo', schemaPath, rootValue: answer.json.data });
          targets.set(b, {
            target: { url: host.url('/'), body: plainBody(doc, s.variables), headers: dashboardHeaders(null) },
            check: (a) => (JSON.stringify(a.json.data) === JSON.stringify(answer.json.data) ? null : 'a different answer than the product'),
          });
        } else if (b === 'sql' && s.sql) {
          targets.set(b, { target: { url: host.url(s.sql), body: product.body, headers: json }, check: (a) => sameItems(answer.json.data, a.json.data) });
        } else if (b === 'postgraphile' && s.postgraphile) {
          targets.set(b, { target: { url: host.url('/graphql'), body: JSON.stringify(s.postgraphile), headers: json }, check: (a) => sameItems(answer.json.data, a.json.data) });
        }
      }
      for (const [b, p] of targets) {
        const a = mustSucceed(`${BASELINE_NAMES[b]}, ${s.title}`, await post(p.target.url, p.target.body, p.target.headers));
        const problem = p.check(a);
        if (problem) {
          notes.push(`${s.title}, ${BASELINE_NAMES[b]}: ${problem}`);
          log(`note: ${s.title}, ${BASELINE_NAMES[b]} answered ${problem}`);
        }
      }
      const result: ScenarioResult = { scenario: s, runs: [], answerBytes: Buffer.byteLength(answer.text) };
      // Statements per request, exactly: requests one at a time, nothing in flight before or after.
      await quiesce(stats);
      await resetStatements(stats);
      for (let i = 0; i < SEQUENTIAL; i++) mustSucceed(`the product, ${s.title}`, await post(product.url, product.body, product.headers));
      await quiesce(stats);
      const sequential = await readStatements(stats);
      result.sequential = { requests: SEQUENTIAL, perRequest: perRequest(sequential, SEQUENTIAL) };
      if (EXPLAINED.has(s.key)) result.plans = { statements: sequential, answered: SEQUENTIAL, plans: [] } satisfies PlanReport;
      for (const c of o.connections) {
        if (o.warmup > 0) await measure(product, c, o.warmup, 0);
        await quiesce(stats);
        await resetStatements(stats);
        const r = await measure(product, c, o.duration, 0);
        await quiesce(stats);
        const statements = await readStatements(stats);
        const run: Run = { target: 'product', connections: c, result: r, statementsPerRequest: perRequest(statements, r.sent) };
        result.runs.push(run);
        const line = [`${s.key} @${c}: product ${describe(r)}, ${run.statementsPerRequest!.toFixed(2)} statements/request`];
        for (const [b, p] of targets) {
          const br = await measure(p.target, c, o.duration, o.warmup);
          result.runs.push({ target: b, connections: c, result: br });
          line.push(`${BASELINE_NAMES[b]} ${describe(br)} (ratio ${(r.rps / br.rps).toFixed(2)})`);
        }
        log(line.join('; '));
      }
      if (result.plans) {
        result.plans.plans = await explainRequest(pgInfo, admin, async () => {
          mustSucceed('the product, for its plans', await post(product.url, product.body, product.headers));
        });
      }
      results.push(result);
    }
    return { results, notes, trusted };
  } finally {
    for (const host of hosts.values()) await host.stop();
    await stats.end();
  }
}

function describe(r: LoadResult): string {
  const bad = failures(r);
  return `${fmtInt(r.rps)} rps, p50 ${fmtMs(r.p50)} / p95 ${fmtMs(r.p95)} / p99 ${fmtMs(r.p99)} ms${bad ? ` ⚠ ${bad} failed` : ''}`;
}

async function profile(o: Options, ctx: { dataDir: string; serverOptions: Parameters<typeof startServer>[0]; chosen: Scenario[]; docs: ReturnType<typeof loadDocuments>['documents']; postgres: string }) {
  const dir = join(ctx.dataDir, `cpu-profile-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  if (!o.keep) onCleanup('the CPU profile', async () => rmSync(dir, { recursive: true, force: true }), () => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ ...ctx.serverOptions, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  let r: LoadResult;
  let window: { fromUs: number; toUs: number };
  let s: Scenario;
  try {
    // The inbox (25 rows) unless --only names another scenario: its first.
    s = ctx.chosen.find((x) => x.key === 'inbox-25') ?? ctx.chosen[0]!;
    const cookie = await signIn(server.url, ctx.docs.get('SignIn')!, s.viewer, DEMO_PASSWORD);
    const target: LoadTarget = { url: `${server.url}/graphql`, body: dashboardBody(ctx.docs.get(s.document)!, s.variables), headers: dashboardHeaders(cookie) };
    mustSucceed('the product', await post(target.url, target.body, target.headers));
    if (o.warmup > 0) await measure(target, 10, o.warmup, 0);
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    r = await measure(target, 10, o.duration, 0);
    window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    log(`${s.key} @10 under the profiler: ${describe(r)}`);
  } finally {
    // SIGTERM: the server stops in order and exits, and node writes the profile as it exits.
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}: the server did not exit cleanly`);
  const serverRoot = dirname(dirname(o.server));
  let summary = summariseProfile(join(dir, file), serverRoot, window);
  let note = 'Only the samples of the measured seconds are counted (not the start, the sign-in, the warm-up or the stop).';
  if (!summary) {
    summary = summariseProfile(join(dir, file), serverRoot)!;
    note = 'The whole profile is counted (start and stop included): its clock did not match the measured window.';
  }
  return { key: s.key, text: renderProfile(summary, { label: o.label, machine: machine(ctx.postgres), items: o.items, scenario: s.title, window: note, answered: r.answered, rps: r.rps }) };
}

async function main(): Promise<void> {
  installExitHandlers();
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(o.server)) {
    console.error(`No server build at ${o.server}.\nRun pnpm build first (or pnpm --filter @otklik/server build), or point --server at a built server/dist/main.js.`);
    process.exitCode = 1;
    return;
  }
  const checkout = resolve(dirname(o.server), '../..');
  const schemaPath = join(checkout, 'schema/schema.graphql');
  if (!existsSync(schemaPath)) throw new Error(`no schema at ${schemaPath}: --server must be server/dist/main.js inside a checkout`);
  const { manifest, documents } = loadDocuments(checkout, ['SignIn', 'Items', 'Item', 'SlaPreview', 'Me']);
  const commit = describeCommit(checkout);
  const loadBefore = loadavg();

  const dataDir = o.data ?? (await mkdtemp(join(tmpdir(), 'otklik-bench-read-')));
  if (!o.keep) onCleanup('the data directory', async () => rmSync(dataDir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  log(`data in ${dataDir}${o.keep ? ' (kept)' : ''}; server ${o.server} (${commit})`);

  const pgInfo = await startPostgres(dataDir, { sharedBuffers: o.sharedBuffers });
  const serverOptions = { main: o.server, databaseUrl: pgInfo.serverUrl, dataDir: join(dataDir, 'server'), demoPassword: DEMO_PASSWORD, manifest, verbose: o.verbose };
  const { marker, generated } = await prepareData(o, pgInfo, dataDir, serverOptions);
  const admin = longLivedClient(pgInfo.adminUrl);
  await admin.connect();
  onCleanup('a database connection', () => admin.end(), () => {});
  const ids = await findIds(admin);
  const all = scenarios(ids, new Date());
  const sizeTitle = `### ${fmtInt(o.items)} items${o.municipalities > 1 ? ` in ${o.municipalities} municipalities` : ''}`;

  if (o.profile) {
    const { key, text } = await profile(o, { dataDir, serverOptions, chosen: o.only ? selectScenarios(all, o.only) : all, docs: documents, postgres: pgInfo.version });
    console.log(`\n## Profile\n\n${text}\n`);
    if (o.doc) {
      // The inbox's profile has the section "profile"; another scenario's a section of its own.
      writeSection(o.doc, key === 'inbox-25' ? 'profile' : `profile ${key}`, '', text, '## Profile');
      log(`wrote the profile into ${o.doc}`);
    }
  } else {
    const chosen = selectScenarios(all, o.only);
    const m = machine(pgInfo.version);
    m.load = loadBefore;
    const server = await startServer(serverOptions);
    let outcome: Awaited<ReturnType<typeof benchmark>>;
    try {
      outcome = await benchmark(o, { pgInfo, server, schemaPath, chosen, docs: documents, admin, ids });
    } finally {
      await server.stop();
    }
    const notes = [`Trusted documents: ${outcome.trusted}.`, ...outcome.notes.map((n) => `Note: ${n}.`)];
    const text = renderResults(
      {
        machine: m,
        data: { items: o.items, municipalities: marker.municipalities, generation: marker.generation, reused: !generated, open: marker.open, rows: marker.rows },
        server: { path: o.server, commit },
        label: o.label,
        duration: o.duration,
        warmup: o.warmup,
        connections: o.connections,
        loadAfter: loadavg(),
      },
      outcome.results,
      o.baselines,
      notes,
    );
    console.log(`\n${sizeTitle}\n\n${text}\n`);
    if (o.doc) {
      // A partial run (--only, other connections) must not replace the full table of that size.
      const partial = o.only !== null || o.connections.join() !== '10,50' || o.baselines.length < 3;
      const key = partial ? `size=${o.items} partial` : `size=${o.items}`;
      writeSection(o.doc, key, partial ? `${sizeTitle} (partial run)` : sizeTitle, text, '## Results');
      log(`wrote the results into ${o.doc}`);
    }
  }
  if (o.keep) log(`the data stay in ${dataDir} (--data ${dataDir} reuses them)`);
}

main()
  .catch((e: unknown) => {
    // After Ctrl+C the steps under way fail as their children go: that is the stop, not news.
    if (e instanceof UsageError) console.error(e.message);
    else if (!stopping()) log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
