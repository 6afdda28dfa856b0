import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { Attachment } from '../files/attachment.entity.js';
import { ItemAnswer } from './item-answer.entity.js';
import { ItemEvent } from './item-event.entity.js';
import { Item } from './item.entity.js';
import { reachWhere } from './item-access.js';

/**
 * One query per relation per request for the one-to-many lists of items (history, answers, attachments,
 * duplicates) and for related items (filtered by what the viewer reaches), however many items a page holds. Keyed by the request's EntityManager.
 */
type Loaders = {
  history: DataLoader<string, ItemEvent[]>;
  answers: DataLoader<string, ItemAnswer[]>;
  attachments: DataLoader<string, Attachment[]>;
  duplicates: DataLoader<string, Item[]>;
  /** An item by id if the viewer reaches it, else null (for relations such as parent or a notification's item). */
  reachable: DataLoader<string, Item | null>;
};

const perRequest = new WeakMap<EntityManager, Loaders>();

function grouped<T>(rows: T[], keyOf: (row: T) => string, ids: readonly string[]): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return ids.map((id) => map.get(id) ?? []);
}

export function itemLoaders(ctx: Ctx): Loaders {
  const em = ctx.em;
  let loaders = perRequest.get(em);
  if (!loaders) {
    loaders = {
      history: new DataLoader(async (ids) =>
        grouped(await em.find(ItemEvent, { item: { $in: [...ids] } }, { orderBy: { at: 'asc', createdAt: 'asc' } }), (e) => e.item.id, ids),
      ),
      answers: new DataLoader(async (ids) =>
        grouped(await em.find(ItemAnswer, { item: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }), (a) => a.item.id, ids),
      ),
      attachments: new DataLoader(async (ids) =>
        grouped(await em.find(Attachment, { item: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }), (a) => a.item!.id, ids),
      ),
      duplicates: new DataLoader(async (ids) =>
        grouped(
          await em.find(Item, { $and: [{ parent: { $in: [...ids] } }, reachWhere(ctx.viewer)] }, { orderBy: { receivedAt: 'asc' } }),
          (i) => i.parent!.id,
          ids,
        ),
      ),
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
