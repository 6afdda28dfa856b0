import type pg from 'pg';
import { SERVER_ROLE, type Postgres } from './postgres.js';
import { poll } from './util.js';

/**
 * What the product's server asked PostgreSQL during a run: pg_stat_statements, reset before the measured run and
 * read after it, counting only the statements of the server's own role in its database (the bench, the baselines and
 * PostGraphile connect as another role). Utility statements (BEGIN, COMMIT, SET) count: they are round trips too.
 */
export type Statement = { query: string; calls: number; meanMs: number; rows: number };

export async function resetStatements(stats: pg.ClientBase): Promise<void> {
  await stats.query('select pg_stat_statements_reset()');
}

export async function readStatements(stats: pg.ClientBase): Promise<Statement[]> {
  const r = await stats.query<{ query: string; calls: string; mean: number; rows: string }>(
    `select s.query, s.calls, s.mean_exec_time as mean, s.rows
     from pg_stat_statements s
     where s.userid = (select oid from pg_roles where rolname = $1)
       and s.dbid = (select oid from pg_database where datname = 'otklik')
     order by s.calls desc, s.total_exec_time desc`,
    [SERVER_ROLE],
  );
  return r.rows.map((x) => ({ query: x.query, calls: Number(x.calls), meanMs: x.mean, rows: Number(x.rows) }));
}

/**
 * Waits until none of the server's request connections is running a statement, seen three times in a row: the
 * requests a load run left in flight (autocannon stops without waiting for them) have then finished, and their
 * statements are all counted or all not.
 */
export async function quiesce(stats: pg.ClientBase): Promise<void> {
  let quiet = 0;
  await poll(
    'the server to finish its requests',
    async () => {
      const r = await stats.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
         where usename = $1 and application_name = 'otklik-requests' and state not in ('idle')`,
        [SERVER_ROLE],
      );
      quiet = Number(r.rows[0]!.n) === 0 ? quiet + 1 : 0;
      return quiet >= 3 ? true : undefined;
    },
    60_000,
    30,
  );
}

/** Statements the server runs on its own whatever the requests (the readiness probe, the live layer's poll). */
const BACKGROUND = [/^select \$1$/i, /^select 1$/i, /\blive_event\b/i, /pg_notify|^listen\b/i];
export const isBackground = (q: string) => BACKGROUND.some((re) => re.test(q.trim()));

/** Statements per answered request, leaving out the server's background statements. */
export function perRequest(statements: Statement[], answered: number): number {
  const calls = statements.filter((s) => !isBackground(s.query)).reduce((sum, s) => sum + s.calls, 0);
  return answered ? calls / answered : NaN;
}

export type Plan = { query: string; parameters: string | null; plan: string };

/** Text for matching a logged statement to pg_stat_statements' normalised one: parameters and constants as `?`. */
export function shape(query: string): string {
  return (
    query
      .replace(/\$\d+/g, '?')
      .replace(/'(?:[^']|'')*'/g, '?')
      .replace(/\b\d+(\.\d+)?\b/g, '?')
      // PostgreSQL 18 folds a list of constants into its first: `in ($2 /*, ... */)`.
      .replace(/\/\*, \.\.\. \*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\?(\s*,\s*\?)+/g, '?')
      .replace(/\(\s*\?\s*\)/g, '(?)')
      .trim()
      .toLowerCase()
  );
}

/** auto_explain's entries in PostgreSQL's log (log_line_prefix '%m [%p] %u@%d '), for one role. */
function parsePlans(log: string, role: string): Plan[] {
  const entries = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const plans: Plan[] = [];
  for (const entry of entries) {
    const [head, ...rest] = entry.split('\n');
    if (!head || !head.includes(` ${role}@`) || !/duration: [\d.]+ ms\s+plan:/.test(head)) continue;
    const lines = rest.map((l) => l.replace(/^\t/, '')).filter((l) => l.trim() !== '');
    const textAt = lines.findIndex((l) => l.startsWith('Query Text: '));
    const paramsAt = lines.findIndex((l) => l.startsWith('Query Parameters: '));
    const planAt = lines.findIndex((l, i) => i > textAt && i !== paramsAt && /\((cost|actual)[ =]/.test(l));
    if (textAt < 0 || planAt < 0) continue;
    const textEnd = paramsAt > textAt ? paramsAt : planAt;
    plans.push({
      query: [lines[textAt]!.slice('Query Text: '.length), ...lines.slice(textAt + 1, textEnd)].join('\n'),
      parameters: paramsAt >= 0 ? lines.slice(paramsAt, planAt).join(' ').slice('Query Parameters: '.length) : null,
      plan: lines.slice(planAt).join('\n'),
    });
  }
  return plans;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of what the server runs for one request, as it runs it (its own statements, its own
 * parameters): auto_explain, loaded at start and switched on here for the time of `send` (ALTER SYSTEM, reload),
 * logs the plan of every statement the server's role executes. A reload reaches the server's connections when they
 * next run a statement, so the request is sent again until the plans show up.
 */
export async function explainRequest(pgInfo: Postgres, admin: pg.ClientBase, send: () => Promise<void>): Promise<Plan[]> {
  await admin.query('alter system set auto_explain.log_min_duration = 0');
  await admin.query('select pg_reload_conf()');
  let attempt = 0;
  try {
    return await poll(
      'plans from auto_explain',
      async () => {
        const marker = `bench_marker_${process.pid}_${++attempt}`;
        const { value: complete, log } = await pgInfo.captureLog(async (soFar) => {
          await send();
          // Logged after the request's statements (the log is one pipe): once it is read, so are they.
          await admin.query(`select 1 as ${marker}`);
          return poll('the log', async () => (soFar().includes(marker) ? true : undefined), 2_000, 10).catch(() => false);
        });
        const plans = parsePlans(log, SERVER_ROLE).filter((p) => !isBackground(p.query));
        return complete && plans.length ? plans : undefined;
      },
      15_000,
      50,
    );
  } finally {
    await admin.query('alter system reset auto_explain.log_min_duration');
    await admin.query('select pg_reload_conf()');
  }
}
