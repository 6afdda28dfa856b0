import { createHash } from 'node:crypto';
import { ALIAS_REPLACEMENT, RawQueryFragment, ReferenceKind, Utils, wrap, type EntityMetadata, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tenantEntityNames } from './entities.js';
import { TENANT_FILTER, type TenantParams } from './tenant-filter.js';

/**
 * The read path's own rendering of a query condition to SQL (docs/performance.md, docs/decisions.md): the same
 * `FilterQuery` objects the access policy, the filters and the sorts build for the ORM, rendered with `?` for every
 * value, so that a list's statement is one fixed text per shape of condition and the values travel apart. The query
 * builder did the same work on every request through its general machinery, and that was the largest part of a
 * list request's time. It covers the operators the item lists use; anything else is refused loudly (an error, never
 * a condition silently dropped), and server/test/where-sql.test.ts checks it against the ORM's own rendering.
 *
 * Tenancy is rendered here too, from the entity manager's tenant filter parameters (db/tenant-filter.ts), with the
 * same rule: without them nothing is read.
 */
export type Sql = { text: string; params: unknown[] };

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$like', '$ilike', '$fulltext']);
const COMPARE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $like: 'like', $ilike: 'ilike' };
const TENANT_SCOPED = new Set(tenantEntityNames);
const ENUM_VALUE = /^[A-Za-z0-9_]+$/;

function unsupported(what: string): never {
  throw new Error(`where-sql: ${what} is not supported; use the query builder for this condition`);
}

