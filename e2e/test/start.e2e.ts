import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { buildOutOfDate, inputFiles, STAMP, targets, targetStatus, type Target } from '../../scripts/start.mjs';
import { freePort } from './ports.js';
import { TEXT_MODEL_CACHE } from './global-setup.js';

/**
 * `pnpm start` (scripts/start.sh and scripts/start.mjs): it builds only what changed since the last build, then
 * becomes the server, which prints what a person needs and, on Ctrl+C, stops and exits 0, so that pnpm reports
 * no failure (docs/operations.md, "Running").
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const groups: ChildProcess[] = [];
afterAll(async () => {
  for (const g of groups) if (g.exitCode === null && g.signalCode === null) process.kill(-g.pid!, 'SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

describe('what start.mjs builds', () => {
  /** A tree of two parts in a temporary folder; each build writes its product and a line to builds.log. */
  function tree(): { dir: string; parts: Target[]; builds: () => string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-start-tree-'));
    dirs.push(dir);
    for (const [path, text] of [['a/src/x.ts', 'x'], ['a/src/x.test.ts', 't'], ['b/src/y.ts', 'y'], ['shared.json', '{}']]) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const part = (name: string, folder: string): Target => ({
      name,
      inputs: [`${folder}/src`, 'shared.json'],
      ignore: /\.test\.ts$/,
      outDir: `${folder}/dist`,
      product: `${folder}/dist/out.txt`,
      build: [[
        process.execPath,
        '-e',
        `const fs = require('node:fs'); fs.appendFileSync('builds.log', '${name}\\n');
         fs.mkdirSync('${folder}/dist', { recursive: true }); fs.writeFileSync('${folder}/dist/out.txt', 'built');`,
      ]],
    });
    return {
      dir,
      parts: [part('alpha', 'a'), part('beta', 'b')],
      builds: () => (existsSync(join(dir, 'builds.log')) ? readFileSync(join(dir, 'builds.log'), 'utf8').trim().split('\n') : []),
    };
  }
  const quiet = { log: () => {} };
  /** Moves a file's modification time `seconds` away from now (mtimes are what a build without a stamp is judged by). */
  const age = (file: string, seconds: number) => utimesSync(file, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));

  it('builds the parts never built and stamps them; run again, it builds nothing', async () => {
    const t = tree();
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual(['alpha', 'beta']);
    expect(existsSync(join(t.dir, 'a/dist', STAMP))).toBe(true);
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual([]);
    expect(t.builds().sort()).toEqual(['alpha', 'beta']);
  });

  it('builds again only the part whose source changed, also when the changed file keeps its old modification time', async () => {
    const t = tree();
    await buildOutOfDate(t.dir, { parts: t.parts, ...quiet });
    const file = join(t.dir, 'b/src/y.ts');
    const { mtime } = statSync(file);
    writeFileSync(file, 'y changed');
    utimesSync(file, mtime, mtime);
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual(['beta']);
    expect(t.builds().sort()).toEqual(['alpha', 'beta', 'beta']);
  });

  it('rebuilds every part when an input they share changes, and none for a file that is not an input (a test)', async () => {
    const t = tree();
    await buildOutOfDate(t.dir, { parts: t.parts, ...quiet });
    writeFileSync(join(t.dir, 'a/src/x.test.ts'), 't changed');
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual([]);
    writeFileSync(join(t.dir, 'shared.json'), '{"v":2}');
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual(['alpha', 'beta']);
  });

  it('takes a build made without it (pnpm build) when its product is newer than every input and than its stamp, and only then', async () => {
    const t = tree();
    await buildOutOfDate(t.dir, { parts: t.parts, ...quiet });
    // A change, then `pnpm build`: the old stamp, the changed input, then a new product.
    writeFileSync(join(t.dir, 'a/src/x.ts'), 'x changed');
    age(join(t.dir, 'a/dist', STAMP), -90);
    for (const input of ['a/src/x.ts', 'shared.json']) age(join(t.dir, input), -60);
    age(join(t.dir, 'a/dist/out.txt'), -30);
    expect(targetStatus(t.dir, t.parts[0]!)).toMatchObject({ upToDate: true, reason: 'built-after' });
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual([]);
    expect(targetStatus(t.dir, t.parts[0]!)).toMatchObject({ upToDate: true, reason: 'stamp' });
    // A change after that build.
    writeFileSync(join(t.dir, 'a/src/x.ts'), 'x changed again');
    expect(targetStatus(t.dir, t.parts[0]!)).toMatchObject({ upToDate: false, reason: 'changed' });
    // No product: built whatever the stamp says.
    rmSync(join(t.dir, 'b/dist/out.txt'));
    expect(targetStatus(t.dir, t.parts[1]!)).toMatchObject({ upToDate: false, reason: 'no-build' });
    expect(await buildOutOfDate(t.dir, { parts: t.parts, ...quiet })).toEqual(['alpha', 'beta']);
  });

  it('reports a failing build with its output, leaves it unstamped, and says what it builds and why', async () => {
    const t = tree();
    const failing = [t.parts[0]!, { ...t.parts[1]!, build: [[process.execPath, '-e', "console.log('boom in beta'); process.exit(3)"]] }];
    const lines: string[] = [];
    await expect(buildOutOfDate(t.dir, { parts: failing, log: (l) => lines.push(l) })).rejects.toThrow(/The beta did not build \(.* exited with 3\):\nboom in beta/);
    expect(lines).toEqual(['Building the alpha: not built yet…', 'Building the beta: not built yet…']);
    expect(existsSync(join(t.dir, 'a/dist', STAMP))).toBe(true);
    expect(existsSync(join(t.dir, 'b/dist', STAMP))).toBe(false);
    expect(await buildOutOfDate(t.dir, { parts: t.parts, force: true, ...quiet })).toEqual(['alpha', 'beta']);
  });

  it("counts the product's sources and nothing else: no tests, no specs, no generated documents, but the schema", () => {
    const [server, dashboard] = [targets.find((x) => x.name === 'server')!, targets.find((x) => x.name === 'dashboard')!];
    const s = inputFiles(root, server);
    expect(s).toContain('server/src/main.ts');
    expect(s).toContain('pnpm-lock.yaml');
    expect(s.filter((f) => /\.test\.ts$|node_modules|\/dist\//.test(f))).toEqual([]);
    const d = inputFiles(root, dashboard);
    expect(d).toEqual(expect.arrayContaining(['web/src/app/main.ts', 'web/index.html', 'web/vite.config.ts', 'schema/schema.graphql', 'codegen.ts']));
    expect(d.filter((f) => f.startsWith('web/src/gql/') || f.endsWith('.spec.ts') || f.includes('node_modules'))).toEqual([]);
  });
});

