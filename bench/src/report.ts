import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { GenerationResult } from './data/generate.js';
import { failures, type LoadResult } from './load.js';
import type { Baseline } from './options.js';
import type { ProfileSummary } from './profile.js';
import type { Scenario, ScenarioKey } from './scenarios.js';
import { isBackground, shape, type Plan, type Statement } from './statements.js';
import { fmtInt, fmtMs } from './util.js';

export type Target = 'product' | Baseline;
export type Run = { target: Target; connections: number; result: LoadResult; statementsPerRequest?: number };
export type PlanReport = { statements: Statement[]; answered: number; plans: Plan[] };
export type ScenarioResult = {
  scenario: Scenario;
  runs: Run[];
  answerBytes: number;
  /** Statements per request over requests sent one at a time (exact: nothing in flight at either end) */
  sequential?: { requests: number; perRequest: number };
  plans?: PlanReport;
};

export type Machine = { cpu: string; cores: number; ramGiB: number; node: string; postgres: string; date: string; load: number[] };
export type DataInfo = { items: number; municipalities: number; generation: GenerationResult; reused: boolean; open: number; rows: Record<string, number> };
export type RunInfo = {
  machine: Machine;
  data: DataInfo;
  server: { path: string; commit: string };
  label: string | null;
  duration: number;
  warmup: number;
  connections: number[];
  loadAfter: number[];
};

export const BASELINE_NAMES: Record<Baseline, string> = { apollo: 'bare Apollo', sql: 'hand-written SQL', postgraphile: 'PostGraphile 4' };

export function machine(postgres: string): Machine {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: loadavg(),
  };
}

const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
const cell = (r: LoadResult | undefined) => (r ? `${fmtInt(r.rps)} / ${fmtMs(r.p50)} / ${fmtMs(r.p95)}` : '–');
const ratio = (product: LoadResult | undefined, base: LoadResult | undefined) => (product && base && base.rps > 0 ? (product.rps / base.rps).toFixed(2) : '–');

function flag(r: LoadResult | undefined): string {
  if (!r) return '';
  const bad = failures(r);
  if (!bad) return '';
  const parts = [r.errors && `${r.errors} errors${r.timeouts ? ` (${r.timeouts} time-outs)` : ''}`, r.non2xx && `${r.non2xx} non-2xx`, r.graphqlErrors && `${r.graphqlErrors} GraphQL errors`].filter(Boolean);
  return `⚠ ${parts.join(', ')}`;
}

function find(s: ScenarioResult, target: Target, connections: number): Run | undefined {
  return s.runs.find((r) => r.target === target && r.connections === connections);
}

