import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { granted } from '../../graphql/auth-checker.js';
import { checkPeriod, resolveScope } from '../kpi/kpi.service.js';
import { itemSetSubquery } from '../kpi/kpi.sql.js';
import type { KpiDrillInput } from '../kpi/kpi.types.js';
import { Permission, Role } from '../auth/roles.js';
import { actionWhere, personalDataWhere, reachWhere } from './item-access.js';
import { applicantSearchText, Item } from './item.entity.js';
import { countSql, itemPage, itemRows, type ItemRow } from './item-rows.js';
import { readRows, tenantScope, type Sql } from '../../db/where-sql.js';
import { DeadlineState, ItemStatus } from './item.enums.js';
import { ItemQueue, ItemSort, type ItemFilter } from './item.inputs.js';
import { CLOSED_STATUSES, ItemAction } from './lifecycle.js';

/** Reading items: the card, the inbox (filters, queues, sorts, keyset pages) and the queue counts. */

export const MAX_PAGE = 100;

/** One item the viewer reaches (docs/domain.md §4); NOT_FOUND for one it does not, as for one that does not exist. */
export async function getItem(ctx: Ctx, id: string): Promise<Item> {
  const item = await ctx.em.findOne(Item, { $and: [{ id }, reachWhere(ctx.viewer)] });
  if (!item) throw notFound('Item', id);
  return item;
}

/**
 * The same item for reading only (the `item` query): a row with its to-one relations, in one statement
 * (item-rows.ts). What changes an item loads the entity (`getItem`).
 */
export async function getItemRow(ctx: Ctx, id: string): Promise<ItemRow> {
  const [row] = await itemRows(ctx.em, { $and: [{ id }, reachWhere(ctx.viewer)] }, {}, 1);
  if (!row) throw notFound('Item', id);
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Sorts: each is an order, the key a cursor keeps of the last row, and the condition "after that row".

type Cursor = { k: string | null; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor;
    if (typeof c.id !== 'string') throw new Error();
    return c;
  } catch {
    throw badInput([{ field: 'after', problems: ['not a cursor of this list'] }]);
  }
}

/** After (due, id) in "due ascending, nulls last, then id". */
function dueAfter(k: string | null, id: string): FilterQuery<Item> {
  return k === null
    ? { dueAt: null, id: { $gt: id } }
    : { $or: [{ dueAt: { $gt: new Date(k) } }, { dueAt: null }, { dueAt: new Date(k), id: { $gt: id } }] };
}

type SortSpec = {
  orderBy: Record<string, string>;
  key: (i: Pick<Item, 'urgent' | 'dueAt' | 'receivedAt'>) => string | null;
  after: (k: string | null, id: string) => FilterQuery<Item>;
};

