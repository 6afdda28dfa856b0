import type pg from 'pg';

/** The demo district the server seeds (db/seed/district.ts). */
export const DEMO_MUNICIPALITY_CODE = 'surovikino';

/**
 * The organisation a municipality is made of, in the order a copy must be written (a row after the rows it refers
 * to). Tables with an `id` of their own get new ids; link tables are copied with both ends mapped.
 */
const OWN_ROWS = ['municipality', 'sector', 'settlement', 'department', 'category', 'app_user', 'calendar_year', 'answer_template'];
const LINKS = ['department_sector', 'department_category', 'department_settlement', 'user_sector'];
/** Columns unique across municipalities: a copy's value gets the copy's number. */
const SUFFIXED: Record<string, Record<string, string>> = {
  municipality: { code: '-', name: ' ', short_name: ' ' },
  app_user: { username: '-' },
};

async function columnsOf(db: pg.ClientBase, table: string): Promise<string[]> {
  const r = await db.query<{ c: string }>(
    `select column_name as c from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.c);
}

/** Single-column foreign keys of a table: column → the table it refers to. */
async function foreignKeysOf(db: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const r = await db.query<{ col: string; ref: string }>(
    `select a.attname as col, rt.relname as ref
     from pg_constraint c
     join pg_class t on t.oid = c.conrelid
     join pg_namespace n on n.oid = t.relnamespace
     join pg_class rt on rt.oid = c.confrelid
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and n.nspname = 'public' and t.relname = $1 and cardinality(c.conkey) = 1`,
    [table],
  );
  return new Map(r.rows.map((x) => [x.col, x.ref]));
}

const q = (name: string) => `"${name}"`;

/**
 * Copies the demo municipality's organisation (sectors, settlements, departments, categories, accounts, calendar,
 * answer templates and the links between them) `total - 1` times, in SQL: a region of `total` municipalities.
 * Columns and foreign keys are read from the catalogue, so a column added by a migration is copied too.
 * Returns the number of municipalities there are now.
 */
export async function cloneMunicipalities(db: pg.ClientBase, total: number): Promise<number> {
  const existing = Number((await db.query<{ n: string }>('select count(*) as n from municipality')).rows[0]!.n);
  if (total <= existing) return existing;
  const demo = (await db.query<{ id: string }>('select id from municipality where code = $1', [DEMO_MUNICIPALITY_CODE])).rows[0];
  if (!demo) throw new Error(`no municipality "${DEMO_MUNICIPALITY_CODE}": the server did not seed the demo district`);
  await db.query('begin');
  try {
    await db.query('create temp table clone_map (tbl text, copy int, old_id uuid, new_id uuid, primary key (tbl, copy, old_id)) on commit drop');
    const tables = new Set(
      (await db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public'`)).rows.map((x) => x.t),
    );
    const copies = `generate_series(${existing + 1}, ${total})`;
    for (const table of OWN_ROWS) {
      if (!tables.has(table)) continue;
      const own = table === 'municipality' ? 'src.id = $1' : 'src.municipality_id = $1';
      await db.query(`insert into clone_map select '${table}', g, src.id, gen_random_uuid() from ${q(table)} src, ${copies} g where ${own}`, [demo.id]);
      const fks = await foreignKeysOf(db, table);
      const cols = await columnsOf(db, table);
      const exprs = cols.map((c) => {
        if (c === 'id') return 'm.new_id';
        const suffix = SUFFIXED[table]?.[c];
        if (suffix) return `src.${q(c)} || '${suffix}' || m.copy`;
        const ref = fks.get(c);
        if (ref && OWN_ROWS.includes(ref)) {
          return `coalesce((select x.new_id from clone_map x where x.tbl = '${ref}' and x.copy = m.copy and x.old_id = src.${q(c)}), src.${q(c)})`;
        }
        return `src.${q(c)}`;
      });
      await db.query(
        `insert into ${q(table)} (${cols.map(q).join(', ')})
         select ${exprs.join(', ')} from ${q(table)} src join clone_map m on m.tbl = '${table}' and m.old_id = src.id`,
      );
    }
    for (const table of LINKS) {
      if (!tables.has(table)) continue;
      const fks = [...(await foreignKeysOf(db, table)).entries()];
      const cols = await columnsOf(db, table);
      if (!fks.length || fks.some(([, ref]) => !OWN_ROWS.includes(ref))) continue;
      const joins = fks.map(([col, ref], i) => `join clone_map m${i} on m${i}.tbl = '${ref}' and m${i}.old_id = src.${q(col)}${i ? ` and m${i}.copy = m0.copy` : ''}`);
      const exprs = cols.map((c) => {
        const i = fks.findIndex(([col]) => col === c);
        return i >= 0 ? `m${i}.new_id` : `src.${q(c)}`;
      });
      await db.query(`insert into ${q(table)} (${cols.map(q).join(', ')}) select ${exprs.join(', ')} from ${q(table)} src ${joins.join(' ')}`);
    }
    await db.query('commit');
  } catch (e) {
    await db.query('rollback');
    throw e;
  }
  return total;
}

