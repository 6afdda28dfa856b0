import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A V8 CPU profile (`node --cpu-prof`) summed by where the time was spent: self time by package (the last
 * `node_modules/<name>` of a frame's file, "server" for the product's own code, "node:" for Node's internals, V8's
 * pseudo-frames as they are) and the functions with the most self time.
 */
type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  /** ms of wall time the profile covers, and of it ms idle */
  wallMs: number;
  idleMs: number;
  /** ms busy: everything but (idle) */
  busyMs: number;
  /** ms in JavaScript and native code: busy minus (garbage collector) and (program) */
  codeMs: number;
  packages: { name: string; ms: number; ofBusy: number; ofCode: number | null }[];
  functions: { name: string; where: string; pkg: string; ms: number; ofBusy: number }[];
};

const PSEUDO = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

function packageOf(frame: CallFrame, serverRoot: string): string {
  if (PSEUDO.has(frame.functionName) && !frame.url) return frame.functionName;
  const url = frame.url;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node:';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const i = path.lastIndexOf('/node_modules/');
  if (i >= 0) {
    const [first, second] = path.slice(i + '/node_modules/'.length).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  if (path.startsWith(serverRoot)) return 'server';
  return '(other)';
}

function whereOf(frame: CallFrame, serverRoot: string): string {
  if (!frame.url) return '';
  const path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const i = path.lastIndexOf('/node_modules/');
  const short = i >= 0 ? path.slice(i + '/node_modules/'.length) : path.startsWith(serverRoot) ? `server/${path.slice(serverRoot.length + 1)}` : path;
  return `${short}:${frame.lineNumber + 1}`;
}

/**
 * `serverRoot`: the server package's directory (its dist/ holds the product's own code). `window`: only the samples
 * taken between these instants (µs of the monotonic clock, which V8's profile timestamps and process.hrtime share on
 * Linux), so that the server's start and stop are left out. Returns null when the window holds no sample.
 */
export function summariseProfile(file: string, serverRoot: string, window?: { fromUs: number; toUs: number }): ProfileSummary | null {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the time between sample i-1 and sample i: it is spent in sample i's frame (as DevTools counts).
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  if (!self.size) return null;
  const pkgMs = new Map<string, number>();
  const fnMs = new Map<string, { name: string; where: string; pkg: string; ms: number }>();
  let totalUs = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const pkg = packageOf(frame, serverRoot);
    totalUs += us;
    pkgMs.set(pkg, (pkgMs.get(pkg) ?? 0) + us / 1000);
    if (PSEUDO.has(pkg)) continue;
    const where = whereOf(frame, serverRoot);
    const key = `${frame.functionName}@${where}:${frame.columnNumber}`;
    const f = fnMs.get(key) ?? { name: frame.functionName || '(anonymous)', where, pkg, ms: 0 };
    f.ms += us / 1000;
    fnMs.set(key, f);
  }
  const wallMs = totalUs / 1000;
  const idleMs = pkgMs.get('(idle)') ?? 0;
  const busyMs = wallMs - idleMs - (pkgMs.get('(root)') ?? 0);
  const codeMs = busyMs - (pkgMs.get('(garbage collector)') ?? 0) - (pkgMs.get('(program)') ?? 0);
  const packages = [...pkgMs.entries()]
    .filter(([name]) => name !== '(idle)' && name !== '(root)')
    .map(([name, ms]) => ({ name, ms, ofBusy: ms / busyMs, ofCode: PSEUDO.has(name) ? null : ms / codeMs }))
    .sort((a, b) => b.ms - a.ms);
  const functions = [...fnMs.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 20)
    .map((f) => ({ ...f, ofBusy: f.ms / busyMs }));
  return { wallMs, idleMs, busyMs, codeMs, packages, functions };
}
