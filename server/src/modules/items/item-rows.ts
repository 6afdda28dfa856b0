import { Reference, ReferenceKind, Utils, type EntityMetadata, type EntityName, type Platform, type Ref, type Type, type FilterQuery, type QBFilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { readRows, tenantJoinSql, whereSql, type Sql } from '../../db/where-sql.js';
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
type Column = { prop: string; field: string; date: boolean; relation: boolean; type: Type<unknown> | null; json: boolean };

const columnsCache = new Map<string, Column[]>();
function columnsOf(meta: EntityMetadata): Column[] {
  let columns = columnsCache.get(meta.className);
  if (!columns) {
    columns = [];
    for (const p of meta.props) {
      if (p.persist === false || p.lazy || p.formula || !p.fieldNames?.length) continue;
      if (p.kind === ReferenceKind.SCALAR) {
        columns.push({
          prop: p.name,
          field: p.fieldNames[0]!,
          date: p.runtimeType === 'Date',
          relation: false,
          type: p.customType ?? null,
          json: /^jsonb?$/.test(p.columnTypes?.[0] ?? ''),
        });
      } else if (p.kind === ReferenceKind.MANY_TO_ONE && p.fieldNames.length === 1) {
        columns.push({ prop: p.name, field: p.fieldNames[0]!, date: false, relation: true, type: null, json: false });
      }
    }
    columnsCache.set(meta.className, columns);
  }
  return columns;
}

/** Reads rows of items for a list: `where` (already the viewer's condition), in `orderBy`, at most `limit`. */
export async function itemRows(em: EntityManager, where: QBFilterQuery<Item>, orderBy: QueryOrderMap<Item>, limit: number): Promise<ItemRow[]> {
  return (await itemPage(em, where, orderBy, limit)).rows;
}

/** The statement that counts the items matching `where` (already the viewer's condition), and its values. */
export function countSql(em: EntityManager, where: FilterQuery<Item>): Sql {
  const params: unknown[] = [];
  const condition = whereSql(em, Item.name, 'c', where as FilterQuery<object>, params);
  return { text: `select count(*)::int from ${em.getMetadata().get(Item.name).tableName} c where ${condition}`, params };
}

/**
 * The same, and with `count` (countSql) how many items match its condition too, in the same statement (a scalar
 * subquery PostgreSQL runs once): a page with its total is one round trip.
 */
export async function itemPage(
  em: EntityManager,
  where: QBFilterQuery<Item>,
  orderBy: QueryOrderMap<Item>,
  limit: number,
  count?: Sql,
): Promise<{ rows: ItemRow[]; total: number | null }> {
  const metadata = em.getMetadata();
  const meta = metadata.get(Item.name);
  const own = columnsOf(meta);
  // One statement whose text depends only on the shape of the condition (db/where-sql.ts): the page of items (their
  // own columns, in order, numbered), and on its first row each to-one relation's rows that the page names, each
  // once (under the tenant filter, as for any read of the request). Joined to every item, the related rows' columns
  // came again on every row (a settlement with its streets 25 times a page): more than half of what a page read.
  // The values of each part in the order of its placeholders; the parts in the order of the text.
  const selectParams: unknown[] = [];
  const whereParams: unknown[] = [];
  const relatedParams: unknown[] = [];
  const select = own.map((c) => (c.json ? `i.${c.field}::text as ${c.field}` : `i.${c.field}`));
  if (count) {
    select.push(`(${count.text}) as __total`);
    selectParams.push(...count.params);
  }
  const condition = whereSql(em, Item.name, 'i', where as FilterQuery<object>, whereParams);
  const order = Object.entries(orderBy as Record<string, string>).map(([prop, dir]) => {
    const field = meta.properties[prop as keyof Item]?.fieldNames?.[0];
    if (!field || !/^(asc|desc)( nulls (first|last))?$/.test(dir)) throw new Error(`itemRows: cannot order by ${prop} ${dir}`);
    return `i.${field} ${dir}`;
  });
  const orderSql = order.length ? `order by ${order.join(', ')}` : '';
  const related = RELATIONS.map((r) => {
    const target = metadata.get((r.entity as { name: string }).name);
    const fk = meta.properties[r.prop as keyof Item]!.fieldNames[0]!;
    const tenant = tenantJoinSql(em, target.className, r.alias, relatedParams);
    return `(select jsonb_agg(to_jsonb(${r.alias})) from ${target.tableName} ${r.alias} where ${r.alias}.id in (select p.${fk} from p)${tenant})`;
  });
  // Only the first row's CASE runs the subqueries (PostgreSQL evaluates a subquery of a CASE branch when taken).
  const raw = await readRows<Record<string, unknown>>(
    em,
    `with p as materialized (select ${select.join(', ')}, row_number() over (${orderSql}) as __n from ${meta.tableName} i where ${condition} ${orderSql} limit ?)
     select p.*, case when p.__n = 1 then jsonb_build_array(${related.join(', ')}) end as __related from p order by p.__n`,
    [...selectParams, ...whereParams, limit, ...relatedParams],
  );
  const platform = em.getPlatform();
  const value = (c: Column, v: unknown) => columnValue(platform, c, v);

  // Each related row becomes a read-only instance once per page, however many items show it.
  const made = RELATIONS.map(() => new Map<string, object>());
  const lists = (raw[0]?.__related ?? []) as (Record<string, unknown>[] | null)[];
  RELATIONS.forEach((rel, i) => {
    const target = metadata.get((rel.entity as { name: string }).name);
    const columns = columnsOf(target);
    for (const data of lists[i] ?? []) made[i]!.set(String(data.id), readOnlyEntity(em, target, columns, data, value));
  });
  const rows = raw.map((r) => {
    const row: Record<string, unknown> = { __row: true };
    for (const c of own) {
      const v = r[c.field];
      row[c.prop] = c.relation ? (v == null ? null : { id: v }) : value(c, v ?? undefined);
    }
    RELATIONS.forEach((rel, i) => {
      const id = (row[rel.prop] as { id: unknown } | null)?.id;
      // A related row the tenant filter withholds (none should be: an item names its own municipality's) reads as none.
      row[rel.prop] = id == null ? null : (made[i]!.get(String(id)) ?? null);
    });
    return row as unknown as ItemRow;
  });
  // No row, no total: a page past the end, or nothing matches (then the count is 0 for a first page).
  return { rows, total: count ? ((raw[0]?.__total as number | undefined) ?? null) : null };
}

/** How many items match `where` (already the viewer's condition), rendered as a list's page is. */
export async function countItems(em: EntityManager, where: FilterQuery<Item>): Promise<number> {
  const count = countSql(em, where);
  const [row] = await readRows<{ count: number }>(em, count.text, count.params);
  return row!.count;
}

/**
 * An item's row by column name (e.g. `to_jsonb` of it) as a list row (`ItemRow`) whose to-one relations are not
 * read: each is a reference that loads through the request's dataloader if a field asks for it. For items shown
 * by a few fields only (a card's duplicates).
 */
export function itemRowOf(em: EntityManager, data: Record<string, unknown>): ItemRow {
  const meta = em.getMetadata().get(Item.name);
  const platform = em.getPlatform();
  const lazy = new Set<string>(RELATIONS.map((r) => r.prop));
  const row: Record<string, unknown> = { __row: true };
  for (const c of columnsOf(meta)) {
    const v = data[c.field];
    if (!c.relation) row[c.prop] = columnValue(platform, c, v ?? undefined);
    else if (v === null || v === undefined) row[c.prop] = null;
    else if (lazy.has(c.prop)) {
      // Made when a field reads it: most never do.
      const target = meta.properties[c.prop as keyof Item]!.targetMeta!.className;
      const prop = c.prop;
      Object.defineProperty(row, prop, {
        get() {
          const ref = Reference.create(em.getReference(target, v as string));
          Object.defineProperty(row, prop, { value: ref, enumerable: true, configurable: true, writable: false });
          return ref;
        },
        enumerable: true,
        configurable: true,
      });
    } else row[c.prop] = { id: v };
  }
  return row as unknown as ItemRow;
}

/** A column's value as the ORM reads it: its type's conversion (an enum array comes as PostgreSQL's text, '{A,B}'), dates. */
function columnValue(platform: Platform, c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  const js = c.type ? c.type.convertToJSValue(v, platform) : v;
  return c.date && typeof js === 'string' ? platform.parseDate(js) : js;
}

/**
 * A row of any entity (its columns by column name, e.g. `to_jsonb` of the row) as a read-only instance of its class
 * (see `readOnlyEntity` below). `refs` gives to-one relations already read, as read-only instances too (or null):
 * their fields need no statement; a relation not given becomes the managed entity's on first use.
 */
export function readOnlyRow<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  data: Record<string, unknown>,
  refs: Record<string, object | null> = {},
  lists: Record<string, object[]> = {},
): T {
  const meta = em.getMetadata().get(Utils.className(entity));
  const platform = em.getPlatform();
  const o = readOnlyEntity(em, meta, columnsOf(meta), data, (c, v) => columnValue(platform, c, v)) as Record<string, unknown>;
  for (const [prop, target] of Object.entries(refs)) {
    // A loaded reference to an instance outside any entity manager: `load()` answers it as it is.
    Object.defineProperty(o, prop, { value: target ? Reference.create(target) : null, enumerable: false, configurable: true });
  }
  if (Object.keys(lists).length) Object.defineProperty(o, GIVEN, { value: lists, enumerable: false });
  return o as T;
}

