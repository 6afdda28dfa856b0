import { Arg, Authorized, Ctx as Context, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { requirePermission } from '../../graphql/auth-checker.js';
import { AppError, ErrorCode } from '../../graphql/errors.js';
import { bufferedIterator, SlowConsumerError, type Delivered } from '../../graphql/pubsub.js';
import { readableMunicipalityId } from '../../shared/tenancy.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Permission, Role } from '../auth/roles.js';
import { reaches } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { resolveScope } from '../kpi/kpi.service.js';
import { KpiScopeInput } from '../kpi/kpi.types.js';
import type { SectorLiveRow } from './live-figures.js';
import { CLOSE_SLOW_CONSUMER, liveStream } from './live-stream.js';
import { Alert, AlertLevel, AlertType, ItemChange, ItemEventFilter, ItemEventType, KpiLive, MapSettings, SectorLive, SettlementLoad } from './live.types.js';
import { settlementLoad } from './live-figures.js';

type ItemEventPayload = Delivered<'ITEM_EVENT'>;
type AlertPayload = Delivered<'ALERT'>;

function allow(ctx: Ctx, permission: Permission): void {
  requirePermission(ctx, [permission]);
}

function live(ctx: Ctx) {
  if (!ctx.live) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Live updates are not available on this connection');
  return ctx.live;
}

/** Each event is resolved on a fresh unit of work: a subscription lives for days, its caches must not. */
function freshUnitOfWork(ctx: Ctx): void {
  ctx.em = ctx.em.fork({ clear: true });
}

/** Roles that read every sector; a sector lead reads their own. */
const WHOLE_MUNICIPALITY: readonly Role[] = [Role.HEAD, Role.CURATOR, Role.ANALYST, Role.REGION];

@Resolver(() => ItemChange)
export class LiveResolver {
  @Authorized(Permission.ITEMS_READ)
  @Subscription(() => ItemChange, {
    description: 'Committed changes of the items you reach (docs/live.md); with after: cursor, first what you missed',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { filter?: ItemEventFilter; after?: string }, Ctx>) => {
      allow(context, Permission.ITEMS_READ);
      const f = args.filter ?? {};
      const municipalityId = readableMunicipalityId(context, f.municipalityId);
      let sectorIds: Set<string> | null = null;
      if (f.sectorCodes) {
        const sectors = await context.em.find(Sector, { code: { $in: f.sectorCodes }, ...(municipalityId ? { municipality: municipalityId } : {}) });
        sectorIds = new Set(sectors.map((s) => s.id));
      }
      const viewer = context.viewer;
      const set = <T>(xs?: T[] | null) => (xs ? new Set(xs) : null);
      const kinds = set(f.kinds);
      const departments = set(f.departmentIds);
      const settlements = set(f.settlementIds);
      const items = set(f.itemIds);
      const types = set(f.types);
      return liveStream(context, 'ITEM_EVENT', args.after, (e: ItemEventPayload) => {
        if (municipalityId && e.municipalityId !== municipalityId) return false;
        if (kinds && !kinds.has(e.kind)) return false;
        if (sectorIds && (!e.sectorId || !sectorIds.has(e.sectorId))) return false;
        if (departments && (!e.departmentId || !departments.has(e.departmentId))) return false;
        if (settlements && (!e.settlementId || !settlements.has(e.settlementId))) return false;
        if (f.urgent !== undefined && f.urgent !== null && e.urgent !== f.urgent) return false;
        if (items && !items.has(e.itemId)) return false;
        if (types && !types.has(e.type as ItemEventType)) return false;
        // The access policy, on the item as the change committed it.
        return reaches(viewer, e);
      });
    },
  })
  itemEvents(
    @Root() e: ItemEventPayload,
    @Context() ctx: Ctx,
    @Arg('filter', () => ItemEventFilter, { nullable: true }) _filter?: ItemEventFilter,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event you received' }) _after?: string,
  ): Omit<ItemChange, 'item'> {
    freshUnitOfWork(ctx);
    return { cursor: e.cursor, type: e.type as ItemEventType, at: new Date(e.at), itemId: e.itemId, municipalityId: e.municipalityId };
  }

  @FieldResolver(() => Item)
  async item(@Root() c: ItemChange, @Context() ctx: Ctx): Promise<Item> {
    const item = await live(ctx).items.get(c.itemId, c.cursor);
    if (!item) throw new AppError(ErrorCode.NOT_FOUND, 'The item is gone');
    return item;
  }
}

@Resolver(() => Alert)
export class AlertResolver {
  @Authorized(Permission.ITEMS_READ)
  @Subscription(() => Alert, {
    description: 'Urgent items, items overdue, spikes of similar items, about what you reach',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { after?: string; municipalityId?: string }, Ctx>) => {
      allow(context, Permission.ITEMS_READ);
      const municipalityId = readableMunicipalityId(context, args.municipalityId);
      const viewer = context.viewer;
      return liveStream(context, 'ALERT', args.after, (a: AlertPayload) => {
        if (municipalityId && a.municipalityId !== municipalityId) return false;
        if (!a.itemId) return true;
        return reaches(viewer, { kind: a.kind!, sectorId: a.sectorId ?? null, departmentId: a.departmentId ?? null, executorId: a.executorId ?? null });
      });
    },
  })
  alertRaised(
    @Root() a: AlertPayload,
    @Context() ctx: Ctx,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Arg('municipalityId', () => ID, { nullable: true }) _municipalityId?: string,
  ): Omit<Alert, 'item'> {
    freshUnitOfWork(ctx);
    return {
      cursor: a.cursor,
      type: a.alertType as AlertType,
      level: a.level as AlertLevel,
      message: a.message,
      at: new Date(a.at),
      itemId: a.itemId,
      problemId: a.problemId,
    };
  }

  @FieldResolver(() => Item, { nullable: true })
  async item(@Root() a: Alert, @Context() ctx: Ctx): Promise<Item | null> {
    return a.itemId ? live(ctx).items.get(a.itemId, a.cursor) : null;
  }
}

