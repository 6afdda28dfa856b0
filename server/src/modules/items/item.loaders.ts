import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { Attachment } from '../files/attachment.entity.js';
import { ItemAnswer } from './item-answer.entity.js';
import { ItemEvent } from './item-event.entity.js';
import { Item } from './item.entity.js';
import { reachWhere } from './item-access.js';
import { User } from '../users/user.entity.js';
import { tenantParamsFor } from '../../db/tenant-filter.js';

/**
 * One statement per request for the one-to-many lists of items (history, answers, attachments, duplicates, with the
 * people they name), and one for related items (filtered by what the viewer reaches), however many items a page
 * holds. Keyed by the request's EntityManager.
 */
type Loaders = {
  history: { load: (id: string) => Promise<ItemEvent[]> };
  answers: { load: (id: string) => Promise<ItemAnswer[]> };
  attachments: { load: (id: string) => Promise<Attachment[]> };
  duplicates: { load: (id: string) => Promise<Item[]> };
  /** An item by id if the viewer reaches it, else null (for relations such as parent or a notification's item). */
  reachable: DataLoader<string, Item | null>;
};

const perRequest = new WeakMap<EntityManager, Loaders>();

/** The lists of one item: what the card's ItemParts ask for. */
type Parts = { history: ItemEvent[]; answers: ItemAnswer[]; attachments: Attachment[]; duplicates: Item[] };

/**
 * The lists of the given items in ONE statement (docs/performance.md): their history, answers and attachments, the
 * people named in them (actors, authors, reviewers, so that those fields need no query of their own), and the
 * duplicates the viewer reaches (the access policy's condition, compiled by the query builder with the tenant
 * filter, as a subquery). Each row comes back as JSON and becomes the request's entity (em.map).
 */
async function loadParts(ctx: Ctx, ids: readonly string[]): Promise<Parts[]> {
  const em = ctx.em;
  const tenant = tenantParamsFor(ctx.viewer);
  const own = (alias: string) => ('municipalityId' in tenant ? `and ${alias}.municipality_id = ?` : '');
  const ownParams = 'municipalityId' in tenant ? [tenant.municipalityId] : [];
  const list = [...ids];
  // The ids as one value (uuids hold no comma): the driver would spread an array into as many values.
  const idList = list.join(',');
  const reached = em.createQueryBuilder(Item, 'd').select('d.id').where({ $and: [{ parent: { $in: list } }, reachWhere(ctx.viewer)] });
  await reached.applyFilters();
  // With `?` placeholders, as the statement around it has them.
  const reachedSql = reached.getKnexQuery().toSQL();
  const rows: { part: 'e' | 'a' | 'f' | 'd' | 'u'; data: Record<string, unknown> }[] = await em.getConnection().execute(
    `select 'u' as part, to_jsonb(u) - 'password_hash' as data from app_user u where u.id in (
         select e.actor_id from item_event e where e.item_id = any(string_to_array(?, ',')::uuid[]) ${own('e')}
         union select a.author_id from item_answer a where a.item_id = any(string_to_array(?, ',')::uuid[]) ${own('a')}
         union select a.reviewer_id from item_answer a where a.item_id = any(string_to_array(?, ',')::uuid[]) ${own('a')}
       ) ${own('u')}
     union all select 'e', to_jsonb(e) from item_event e where e.item_id = any(string_to_array(?, ',')::uuid[]) ${own('e')}
     union all select 'a', to_jsonb(a) from item_answer a where a.item_id = any(string_to_array(?, ',')::uuid[]) ${own('a')}
     union all select 'f', to_jsonb(f) from attachment f where f.item_id = any(string_to_array(?, ',')::uuid[]) ${own('f')}
     union all select 'd', to_jsonb(d) - 'search' from item d where d.id in (${reachedSql.sql})`,
    [
      ...[idList, ...ownParams, idList, ...ownParams, idList, ...ownParams, ...ownParams],
      ...[idList, ...ownParams, idList, ...ownParams, idList, ...ownParams],
      ...(reachedSql.bindings as unknown[]),
    ],
  );
  const parts = new Map<string, Parts>(list.map((id) => [id, { history: [], answers: [], attachments: [], duplicates: [] }]));
  // The people first: the entities made after them find them in the identity map, loaded.
  for (const r of rows) if (r.part === 'u') em.map(User, r.data);
  for (const r of rows) {
    if (r.part === 'e') parts.get(String(r.data.item_id))?.history.push(em.map(ItemEvent, r.data));
    else if (r.part === 'a') parts.get(String(r.data.item_id))?.answers.push(em.map(ItemAnswer, r.data));
    else if (r.part === 'f') parts.get(String(r.data.item_id))?.attachments.push(em.map(Attachment, r.data));
    else if (r.part === 'd') parts.get(String(r.data.parent_id))?.duplicates.push(em.map(Item, r.data));
  }
  const time = (d: Date) => d.getTime();
  for (const p of parts.values()) {
    p.history.sort((a, b) => time(a.at) - time(b.at) || time(a.createdAt) - time(b.createdAt));
    p.answers.sort((a, b) => time(a.createdAt) - time(b.createdAt));
    p.attachments.sort((a, b) => time(a.createdAt) - time(b.createdAt));
    p.duplicates.sort((a, b) => time(a.receivedAt) - time(b.receivedAt));
  }
  return list.map((id) => parts.get(id)!);
}

export function itemLoaders(ctx: Ctx): Loaders {
  const em = ctx.em;
  let loaders = perRequest.get(em);
  if (!loaders) {
    const parts = new DataLoader<string, Parts>((ids) => loadParts(ctx, ids));
    loaders = {
      history: { load: async (id) => (await parts.load(id)).history },
      answers: { load: async (id) => (await parts.load(id)).answers },
      attachments: { load: async (id) => (await parts.load(id)).attachments },
      duplicates: { load: async (id) => (await parts.load(id)).duplicates },
      reachable: new DataLoader(async (ids) => {
        const rows = await em.find(Item, { $and: [{ id: { $in: [...ids] } }, reachWhere(ctx.viewer)] });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      }),
    };
    perRequest.set(em, loaders);
  }
  return loaders;
}

/** After a change, the next read of this request must not see lists cached before it. */
export function resetItemLoaders(ctx: Ctx): void {
  perRequest.delete(ctx.em);
}