/** A value as the driver sends it: an entity or reference by its key. */
function valueOf(v: unknown): unknown {
  if (RawQueryFragment.isRaw(v)) unsupported('a raw fragment as a value');
  if (Utils.isEntity(v)) return wrap(v, true).getPrimaryKey();
  return v;
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!Utils.isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * Whether a condition on an entity's properties matches at most one row: equality (a plain value) on every property
 * of one of its unique constraints, where the municipality of a tenant-scoped constraint counts as given when the
 * tenant filter fixes it (`tenantFixed`).
 */
function singleRow(meta: EntityMetadata, cond: Record<string, unknown>, tenantFixed: boolean): boolean {
  const equal = new Set(Object.keys(cond).filter((k) => !k.startsWith('$') && ['string', 'number'].includes(typeof cond[k])));
  if (equal.size !== Object.keys(cond).length) return false;
  return meta.uniques.some((u) => {
    const props = ([] as string[]).concat(u.properties as string | string[]);
    return props.length > 0 && props.every((p) => equal.has(p) || (tenantFixed && p === 'municipality'));
  });
}

class Renderer {
  private aliases = 0;
  constructor(
    private readonly em: EntityManager,
    readonly params: unknown[],
  ) {}

  /** The condition of the tenant filter on a table of this entity, or null where it has none or sees every municipality. */
  tenant(meta: EntityMetadata, alias: string): string | null {
    if (meta.className !== 'Municipality' && !TENANT_SCOPED.has(meta.className)) return null;
    const p = this.em.getFilterParams<TenantParams>(TENANT_FILTER);
    if (p && 'all' in p && p.all === true) return null;
    if (!p || !('municipalityId' in p) || typeof p.municipalityId !== 'string') throw new Error('tenant filter: no municipality given');
    this.params.push(p.municipalityId);
    return `${alias}.${meta.className === 'Municipality' ? 'id' : 'municipality_id'} = ?`;
  }

  where(meta: EntityMetadata, alias: string, cond: FilterQuery<object>): string {
    if (cond === null || typeof cond !== 'object' || Array.isArray(cond) || Utils.isEntity(cond)) {
      // A bare key (or keys) stands for the primary key.
      return this.field(meta, alias, meta.primaryKeys[0]!, cond);
    }
    const parts: string[] = [];
    for (const key of Object.keys(cond)) {
      const value = (cond as Record<string, unknown>)[key];
      if (key === '$and' || key === '$or') {
        const list = (value as FilterQuery<object>[]).map((c) => this.where(meta, alias, c)).filter((s) => s !== 'true');
        if (key === '$and') parts.push(list.length ? list.map((s) => `(${s})`).join(' and ') : 'true');
        else parts.push(list.length === (value as unknown[]).length ? (list.length ? list.map((s) => `(${s})`).join(' or ') : 'false') : 'true');
      } else if (key === '$not') {
        parts.push(`not (${this.where(meta, alias, value as FilterQuery<object>)})`);
      } else if (RawQueryFragment.isKnownFragment(key)) {
        const raw = RawQueryFragment.getKnownFragment(key)!;
        if (!(Array.isArray(value) && value.length === 0)) unsupported('a raw fragment compared to a value');
        this.params.push(...raw.params);
        parts.push(raw.sql.split(ALIAS_REPLACEMENT).join(alias));
      } else if (key.startsWith('$')) {
        unsupported(`the operator ${key} at the top of a condition`);
      } else {
        parts.push(this.field(meta, alias, key, value));
      }
    }
    const real = parts.filter((p) => p !== 'true');
    return real.length ? real.join(' and ') : 'true';
  }

  private field(meta: EntityMetadata, alias: string, name: string, value: unknown): string {
    const prop = meta.properties[name as never] as EntityMetadata['props'][number] | undefined;
    if (!prop) unsupported(`the property ${meta.className}.${name}`);
    const relation = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
    if (prop.kind !== ReferenceKind.SCALAR && !relation) unsupported(`the collection ${meta.className}.${name}`);
    if (!prop.fieldNames || prop.fieldNames.length !== 1) unsupported(`the composite ${meta.className}.${name}`);
    const column = `${alias}.${prop.fieldNames[0]}`;
    // A condition on the related entity's own properties: the key column among the keys of those that match.
    if (relation && Utils.isPlainObject(value) && !isOperatorObject(value) && !Utils.isEntity(value)) {
      const target = prop.targetMeta!;
      const t = `w${++this.aliases}`;
      const inner = this.where(target, t, value as FilterQuery<object>);
      const tenant = this.tenant(target, t);
      const conds = [inner, tenant].filter((c): c is string => !!c && c !== 'true');
      const from = `select ${t}.${target.primaryKeys[0]} from ${target.tableName} ${t}${conds.length ? ` where ${conds.join(' and ')}` : ''}`;
      // At most one row can match (equality on a unique key, the tenant's municipality completing it): the key
      // compared to one value, which the planner then reads from an index in the list's order (a sector's open
      // items by urgency and deadline) instead of guessing how many items some unknown sector has.
      return singleRow(target, value as Record<string, unknown>, tenant !== null) ? `${column} = (${from})` : `${column} in (${from})`;
    }
    if (Array.isArray(value)) return this.op(prop, column, '$in', value);
    if (isOperatorObject(value)) {
      const ops = Object.entries(value).map(([op, v]) => this.op(prop, column, op, v));
      return ops.length === 1 ? ops[0]! : ops.map((s) => `(${s})`).join(' and ');
    }
    return this.op(prop, column, '$eq', value);
  }

  private op(prop: EntityMetadata['props'][number], column: string, op: string, raw: unknown): string {
    if (!OPERATORS.has(op)) unsupported(`the operator ${op}`);
    if (op === '$in' || op === '$nin') {
      const list = (raw as unknown[]).map(valueOf);
      if (list.some((v) => v === null || v === undefined)) unsupported(`null in ${op}`);
      if (!list.length) return op === '$in' ? 'false' : 'true';
      // An enumeration's values (statuses, kinds, channels) are written into the text: a partial index whose
      // condition names them (the open items') then serves the prepared statement's generic plan too, which a value
      // sent apart cannot (the planner proves the index's condition from constants only). They are the enum's own
      // names, checked here, so nothing a client sent reaches the text unchecked.
      if (prop.enum && list.every((v) => typeof v === 'string' && ENUM_VALUE.test(v) && (prop.items ?? []).includes(v))) {
        return `${column} ${op === '$in' ? '= any' : '<> all'}('{${(list as string[]).join(',')}}')`;
      }
      // One array value (the driver sends it as a PostgreSQL array): the text is the same however long the list.
      this.params.push(list);
      return op === '$in' ? `${column} = any(?)` : `${column} <> all(?)`;
    }
    const v = valueOf(raw);
    if (op === '$eq' || op === '$ne') {
      if (v === null || v === undefined) return `${column} is ${op === '$ne' ? 'not ' : ''}null`;
      this.params.push(v);
      return `${column} ${op === '$eq' ? '=' : '<>'} ?`;
    }
    if (op === '$fulltext') {
      const type = prop.customType as { regconfig?: string } | undefined;
      if (!type?.regconfig) unsupported(`$fulltext on ${prop.name}, not a full-text column`);
      this.params.push(v);
      return `${column} @@ plainto_tsquery('${type.regconfig}', ?)`;
    }
    if (v === null || v === undefined) unsupported(`${op} with null`);
    this.params.push(v);
    return `${column} ${COMPARE[op]} ?`;
  }
}

/**
 * `cond` on the table of `entity` under `alias`, AND the tenant filter, as SQL with `?` placeholders; the values are
 * appended to `params` in the order of the placeholders. Raw fragments (`raw()`) in it are consumed.
 */
export function whereSql(em: EntityManager, entity: string, alias: string, cond: FilterQuery<object>, params: unknown[]): string {
  const meta = em.getMetadata().get(entity);
  const r = new Renderer(em, params);
  const own = r.where(meta, alias, cond);
  const tenant = r.tenant(meta, alias);
  return tenant ? (own === 'true' ? tenant : `(${own}) and ${tenant}`) : own;
}

/** The tenant filter's condition on a joined table (`and …` to append to its join), or '' when it needs none. */
export function tenantJoinSql(em: EntityManager, entity: string, alias: string, params: unknown[]): string {
  const c = new Renderer(em, params).tenant(em.getMetadata().get(entity), alias);
  return c ? ` and ${c}` : '';
}

/**
 * Runs a read with its values sent apart from its text (the driver's parameters; the ORM's `execute` would inline
 * them into the text, a new statement for PostgreSQL each time), in the entity manager's transaction if it has one,
 * and through the ORM's `onQuery` hook, so that the statement counts (db/orm.ts, `queryObserver`) still see it.
 */
export async function readRows<T = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  em.config.get('onQuery')(text, params);
  const query = em.getKnex().raw(text, params as never);
  const name = statementName(text);
  if (name) query.options({ name });
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx);
  const res = (await query) as { rows: T[] };
  return res.rows;
}

/**
 * The name of a read's prepared statement (docs/decisions.md, "Reads as prepared statements"): PostgreSQL parses and
 * plans a named statement once per connection and then only binds its values, where an unnamed one is parsed and
 * planned on every request (for the inbox's page, planning cost about as much as running it). The name is the
 * text's hash, so one text is one statement on every connection; PostgreSQL chooses between a plan for the values
 * at hand and a generic one as it does for any prepared statement (`plan_cache_mode`). The texts are a bounded set
 * (one per shape of condition), yet past PREPARED_MAX distinct texts a process prepares no more: each connection
 * keeps what it prepared as long as it lives.
 */
const PREPARED_MAX = 500;
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < PREPARED_MAX) {
    name = `r_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/** Whose rows the entity manager reads: its municipality's id, or 'all' for a regional reader and system work. */
export function tenantScope(em: EntityManager): string {
  const p = em.getFilterParams<TenantParams>(TENANT_FILTER);
  if (p && 'municipalityId' in p && typeof p.municipalityId === 'string') return p.municipalityId;
  if (p && 'all' in p && p.all === true) return 'all';
  throw new Error('tenant filter: no municipality given');
}
