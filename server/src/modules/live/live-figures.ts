import { DateTime } from 'luxon';
import type { Config } from '../../config.js';
import { systemEm, type Orm } from '../../db/orm.js';
import type { Ctx } from '../../graphql/context.js';
import type { AppPubSub } from '../../graphql/pubsub.js';
import { logger, safeError } from '../../shared/logger.js';
import { CLOSED_STATUSES } from '../items/lifecycle.js';
import { figureStates } from '../kpi/kpi-target.service.js';
import { KpiTargetState } from '../kpi/kpi-target.types.js';
import { figureRows, ON_TIME } from '../kpi/kpi.sql.js';
import { KpiDimension, type KpiFigures, type ResolvedScope } from '../kpi/kpi.types.js';
import { deriveSettlementShortName } from '../organisation/short-name.js';

/** A sector's live figures (sectorUpdated). */
export type SectorLiveRow = {
  municipalityId: string;
  sectorId: string;
  code: string;
  name: string;
  open: number;
  overdue: number;
  dueSoon: number;
  receivedToday: number;
  answeredToday: number;
  answeredOnTimeToday: number;
  /** The worst state of the sector's figures for the running month against the curator's targets (null: none set). */
  state: KpiTargetState | null;
  at: Date;
};

/** A scope's figures for today and the running month (kpiUpdated), with their targets and previous periods. */
export type KpiLiveValue = { at: Date; today: KpiFigures; month: KpiFigures };

const WORST: KpiTargetState[] = [KpiTargetState.FAILING, KpiTargetState.AT_RISK, KpiTargetState.ON_TRACK];
const DEBOUNCE_MS = 250;
const TICK_MS = 60_000;

type SectorEntry = { subscribers: number; rows: Map<string, SectorLiveRow>; ready: Promise<void> | null; timer: NodeJS.Timeout | null };
type KpiEntry = { scope: ResolvedScope; municipalityId: string | null; subscribers: number; value: KpiLiveValue | null; json: string; ready: Promise<void> | null; timer: NodeJS.Timeout | null };

/**
 * Figures pushed live (docs/live.md): computed once per change and scope in this instance, not once per subscriber.
 * An item event marks its municipality's sector board and every watched KPI scope of that municipality for
 * recomputation (debounced, so a burst is one computation); a minute's tick catches what time alone changes
 * (deadlines passing, a new day). Only what changed is published: a sector whose figures moved, a scope whose
 * figures moved. Nothing is computed for scopes nobody watches.
 */
export class LiveFigures {
  private readonly sectorBoards = new Map<string, SectorEntry>();
  private readonly kpiScopes = new Map<string, KpiEntry>();
  private readonly stopListening: () => void;
  private readonly tick: NodeJS.Timeout;

  constructor(
    private readonly orm: Orm,
    private readonly pubsub: AppPubSub,
    private readonly now: () => Date,
    private readonly config: Config,
  ) {
    this.stopListening = pubsub.on('ITEM_EVENT', (e) => this.changed(e.municipalityId));
    // Time alone changes figures (a deadline passes, a new day starts): each watched board and scope once a minute.
    this.tick = setInterval(() => {
      for (const mid of new Set([...this.sectorBoards.keys(), ...[...this.kpiScopes.values()].map((k) => k.municipalityId ?? '')])) {
        if (mid) this.changed(mid);
      }
      for (const [key, entry] of this.kpiScopes) if (!entry.municipalityId && !entry.timer) void this.refreshKpi(key, entry);
    }, TICK_MS);
    this.tick.unref();
  }

  private ctx(): Ctx {
    return { em: systemEm(this.orm), viewer: null, now: this.now, config: this.config, pubsub: this.pubsub };
  }

  /** Marks the figures of a municipality stale; they are recomputed shortly, once for all subscribers. */
  changed(municipalityId: string): void {
    const board = this.sectorBoards.get(municipalityId);
    if (board && !board.timer) {
      board.timer = setTimeout(() => {
        board.timer = null;
        void this.refreshSectors(municipalityId, board);
      }, DEBOUNCE_MS);
    }
    for (const [key, entry] of this.kpiScopes) {
      if ((entry.municipalityId && entry.municipalityId !== municipalityId) || entry.timer) continue;
      entry.timer = setTimeout(() => {
        entry.timer = null;
        void this.refreshKpi(key, entry);
      }, DEBOUNCE_MS);
    }
  }

  // ---- sectors -------------------------------------------------------------------------------------------------

  /** Starts watching a municipality's sectors; returns the current rows and a function that stops watching. */
  async watchSectors(municipalityId: string): Promise<{ rows: SectorLiveRow[]; release: () => void }> {
    let board = this.sectorBoards.get(municipalityId);
    if (!board) {
      board = { subscribers: 0, rows: new Map(), ready: null, timer: null };
      this.sectorBoards.set(municipalityId, board);
      board.ready = this.refreshSectors(municipalityId, board);
    }
    board.subscribers += 1;
    await board.ready;
    let released = false;
    return {
      rows: [...board.rows.values()],
      release: () => {
        if (released) return;
        released = true;
        board.subscribers -= 1;
        if (board.subscribers <= 0) {
          if (board.timer) clearTimeout(board.timer);
          this.sectorBoards.delete(municipalityId);
        }
      },
    };
  }

