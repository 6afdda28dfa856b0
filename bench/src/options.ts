import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Baseline = 'apollo' | 'sql' | 'postgraphile';

/** A mistake on the command line: its message and the usage, no stack. */
export class UsageError extends Error {}

export type Options = {
  items: number;
  municipalities: number;
  duration: number;
  warmup: number;
  connections: number[];
  only: string[] | null;
  baselines: Baseline[];
  profile: boolean;
  keep: boolean;
  data: string | null;
  server: string;
  doc: string | null;
  label: string | null;
  sharedBuffers: string;
  verbose: boolean;
};

/** The repository this bench belongs to (bench/src → ../..). */
export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export const USAGE = `pnpm bench:read [options]    (docs/performance.md)

  --items N            items to generate (default 200000; 1000000 and 5000000 are the documented larger sizes)
  --municipalities N   spread the items over N copies of the demo municipality (default 30 from 5,000,000 items, else 1)
  --duration S         seconds measured per run (default 10), after --warmup S seconds not counted (default 2)
  --connections LIST   concurrent connections, e.g. 10,50 (default)
  --only LIST          scenarios or groups: inbox, card, sla, me, inbox-25, inbox-100, department-25, sector-25, …
  --baselines LIST     apollo,sql,postgraphile (default all)
  --profile            CPU profile of the server over the inbox (25 rows, 10 connections; with --only, its first scenario) instead of the benchmark
  --data DIR           keep the database in DIR and reuse it when it already holds this size (implies --keep)
  --keep               keep the data directory (a temporary one unless --data) after the run
  --server PATH        the built server (default server/dist/main.js of this checkout)
  --doc PATH           where to write the results (default docs/performance.md; --no-doc: nowhere)
  --label TEXT         what was measured, for the heading (e.g. "before the read-path changes, 155e27e")
  --shared-buffers S   PostgreSQL's shared_buffers (default 512MB)
  --verbose            the server's log on stderr`;

function list(v: string): string[] {
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function positive(name: string, v: string | undefined, integer = true): number {
  const n = Number(v);
  if (!v || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`${name} wants a positive ${integer ? 'whole ' : ''}number, not ${v ?? 'nothing'}`);
  return n;
}

export function parseOptions(argv: string[]): Options {
  const o: Options = {
    items: 200_000,
    municipalities: 0,
    duration: 10,
    warmup: 2,
    connections: [10, 50],
    only: null,
    baselines: ['apollo', 'sql', 'postgraphile'],
    profile: false,
    keep: false,
    data: null,
    server: resolve(REPO, 'server/dist/main.js'),
    doc: resolve(REPO, 'docs/performance.md'),
    label: null,
    sharedBuffers: '512MB',
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--items':
        o.items = positive('--items', value());
        break;
      case '--municipalities':
        o.municipalities = positive('--municipalities', value());
        break;
      case '--duration':
        o.duration = positive('--duration', value(), false);
        break;
      case '--warmup': {
        const v = value();
        o.warmup = v === '0' ? 0 : positive('--warmup', v, false);
        break;
      }
      case '--connections':
        o.connections = list(value() ?? '').map((c) => positive('--connections', c));
        break;
      case '--only':
        o.only = list(value() ?? '');
        break;
      case '--baselines': {
        const b = list(value() ?? '');
        const bad = b.filter((x) => !['apollo', 'sql', 'postgraphile', 'none'].includes(x));
        if (bad.length) throw new UsageError(`--baselines: unknown ${bad.join(', ')}`);
        o.baselines = b.filter((x): x is Baseline => x !== 'none');
        break;
      }
      case '--profile':
        o.profile = true;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--data':
        o.data = resolve(value() ?? '');
        o.keep = true;
        break;
      case '--server':
        o.server = resolve(value() ?? '');
        break;
      case '--doc':
        o.doc = resolve(value() ?? '');
        break;
      case '--no-doc':
        o.doc = null;
        break;
      case '--label':
        o.label = value() ?? null;
        break;
      case '--shared-buffers':
        o.sharedBuffers = value() ?? o.sharedBuffers;
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown option ${a}\n\n${USAGE}`);
    }
  }
  if (!o.connections.length) throw new UsageError('--connections: at least one');
  o.municipalities ||= o.items >= 5_000_000 ? 30 : 1;
  return o;
}
