import { DateTime } from 'luxon';
import type { Ctx } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { readableMunicipalityId } from '../../shared/tenancy.js';
import { Role } from '../auth/roles.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { figureRows } from './kpi.sql.js';
import { KpiBucket, KpiDimension, type KpiFigures, type KpiRankingRow, type KpiScopeInput, type KpiSeriesPoint, type ResolvedScope } from './kpi.types.js';

/** Roles that read every sector's figures; a sector lead (with none of these) reads only their sectors'. */
const WHOLE_MUNICIPALITY: readonly Role[] = [Role.HEAD, Role.CURATOR, Role.ANALYST, Role.REGION];
export const MAX_BUCKETS = 400;
const MAX_PERIOD_DAYS = 3 * 366;

export function checkPeriod(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime())) throw badInput([{ field: 'to', problems: ['must be after from'] }]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw badInput([{ field: 'to', problems: [`at most ${MAX_PERIOD_DAYS} days`] }]);
}

/**
 * A scope as conditions, every id checked against what the viewer may read: the municipality (tenancy), the
 * sector lead's own sectors, and ids that exist in that municipality.
 */
export async function resolveScope(ctx: Ctx, input: KpiScopeInput = {}): Promise<ResolvedScope> {
  const municipalityId = readableMunicipalityId(ctx, input.municipalityId);
  const em = ctx.em;
  const inMunicipality = municipalityId ? { municipality: municipalityId } : {};
  const municipalities = await em.find(Municipality, municipalityId ? { id: municipalityId } : {});
  if (municipalityId && !municipalities.length) throw notFound('Municipality', municipalityId);
  const scope: ResolvedScope = {
    municipalityIds: municipalityId ? [municipalityId] : null,
    population: null,
    zone: municipalities[0]?.timezone ?? 'Europe/Moscow',
  };
  if (input.sectorCode) {
    const sectors = await em.find(Sector, { ...inMunicipality, code: input.sectorCode });
    if (!sectors.length) throw badInput([{ field: 'sectorCode', problems: ['unknown sector'] }]);
    scope.sectorIds = sectors.map((x) => x.id);
  }
  const v = ctx.viewer;
  if (v?.kind === 'user' && !v.roles.some((r) => WHOLE_MUNICIPALITY.includes(r))) {
    // A sector lead is judged by, and reads, the figures of their sectors.
    const own = v.sectorIds;
    if (scope.sectorIds && !scope.sectorIds.every((id) => own.includes(id))) throw forbidden('You read the figures of your sectors only');
    scope.sectorIds ??= [...own];
  }
  if (input.categoryCode) {
    const categories = await em.find(Category, { ...inMunicipality, code: input.categoryCode });
    if (!categories.length) throw badInput([{ field: 'categoryCode', problems: ['unknown category'] }]);
    scope.categoryIds = categories.map((x) => x.id);
  }
  if (input.departmentId) {
    const d = await em.findOne(Department, { ...inMunicipality, id: input.departmentId });
    if (!d) throw badInput([{ field: 'departmentId', problems: ['unknown department'] }]);
    scope.departmentId = d.id;
  }
  let settlement: Settlement | null = null;
  if (input.settlementId) {
    settlement = await em.findOne(Settlement, { ...inMunicipality, id: input.settlementId });
    if (!settlement) throw badInput([{ field: 'settlementId', problems: ['unknown settlement'] }]);
    scope.settlementId = settlement.id;
  }
  if (input.channel) scope.channel = input.channel;
  if (input.kind) scope.kind = input.kind;
  // Residents: the settlement's, else the municipalities'.
  const population = settlement ? (settlement.population ?? null) : municipalities.reduce((sum, m) => sum + (m.population ?? 0), 0);
  scope.population = population || null;
  return scope;
}

async function figuresOf(ctx: Ctx, scope: ResolvedScope, from: Date, to: Date): Promise<KpiFigures> {
  const rows = await figureRows(ctx.em, scope, { from, to, now: ctx.now() });
  return { ...rows.get(null)!, from, to, scope };
}

export async function kpis(ctx: Ctx, input: KpiScopeInput | undefined, from: Date, to: Date): Promise<KpiFigures> {
  checkPeriod(from, to);
  return figuresOf(ctx, await resolveScope(ctx, input), from, to);
}

/** The same figures for the period of the same length just before. */
export function previousOf(ctx: Ctx, f: KpiFigures): Promise<KpiFigures> {
  const length = f.to.getTime() - f.from.getTime();
  return figuresOf(ctx, f.scope, new Date(f.from.getTime() - length), f.from);
}

/** Bucket bounds over [from, to) in the municipality's zone: days, weeks from Monday, months. */
export function buckets(from: Date, to: Date, bucket: KpiBucket, zone: string): { from: Date; to: Date }[] {
  const unit = bucket === KpiBucket.DAY ? 'day' : bucket === KpiBucket.WEEK ? 'week' : 'month';
  const out: { from: Date; to: Date }[] = [];
  let start = DateTime.fromJSDate(from, { zone }).startOf(unit);
  while (start.toMillis() < to.getTime()) {
    const end = start.plus({ [`${unit}s`]: 1 }).startOf(unit);
    out.push({ from: new Date(Math.max(start.toMillis(), from.getTime())), to: new Date(Math.min(end.toMillis(), to.getTime())) });
    if (out.length > MAX_BUCKETS) throw badInput([{ field: 'bucket', problems: [`at most ${MAX_BUCKETS} buckets: choose a larger bucket`] }]);
    start = end;
  }
  return out;
}

export async function kpiSeries(ctx: Ctx, input: KpiScopeInput | undefined, from: Date, to: Date, bucket: KpiBucket): Promise<KpiSeriesPoint[]> {
  checkPeriod(from, to);
  const scope = await resolveScope(ctx, input);
  const points: KpiSeriesPoint[] = [];
  // One at a time: each is a set of aggregates over the same rows; the pool stays free for other requests.
  for (const b of buckets(from, to, bucket, scope.zone)) points.push({ ...b, figures: await figuresOf(ctx, scope, b.from, b.to) });
  return points;
}

const NAMERS: Record<Exclude<KpiDimension, KpiDimension.CHANNEL>, typeof Department | typeof Sector | typeof Settlement | typeof Category> = {
  [KpiDimension.DEPARTMENT]: Department,
  [KpiDimension.SECTOR]: Sector,
  [KpiDimension.SETTLEMENT]: Settlement,
  [KpiDimension.CATEGORY]: Category,
};

/** Figures per department, sector, settlement, category or channel, most received first. */
export async function kpiRanking(ctx: Ctx, input: KpiScopeInput | undefined, by: KpiDimension, from: Date, to: Date): Promise<KpiRankingRow[]> {
  checkPeriod(from, to);
  const scope = await resolveScope(ctx, input);
  const rows = await figureRows(ctx.em, scope, { from, to, now: ctx.now() }, by);
  const keys = [...rows.keys()].filter((k): k is string => k !== null);
  const names = new Map<string, string>();
  if (by !== KpiDimension.CHANNEL && keys.length) {
    const entities = (await ctx.em.find(NAMERS[by] as typeof Department, { id: { $in: keys } })) as { id: string; name: string }[];
    for (const e of entities) names.set(e.id, e.name);
  }
  return [...rows.entries()]
    .map(([k, f]) => ({ key: k ?? '-', name: k === null ? '—' : (names.get(k) ?? k), figures: { ...f, from, to, scope } }))
    .sort((a, b) => b.figures.received - a.figures.received || b.figures.answered - a.figures.answered || a.name.localeCompare(b.name, 'ru'));
}
