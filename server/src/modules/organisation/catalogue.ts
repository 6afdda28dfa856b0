import type { EntityManager } from '@mikro-orm/postgresql';
import type { Topics } from '../../graphql/pubsub.js';
import { onEmit } from '../live/outbox.js';
import { Category } from './category.entity.js';
import { OrgEntity } from './organisation.topics.js';
import { Settlement } from './settlement.entity.js';

/**
 * Each municipality's categories (by code) and settlements (by id), read once, not per request: for ingestion, whose
 * every call names or is given some of them (a single-item call spent two of its eight round trips on them), and for
 * slaPreview's answer periods, which the registration form asks as the operator types. A change of a category, a
 * sector or a settlement forgets the municipality's entry at once in the process that makes it (before it commits:
 * never too late); other instances read it again within `TTL_MS`, as they do the working calendar.
 *
 * The entities are read by a fork of their own and are kept detached: what uses them reads their fields and ids
 * (the rows of new items are built from them, db/bulk-insert.ts), and must never attach them to another
 * EntityManager's entities. `createItem`, which does, reads its own through the request's EntityManager.
 */
export type Catalogue = { categoryByCode: ReadonlyMap<string, Category>; settlementById: ReadonlyMap<string, Settlement> };

const TTL_MS = 60_000;
const cache = new Map<string, { catalogue: Promise<Catalogue>; at: number }>();

onEmit((topic, payload) => {
  if (topic !== 'ORGANISATION_CHANGED') return;
  const change = payload as Topics['ORGANISATION_CHANGED'][0];
  if (change.entity === OrgEntity.Category || change.entity === OrgEntity.Sector || change.entity === OrgEntity.Settlement) {
    cache.delete(change.municipalityId);
  }
});

/** The municipality's catalogue (`em` must be allowed to read it; it is forked, never joined). */
export function catalogueOf(em: EntityManager, municipalityId: string, nowMs = Date.now()): Promise<Catalogue> {
  const hit = cache.get(municipalityId);
  if (hit && nowMs - hit.at < TTL_MS) return hit.catalogue;
  const catalogue = (async () => {
    const own = em.fork({ clear: true });
    const [categories, settlements] = await Promise.all([
      own.find(Category, { municipality: municipalityId }),
      own.find(Settlement, { municipality: municipalityId }),
    ]);
    return {
      categoryByCode: new Map(categories.map((c) => [c.code, c])),
      settlementById: new Map(settlements.map((s) => [s.id, s])),
    };
  })();
  const entry = { catalogue, at: nowMs };
  cache.set(municipalityId, entry);
  // A failed read is not remembered: the next call reads again.
  catalogue.catch(() => {
    if (cache.get(municipalityId) === entry) cache.delete(municipalityId);
  });
  return catalogue;
}