/** The main table: one row per scenario and number of connections, the product beside each baseline. */
function mainTable(results: ScenarioResult[], baselines: Baseline[], connections: number[]): string {
  const head = ['scenario', 'conn', 'product rps / p50 / p95 (ms)', 'p99', ...baselines.flatMap((b) => [`${BASELINE_NAMES[b]} rps / p50 / p95`, 'ratio']), 'errors'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const s of results) {
    for (const c of connections) {
      const p = find(s, 'product', c)?.result;
      const flags: string[] = [];
      if (flag(p)) flags.push(`product ${flag(p)}`);
      const cells = baselines.flatMap((b) => {
        const r = find(s, b, c)?.result;
        if (flag(r)) flags.push(`${BASELINE_NAMES[b]} ${flag(r)}`);
        return [cell(r), ratio(p, r)];
      });
      const name = flags.length ? `⚠ ${s.scenario.title}` : s.scenario.title;
      lines.push(`| ${[name, String(c), cell(p), fmtMs(p?.p99), ...cells, flags.length ? flags.join('; ') : 'none'].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

function statementsTable(results: ScenarioResult[], connections: number[]): string {
  const lines = [
    `| scenario | one at a time | ${connections.map((c) => `under load, ${c} conn`).join(' | ')} | answer bytes |`,
    `|---|---:|${connections.map(() => '---:').join('|')}|---:|`,
  ];
  for (const s of results) {
    const cells = connections.map((c) => {
      const v = find(s, 'product', c)?.statementsPerRequest;
      return v === undefined || Number.isNaN(v) ? '–' : v.toFixed(2);
    });
    lines.push(`| ${s.scenario.title} | ${s.sequential ? s.sequential.perRequest.toFixed(2) : '–'} | ${cells.join(' | ')} | ${fmtInt(s.answerBytes)} |`);
  }
  return lines.join('\n');
}

type Goal = { goal: string; target: string; measured: string; met: boolean | null };

/** The issue's goals that this size can answer, checked against what was measured. */
function goals(results: ScenarioResult[], items: number, connections: number[]): Goal[] {
  const by = (key: ScenarioKey) => results.find((r) => r.scenario.key === key);
  const out: Goal[] = [];
  const ratioGoal = (keys: ScenarioKey[], min: number) => {
    for (const key of keys) {
      const s = by(key);
      if (!s) continue;
      const ratios = connections.map((c) => {
        const p = find(s, 'product', c)?.result;
        const a = find(s, 'apollo', c)?.result;
        return p && a && !failures(p) && !failures(a) ? p.rps / a.rps : NaN;
      });
      if (ratios.every(Number.isNaN)) continue;
      out.push({
        goal: `${s.scenario.title}: product / bare Apollo`,
        target: `≥ ${min} at ${connections.join(' and ')}`,
        measured: ratios.map((r, i) => `${Number.isNaN(r) ? '–' : r.toFixed(2)} at ${connections[i]}`).join(', '),
        met: ratios.every((r) => r >= min),
      });
    }
  };
  ratioGoal(['inbox-25', 'inbox-100', 'card'], 0.5);
  ratioGoal(['sla-preview', 'me'], 0.8);
  if (items === 1_000_000 && connections.includes(10)) {
    for (const [key, limit] of [['inbox-25', 50], ['card', 30]] as const) {
      const s = by(key);
      const p = s && find(s, 'product', 10)?.result;
      const q = s && find(s, 'sql', 10)?.result;
      if (!p) continue;
      out.push({ goal: `${s.scenario.title}: p95 at 10 connections`, target: `≤ ${limit} ms`, measured: `${fmtMs(p.p95)} ms`, met: !failures(p) && p.p95 <= limit });
      if (q) out.push({ goal: `${s.scenario.title}: p95 against hand-written SQL at 10`, target: '≤ 1.5×', measured: `${(p.p95 / q.p95).toFixed(2)}× (${fmtMs(p.p95)} / ${fmtMs(q.p95)} ms)`, met: !failures(p) && p.p95 <= 1.5 * q.p95 });
    }
  }
  if (items === 2_500 || items === 200_000) {
    for (const s of results.filter((r) => r.scenario.groups.includes('inbox'))) {
      const pairs = connections.map((c) => [find(s, 'product', c)?.result, find(s, 'postgraphile', c)?.result] as const).filter(([p, g]) => p && g);
      if (!pairs.length) continue;
      out.push({
        goal: `${s.scenario.title}: faster than PostGraphile`,
        target: 'product rps > PostGraphile rps',
        measured: pairs.map(([p, g], i) => `${(p!.rps / g!.rps).toFixed(2)}× at ${connections[i]}`).join(', '),
        met: pairs.every(([p, g]) => !failures(p!) && p!.rps > g!.rps),
      });
    }
  }
  for (const [keys, limit] of [[['inbox-25', 'inbox-100', 'department-25', 'sector-25'], 3], [['card'], 5]] as const) {
    for (const key of keys) {
      const s = by(key);
      if (!s?.sequential) continue;
      const v = s.sequential.perRequest;
      out.push({ goal: `${s.scenario.title}: SQL statements per request`, target: `≤ ${limit}`, measured: v.toFixed(2), met: v <= limit });
    }
  }
  return out;
}

function goalsTable(list: Goal[]): string {
  if (!list.length) return '';
  return ['| goal | target | measured | met |', '|---|---|---|---|', ...list.map((g) => `| ${g.goal} | ${g.target} | ${g.measured} | ${g.met === null ? '–' : g.met ? 'yes' : '**no**'} |`)].join('\n');
}

function plansBlock(results: ScenarioResult[]): string {
  const blocks: string[] = [];
  for (const s of results) {
    if (!s.plans) continue;
    const { statements, answered, plans } = s.plans;
    const top = statements.filter((x) => !isBackground(x.query)).slice(0, 6);
    const parts = [
      `<details><summary>${s.scenario.title}: the statements the server ran (pg_stat_statements, ${answered} requests one at a time) and their plans</summary>`,
      '',
      '| calls / request | mean ms | rows / call | statement |',
      '|---:|---:|---:|---|',
      ...top.map((x) => `| ${(x.calls / answered).toFixed(2)} | ${x.meanMs.toFixed(3)} | ${(x.rows / Math.max(1, x.calls)).toFixed(1)} | \`${x.query.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300)}${x.query.length > 300 ? '…' : ''}\` |`),
      '',
      'EXPLAIN (ANALYZE, BUFFERS) of each as the server ran it for one request (auto_explain, same document and variables):',
      '',
    ];
    const used = new Set<Plan>();
    for (const x of top) {
      const plan = plans.find((p) => !used.has(p) && shape(p.query) === shape(x.query));
      if (!plan) continue;
      used.add(plan);
      parts.push('```', plan.query.trim(), ...(plan.parameters ? [`-- parameters: ${plan.parameters}`] : []), '', plan.plan, '```', '');
    }
    for (const plan of plans.filter((p) => !used.has(p))) parts.push('```', plan.query.trim(), '', plan.plan, '```', '');
    parts.push('</details>');
    blocks.push(parts.join('\n'));
  }
  return blocks.join('\n\n');
}