export type Category = { id: string; code: string; name: string; sectorId: string; sectorCode: string; urgentCapable: boolean; messageAnswerDays: number | null };
export type Settlement = { id: string; name: string; locality: { kind: string; name: string } | null; streets: string[]; lat: number | null; lon: number | null; population: number | null };
export type Department = { id: string; code: string; name: string };
export type User = { id: string; username: string; roles: string[]; departmentId: string | null };

export type MunicipalityOrg = {
  id: string;
  code: string;
  timezone: string;
  categories: Category[];
  settlements: Settlement[];
  departments: Department[];
  /** Departments that take a category (by its own link or its sector's) */
  candidates: Map<string, Department[]>;
  users: User[];
};

/** What the generator draws from: each municipality's organisation as the database has it. */
export async function loadOrganisation(db: pg.ClientBase): Promise<MunicipalityOrg[]> {
  const municipalities = (await db.query<{ id: string; code: string; timezone: string }>('select id, code, timezone from municipality order by code')).rows;
  const categories = (
    await db.query<Category & { municipalityId: string }>(
      `select c.id, c.code, c.name, c.sector_id as "sectorId", s.code as "sectorCode", c.urgent_capable as "urgentCapable",
         c.message_answer_days as "messageAnswerDays", c.municipality_id as "municipalityId"
       from category c join sector s on s.id = c.sector_id where c.active order by c.code`,
    )
  ).rows;
  const settlements = (
    await db.query<Settlement & { municipalityId: string }>(
      `select id, name, localities -> 0 as locality, streets, lat, lon, population, municipality_id as "municipalityId" from settlement order by code`,
    )
  ).rows;
  const departments = (
    await db.query<Department & { municipalityId: string }>(`select id, code, name, municipality_id as "municipalityId" from department where active order by code`)
  ).rows;
  const byCategory = (await db.query<{ d: string; c: string }>('select department_id as d, category_id as c from department_category')).rows;
  const bySector = (await db.query<{ d: string; s: string }>('select department_id as d, sector_id as s from department_sector')).rows;
  const users = (
    await db.query<User & { municipalityId: string }>(
      `select id, username, roles::text[] as roles, department_id as "departmentId", municipality_id as "municipalityId"
       from app_user where active and municipality_id is not null order by username`,
    )
  ).rows;
  return municipalities.map((m) => {
    const depts = departments.filter((d) => d.municipalityId === m.id);
    const deptById = new Map<string, Department>(depts.map((d) => [d.id, d]));
    const cats = categories.filter((c) => c.municipalityId === m.id);
    const candidates = new Map<string, Department[]>();
    for (const c of cats) {
      const ids = new Set([...byCategory.filter((x) => x.c === c.id).map((x) => x.d), ...bySector.filter((x) => x.s === c.sectorId).map((x) => x.d)]);
      candidates.set(c.id, [...ids].map((id) => deptById.get(id)).filter((d): d is Department => !!d));
    }
    return {
      id: m.id,
      code: m.code,
      timezone: m.timezone,
      categories: cats,
      settlements: settlements.filter((s) => s.municipalityId === m.id),
      departments: depts,
      candidates,
      users: users.filter((u) => u.municipalityId === m.id),
    };
  });
}