const SORTS: Record<ItemSort, SortSpec> = {
  // Urgent items first, then the nearest deadline. The key is "u|due" where u is 1 for an urgent item.
  [ItemSort.URGENT_FIRST]: {
    orderBy: { urgent: 'desc', dueAt: 'asc nulls last', id: 'asc' },
    key: (i) => `${i.urgent ? 1 : 0}|${i.dueAt?.toISOString() ?? ''}`,
    after: (k, id) => {
      const [u, ...rest] = (k ?? '0|').split('|');
      const due = rest.join('|') || null;
      return u === '1'
        ? { $or: [{ urgent: false }, { urgent: true, $and: [dueAfter(due, id)] }] }
        : { urgent: false, $and: [dueAfter(due, id)] };
    },
  },
  [ItemSort.DUE_ASC]: {
    orderBy: { dueAt: 'asc nulls last', id: 'asc' },
    key: (i) => i.dueAt?.toISOString() ?? null,
    after: dueAfter,
  },
  [ItemSort.RECEIVED_DESC]: {
    orderBy: { receivedAt: 'desc', id: 'asc' },
    key: (i) => i.receivedAt.toISOString(),
    after: (k, id) => ({ $or: [{ receivedAt: { $lt: new Date(k ?? 0) } }, { receivedAt: new Date(k ?? 0), id: { $gt: id } }] }),
  },
  [ItemSort.RECEIVED_ASC]: {
    orderBy: { receivedAt: 'asc', id: 'asc' },
    key: (i) => i.receivedAt.toISOString(),
    after: (k, id) => ({ $or: [{ receivedAt: { $gt: new Date(k ?? 0) } }, { receivedAt: new Date(k ?? 0), id: { $gt: id } }] }),
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Queues and filters

const OPEN = { status: { $nin: [...CLOSED_STATUSES] } };

/** The statuses in which an item without a category waits to be classified. */
const TO_CLASSIFY_STATUSES = [ItemStatus.NEW, ItemStatus.REGISTERED, ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS, ItemStatus.WAITING_CITIZEN, ItemStatus.REOPENED];

/** The work queues of the inbox. Each is ANDed with what the viewer reaches. */
function queueWhere(ctx: Ctx, queue: ItemQueue, now: Date): FilterQuery<Item> {
  const v = ctx.viewer;
  if (v?.kind !== 'user') return { id: null };
  switch (queue) {
    case ItemQueue.MINE:
      return v.roles.includes(Role.EXECUTOR) && v.departmentId
        ? { ...OPEN, $or: [{ executor: v.userId }, { executor: null, department: v.departmentId }] }
        : { ...OPEN, executor: v.userId };
    case ItemQueue.UNASSIGNED:
      // What waits for registration or assignment, and the viewer may register or assign.
      return {
        $or: [
          { status: ItemStatus.NEW, $and: [actionWhere(v, ItemAction.REGISTER)] },
          { status: { $in: [ItemStatus.REGISTERED, ItemStatus.REOPENED] }, $and: [actionWhere(v, ItemAction.ASSIGN)] },
        ],
      };
    case ItemQueue.MY_REVIEW:
      return { status: ItemStatus.ON_REVIEW, $and: [actionWhere(v, ItemAction.APPROVE_ANSWER)] };
    case ItemQueue.OVERDUE_MY_SECTORS:
      return { ...OPEN, ...(v.roles.includes(Role.HEAD) ? {} : { sector: { $in: v.sectorIds } }), dueAt: { $lt: now }, pausedAt: null };
    case ItemQueue.TO_CLASSIFY:
      // What the machine left without a category, and the viewer may classify.
      return { classifiedBy: null, status: { $in: TO_CLASSIFY_STATUSES }, $and: [actionWhere(v, ItemAction.CLASSIFY)] };
  }
}

function filterWhere(ctx: Ctx, f: ItemFilter | undefined, now: Date): FilterQuery<Item>[] {
  if (!f) return [];
  const w: FilterQuery<Item>[] = [];
  if (f.queue) w.push(queueWhere(ctx, f.queue, now));
  if (f.kinds?.length) w.push({ kind: { $in: f.kinds } });
  if (f.statuses?.length) w.push({ status: { $in: f.statuses } });
  if (f.channels?.length) w.push({ channel: { $in: f.channels } });
  if (f.sectorCode) w.push({ sector: { code: f.sectorCode } });
  if (f.categoryCode) w.push({ category: { code: f.categoryCode } });
  if (f.departmentId) w.push({ department: f.departmentId });
  if (f.executorId) w.push({ executor: f.executorId });
  if (f.settlementId) w.push({ settlement: f.settlementId });
  if (f.urgent !== undefined && f.urgent !== null) w.push({ urgent: f.urgent });
  if (f.receivedFrom) w.push({ receivedAt: { $gte: f.receivedFrom } });
  if (f.receivedTo) w.push({ receivedAt: { $lt: f.receivedTo } });
  if (f.openOnly) w.push(OPEN);
  // A paused clock (a MESSAGE waiting for the citizen) is judged at the instant it stopped.
  if (f.deadlineState === DeadlineState.OVERDUE) w.push({ dueAt: { $lt: now }, pausedAt: null });
  if (f.deadlineState === DeadlineState.DUE_SOON) w.push({ dueAt: { $gte: now }, dueSoonAt: { $lte: now }, pausedAt: null });
  if (f.deadlineState === DeadlineState.ON_TRACK) w.push({ $or: [{ dueAt: { $gte: now }, dueSoonAt: { $gt: now } }, { pausedAt: { $ne: null } }] });
  const q = f.search?.trim();
  if (q) {
    if (/^\d{4}-\d{1,6}$/.test(q)) w.push({ number: { $like: `${q}%` } });
    else {
      // Russian stemming (the column is a russian tsvector): "качелями" finds "качели".
      const words = { search: { $fulltext: q } } as FilterQuery<Item>;
      const applicant = applicantWhere(ctx, q);
      w.push(applicant ? { $or: [words, applicant] } : words);
    }
  }
  return w;
}

/** What of a search is matched against the applicant: the words (a surname, an e-mail), or the digits of a phone. */
function applicantTerms(q: string): string[] {
  // A phone, whole or in part, in any notation: its digits without the country's prefix (+7 or 8), which phones
  // are stored with either way: "8 (903) 123-45-67" and "+7 903 123" find "+7 903 123-45-67", "123-45" finds it too.
  if (/^[\d\s()+-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    const prefixed = /^\+7/.test(q) || /^8\s*\(/.test(q) || (digits.length === 11 && /^[78]/.test(digits));
    const national = prefixed ? digits.slice(1) : digits;
    return national.length >= 4 ? [national] : [];
  }
  return q.toLowerCase().split(/\s+/).filter((t) => t.length >= 2);
}

/**
 * The items whose applicant matches the search, among those whose applicant the viewer sees in full (the access
 * policy's `personalDataWhere`); null for a viewer who sees no applicant, whose search never looks at them, so a
 * match cannot tell it who wrote. Every term must occur in the name, e-mail or phone (trigram index).
 */
function applicantWhere(ctx: Ctx, q: string): FilterQuery<Item> | null {
  const sees = personalDataWhere(ctx.viewer);
  const terms = applicantTerms(q);
  if (!sees || !terms.length) return null;
  const like = terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const matches = raw((alias: string) => like.map(() => `${applicantSearchText(alias)} like ?`).join(' and '), like);
  return { $and: [sees, { [matches]: [] } as FilterQuery<Item>] };
}

/**
 * The items behind a KPI figure (docs/kpi.md): the same scope resolution and the same SQL predicate as the figure,
 * so the list and the number agree. Reading KPIs is a permission of its own.
 */
async function kpiWhere(ctx: Ctx, drill: KpiDrillInput): Promise<() => FilterQuery<Item>> {
  if (!ctx.viewer || !granted(ctx.viewer, [Permission.KPI_READ])) throw forbidden('Reading KPIs is not allowed for your role');
  checkPeriod(drill.from, drill.to);
  const scope = await resolveScope(ctx, drill.scope ?? undefined);
  const { sql, params } = itemSetSubquery(scope, drill.set, { from: drill.from, to: drill.to, now: ctx.now() });
  // A raw fragment used as a key is consumed by the query that uses it: a fresh one for each query.
  return () => ({ [raw((alias: string) => `${alias}.id in (${sql})`, params)]: [] }) as FilterQuery<Item>;
}

/**
 * The condition of a filtered list as the viewer sees it (reach AND the filter), as a function that gives a fresh
 * condition for each query (the page and its count).
 */
export async function itemsWhere(ctx: Ctx, filter: ItemFilter | undefined): Promise<() => FilterQuery<Item>> {
  const drill = filter?.kpi ? await kpiWhere(ctx, filter.kpi) : null;
  const now = ctx.now();
  // Built anew for each query: a raw fragment (the applicant search) is consumed by the query that uses it.
  return () => ({ $and: [reachWhere(ctx.viewer), ...filterWhere(ctx, filter, now), ...(drill ? [drill()] : [])] });
}

export async function listItems(
  ctx: Ctx,
  filter: ItemFilter | undefined,
  first: number,
  after: string | undefined,
  sort: ItemSort,
  options: { withCount?: boolean } = {},
): Promise<{ nodes: ItemRow[]; totalCount: () => Promise<number>; endCursor: string | null; hasNextPage: boolean }> {
  if (first < 1 || first > MAX_PAGE) throw badInput([{ field: 'first', problems: [`1 to ${MAX_PAGE}`] }]);
  const spec = SORTS[sort];
  const where = await itemsWhere(ctx, filter);
  const cursor = after ? decodeCursor(after) : null;
  const page: FilterQuery<Item> = cursor ? { $and: [where(), spec.after(cursor.k, cursor.id)] } : where();
  // Rows, not entities, with the to-one relations a row shows joined into the page's one statement (item-rows.ts).
  // Asked for its total, the page counts the list in the same statement, unless this instance remembers the count
  // (item-counts.ts); otherwise the count is a statement of its own, run only if it is asked for after all, and not
  // at all when a first page holds the whole list.
  const count = options.withCount ? rememberedCount(ctx, where()) : null;
  const { rows, total } = await itemPage(ctx.em, page, spec.orderBy as never, first + 1, count && count.n === undefined ? count.sql : undefined);
  if (count && total !== null) count.remember(total);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  const hasNextPage = rows.length > first;
  const known = count?.n ?? total;
  let counted: Promise<number> | undefined;
  const totalCount = () =>
    (counted ??=
      known !== null ? Promise.resolve(known) : !cursor && !hasNextPage ? Promise.resolve(nodes.length) : countOf(ctx, where()));
  return {
    nodes,
    totalCount,
    endCursor: last ? encodeCursor({ k: spec.key(last), id: last.id }) : null,
    hasNextPage,
  };
}

/** A list's count statement, the count this instance remembers for it if any, and how to remember a new one. */
function rememberedCount(ctx: Ctx, where: FilterQuery<Item>): { sql: Sql; n: number | undefined; remember: (n: number) => void } {
  const sql = countSql(ctx.em, where);
  const counts = ctx.counts;
  const scope = tenantScope(ctx.em);
  const key = counts?.key(scope, sql.text, sql.params) ?? null;
  if (!counts || !key) return { sql, n: undefined, remember: () => undefined };
  const n = counts.get(key);
  const mark = counts.mark(scope);
  return { sql, n, remember: (value) => counts.set(key, scope, value, mark) };
}

/** How many items match `where`: remembered, or counted (and then remembered). */
async function countOf(ctx: Ctx, where: FilterQuery<Item>): Promise<number> {
  const count = rememberedCount(ctx, where);
  if (count.n !== undefined) return count.n;
  const [row] = await readRows<{ count: number }>(ctx.em, count.sql.text, count.sql.params);
  count.remember(row!.count);
  return row!.count;
}

export async function queueCounts(ctx: Ctx): Promise<Record<ItemQueue, number>> {
  const now = ctx.now();
  const reach = reachWhere(ctx.viewer);
  const entries = await Promise.all(
    Object.values(ItemQueue).map(async (q) => [q, await countOf(ctx, { $and: [reach, queueWhere(ctx, q, now)] })] as const),
  );
  return Object.fromEntries(entries) as Record<ItemQueue, number>;
}
