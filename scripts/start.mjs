// The first half of `pnpm start` (scripts/start.sh): build the server and the dashboard only when their sources
// changed since their last build, quietly, then leave the rest to the server. Each build leaves a stamp in its
// output (`.build-stamp.json`): the SHA-256 of every input file, path and content. Equal stamp: nothing to do.
// A build made without a stamp (`pnpm build`, CI) is taken as it is when it is newer than every input file.
//
//   node scripts/start.mjs           build what is out of date (both at once), print only what it builds
//   node scripts/start.mjs --check   say what is out of date and why; exit 1 if anything is
//   node scripts/start.mjs --force   build both
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAMP = '.build-stamp.json';

/**
 * What each part is built from, what it produces and how. `inputs` are files or folders relative to the
 * repository root (folders recursively, without node_modules and dist); the build commands are the packages' own,
 * the ones `pnpm build` runs, one after the other.
 */
export const targets = [
  {
    name: 'server',
    inputs: ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json', 'tsconfig.json', 'pnpm-lock.yaml'],
    // Tests are not part of the build (server/tsconfig.build.json).
    ignore: /\.(test|spec)\.ts$/,
    outDir: 'server/dist',
    product: 'server/dist/main.js',
    build: [['pnpm', '--filter', '@otklik/server', 'build']],
  },
  {
    name: 'dashboard',
    inputs: ['web/src', 'web/public', 'web/index.html', 'web/package.json', 'web/tsconfig.json', 'web/vite.config.ts', 'schema', 'codegen.ts', 'tsconfig.json', 'pnpm-lock.yaml'],
    // web/src/gql is made from the documents and the schema by the build's first step (codegen); specs are not bundled.
    ignore: /(^web\/src\/gql\/)|(\.spec\.ts$)/,
    outDir: 'web/dist',
    product: 'web/dist/index.html',
    build: [['pnpm', 'codegen'], ['pnpm', '--filter', '@otklik/web', 'build']],
  },
];

/** Every input file of a target under `root`, as sorted paths relative to it (with `/`). */
export function inputFiles(root, target) {
  const files = [];
  const visit = (path) => {
    const abs = join(root, path);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const entry of readdirSync(abs)) {
        if (entry === 'node_modules' || entry === 'dist') continue;
        visit(path ? `${path}/${entry}` : entry);
      }
    } else if (!target.ignore?.test(path)) {
      files.push(path);
    }
  };
  for (const input of target.inputs) visit(input.split(sep).join('/'));
  return [...new Set(files)].sort();
}

/** The hash of a target's inputs (paths and contents), and the newest modification time among them. */
export function hashInputs(root, target) {
  const hash = createHash('sha256');
  let newestMs = 0;
  for (const path of inputFiles(root, target)) {
    const abs = join(root, path);
    newestMs = Math.max(newestMs, statSync(abs).mtimeMs);
    hash.update(path).update('\0').update(readFileSync(abs)).update('\0');
  }
  return { hash: hash.digest('hex'), newestMs };
}

/** A target's stamp and when it was written; null without one. */
function readStamp(root, target) {
  const file = join(root, target.outDir, STAMP);
  try {
    return { ...JSON.parse(readFileSync(file, 'utf8')), writtenMs: statSync(file).mtimeMs };
  } catch {
    return null;
  }
}

export function writeStamp(root, target, hash) {
  const file = join(root, target.outDir, STAMP);
  writeFileSync(`${file}.tmp`, JSON.stringify({ inputs: hash, builtAt: new Date().toISOString() }) + '\n');
  renameSync(`${file}.tmp`, file);
}

/**
 * Whether a target's build is up to date, and why (or why not): `stamp` (its stamp names these very inputs),
 * `built-after` (built since its stamp, or without one, e.g. by `pnpm build`, and newer than every input; buildOutOfDate
 * stamps it then), `no-build` (no product), `changed`. `hash` is that of the inputs now.
 */
export function targetStatus(root, target) {
  const { hash, newestMs } = hashInputs(root, target);
  const product = join(root, target.product);
  if (!existsSync(product)) return { upToDate: false, reason: 'no-build', hash };
  const stamp = readStamp(root, target);
  if (stamp?.inputs === hash) return { upToDate: true, reason: 'stamp', hash };
  const builtMs = statSync(product).mtimeMs;
  if (builtMs > newestMs && (!stamp || builtMs > stamp.writtenMs)) return { upToDate: true, reason: 'built-after', hash };
  return { upToDate: false, reason: 'changed', hash };
}

/** Runs one command with its output held back; resolves with its exit code and everything it printed. */
function run(root, [command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.once('error', (e) => resolve({ code: 127, output: `${output}${command}: ${e.message}\n` }));
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

const WHY = { 'no-build': 'not built yet', changed: 'its sources changed since the last build', forced: 'asked to' };

/**
 * Builds the targets that are out of date, at the same time, each with its output held back (shown only if it
 * fails), and stamps each build with the hash its inputs had when it began. Returns what it built; throws with the
 * failing build's output.
 */
export async function buildOutOfDate(root, { force = false, parts = targets, log = (line) => console.log(line) } = {}) {
  const stale = [];
  for (const target of parts) {
    const status = targetStatus(root, target);
    if (status.upToDate && status.reason === 'built-after') writeStamp(root, target, status.hash);
    if (force || !status.upToDate) stale.push({ target, hash: status.hash, why: force ? 'forced' : status.reason });
  }
  if (!stale.length) return [];
  const started = Date.now();
  for (const { target, why } of stale) log(`Building the ${target.name}: ${WHY[why]}…`);
  const failures = [];
  await Promise.all(
    stale.map(async ({ target, hash }) => {
      for (const command of target.build) {
        const { code, output } = await run(root, command);
        if (code !== 0) {
          failures.push(`The ${target.name} did not build (${command.join(' ')} exited with ${code}):\n${output}`);
          return;
        }
      }
      writeStamp(root, target, hash);
    }),
  );
  if (failures.length) throw new Error(failures.join('\n'));
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return stale.map(({ target }) => target.name);
}

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const args = new Set(process.argv.slice(2));
  if (args.has('--check')) {
    let stale = false;
    for (const target of targets) {
      const { upToDate, reason } = targetStatus(root, target);
      stale ||= !upToDate;
      console.log(`${target.name}: ${upToDate ? 'up to date' : `out of date (${WHY[reason]})`}`);
    }
    process.exit(stale ? 1 : 0);
  }
  try {
    await buildOutOfDate(root, { force: args.has('--force') });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') await main();