export function renderResults(info: RunInfo, results: ScenarioResult[], baselines: Baseline[], notes: string[]): string {
  const m = info.machine;
  const d = info.data;
  const g = d.generation;
  const totalRows = Object.values(d.rows).reduce((a, b) => a + b, 0);
  const generated = `${d.reused ? 'reused from --data, generated earlier' : 'generated'} in ${g.totalSeconds.toFixed(0)} s (${fmtInt(totalRows)} rows: COPY ${g.copySeconds.toFixed(0)} s at ${fmtInt(totalRows / g.copySeconds)} rows/s, indexes ${g.indexSeconds.toFixed(0)} s)`;
  return [
    `${info.label ? `**${info.label}.** ` : ''}${m.date}; ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}; load average ${load(m.load)} before, ${load(info.loadAfter)} after (1 / 5 / 15 min).`,
    `Data: ${fmtInt(d.items)} items in ${d.municipalities} municipalit${d.municipalities === 1 ? 'y' : 'ies'} (${fmtInt(d.open)} open), ${fmtInt(d.rows.item_event ?? 0)} history events, ${fmtInt(d.rows.item_answer ?? 0)} answers, ${fmtInt(d.rows.attachment ?? 0)} attachments; ${generated}.`,
    `Server: \`${info.server.path}\` (${info.server.commit}). Each run: ${info.warmup} s warm-up, then ${info.duration} s measured; rps / p50 / p95 in ms; ratio = product rps / baseline rps.`,
    '',
    mainTable(results, baselines, info.connections),
    '',
    ...notes.map((n) => `${n}\n`),
    "The product's SQL statements per request (pg_stat_statements, the server's role only, its background probes left out): over 20 requests sent one at a time, and over the measured runs (statements / requests sent, counted once the server had finished the requests in flight); and the size of its answer:",
    '',
    statementsTable(results, info.connections),
    '',
    ...(goals(results, d.items, info.connections).length ? ['Goals at this size:', '', goalsTable(goals(results, d.items, info.connections)), ''] : []),
    plansBlock(results),
  ].join('\n');
}

export function renderProfile(summary: ProfileSummary, info: { label: string | null; machine: Machine; items: number; scenario: string; window: string; answered: number; rps: number }): string {
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  return [
    `${info.label ? `**${info.label}.** ` : ''}${info.machine.date}; ${info.machine.cores} × ${info.machine.cpu}; ${fmtInt(info.items)} items; ${info.scenario} at 10 connections: ${fmtInt(info.answered)} answers, ${fmtInt(info.rps)} rps. ${info.window}`,
    `The server's main thread was busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.wallMs / 1000).toFixed(1)} s (${(summary.idleMs / 1000).toFixed(1)} s idle); of the busy time ${((summary.codeMs / summary.busyMs) * 100).toFixed(0)} % ran code, the rest is the garbage collector and (program) (V8 and native work outside JavaScript frames).`,
    '',
    '| self time by package | ms | % of busy | % of code |',
    '|---|---:|---:|---:|',
    ...summary.packages.map((p) => `| ${p.name} | ${fmtInt(p.ms)} | ${pct(p.ofBusy)} | ${pct(p.ofCode)} |`),
    '',
    '| top functions by self time | where | package | ms | % of busy |',
    '|---|---|---|---:|---:|',
    ...summary.functions.map((f) => `| \`${f.name}\` | ${f.where || '–'} | ${f.pkg} | ${fmtInt(f.ms)} | ${pct(f.ofBusy)} |`),
  ].join('\n');
}

/**
 * Puts a section into docs/performance.md between its markers (`<!-- bench:read KEY -->` … `<!-- /bench:read KEY -->`),
 * replacing what a previous run wrote there and keeping the rest of the file; a new section goes at the end of
 * the part headed `heading` (before the next `## ` heading), or at the end of the file.
 */
export function writeSection(doc: string, key: string, title: string, body: string, heading: string): void {
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance of the read path\n';
  const open = `<!-- bench:read ${key} -->`;
  const close = `<!-- /bench:read ${key} -->`;
  const section = `${open}\n${title ? `${title}\n\n` : ''}${body.trim()}\n${close}`;
  let next: string;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a >= 0 && b > a) next = text.slice(0, a) + section + text.slice(b + close.length);
  else {
    const h = text.indexOf(`\n${heading}\n`);
    const after = h >= 0 ? text.indexOf('\n## ', h + heading.length + 2) : -1;
    next = after >= 0 ? `${text.slice(0, after).trimEnd()}\n\n${section}\n${text.slice(after)}` : `${text.trimEnd()}\n\n${h >= 0 ? '' : `${heading}\n\n`}${section}\n`;
  }
  writeFileSync(doc, next);
}
