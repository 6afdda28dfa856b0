import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { longLivedClient } from '../postgres.js';
import { fmtInt, log, seconds } from '../util.js';
import { cloneMunicipalities, loadOrganisation } from './org.js';
import { COLUMNS, contextFor, generateItem, prng, type Table } from './rows.js';

export type GenerationResult = {
  items: number;
  municipalities: number;
  rows: Record<Table, number>;
  open: number;
  /** Seconds: streaming the rows (COPY), rebuilding the indexes, the rest (counters, vacuum, analyze) */
  copySeconds: number;
  indexSeconds: number;
  totalSeconds: number;
};

const TABLES = Object.keys(COLUMNS) as Table[];
/** Items generated between two writes: a few MB of COPY text, never the whole data set. */
const CHUNK = 2_000;
/** The span of receipt: a year up to now. */
const SPAN_MS = 365 * 24 * 3_600_000;

/**
 * The indexes of a table that no constraint owns: dropped before the load and built again after it, which is several
 * times faster than keeping them up to date row by row. Read from the catalogue, so they are rebuilt exactly as the
 * migrations made them. (The primary keys and unique constraints stay: COPY checks them as it goes.)
 */
async function secondaryIndexes(db: pg.ClientBase): Promise<{ name: string; def: string }[]> {
  const r = await db.query<{ name: string; def: string }>(
    `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
     join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = 'public' and t.relname = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [TABLES],
  );
  return r.rows;
}

/** Columns the schema requires that the generator does not write (a migration newer than this bench). */
async function checkColumns(db: pg.ClientBase): Promise<void> {
  const problems: string[] = [];
  for (const table of TABLES) {
    const r = await db.query<{ c: string; nullable: string; def: string | null; generated: string }>(
      `select column_name as c, is_nullable as nullable, column_default as def, is_generated as generated
       from information_schema.columns where table_schema = 'public' and table_name = $1`,
      [table],
    );
    const known = new Set<string>(COLUMNS[table]);
    const present = new Set(r.rows.map((x) => x.c));
    for (const col of COLUMNS[table]) if (!present.has(col)) problems.push(`${table}.${col} no longer exists`);
    for (const x of r.rows) {
      if (!known.has(x.c) && x.nullable === 'NO' && x.def === null && x.generated === 'NEVER') problems.push(`${table}.${x.c} is required and not generated`);
    }
  }
  if (problems.length) throw new Error(`the schema changed under the data generator (bench/src/data/rows.ts):\n  ${problems.join('\n  ')}`);
}

async function connect(url: string): Promise<pg.Client> {
  const c = longLivedClient(url);
  await c.connect();
  return c;
}

/**
 * Writes `items` items with their histories, answers and attachments through COPY … FROM STDIN, one stream per
 * table, fed a chunk at a time (a stream that is full is waited for), then rebuilds the indexes and analyses.
 * Triggers and foreign-key checks are off for the load (session_replication_role = replica): the rows are made
 * consistent by construction, and the KPI triggers' work is done once at the end instead of once per row.
 */
export async function generate(adminUrl: string, options: { items: number; municipalities: number; seed?: number }): Promise<GenerationResult> {
  const started = performance.now();
  const db = await connect(adminUrl);
  const streams: { client: pg.Client; stream: ReturnType<typeof copyFrom>; table: Table }[] = [];
  try {
    await checkColumns(db);
    const existing = Number((await db.query<{ n: string }>('select count(*) as n from item')).rows[0]!.n);
    if (existing > 0) throw new Error(`the database already holds ${existing} items but no finished generation (an interrupted run?): remove the --data directory or use another`);
    const municipalities = await cloneMunicipalities(db, options.municipalities);
    const orgs = await loadOrganisation(db);
    if (orgs.length < options.municipalities) throw new Error(`${orgs.length} municipalities, ${options.municipalities} wanted`);
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const contexts = orgs.map((o) => contextFor(o, now));
    const r = prng(options.seed ?? 20261202);

    const indexes = await secondaryIndexes(db);
    for (const ix of indexes) await db.query(`drop index "${ix.name}"`);

    for (const table of TABLES) {
      const client = await connect(adminUrl);
      await client.query(`set session_replication_role = replica`);
      const stream = client.query(copyFrom(`copy ${table} (${COLUMNS[table].map((c) => `"${c}"`).join(', ')}) from stdin`));
      streams.push({ client, stream, table });
    }
    const done = streams.map(({ stream }) => once(stream, 'finish'));
    // A stream that fails (a bad row) fails the run at once, not at the end.
    const failure = new Promise<never>((_, reject) => streams.forEach(({ stream }) => stream.once('error', reject)));
    failure.catch(() => {});
    const rows: Record<Table, number> = { item: 0, item_event: 0, item_answer: 0, attachment: 0 };
    let open = 0;
    const t0 = performance.now();
    const start = now.getTime() - SPAN_MS;
    const step = (SPAN_MS - 2 * 3_600_000) / options.items;
    let reported = 0;
    for (let from = 0; from < options.items; from += CHUNK) {
      const parts: Record<Table, string[]> = { item: [], item_event: [], item_answer: [], attachment: [] };
      const to = Math.min(options.items, from + CHUNK);
      for (let g = from; g < to; g++) {
        // Items arrive in order over the year, each municipality in turn.
        const c = contexts[g % contexts.length]!;
        const generated = generateItem(c, r, g, new Date(start + (g + r.next()) * step), now);
        parts.item.push(generated.item);
        parts.item_event.push(generated.events);
        parts.item_answer.push(generated.answers);
        parts.attachment.push(generated.attachments);
        for (const t of TABLES) rows[t] += generated.counts[t];
        if (generated.open) open++;
      }
      const writes = streams.map(({ stream, table }) => (stream.write(parts[table].join('')) ? null : once(stream, 'drain')));
      await Promise.race([Promise.all(writes), failure]);
      if (to - reported >= options.items / 10 || to === options.items) {
        reported = to;
        log(`  ${fmtInt(to)} items written (${fmtInt(Object.values(rows).reduce((a, b) => a + b, 0) / seconds(t0))} rows/s)`);
      }
    }
    for (const { stream } of streams) stream.end();
    await Promise.race([Promise.all(done), failure]);
    const copySeconds = seconds(t0);

    // Indexes again, two at a time (one per core).
    const t1 = performance.now();
    const queue = [...indexes];
    const builders = await Promise.all([connect(adminUrl), connect(adminUrl)]);
    try {
      await Promise.all(
        builders.map(async (b) => {
          await b.query(`set maintenance_work_mem = '512MB'`);
          for (let ix = queue.shift(); ix; ix = queue.shift()) await b.query(ix.def);
        }),
      );
    } finally {
      await Promise.all(builders.map((b) => b.end()));
    }
    const indexSeconds = seconds(t1);

    // The registration number counters, so that the server numbers new items after the generated ones.
    for (const c of contexts) {
      for (const [year, value] of c.counters) {
        await db.query(
          `insert into item_counter (key, value) values ($1, $2) on conflict (key) do update set value = greatest(item_counter.value, excluded.value)`,
          [`${c.org.id}:${year}`, value],
        );
      }
    }
    // What the KPI triggers would have marked: every day that holds a receipt, an answer, a reaction, a close or a
    // rating is stale until the rollup job builds it (docs/kpi.md).
    await db.query(`insert into kpi_dirty (municipality_id, day)
      select distinct i.municipality_id, (t.ts at time zone m.timezone)::date
      from item i join municipality m on m.id = i.municipality_id
      cross join lateral (values (i.received_at), (i.answered_at), (i.first_reaction_at), (i.closed_at), (i.rated_at)) as t(ts)
      where t.ts is not null on conflict do nothing`);
    // VACUUM, not only ANALYZE: it sets the visibility map (index-only scans) and the hint bits, which the first
    // reads after a bulk load would otherwise write, and it leaves autovacuum nothing to start mid-measurement.
    for (const table of TABLES) await db.query(`vacuum (freeze, analyze) ${table}`);
    await db.query('analyze');
    return { items: options.items, municipalities, rows, open, copySeconds, indexSeconds, totalSeconds: seconds(started) };
  } finally {
    for (const { client } of streams) await client.end().catch(() => {});
    await db.end();
  }
}
