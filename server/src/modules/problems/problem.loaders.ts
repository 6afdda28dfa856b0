import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { reachWhere } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { ProblemItem } from './problem-item.entity.js';
import { ProblemMeasure } from './problem-measure.entity.js';
import { ProblemReport } from './problem-report.entity.js';
import { Problem } from './problem.entity.js';
import { statsOf, type ProblemStats } from './problem.sql.js';
import { visibleProblems } from './problem-queries.js';

/**
 * One query per relation per request for the lists of problems (figures, items, measures, reports) and for
 * problems named by id (merged into, an item's problem), however many problems a page holds.
 */
type Loaders = {
  stats: DataLoader<string, ProblemStats>;
  /** The linked items the viewer reaches (item policy), oldest first. */
  items: DataLoader<string, Item[]>;
  /** With their owners (people named on them load with the list, not row by row). */
  measures: DataLoader<string, ProblemMeasure[]>;
  /** With their authors. */
  reports: DataLoader<string, ProblemReport[]>;
  /** A problem by id if the viewer reads it, else null. */
  visible: DataLoader<string, Problem | null>;
  /** The problem an item is linked to (the active link, else the latest), if the viewer reads it. */
  ofItem: DataLoader<string, Problem | null>;
};

const perRequest = new WeakMap<EntityManager, Loaders>();

function grouped<T>(rows: T[], keyOf: (row: T) => string, ids: readonly string[]): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return ids.map((id) => map.get(id) ?? []);
}

const NO_STATS: ProblemStats = { items: 0, openItems: 0, residents: 0 };

export function problemLoaders(ctx: Ctx): Loaders {
  const em = ctx.em;
  let loaders = perRequest.get(em);
  if (!loaders) {
    const visible = new DataLoader<string, Problem | null>(async (ids) => {
      const rows = await visibleProblems(ctx, [...ids]);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    loaders = {
      stats: new DataLoader(async (ids) => {
        const stats = await statsOf(em, ids);
        return ids.map((id) => stats.get(id) ?? NO_STATS);
      }),
      items: new DataLoader(async (ids) => {
        const links = await em.find(ProblemItem, { problem: { $in: [...ids] } });
        const items = links.length
          ? await em.find(Item, { $and: [{ id: { $in: links.map((l) => l.item.id) } }, reachWhere(ctx.viewer)] }, { orderBy: { receivedAt: 'asc', id: 'asc' } })
          : [];
        return ids.map((pid) => {
          const mine = new Set(links.filter((l) => l.problem.id === pid).map((l) => l.item.id));
          return items.filter((i) => mine.has(i.id));
        });
      }),
      measures: new DataLoader(async (ids) =>
        grouped(
          await em.find(ProblemMeasure, { problem: { $in: [...ids] } }, { orderBy: { dueDate: 'asc', createdAt: 'asc' }, populate: ['owner'] }),
          (m) => m.problem.id,
          ids,
        ),
      ),
      reports: new DataLoader(async (ids) =>
        grouped(
          await em.find(ProblemReport, { problem: { $in: [...ids] } }, { orderBy: { at: 'asc', createdAt: 'asc' }, populate: ['author'] }),
          (r) => r.problem.id,
          ids,
        ),
      ),
      visible,
      ofItem: new DataLoader(async (itemIds) => {
        const links = await em.find(
          ProblemItem,
          { item: { $in: [...itemIds] } },
          { orderBy: { active: 'desc', linkedAt: 'desc' } },
        );
        const chosen = itemIds.map((id) => links.find((l) => l.item.id === id)?.problem.id ?? null);
        return Promise.all(chosen.map((pid) => (pid ? visible.load(pid) : null)));
      }),
    };
    perRequest.set(em, loaders);
  }
  return loaders;
}

/** After a change, the next read of this request must not see figures or lists cached before it. */
export function resetProblemLoaders(ctx: Ctx): void {
  perRequest.delete(ctx.em);
}