describe('the built dashboard', () => {
  it('has no chunk over the size warning the dashboard sets (600 kB, web/vite.config.ts), so its build prints none', () => {
    const assets = join(root, 'web/dist/assets');
    const sizes = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ f, kB: statSync(join(assets, f)).size / 1000 }));
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((x) => x.kB > 600)).toEqual([]);
  });
});

describe('pnpm start', () => {
  type Run = { child: ChildProcess; out: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

  /** `pnpm start` in a process group of its own, as a terminal runs it: Ctrl+C reaches the whole group. */
  function start(env: Record<string, string>): Run {
    const { LOG_LEVEL: _level, ...inherited } = process.env;
    // What is checked is the start itself, not pnpm's check of the installed packages (which may install).
    const child = spawn('pnpm', ['--config.verify-deps-before-run=false', 'start'], { cwd: root, env: { ...inherited, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.push(child);
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return { child, out: () => out, exited };
  }

  async function ready(run: Run, url: string, timeout: number): Promise<number> {
    const started = Date.now();
    await vi.waitFor(
      async () => {
        if (run.child.exitCode !== null) throw new Error(`pnpm start exited with ${run.child.exitCode}:\n${run.out()}`);
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
      },
      { timeout, interval: 100 },
    );
    // The banner is printed once the server listens.
    await vi.waitFor(() => expect(run.out()).toContain('Stop: Ctrl+C'), { timeout: 10_000, interval: 50 });
    return Date.now() - started;
  }

  const stamps = () => targets.map((t) => readFileSync(join(root, t.outDir, STAMP), 'utf8'));

  it('serves the product, prints its address, the demo accounts and where the data are, exits 0 on Ctrl+C without ELIFECYCLE; started again, it builds nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'otklik-start-data-'));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // The text model the run's first server trained (global-setup.ts), not trained again.
      TEXT_MODEL_CACHE_DIR: TEXT_MODEL_CACHE,
      EMBEDDED_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      DEMO_ITEMS: '30',
      DEMO_PASSWORD: 'demo',
    };

    // First start on an empty data folder: it builds whatever is out of date (nothing after `pnpm build`).
    const first = start(env);
    await ready(first, url, 240_000);
    const banner = first.out();
    expect(banner).toContain(`Otklik (Отклик) is running at ${url}/`);
    for (const account of ['head', 'curator', 'sector_lead', 'incident_manager', 'pos_operator', 'executor', 'analyst', 'region']) {
      expect(banner).toMatch(new RegExp(`^ {4}${account} +[A-Z_]+ +\\S`, 'm'));
    }
    expect(banner).toContain('Demo accounts, password "demo":');
    // The README's table of accounts is the one the server prints.
    const printed = [...banner.matchAll(/^ {4}([a-z_]+) +([A-Z_]+) /gm)].map((m) => `${m[1]} ${m[2]}`);
    const documented = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^\| `([a-z_]+)` +\| `([A-Z_]+)` +\|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(documented).toEqual(printed);
    expect(banner).toContain(`Data: ${dataDir} (embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}; attachments and reports in files/)`);
    // No log lines for a person at a terminal (LOG_LEVEL=warn unless set), no GraphQL or health addresses.
    expect(banner).not.toMatch(/"level":"info"|\/graphql|\/healthz/);
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.out()).not.toContain('ELIFECYCLE');

    // Started again with the data kept and the build up to date: no build, the same stamps, the same banner. (Sources
    // that changed meanwhile, in a checkout being worked in, are built first, as the start would.)
    await buildOutOfDate(root, { log: () => {} });
    const before = stamps();
    const second = start(env);
    const ms = await ready(second, url, 60_000);
    console.info(`restart with the data kept: healthy in ${(ms / 1000).toFixed(1)} s`);
    expect(second.out()).not.toContain('Building');
    expect(stamps()).toEqual(before);
    expect(second.out()).toContain(`Otklik (Отклик) is running at ${url}/`);
    process.kill(-second.child.pid!, 'SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.out()).not.toContain('ELIFECYCLE');
  }, 360_000);
});

describe('the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const promises = readme.slice(readme.indexOf('What works today:'), readme.indexOf('## Start it'));
  const named = [...promises.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('promises in "What works today" only operations the schema has, documents that exist and addresses the product serves', async () => {
    const sdl = readFileSync(join(root, 'schema/schema.graphql'), 'utf8');
    const roots = [...sdl.matchAll(/^type (?:Query|Mutation|Subscription) \{\n([\s\S]*?)^\}/gm)].map((m) => m[1]!);
    expect(roots).toHaveLength(3);
    const fields = new Set(roots.flatMap((body) => [...body.matchAll(/^ {2}([a-zA-Z]+)[(:]/gm)].map((m) => m[1]!)));
    const operations = named.filter((n) => /^[a-z][A-Za-z]+$/.test(n));
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.filter((o) => !fields.has(o))).toEqual([]);

    const docs = [...promises.matchAll(/docs\/[a-z-]+\.md/g)].map((m) => m[0]);
    expect(docs.length).toBeGreaterThan(3);
    expect(docs.filter((d) => !existsSync(join(root, d)))).toEqual([]);

    // Addresses: `/wall#token=…` is the dashboard's (the server answers it with the dashboard, so its route table
    // must have it); `GET /exports/items.csv|.xlsx` the server's own (answered without the dashboard: here 401);
    // `/open311/v2/` the public Open311 root, whose service list anyone reads.
    const addresses = named
      .filter((n) => /^(GET )?\//.test(n))
      .flatMap((n) => {
        const path = n.replace(/^GET /, '').replace(/[#?].*$/, '');
        const [base, ...alternatives] = path.split('|');
        return [base!, ...alternatives.map((a) => base!.replace(/\.[a-z]+$/, a))];
      });
    expect(addresses).toEqual(['/open311/v2/', '/wall', '/exports/items.csv', '/exports/items.xlsx']);
    const routes = readFileSync(join(root, 'web/src/app/router/routes.ts'), 'utf8');
    for (const path of addresses) {
      if (path === '/open311/v2/') {
        const services = await fetch(`${inject('baseUrl')}${path}services.json`);
        expect([path, services.status, services.headers.get('content-type')?.split(';')[0]]).toEqual([path, 200, 'application/json']);
        expect(((await services.json()) as unknown[]).length).toBeGreaterThan(0);
        continue;
      }
      const res = await fetch(`${inject('baseUrl')}${path}`);
      if (res.headers.get('content-type')?.startsWith('text/html')) expect(routes, path).toContain(`path: '${path}'`);
      else expect([path, res.status]).toEqual([path, 401]);
    }
  });
});
