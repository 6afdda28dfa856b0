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
import { readRows, whereSql } from '../../db/where-sql.js';
import { itemRowOf, readOnlyRow, type ItemView } from './item-rows.js';
import type { MachineProposalData } from '../text/proposal.js';

/**
 * One statement per request for the one-to-many lists of items (history, answers, attachments, duplicates, with the
 * people they name), and one for related items (filtered by what the viewer reaches), however many items a page
 * holds. Keyed by the request's EntityManager.
 */
type Loaders = {
  history: { load: (id: string) => Promise<ItemEvent[]> };
  answers: { load: (id: string) => Promise<ItemAnswer[]> };
  attachments: { load: (id: string) => Promise<Attachment[]> };
  duplicates: { load: (id: string) => Promise<ItemView[]> };
  /** An item by id if the viewer reaches it, else null (for relations such as parent or a notification's item). */
  reachable: DataLoader<string, Item | null>;
  /** The machine's first pass over an item the viewer already reached (the lazy `machine` column). */
  machine: DataLoader<string, MachineProposalData | null>;
};

const perRequest = new WeakMap<EntityManager, Loaders>();

/** The lists of one item: what the card's ItemParts ask for. */
type Parts = { history: ItemEvent[]; answers: ItemAnswer[]; attachments: Attachment[]; duplicates: ItemView[] };

/**
 * The lists of the given items in ONE statement (docs/performance.md): their history, answers and attachments, the
 * people named in them (actors, authors, reviewers, so that those fields need no query of their own), and the
 * duplicates the viewer reaches (the access policy's condition with the tenant filter, db/where-sql.ts). Each row
 * comes back as JSON; the lists' rows become read-only instances, the duplicates the request's entities.
 */
async function loadParts(ctx: Ctx, ids: readonly string[]): Promise<Parts[]> {
  const em = ctx.em;
  const tenant = tenantParamsFor(ctx.viewer);
  const own = (alias: string) => ('municipalityId' in tenant ? `and ${alias}.municipality_id = ?` : '');
  const ownParams = 'municipalityId' in tenant ? [tenant.municipalityId] : [];
  const list = [...ids];
  // The ids as one array value: the statement's text is the same however many items a page holds.
  const idList = list;
  // The duplicates the viewer reaches: the access policy's condition with the tenant filter (db/where-sql.ts).
  const reachedParams: unknown[] = [];
  const reached = whereSql(em, Item.name, 'd', { $and: [{ parent: { $in: list } }, reachWhere(ctx.viewer)] }, reachedParams);
  const rows = await readRows<{ part: 'e' | 'a' | 'f' | 'd' | 'u'; data: Record<string, unknown> }>(
    em,
    `select 'u' as part, to_jsonb(u) - 'password_hash' as data from app_user u where u.id in (
         select e.actor_id from item_event e where e.item_id = any(?::uuid[]) ${own('e')}
         union select a.author_id from item_answer a where a.item_id = any(?::uuid[]) ${own('a')}
         union select a.reviewer_id from item_answer a where a.item_id = any(?::uuid[]) ${own('a')}
       ) ${own('u')}
     union all select 'e', to_jsonb(e) from item_event e where e.item_id = any(?::uuid[]) ${own('e')}
     union all select 'a', to_jsonb(a) from item_answer a where a.item_id = any(?::uuid[]) ${own('a')}
     union all select 'f', to_jsonb(f) from attachment f where f.item_id = any(?::uuid[]) ${own('f')}
     union all select 'd', to_jsonb(d) - 'search' from item d where ${reached}`,
    [
      ...[idList, ...ownParams, idList, ...ownParams, idList, ...ownParams, ...ownParams],
      ...[idList, ...ownParams, idList, ...ownParams, idList, ...ownParams],
      ...reachedParams,
    ],
  );
  const parts = new Map<string, Parts>(list.map((id) => [id, { history: [], answers: [], attachments: [], duplicates: [] }]));
  // The lists are only read: read-only instances (item-rows.ts), the people named in them given to their references,
  // so that no field below needs a statement. The duplicates are item rows whose relations load only if asked for.
  const people = new Map<string, User>();
  for (const r of rows) if (r.part === 'u') people.set(String(r.data.id), readOnlyRow(em, User, r.data));
  // A person not among them (of another municipality, or gone) is left to the reference's own load.
  const refs = (named: Record<string, unknown>): Record<string, object | null> => {
    const out: Record<string, object | null> = {};
    for (const [prop, id] of Object.entries(named)) {
      if (id === null || id === undefined) out[prop] = null;
      else if (people.has(String(id))) out[prop] = people.get(String(id))!;
    }
    return out;
  };
  for (const r of rows) {
    const d = r.data;
    if (r.part === 'e') parts.get(String(d.item_id))?.history.push(readOnlyRow(em, ItemEvent, d, refs({ actor: d.actor_id })));
    else if (r.part === 'a') parts.get(String(d.item_id))?.answers.push(readOnlyRow(em, ItemAnswer, d, refs({ author: d.author_id, reviewer: d.reviewer_id })));
    else if (r.part === 'f') parts.get(String(d.item_id))?.attachments.push(readOnlyRow(em, Attachment, d));
    else if (r.part === 'd') parts.get(String(d.parent_id))?.duplicates.push(itemRowOf(em, d));
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
      machine: new DataLoader(async (ids) => {
        const rows = await readRows<{ id: string; machine: MachineProposalData | null }>(
          em,
          `select id, machine from item where id = any(?::uuid[])`,
          [[...ids]],
        );
        const by = new Map(rows.map((r) => [r.id, r.machine]));
        return ids.map((id) => by.get(id) ?? null);
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
