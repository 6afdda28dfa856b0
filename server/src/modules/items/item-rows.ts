import { Reference, ReferenceKind, type EntityMetadata, type Ref, type EntityName, type QBFilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from './item.entity.js';

/**
 * The read path of lists (docs/performance.md): a page of items in one statement, its to-one relations joined,
 * without making an entity of each item. A list row is only read: it needs no identity map, no change tracking,
 * no reference wrappers, and building those was most of a list request's time. A row holds the item's own
 * columns under the entity's property names, so the GraphQL fields read it as they read the entity, and its
 * to-one relations (category, sector, department, settlement, executor) as the request's entities, made from the
 * joined columns (a handful per page), so everything below them resolves as usual. `ItemView` is either.
 */
export type ItemRow = Omit<Item, (typeof RELATIONS)[number]['prop'] | 'municipality' | 'parent'> & {
  /** Marks a row read for a list; an entity has no such property. */
  readonly __row: true;
  municipality: { id: string };
  parent: { id: string } | null;
  category: Category | null;
  sector: Sector | null;
  department: Department | null;
  settlement: Settlement | null;
  executor: User | null;
};

/** An item as the GraphQL fields of `Item` receive it: the entity (a card, a mutation, a live event) or a list row. */
export type ItemView = Item | ItemRow;

export function isRow(item: ItemView): item is ItemRow {
  return (item as Partial<ItemRow>).__row === true;
}

/** A to-one relation of an item as a field shows it: loaded through the request's dataloader, or the row's already. */
export function related<T extends object>(value: Ref<T> | T | null | undefined): Promise<T> | T | null {
  if (!value) return null;
  return Reference.isReference<T>(value) ? (value.load({ dataloader: true }) as Promise<T>) : (value as T);
}

const RELATIONS = [
  { prop: 'category', entity: Category, alias: 'rc' },
  { prop: 'sector', entity: Sector, alias: 'rs' },
  { prop: 'department', entity: Department, alias: 'rd' },
  { prop: 'settlement', entity: Settlement, alias: 'rt' },
  { prop: 'executor', entity: User, alias: 'ru' },
] as const;

/** The stored columns of an entity as (property, column, is a date), to-one relations as their key columns. */
type Column = { prop: string; field: string; date: boolean; relation: boolean };

const columnsCache = new Map<string, Column[]>();
function columnsOf(meta: EntityMetadata): Column[] {
  let columns = columnsCache.get(meta.className);
  if (!columns) {
    columns = [];
    for (const p of meta.props) {
      if (p.persist === false || p.lazy || p.formula || !p.fieldNames?.length) continue;
      if (p.kind === ReferenceKind.SCALAR) {
        columns.push({ prop: p.name, field: p.fieldNames[0]!, date: p.runtimeType === 'Date', relation: false });
      } else if (p.kind === ReferenceKind.MANY_TO_ONE && p.fieldNames.length === 1) {
        columns.push({ prop: p.name, field: p.fieldNames[0]!, date: false, relation: true });
      }
    }
    columnsCache.set(meta.className, columns);
  }
  return columns;
}

/** Reads rows of items for a list: `where` (already the viewer's condition), in `orderBy`, at most `limit`. */
export async function itemRows(
  em: EntityManager,
  where: QBFilterQuery<Item>,
  orderBy: QueryOrderMap<Item>,
  limit: number,
): Promise<ItemRow[]> {
  const metadata = em.getMetadata();
  const own = columnsOf(metadata.get(Item.name));
  const qb = em.createQueryBuilder(Item, 'i');
  const select = own.map((c) => `i.${c.field}`);
  for (const r of RELATIONS) {
    qb.leftJoin(`i.${r.prop}`, r.alias);
    for (const c of columnsOf(metadata.get((r.entity as EntityName<object> & { name: string }).name))) {
      select.push(`${r.alias}.${c.field} as ${r.alias}__${c.field}`);
    }
  }
  // The tenant filter (db/tenant-filter.ts) on the items and on each joined table, as for any read of the request.
  qb.select(select).where(where).orderBy(orderBy).limit(limit);
  await qb.applyFilters();
  const raw = await qb.execute<Record<string, unknown>[]>('all', false);
  const platform = em.getPlatform();
  const value = (c: Column, v: unknown) => (c.date && typeof v === 'string' ? platform.parseDate(v) : v);

  // Each related row becomes an entity once per page, however many items show it: em.map is the costly part.
  const made = new Map<string, object>();
  const relationColumns = RELATIONS.map((rel) => columnsOf(metadata.get((rel.entity as { name: string }).name)));
  return raw.map((r) => {
    const row: Record<string, unknown> = { __row: true };
    for (const c of own) {
      const v = r[c.field];
      row[c.prop] = c.relation ? (v == null ? null : { id: v }) : value(c, v ?? undefined);
    }
    RELATIONS.forEach((rel, i) => {
      const id = r[`${rel.alias}__id`];
      if (id == null) {
        row[rel.prop] = null;
        return;
      }
      const key = `${rel.alias}:${String(id)}`;
      let entity = made.get(key);
      if (!entity) {
        const data: Record<string, unknown> = {};
        for (const c of relationColumns[i]!) data[c.field] = r[`${rel.alias}__${c.field}`];
        entity = em.map(rel.entity as EntityName<object>, data);
        made.set(key, entity);
      }
      row[rel.prop] = entity;
    });
    return row as unknown as ItemRow;
  });
}