const GIVEN = Symbol('read-only entity lists');

/**
 * A collection of a read-only instance that was read with it (`lists` of readOnlyRow), or undefined: the field that
 * shows the collection answers it as it is, and loads the collection otherwise.
 */
export function givenList<T extends object>(o: object, prop: string): T[] | undefined {
  return ((o as { [GIVEN]?: Record<string, T[]> })[GIVEN] ?? {})[prop];
}

/** What a read-only entity keeps apart from its columns: the columns as read, and the managed entity once made. */
const SOURCE = Symbol('read-only entity source');
type Source = { em: EntityManager; data: Record<string, unknown>; managed?: Record<string, unknown> };

/**
 * Per entity class, the prototype of its read-only instances: the class's prototype below (its getters and methods,
 * and the ORM's marks: such an instance is an entity to the ORM, keyed by its id), with plain writable properties
 * over the ORM's setters for the columns (so that assigning one makes an own property and starts no change
 * tracking), getters for the relations and collections (the managed entity, made on first use), and getters that
 * parse the JSON columns when read.
 */
const shadows = new Map<string, object>();
function shadowOf(meta: EntityMetadata): object {
  let shadow = shadows.get(meta.className);
  if (shadow) return shadow;
  shadow = Object.create(meta.prototype as object) as object;
  const managed = (o: { [SOURCE]: Source }) => (o[SOURCE].managed ??= o[SOURCE].em.map(meta.className, o[SOURCE].data) as Record<string, unknown>);
  for (const c of columnsOf(meta)) {
    if (c.relation) continue;
    if (c.json) {
      const field = c.field;
      Object.defineProperty(shadow, c.prop, {
        get(this: { [SOURCE]: Source }) {
          const v = this[SOURCE].data[field];
          return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
        },
        configurable: true,
      });
    } else {
      Object.defineProperty(shadow, c.prop, { value: undefined, writable: true, configurable: true });
    }
  }
  for (const p of meta.props) {
    if (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.EMBEDDED) continue;
    const name = p.name;
    Object.defineProperty(shadow, name, {
      get(this: { [SOURCE]: Source }) {
        return managed(this)[name];
      },
      configurable: true,
    });
  }
  shadows.set(meta.className, shadow);
  return shadow;
}

/**
 * A related row of a list (a page's category, department, executor…) as an instance of its entity class, without
 * the ORM's hydration, identity map and change tracking (em.map of each was the largest cost left of a list page):
 * its columns are plain properties, the class's getters (`shortName` and the like) work on them, and its relations
 * and collections, which a field below may load (a department's sectors), make the request's managed entity from
 * the same columns on first use and are read from it. It is never changed: writes load entities.
 */
function readOnlyEntity(
  em: EntityManager,
  meta: EntityMetadata,
  columns: Column[],
  data: Record<string, unknown>,
  value: (c: Column, v: unknown) => unknown,
): object {
  const o = Object.create(shadowOf(meta)) as Record<string | symbol, unknown>;
  Object.defineProperty(o, SOURCE, { value: { em, data } satisfies Source, enumerable: false });
  for (const c of columns) if (!c.relation && !c.json) o[c.prop] = value(c, data[c.field]);
  return o;
}
