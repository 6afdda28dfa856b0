/**
 * Summarises a V8 profile written by the live benchmark (`LIVE_CPU_PROF=<dir>` or `LIVE_HEAP_PROF=<dir> pnpm
 * --filter @otklik/server bench:live`): `node --import @swc-node/register/esm-register bench/live-profile.ts
 * <file.cpuprofile|file.heapprofile> [top]`. Prints where the time (or the allocated memory) went: by area
 * (graphql-js execution, type-graphql, MikroORM, ws/graphql-ws, Otklik's own code, gc, idle), the functions with
 * the most self time (allocation), and the inclusive figures of the functions that matter for delivery (a function
 * counted once per sample however deep its recursion). WATCH=fn1,fn2 picks the inclusive rows.
 */
import { readFile } from 'node:fs/promises';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
type HeapNode = { id: number; callFrame: Node['callFrame']; children: HeapNode[] };
type HeapProfile = { head: HeapNode; samples: { size: number; nodeId: number }[] };

const file = process.argv[2];
if (!file) throw new Error('usage: live-profile.ts <file.cpuprofile|file.heapprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const raw = JSON.parse(await readFile(file, 'utf8')) as Profile | HeapProfile;
const heap = 'head' in raw;
/** A heap profile as a CPU profile: nodes with children ids, one sample per allocation sample, its size as the weight. */
function flatten(h: HeapProfile): Profile {
  const nodes: Node[] = [];
  const walk = (n: HeapNode) => {
    nodes.push({ id: n.id, callFrame: n.callFrame, children: n.children.map((c) => c.id) });
    n.children.forEach(walk);
  };
  walk(h.head);
  // timeDeltas[i + 1] is the weight of sample i below.
  return { nodes, samples: h.samples.map((x) => x.nodeId), timeDeltas: [0, ...h.samples.map((x) => x.size * 1000)], startTime: 0, endTime: 0 };
}
const profile = heap ? flatten(raw as HeapProfile) : (raw as Profile);
const unit = heap ? 'KB' : 'ms';
const scale = heap ? 1 / 1024 : 1;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/server\//, '');
const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
function area(n: Node): string {
  const { url, functionName } = n.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  if (url.startsWith('node:')) return 'node internals';
  const m = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.includes('/server/src/')) return `otklik ${url.replace(/.*\/server\/src\//, '').replace(/\/[^/]+$/, '')}`;
  return short(url);
}

const self = new Map<string, number>();
const areas = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const node = byId.get(profile.samples[i]!)!;
  total += dt;
  self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + dt);
  areas.set(area(node), (areas.get(area(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const k = keyOf(byId.get(id)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
}
const busy = total - (areas.get('(idle)') ?? 0);
const row = (k: string, v: number) => `| ${k} | ${(v * scale).toFixed(0)} | ${((100 * v) / busy).toFixed(1)}% |`;
console.log(
  heap
    ? `${file}: ${(total / 2 ** 20).toFixed(0)} MB allocated (sampled), collected or not\n`
    : `${file}: ${(total / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (not idle)\n`,
);
const what = heap ? 'allocated' : 'time';
console.log(`| area (self ${what}) | ${unit} | of ${heap ? 'all' : 'busy'} |\n|---|---|---|`);
for (const [k, v] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) if (k !== '(idle)') console.log(row(k, v));
console.log(`\n| function (self ${what}) | ${unit} | of ${heap ? 'all' : 'busy'} |\n|---|---|---|`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) if (!k.startsWith('(idle)')) console.log(row(k, v));
const watch = process.env.WATCH?.split(',') ?? [
  'executeField',
  'completeValue',
  'resolveField',
  'applicantFor',
  'logPersonalDataAccess',
  'insertMany',
  'fork',
  'freshUnitOfWork',
  'itemEvents',
  'item',
  'deadlineState',
  'category',
  'settlement',
  'load',
  'applyMiddlewares',
  'authChecker',
  'requirePermission',
  'stringify',
  'send',
  'sendFrame',
  'onNext',
  'formatError',
  'drain',
  'publish',
  'mapAsyncIterator',
  'createSourceEventStream',
  'execute',
];
console.log(`\n| function (inclusive) | ${unit} | of ${heap ? 'all' : 'busy'} |\n|---|---|---|`);
const picked = [...inclusive].filter(([k]) => watch.includes(k.split(' ')[0]!)).sort((a, b) => b[1] - a[1]);
for (const [k, v] of picked.slice(0, top * 2)) if (v > busy * 0.005) console.log(row(k, v));
