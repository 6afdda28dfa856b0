/**
 * How fast KPIs answer over a large table: `pnpm --filter @otklik/server bench:kpi [items]` (default 1 000 000).
 * A throw-away embedded PostgreSQL, the migrations, the demo district, then `items` items over three years inserted
 * with plain SQL (answered, late, extended, reworked, reopened, redirected, rated, repeating applicants), the daily
 * and monthly rollups built, and each KPI set timed through the real HTTP server (p50/p95), side by side with the same figures
 * computed in the same run by the naive SQL aggregates over the raw items table. Results: docs/benchmarks.md.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm, systemEm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/index.js';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';
import { overdueOpen, rawParts } from '../src/modules/kpi/kpi.sql.js';
import { refreshDays, refreshMonths } from '../src/modules/kpi/kpi-rollup.js';
import { KpiDimension, type ResolvedScope } from '../src/modules/kpi/kpi.types.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 30);
const dataDir = await mkdtemp(join(tmpdir(), 'otklik-bench-kpi-'));
const pg = await startEmbeddedPostgres(dataDir, 57500 + Math.floor(Math.random() * 400));
const orm = await openOrm(pg.url);
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

function stats(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

try {
  await migrate(orm);
  await seedDemoIfEmpty(orm, { password: 'bench-password', items: 0 });
  const conn = orm.em.fork().getConnection();
  // Items arrive over three years up to 01.12.2026; those older than two months are resolved, of the newer 70%
  // (answers take 0–36 days against a 30-day deadline, so about a fifth are late), some extended,
  // reworked, reopened, redirected; applicants come from a pool of 60 000 phones, so some repeat.
  let t0 = performance.now();
  await conn.execute(`alter table item disable trigger kpi_item_inserted_or_deleted`);
  await conn.execute(`alter table item_event disable trigger kpi_rating_added`);
  await conn.execute(`
    insert into item (id, created_at, updated_at, municipality_id, number, kind, channel, source, identified, text,
      category_id, sector_id, department_id, settlement_id, urgent, status, received_at, registered_at,
      answer_due_at, first_reaction_due_at, first_reaction_at, first_reaction_working_hours, answered_at, answer_working_days,
      closed_at, outcome, extended_at, rework_count, reopen_count, applicant_phone, version)
    select gen_random_uuid(), now(), now(), m.id, 'K-' || g, k.kind, (array['PHONE','POS','EMAIL','LETTER','SOCIAL_VK'])[1 + g % 5]::item_channel,
      'bench', true, 'Обращение ' || g,
      c.ids[1 + g % array_length(c.ids, 1)], c.sectors[1 + g % array_length(c.ids, 1)],
      d.ids[1 + (g / 7) % array_length(d.ids, 1)], s.ids[1 + (g / 3) % array_length(s.ids, 1)], g % 17 = 0,
      (case when o.resolved then (case when g % 100 = 7 then 'REDIRECTED' else 'CLOSED' end) else 'IN_PROGRESS' end)::item_status,
      r.at, r.at,
      case when k.kind <> 'INCIDENT' then r.at + interval '30 days' end,
      case when k.kind = 'INCIDENT' then r.at + interval '1 day' end,
      case when k.kind = 'INCIDENT' and o.resolved then r.at + ((g % 30) * interval '1 hour') end,
      case when k.kind = 'INCIDENT' and o.resolved then (g % 30) * 0.33 end,
      case when o.resolved and g % 100 <> 7 then r.at + ((g % 37) * interval '1 day') end,
      case when k.kind = 'MESSAGE' and o.resolved and g % 100 <> 7 then (g % 37) * 0.7 end,
      case when o.resolved then r.at + ((g % 37) * interval '1 day') + interval '10 days' end,
      case when g % 100 = 7 then 'REDIRECTED' when o.resolved then 'SUPPORTED' end::item_outcome,
      case when g % 23 = 0 then r.at + interval '20 days' end,
      (g % 11 = 0)::int, (g % 19 = 0)::int,
      '+7 900 ' || lpad((g % 60000)::text, 7, '0'), 1
    from generate_series(1, ${rows}) g
    cross join (select id from municipality limit 1) m
    cross join (select array_agg(id order by code) ids, array_agg(sector_id order by code) sectors from category) c
    cross join (select array_agg(id order by code) ids from department) d
    cross join (select array_agg(id order by code) ids from settlement) s
    cross join lateral (select (array['APPEAL','MESSAGE','INCIDENT'])[1 + g % 3]::item_kind as kind) k
    cross join lateral (select timestamptz '2026-12-01 00:00+03' - ((g::float8 / ${rows}) * 1095 * interval '1 day') as at) r
    cross join lateral (select (g % 10 < 7 or r.at < timestamptz '2026-10-01 00:00+03') as resolved) o`);
  // Ratings of 40% of the answered: RATE events, satisfied two times in three.
  await conn.execute(`
    insert into item_event (id, created_at, updated_at, municipality_id, item_id, at, actor_label, type, from_status, to_status, details)
    select gen_random_uuid(), now(), now(), i.municipality_id, i.id, i.answered_at + interval '2 days', 'bench', 'RATE',
      'ANSWERED', 'CLOSED', jsonb_build_object('satisfied', (hashtext(i.id::text) % 3) <> 0)
    from item i where i.answered_at is not null and hashtext(i.id::text) % 5 in (0, 1)`);
  await conn.execute(`alter table item enable trigger kpi_item_inserted_or_deleted`);
  await conn.execute(`alter table item_event enable trigger kpi_rating_added`);
  await conn.execute('analyze item');
  await conn.execute('analyze item_event');
  console.log(`inserted ${rows.toLocaleString('en')} items and their ratings in ${seconds(t0)} s`);

  // Every day is stale until the rollups are built (as after the migration on an existing installation).
  t0 = performance.now();
  await conn.execute(`insert into kpi_dirty (municipality_id, day)
    select distinct i.municipality_id, (t.ts at time zone m.timezone)::date
    from item i join municipality m on m.id = i.municipality_id
    cross join lateral (values (i.received_at), (i.answered_at), (i.first_reaction_at), (i.closed_at)) as t(ts)
    where t.ts is not null on conflict do nothing`);
  let days = 0;
  if (process.env.KPI_EXPLAIN === '1') {
    await refreshDays(systemEm(orm), { limit: 30 });
    process.env.KPI_EXPLAIN = '0';
  }
  for (let n = -1; n !== 0; days += n) {
    const s = performance.now();
    n = await refreshDays(systemEm(orm), { limit: 31 });
    if (process.env.VERBOSE) console.log(`  ${n} days in ${(performance.now() - s).toFixed(0)} ms`);
  }
  await conn.execute('analyze kpi_day');
  const [{ n: rollupRows }] = (await conn.execute('select count(*)::int as n from kpi_day')) as { n: number }[] as [{ n: number }];
  console.log(`built the rollups of ${days} days (${rollupRows.toLocaleString('en')} rows) in ${seconds(t0)} s`);
  t0 = performance.now();
  let months = 0;
  for (let n = -1; n !== 0; months += n) n = await refreshMonths(systemEm(orm), { limit: 3 });
  await conn.execute('analyze kpi_month');
  console.log(`and of ${months} months in ${seconds(t0)} s`);
  if (process.env.HOLD === '1') {
    // Keeps the database up for looking into plans by hand; Ctrl-C ends the run.
    console.log(`holding ${pg.url}`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }

  const config = loadConfig({ PORT: '0', RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_CONCURRENT: '0', DATABASE_URL: pg.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const now = () => new Date('2026-12-01T12:00:00+03:00');
  const app = await startApp({ config, orm, now });
  const signIn = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(username: "head", password: "bench-password") { token } }' }),
  });
  const token = ((await signIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  const [m] = (await conn.execute('select id, timezone, population from municipality limit 1')) as { id: string; timezone: string; population: number }[];
  const [zhkh] = (await conn.execute(`select id from sector where code = 'ZHKH'`)) as { id: string }[];
  const municipality: ResolvedScope = { municipalityIds: [m!.id], population: m!.population, zone: m!.timezone };
  const FIGURES = `received perThousandResidents answered answeredOnTime onTimeShare overdueOpen meanAnswerDays medianAnswerDays
    meanFirstReactionHours extendedShare redirectedShare reworkShare reopenedShare rated satisfied satisfiedShare repeats`;
  const month = { from: '2026-11-01T00:00:00+03:00', to: '2026-12-01T00:00:00+03:00' };
  const year = { from: '2025-12-01T00:00:00+03:00', to: '2026-12-01T00:00:00+03:00' };
  const cases: { name: string; query: string; vars: Record<string, unknown>; naive: () => Promise<unknown> }[] = [
    {
      name: 'municipality, a month',
      query: `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { ${FIGURES} } }`,
      vars: { f: month.from, t: month.to },
      naive: () => naive(municipality, month),
    },
    {
      name: 'municipality, a year',
      query: `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t) { ${FIGURES} } }`,
      vars: { f: year.from, t: year.to },
      naive: () => naive(municipality, year),
    },
    {
      name: 'one sector (ЖКХ), a year',
      query: `query($f: DateTime!, $t: DateTime!) { kpis(from: $f, to: $t, scope: { sectorCode: "ZHKH" }) { ${FIGURES} } }`,
      vars: { f: year.from, t: year.to },
      naive: () => naive({ ...municipality, sectorIds: [zhkh!.id] }, year),
    },
    {
      name: 'ranking of departments, a year',
      query: `query($f: DateTime!, $t: DateTime!) { kpiRanking(by: DEPARTMENT, from: $f, to: $t) { key name figures { ${FIGURES} } } }`,
      vars: { f: year.from, t: year.to },
      naive: () => naive(municipality, year, KpiDimension.DEPARTMENT),
    },
  ];
  async function naive(scope: ResolvedScope, p: { from: string; to: string }, dimension?: KpiDimension) {
    const period = { from: new Date(p.from), to: new Date(p.to), now: now() };
    const em = systemEm(orm);
    return Promise.all([rawParts(em, scope, period, dimension), overdueOpen(em, scope, period, dimension)]);
  }
  if (process.env.PROFILE === '1') {
    const { partsFor } = await import('../src/modules/kpi/kpi-rollup.js');
    const p = { from: new Date(year.from), to: new Date(year.to), now: now() };
    for (const [label, f] of [
      ['parts (rollups), year', () => partsFor(systemEm(orm), municipality, p)],
      ['overdueOpen, year', () => overdueOpen(systemEm(orm), municipality, p)],
      ['parts by department, year', () => partsFor(systemEm(orm), municipality, p, KpiDimension.DEPARTMENT)],
      ['overdueOpen by department, year', () => overdueOpen(systemEm(orm), municipality, p, KpiDimension.DEPARTMENT)],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const s = performance.now();
        await f();
        times.push(performance.now() - s);
      }
      console.log(`  ${label}: p50 ${stats(times).p50.toFixed(1)} ms`);
    }
  }
  console.log(`\n| KPI set (${rows.toLocaleString('en')} items) | rollups p50 ms | rollups p95 ms | naive p50 ms | naive p95 ms | naive / rollups (p50) |`);
  console.log('|---|---|---|---|---|---|');
  for (const c of cases) {
    const request = async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: c.query, variables: c.vars }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    // Warm-up, then the API runs, then the naive ones (a naive aggregate reads the whole table: run between the API
    // requests it would leave them a cold cache, which no dashboard sees).
    for (let i = 0; i < 3; i++) await request();
    const api: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await request();
      api.push(performance.now() - s);
    }
    const raw: number[] = [];
    for (let i = 0; i < Math.max(5, Math.ceil(runs / 3)); i++) {
      const s = performance.now();
      await c.naive();
      raw.push(performance.now() - s);
    }
    const a = stats(api);
    const n = stats(raw);
    console.log(`| ${c.name} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${n.p50.toFixed(0)} | ${n.p95.toFixed(0)} | ${(n.p50 / a.p50).toFixed(1)}× |`);
  }
  await app.stop();
} finally {
  await orm.close();
  await pg.stop();
  await rm(dataDir, { recursive: true, force: true });
}