  private async refreshSectors(municipalityId: string, board: SectorEntry): Promise<void> {
    try {
      const rows = await sectorFigures(this.ctx(), municipalityId);
      const changed: SectorLiveRow[] = [];
      // The first computation is what subscribers receive as their start (watchSectors), not a change.
      const first = board.rows.size === 0;
      for (const row of rows) {
        const before = board.rows.get(row.sectorId);
        if (!before || !sameSector(before, row)) changed.push(row);
        board.rows.set(row.sectorId, row);
      }
      if (!first && changed.length && this.sectorBoards.get(municipalityId) === board) {
        this.pubsub.publish('SECTOR_FIGURES', { municipalityId, rows: changed });
      }
    } catch (e) {
      logger.warn('live figures: sectors not computed', safeError(e));
    }
  }

  // ---- KPI scopes -----------------------------------------------------------------------------------------------

  /** Starts watching a resolved scope of one municipality; returns the current value and a release function. */
  async watchKpi(scope: ResolvedScope): Promise<{ key: string; value: KpiLiveValue | null; release: () => void }> {
    const key = JSON.stringify(scope);
    let entry = this.kpiScopes.get(key);
    if (!entry) {
      // A region-wide scope (no municipality) changes with any municipality.
      entry = { scope, municipalityId: scope.municipalityIds?.length === 1 ? scope.municipalityIds[0]! : null, subscribers: 0, value: null, json: '', ready: null, timer: null };
      this.kpiScopes.set(key, entry);
      entry.ready = this.refreshKpi(key, entry);
    }
    entry.subscribers += 1;
    await entry.ready;
    let released = false;
    const e = entry;
    return {
      key,
      value: e.value,
      release: () => {
        if (released) return;
        released = true;
        e.subscribers -= 1;
        if (e.subscribers <= 0) {
          if (e.timer) clearTimeout(e.timer);
          this.kpiScopes.delete(key);
        }
      },
    };
  }

  private async refreshKpi(key: string, entry: KpiEntry): Promise<void> {
    try {
      const value = await kpiLive(this.ctx(), entry.scope);
      const json = JSON.stringify({ today: strip(value.today), month: strip(value.month) });
      if (json === entry.json) return;
      // The first value is what subscribers receive as their start (watchKpi), not a change.
      const first = entry.value === null;
      entry.json = json;
      entry.value = value;
      if (!first && this.kpiScopes.get(key) === entry) this.pubsub.publish('KPI_FIGURES', { key, value });
    } catch (e) {
      logger.warn('live figures: KPIs not computed', safeError(e));
    }
  }

  stop(): void {
    this.stopListening();
    clearInterval(this.tick);
    for (const b of this.sectorBoards.values()) if (b.timer) clearTimeout(b.timer);
    for (const k of this.kpiScopes.values()) if (k.timer) clearTimeout(k.timer);
    this.sectorBoards.clear();
    this.kpiScopes.clear();
  }
}

const strip = (f: KpiFigures) => {
  const { scope: _s, live: _l, ...rest } = f as KpiFigures & { live?: unknown };
  return rest;
};

function sameSector(a: SectorLiveRow, b: SectorLiveRow): boolean {
  return (
    a.open === b.open && a.overdue === b.overdue && a.dueSoon === b.dueSoon && a.receivedToday === b.receivedToday &&
    a.answeredToday === b.answeredToday && a.answeredOnTimeToday === b.answeredOnTimeToday && a.state === b.state &&
    a.name === b.name && a.code === b.code
  );
}

async function municipalityScope(ctx: Ctx, municipalityId: string): Promise<ResolvedScope | null> {
  const [m] = (await ctx.em.getConnection().execute(`select timezone, population from municipality where id = ?`, [municipalityId])) as {
    timezone: string;
    population: number | null;
  }[];
  return m ? { municipalityIds: [municipalityId], population: m.population ?? null, zone: m.timezone } : null;
}

