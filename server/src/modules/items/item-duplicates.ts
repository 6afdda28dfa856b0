import { Field, Float, ObjectType } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { readRows, whereSql } from '../../db/where-sql.js';
import { reachWhere } from './item-access.js';
import { Item } from './item.entity.js';
import { ItemStatus } from './item.enums.js';
import { itemRowOf, type ItemView } from './item-rows.js';

/**
 * Likely duplicates (issue 13, docs/text.md "Duplicates"): open items of the last `WINDOW_DAYS` whose text is like the
 * given one by PostgreSQL's trigram similarity (`pg_trgm`, a GIN index on the text), ranked by that similarity with a
 * bonus for the same settlement and the same category, among the items the viewer reaches (the access policy's
 * condition). For the registration form (a text not yet an item) and the card (an item's own text).
 */

/** How far back a duplicate is looked for. */
export const WINDOW_DAYS = 30;
/** The least trigram similarity of two texts for one to be offered as the other's duplicate. */
export const MIN_SIMILARITY = 0.3;
/** What the same settlement and the same category add to the rank (not to the similarity shown). */
const SAME_PLACE_BONUS = 0.15;
const SAME_CATEGORY_BONUS = 0.1;

const NOT_OPEN = [ItemStatus.CLOSED, ItemStatus.MERGED, ItemStatus.REDIRECTED];

@ObjectType({ description: 'An item that is likely the same matter as a text or another item' })
export class DuplicateCandidate {
  @Field(() => Item)
  item!: ItemView;

  @Field(() => Float, { description: 'Trigram similarity of the texts (0–1)' })
  similarity!: number;

  @Field({ description: 'In the same settlement' })
  samePlace!: boolean;

  @Field({ description: 'Of the same category' })
  sameCategory!: boolean;
}

export type DuplicateQuery = {
  text: string;
  settlementId?: string | null;
  categoryCode?: string | null;
  /** Or the category by id (an item's own). */
  categoryId?: string | null;
  /** Items not to offer: the item itself, its duplicates and its main item. */
  excludeIds?: string[];
  /** Leave out the duplicates already merged into this item. */
  excludeChildrenOf?: string;
  first: number;
};

export async function likelyDuplicates(ctx: Ctx, q: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const text = q.text.trim();
  if (text.length < 10) return [];
  const now = ctx.now();
  const params: unknown[] = [];
  const reached = whereSql(
    ctx.em,
    Item.name,
    'i',
    {
      $and: [
        reachWhere(ctx.viewer),
        { status: { $nin: NOT_OPEN } },
        { receivedAt: { $gte: new Date(now.getTime() - WINDOW_DAYS * 86_400_000) } },
        ...(q.excludeIds?.length ? [{ id: { $nin: q.excludeIds } }] : []),
        ...(q.excludeChildrenOf ? [{ $or: [{ parent: null }, { parent: { $ne: q.excludeChildrenOf } }] }] : []),
      ],
    },
    params,
  );
  const rows = await readRows<{ data: Record<string, unknown>; sim: number; same_place: boolean; same_category: boolean }>(
    ctx.em,
    `select to_jsonb(i) - 'search' - 'machine' as data, x.sim, x.same_place, x.same_category
     from item i
     cross join lateral (select
       similarity(i.text, ?) as sim,
       coalesce(i.settlement_id = ?::uuid, false) as same_place,
       coalesce(i.category_id = coalesce(?::uuid, (select c.id from category c where c.code = ? and c.municipality_id = i.municipality_id)), false) as same_category
     ) x
     where i.text % ? and x.sim >= ?::float4 and ${reached}
     order by x.sim + case when x.same_place then ?::float8 else 0 end + case when x.same_category then ?::float8 else 0 end desc, i.received_at desc
     limit ?`,
    [text, q.settlementId ?? null, q.categoryId ?? null, q.categoryCode ?? null, text, MIN_SIMILARITY, ...params, SAME_PLACE_BONUS, SAME_CATEGORY_BONUS, Math.min(Math.max(q.first, 1), 20)],
  );
  return rows.map((r) => ({
    item: itemRowOf(ctx.em, r.data),
    similarity: Math.round(r.sim * 1000) / 1000,
    samePlace: r.same_place,
    sameCategory: r.same_category,
  }));
}

/** Two posts of one incident: at least this alike (trigram similarity), within this many hours, of the same place. */
export const INCIDENT_GROUP_SIMILARITY = 0.6;
export const INCIDENT_GROUP_HOURS = 72;

/**
 * For each of the new INCIDENT items `ids` (NEW or REGISTERED), the open INCIDENT it is a post of, if any: received in the
 * `INCIDENT_GROUP_HOURS` before it, not itself a duplicate, of the same settlement (or either without one), with a
 * text at least `INCIDENT_GROUP_SIMILARITY` alike; the most alike, then the earliest. Within the caller's tenant.
 */
export async function incidentGroups(ctx: Ctx, ids: string[]): Promise<{ childId: string; parentId: string; similarity: number }[]> {
  if (!ids.length) return [];
  const rows = await readRows<{ child: string; parent: string; sim: number }>(
    ctx.em,
    `select c.id as child, p.id as parent, p.sim
     from item c
     cross join lateral (
       select p.id, similarity(p.text, c.text) as sim from item p
       where p.municipality_id = c.municipality_id and p.kind = 'INCIDENT' and p.id <> c.id and p.parent_id is null
         and p.status not in ('CLOSED', 'MERGED', 'REDIRECTED')
         and p.received_at <= c.received_at and p.received_at > c.received_at - make_interval(hours => ?)
         and (p.settlement_id = c.settlement_id or p.settlement_id is null or c.settlement_id is null)
         and not (p.id = any(?::uuid[]) and p.received_at = c.received_at and p.id > c.id)
         and p.text % c.text and similarity(p.text, c.text) >= ?::float4
       order by sim desc, p.received_at asc limit 1
     ) p
     where c.id = any(?::uuid[]) and c.kind = 'INCIDENT' and c.status in ('NEW', 'REGISTERED')`,
    [INCIDENT_GROUP_HOURS, ids, INCIDENT_GROUP_SIMILARITY, ids],
  );
  return rows.map((r) => ({ childId: r.child, parentId: r.parent, similarity: Math.round(r.sim * 1000) / 1000 }));
}
