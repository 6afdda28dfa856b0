/**
 * How fast `items` answers on a large table: `pnpm --filter @otklik/server bench [rows]` (default 200 000).
 * Starts a throw-away embedded PostgreSQL, applies the migrations, seeds the demo district, inserts `rows` items
 * with plain SQL, then times typical dashboard queries through the real HTTP server. Results: docs/benchmarks.md.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/index.js';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';

const rows = Number(process.argv[2] ?? 200_000);
const runs = 40;
const dataDir = await mkdtemp(join(tmpdir(), 'otklik-bench-'));
const pg = await startEmbeddedPostgres(dataDir, 57000 + Math.floor(Math.random() * 500));
const orm = await openOrm(pg.url);
try {
  await migrate(orm);
  await seedDemoIfEmpty(orm, { password: 'bench-password', items: 0 });
  const conn = orm.em.fork().getConnection();
  const t0 = Date.now();
  await conn.execute(`
    insert into item (id, created_at, updated_at, municipality_id, number, kind, channel, source, identified, text, subject,
      address, category_id, sector_id, department_id, settlement_id, urgent, status, received_at, registered_at, due_at,
      due_soon_at, answer_due_at, version)
    select gen_random_uuid(), now(), now(), m.id, 'B-' || g, (array['APPEAL','MESSAGE','INCIDENT'])[1 + g % 3]::item_kind,
      'PHONE', 'bench', true,
      (array['Нет холодной воды в доме','Яма на дороге у школы','Не вывозят мусор','Сломаны качели во дворе','Не горят фонари'])[1 + g % 5] || ' ' || g,
      'Тема ' || g, 'ул. Ленина, ' || (g % 90),
      c.id, c.sector_id, d.id, s.id, g % 17 = 0,
      (array['REGISTERED','ASSIGNED','IN_PROGRESS','ON_REVIEW','ANSWERED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g % 10]::item_status,
      now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day',
      case when g % 10 < 5 then now() + ((g % 40) - 10) * interval '1 day' end,
      case when g % 10 < 5 then now() + ((g % 40) - 14) * interval '1 day' end,
      now() + ((g % 40) - 10) * interval '1 day', 1
    from generate_series(1, ${rows}) g
    cross join lateral (select id from municipality limit 1) m
    cross join lateral (select id, sector_id from category order by code offset (g % 40) limit 1) c
    cross join lateral (select id from department order by code offset (g % 25) limit 1) d
    cross join lateral (select id from settlement order by code offset (g % 11) limit 1) s`);
  await conn.execute('analyze item');
  console.log(`inserted ${rows} items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  if (process.env.EXPLAIN === '1') {
    const m = ((await conn.execute('select id from municipality limit 1')) as { id: string }[])[0]!.id;
    for (const q of [
      `select i0.* from item i0 where i0.municipality_id = '${m}' and i0.status not in ('CLOSED','REDIRECTED','MERGED') order by i0.due_at asc nulls last, i0.id asc limit 26`,
      `select count(*) from item i0 where i0.municipality_id = '${m}' and i0.status not in ('CLOSED','REDIRECTED','MERGED')`,
    ]) {
      const plan = (await conn.execute(`explain analyze ${q}`)) as { 'QUERY PLAN': string }[];
      console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    }
  }
  const config = loadConfig({ PORT: '0', RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_CONCURRENT: '0', DATABASE_URL: pg.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const app = await startApp({ config, orm });
  const signIn = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(username: "head", password: "bench-password") { token } }' }),
  });
  const token = ((await signIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  const cases: [string, string][] = [
    ['open items by due time, 25', '{ items(filter: { openOnly: true }, first: 25) { totalCount nodes { id number status dueAt deadlineState category { name } department { name } } } }'],
    ['overdue in a sector, 25', '{ items(filter: { deadlineState: OVERDUE, sectorCode: "ZHKH" }, first: 25) { totalCount nodes { id number } } }'],
    ['newest received, 100', '{ items(first: 100, sort: RECEIVED_DESC) { totalCount nodes { id number receivedAt } } }'],
    ['full-text "вода", 25', '{ items(filter: { search: "вода" }, first: 25) { totalCount nodes { id number } } }'],
    ['one department, open, 50', '{ items(filter: { openOnly: true, departmentId: DEPT }, first: 50) { totalCount nodes { id } } }'],
    ['queue counts', '{ itemQueueCounts { MINE UNASSIGNED MY_REVIEW OVERDUE_MY_SECTORS } }'],
  ];
  const dept = ((await conn.execute('select id from department order by code limit 1')) as { id: string }[])[0]!.id;
  console.log(`\n| query (${rows.toLocaleString('en')} items) | p50 ms | p95 ms |\n|---|---|---|`);
  for (const [name, q] of cases) {
    const query = q.replace('DEPT', `"${dept}"`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${times[Math.floor(runs / 2)]!.toFixed(1)} | ${times[Math.floor(runs * 0.95)]!.toFixed(1)} |`);
  }
  await app.stop();
} finally {
  await orm.close();
  await pg.stop();
  await rm(dataDir, { recursive: true, force: true });
}