/** Every sector of a municipality, now: one query for the live counts, the month's figures against targets. */
export async function sectorFigures(ctx: Ctx, municipalityId: string): Promise<SectorLiveRow[]> {
  const scope = await municipalityScope(ctx, municipalityId);
  if (!scope) return [];
  const now = ctx.now();
  const local = DateTime.fromJSDate(now, { zone: scope.zone });
  const day = local.startOf('day').toJSDate();
  const open = `x.status not in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const { rows } = (await ctx.em.getKnex().raw(
    `select s.id, s.code, s.name,
       count(x.id) filter (where ${open})::int as open,
       count(x.id) filter (where ${open} and x.due_at < :now and x.paused_at is null)::int as overdue,
       count(x.id) filter (where ${open} and x.due_at >= :now and x.due_soon_at <= :now and x.paused_at is null)::int as due_soon,
       count(x.id) filter (where x.received_at >= :day and x.received_at <= :now)::int as received_today,
       count(x.id) filter (where x.answered_at >= :day and x.answered_at <= :now and x.status <> 'MERGED')::int as answered_today,
       count(x.id) filter (where x.answered_at >= :day and x.answered_at <= :now and x.status <> 'MERGED' and coalesce(${ON_TIME}, false))::int as answered_on_time_today
     from sector s
     left join item x on x.sector_id = s.id and x.municipality_id = s.municipality_id
       and (${open} or x.received_at >= :day or x.answered_at >= :day)
     where s.municipality_id = :m
     group by s.id, s.code, s.name
     order by s.code`,
    { now, day, m: municipalityId },
  )) as { rows: { id: string; code: string; name: string; open: number; overdue: number; due_soon: number; received_today: number; answered_today: number; answered_on_time_today: number }[] };
  // The month's figures of every sector at once (rollups), against the targets that apply to each.
  const monthFrom = local.startOf('month').toJSDate();
  const monthTo = local.startOf('month').plus({ months: 1 }).toJSDate();
  const bySector = await figureRows(ctx.em, scope, { from: monthFrom, to: monthTo, now }, KpiDimension.SECTOR);
  const out: SectorLiveRow[] = [];
  for (const r of rows) {
    const figures = bySector.get(r.id);
    let state: KpiTargetState | null = null;
    if (figures) {
      const states = await figureStates(ctx, { ...figures, from: monthFrom, to: monthTo, scope: { ...scope, sectorIds: [r.id] } } as KpiFigures);
      state = WORST.find((w) => states.some((s) => s.state === w)) ?? null;
    }
    out.push({
      municipalityId,
      sectorId: r.id,
      code: r.code,
      name: r.name,
      open: r.open,
      overdue: r.overdue,
      dueSoon: r.due_soon,
      receivedToday: r.received_today,
      answeredToday: r.answered_today,
      answeredOnTimeToday: r.answered_on_time_today,
      state,
      at: now,
    });
  }
  return out;
}

/** Today's and the running month's figures of a scope, with their previous periods and target states attached. */
export async function kpiLive(ctx: Ctx, scope: ResolvedScope): Promise<KpiLiveValue> {
  const now = ctx.now();
  const local = DateTime.fromJSDate(now, { zone: scope.zone });
  const periods = {
    today: { from: local.startOf('day'), to: local.startOf('day').plus({ days: 1 }) },
    month: { from: local.startOf('month'), to: local.startOf('month').plus({ months: 1 }) },
  };
  const figures = async (from: DateTime, to: DateTime): Promise<KpiFigures> => {
    const rows = await figureRows(ctx.em, scope, { from: from.toJSDate(), to: to.toJSDate(), now });
    return { ...rows.get(null)!, from: from.toJSDate(), to: to.toJSDate(), scope } as KpiFigures;
  };
  const out = {} as Record<'today' | 'month', KpiFigures>;
  for (const [name, p] of Object.entries(periods) as ['today' | 'month', { from: DateTime; to: DateTime }][]) {
    const current = await figures(p.from, p.to);
    const length = p.to.toMillis() - p.from.toMillis();
    const previous = await figures(DateTime.fromMillis(p.from.toMillis() - length, { zone: scope.zone }), p.from);
    const live = { previous, targets: await figureStates(ctx, current), previousTargets: await figureStates(ctx, previous) };
    (previous as KpiFigures & { live?: unknown }).live = { targets: live.previousTargets };
    (current as KpiFigures & { live?: unknown }).live = { previous, targets: live.targets };
    out[name] = current;
  }
  return { at: now, ...out };
}

/** Open and overdue items per settlement of a municipality (or every one), now: one query. */
export async function settlementLoad(
  ctx: Ctx,
  municipalityId: string | undefined,
): Promise<{ settlementId: string; name: string; shortName: string; lat: number | null; lon: number | null; open: number; overdue: number }[]> {
  const open = `x.status not in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const { rows } = (await ctx.em.getKnex().raw(
    `select s.id, s.name, s.short_name, s.lat, s.lon,
       count(x.id)::int as open,
       count(x.id) filter (where x.due_at < :now and x.paused_at is null)::int as overdue
     from settlement s
     left join item x on x.settlement_id = s.id and x.municipality_id = s.municipality_id and ${open}
     where ${municipalityId ? 's.municipality_id = :m' : 'true'}
     group by s.id, s.name, s.short_name, s.lat, s.lon
     order by s.name`,
    { now: ctx.now(), ...(municipalityId ? { m: municipalityId } : {}) },
  )) as { rows: { id: string; name: string; short_name: string | null; lat: number | null; lon: number | null; open: number; overdue: number }[] };
  return rows.map((r) => ({
    settlementId: r.id,
    name: r.name,
    shortName: r.short_name || deriveSettlementShortName(r.name),
    lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon), open: r.open, overdue: r.overdue }));
}
