import { ReferenceKind, Utils, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from './where-sql.js';

/**
 * Inserts many rows of an entity in one statement whose values travel as one JSON parameter
 * (`jsonb_populate_recordset`): PostgreSQL parses them, where the ORM's `insertMany` renders and escapes every value
 * into the text (for a batch of 1,000 items, sixty thousand of them). `rows` hold the entity's property names
 * (relations as their keys or entities); a column no row names keeps its default. For bulk writes whose rows are
 * built by the domain's own functions (ingestion); everything else writes through the unit of work.
 */
export async function insertRows(em: EntityManager, entity: EntityName<object>, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const { table, columns, json } = bulkRows(em, entity, rows);
  const list = columns.join(', ');
  await readRows(em, `insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [json]);
}

/**
 * The parts of such an insert, for a statement that writes several tables at once (ingestion): the quoted table,
 * the quoted columns the rows name, and the rows as one JSON text of column names.
 */
export function bulkRows(em: EntityManager, entity: EntityName<object>, rows: Record<string, unknown>[]): { table: string; columns: string[]; json: string } {
  const meta = em.getMetadata().get(Utils.className(entity));
  const props = meta.props.filter(
    (p) =>
      p.persist !== false &&
      !p.formula &&
      !p.generated &&
      p.fieldNames?.length === 1 &&
      (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
  );
  const named = props.filter((p) => rows.some((r) => r[p.name] !== undefined));
  const data = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const p of named) {
      let v = r[p.name];
      if (v === undefined) continue;
      if (p.kind !== ReferenceKind.SCALAR && v !== null && typeof v === 'object') v = (v as { id: unknown }).id;
      out[p.fieldNames[0]!] = v instanceof Date ? v.toISOString() : v;
    }
    return out;
  });
  return { table: `"${meta.tableName}"`, columns: named.map((p) => `"${p.fieldNames[0]}"`), json: JSON.stringify(data) };
}