@Resolver()
export class LiveFiguresResolver {
  @Authorized(Permission.KPI_READ)
  @Subscription(() => SectorLive, {
    description: "Each sector's live figures: all of them first, then each sector whose figures change",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { municipalityId?: string }, Ctx>) => {
      allow(context, Permission.KPI_READ);
      // A regional reader naming none hears every municipality's sectors.
      const named = readableMunicipalityId(context, args.municipalityId);
      const municipalityIds = named ? [named] : (await context.em.find(Municipality, {})).map((m) => m.id);
      const wanted = new Set(municipalityIds);
      const v = context.viewer;
      const own = v?.kind === 'user' && !v.roles.some((r) => WHOLE_MUNICIPALITY.includes(r)) ? new Set(v.sectorIds) : null;
      const visible = (r: SectorLiveRow) => !own || own.has(r.sectorId);
      // Listen first, then take the current rows: a change computed in between is not lost.
      const stream = bufferedIterator<SectorLiveRow>(
        (push) =>
          context.pubsub.on('SECTOR_FIGURES', (p) => {
            if (wanted.has(p.municipalityId)) for (const r of p.rows) if (visible(r)) push(r);
          }),
        context.config.liveBuffer,
      );
      const watches = await Promise.all(municipalityIds.map((id) => live(context).figures.watchSectors(id)));
      const rows = watches.flatMap((w) => w.rows).filter(visible);
      return withPrefix(rows, stream, () => watches.forEach((w) => w.release()), context);
    },
  })
  sectorUpdated(
    @Root() row: SectorLiveRow,
    @Context() ctx: Ctx,
    @Arg('municipalityId', () => ID, { nullable: true }) _municipalityId?: string,
  ): SectorLive {
    freshUnitOfWork(ctx);
    return row;
  }

  @Authorized(Permission.KPI_READ)
  @Subscription(() => KpiLive, {
    description: "The scope's KPIs for today and the running month: now, then whenever they change",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { scope?: KpiScopeInput }, Ctx>) => {
      allow(context, Permission.KPI_READ);
      const scope = await resolveScope(context, args.scope ?? {});
      const watching = live(context).figures;
      let key: string | null = null;
      const stream = bufferedIterator<KpiLive>(
        (push) => context.pubsub.on('KPI_FIGURES', (p) => (p.key === key ? push(p.value) : undefined)),
        context.config.liveBuffer,
      );
      const w = await watching.watchKpi(scope);
      key = w.key;
      return withPrefix(w.value ? [w.value] : [], stream, w.release, context);
    },
  })
  kpiUpdated(
    @Root() value: KpiLive,
    @Context() ctx: Ctx,
    @Arg('scope', () => KpiScopeInput, { nullable: true }) _scope?: KpiScopeInput,
  ): KpiLive {
    freshUnitOfWork(ctx);
    return value;
  }
}

/**
 * `first` values, then the stream's; `release` when the subscriber leaves; a slow one is disconnected. Written out
 * rather than as an async generator: a generator's `return()` waits until its pending `next()` settles, so a
 * subscriber who left would keep its listener and its watch until the next event.
 */
function withPrefix<T>(first: T[], stream: AsyncIterableIterator<T>, release: () => void, ctx: Ctx): AsyncIterableIterator<T> {
  const queue = [...first];
  let ended = false;
  const end = async (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      queue.length = 0;
      release();
      await stream.return?.();
    }
    return { value: undefined as never, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (ended) return { value: undefined as never, done: true };
      if (queue.length) return { value: queue.shift()!, done: false };
      try {
        const r = await stream.next();
        return r.done ? end() : r;
      } catch (e) {
        await end();
        if (e instanceof SlowConsumerError) {
          ctx.ws?.close(CLOSE_SLOW_CONSUMER.code, CLOSE_SLOW_CONSUMER.reason);
          return { value: undefined as never, done: true };
        }
        throw e;
      }
    },
    return: end,
    async throw(e?: unknown) {
      await end();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

@Resolver()
export class LiveBoardResolver {
  @Authorized(Permission.KPI_READ)
  @Query(() => [SettlementLoad], { description: 'Open and overdue items per settlement now (the map of the district); no personal data' })
  settlementLoad(@Context() ctx: Ctx, @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string): Promise<SettlementLoad[]> {
    return settlementLoad(ctx, readableMunicipalityId(ctx, municipalityId));
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => MapSettings, { description: 'How the maps of the dashboard and the wall are drawn' })
  mapSettings(@Context() ctx: Ctx): MapSettings {
    return { tileUrl: ctx.config.wallTileUrl ?? null };
  }
}
