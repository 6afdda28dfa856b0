import DataLoader from 'dataloader';
import { auditChange } from '../audit/audit.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery, Ref } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import type { Ctx } from '../../graphql/context.js';
import { badInput, forbidden, type FieldProblem } from '../../graphql/errors.js';
import { readableMunicipalityId, writableMunicipalityId } from '../../shared/tenancy.js';
import { Role } from '../auth/roles.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { User } from '../users/user.entity.js';
import { KpiTarget } from './kpi-target.entity.js';
import {
  applicableTarget,
  defaultMargin,
  KPI_FIGURES,
  KpiFigure,
  type KpiFigureState,
  type KpiTargetActor,
  type KpiTargetInput,
  levelOf,
  scopeUnit,
  targetState,
  type TargetCandidate,
} from './kpi-target.types.js';
import type { KpiFigures } from './kpi.types.js';

/** Roles that read every target of the municipality; a sector lead (with none of these) reads those of their sectors. */
const EVERY_TARGET: readonly Role[] = [Role.HEAD, Role.CURATOR, Role.ANALYST, Role.REGION];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A day YYYY-MM-DD of the years the production calendar holds (PostgreSQL has no year 0, and no target is older). */
const isDate = (d: string) => {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(d) ? DateTime.fromISO(d, { zone: 'utc' }) : null;
  return !!day?.isValid && day.year >= 2000 && day.year <= 2100;
};

// ---------------------------------------------------------------------------------------------------------------
// Approving

/**
 * Approves a target (the curator): a new record in the viewer's municipality. Active targets of the same figure
 * and unit (municipality, sector or department) whose validity overlaps the new one are superseded — kept, with
 * who replaced them and when.
 */
export async function setKpiTarget(ctx: Ctx, input: KpiTargetInput): Promise<KpiTarget> {
  const municipalityId = writableMunicipalityId(ctx);
  const viewer = ctx.viewer;
  if (viewer?.kind !== 'user') throw forbidden('Targets are approved by a person');
  const meta = KPI_FIGURES[input.figure];

  const problems: FieldProblem[] = [];
  if (!isDate(input.validFrom)) problems.push({ field: 'validFrom', problems: ['not a date from 2000 to 2100'] });
  if (input.validTo != null) {
    if (!isDate(input.validTo)) problems.push({ field: 'validTo', problems: ['not a date from 2000 to 2100'] });
    else if (isDate(input.validFrom) && !(input.validTo > input.validFrom)) problems.push({ field: 'validTo', problems: ['must be after validFrom'] });
  }
  if (!Number.isFinite(input.value) || input.value < 0 || (meta.share && input.value > 1)) {
    problems.push({ field: 'value', problems: [meta.share ? 'a share is between 0 and 1' : 'must be 0 or more'] });
  }
  if (input.atRiskMargin != null && (!Number.isFinite(input.atRiskMargin) || input.atRiskMargin < 0 || (meta.share && input.atRiskMargin > 1))) {
    problems.push({ field: 'atRiskMargin', problems: [meta.share ? 'a share’s margin is between 0 and 1' : 'must be 0 or more'] });
  }
  if (input.sectorCode && input.departmentId) problems.push({ field: 'departmentId', problems: ['a target is for a sector or a department, not both'] });
  if (problems.length) throw badInput(problems);

  let sector: Sector | null = null;
  let department: Department | null = null;
  if (input.sectorCode) {
    sector = await ctx.em.findOne(Sector, { municipality: municipalityId, code: input.sectorCode });
    if (!sector) throw badInput([{ field: 'sectorCode', problems: ['unknown sector'] }]);
  }
  if (input.departmentId) {
    if (UUID.test(input.departmentId)) department = await ctx.em.findOne(Department, { municipality: municipalityId, id: input.departmentId });
    if (!department) throw badInput([{ field: 'departmentId', problems: ['unknown department'] }]);
  }

  const now = ctx.now();
  const comment = input.comment?.trim() || null;
  return ctx.em.transactional(async (em) => {
    // One approval at a time per municipality and figure, so two cannot both stay active over the same days.
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`kpi_target:${municipalityId}:${input.figure}`]);
    const overlapping = await em.find(KpiTarget, {
      municipality: municipalityId,
      figure: input.figure,
      sector: sector?.id ?? null,
      department: department?.id ?? null,
      supersededAt: null,
      ...(input.validTo ? { validFrom: { $lt: input.validTo } } : {}),
      $or: [{ validTo: null }, { validTo: { $gt: input.validFrom } }],
    });
    const approver = em.getReference(User, viewer.userId, { wrapped: true });
    for (const old of overlapping) {
      old.supersededAt = now;
      old.supersededBy = approver;
    }
    const target = em.create(KpiTarget, {
      municipality: municipalityId,
      figure: input.figure,
      sector: sector ? em.getReference(Sector, sector.id, { wrapped: true }) : undefined,
      department: department ? em.getReference(Department, department.id, { wrapped: true }) : undefined,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      value: input.value,
      atRiskMargin: input.atRiskMargin ?? defaultMargin(input.value),
      approvedBy: approver,
      approvedAt: now,
      comment,
      supersededAt: null,
      supersededBy: null,
    });
    auditChange({ ...ctx, em }, municipalityId, 'KPI_TARGET_SET', { type: 'KpiTarget', id: target.id });
    await em.flush();
    return target;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export type KpiTargetsArgs = {
  figure?: KpiFigure | null;
  sectorCode?: string | null;
  departmentId?: string | null;
  includeSuperseded?: boolean | null;
  municipalityId?: string | null;
};

/**
 * Targets, newest approval first within each figure and unit: active ones, or with `includeSuperseded` the whole
 * history. A sector lead reads the municipality's targets, their sectors' and those of the departments that serve
 * one of their sectors (what their figures are set against); another sector or department named is FORBIDDEN.
 */
export async function listKpiTargets(ctx: Ctx, args: KpiTargetsArgs): Promise<KpiTarget[]> {
  const municipalityId = readableMunicipalityId(ctx, args.municipalityId);
  const inMunicipality = municipalityId ? { municipality: municipalityId } : {};
  if (args.sectorCode && args.departmentId) throw badInput([{ field: 'departmentId', problems: ['name a sector or a department, not both'] }]);
  const where: FilterQuery<KpiTarget>[] = [inMunicipality];
  if (args.figure) where.push({ figure: args.figure });
  if (!args.includeSuperseded) where.push({ supersededAt: null });

  let sectorIds: string[] | null = null;
  if (args.sectorCode) {
    sectorIds = (await ctx.em.find(Sector, { ...inMunicipality, code: args.sectorCode })).map((s) => s.id);
    if (!sectorIds.length) throw badInput([{ field: 'sectorCode', problems: ['unknown sector'] }]);
    where.push({ sector: { $in: sectorIds } });
  }
  let departmentId: string | null = null;
  if (args.departmentId) {
    const d = UUID.test(args.departmentId) ? await ctx.em.findOne(Department, { ...inMunicipality, id: args.departmentId }) : null;
    if (!d) throw badInput([{ field: 'departmentId', problems: ['unknown department'] }]);
    departmentId = d.id;
    where.push({ department: departmentId });
  }

  const v = ctx.viewer;
  if (v?.kind === 'user' && !v.roles.some((r) => EVERY_TARGET.includes(r))) {
    const own = v.sectorIds;
    const ownDepartments = own.length ? (await ctx.em.find(Department, { sectors: { $in: own } })).map((d) => d.id) : [];
    if (sectorIds && !sectorIds.every((id) => own.includes(id))) throw forbidden('You read the targets of your sectors only');
    if (departmentId && !ownDepartments.includes(departmentId)) throw forbidden('You read the targets of the departments of your sectors only');
    where.push({
      $or: [
        { sector: null, department: null },
        ...(own.length ? [{ sector: { $in: own } }] : []),
        ...(ownDepartments.length ? [{ department: { $in: ownDepartments } }] : []),
      ],
    });
  }
  const targets = await ctx.em.find(KpiTarget, { $and: where }, { orderBy: { approvedAt: 'desc', createdAt: 'desc' } });
  const rank = (t: KpiTarget) => (t.department ? 2 : t.sector ? 1 : 0);
  const figures = Object.values(KpiFigure);
  return targets.sort((a, b) => figures.indexOf(a.figure) - figures.indexOf(b.figure) || rank(a) - rank(b));
}

/** Who approved or superseded a target: the name and login only, never the person's contacts. */
export async function actorOf(ref: Ref<User> | null | undefined): Promise<KpiTargetActor | null> {
  const u = ref ? await ref.load({ dataloader: true }) : null;
  return u ? { id: u.id, username: u.username, fullName: u.fullName } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures against their targets

/** The active targets of a municipality, loaded once per request however many KpiFigures ask (series, rankings). */
const perRequest = new WeakMap<EntityManager, DataLoader<string, (TargetCandidate & { target: KpiTarget })[]>>();
function activeTargets(ctx: Ctx): DataLoader<string, (TargetCandidate & { target: KpiTarget })[]> {
  let loader = perRequest.get(ctx.em);
  if (!loader) {
    loader = new DataLoader(async (municipalityIds) => {
      const rows = await ctx.em.find(KpiTarget, { municipality: { $in: [...municipalityIds] }, supersededAt: null });
      return municipalityIds.map((mid) =>
        rows
          .filter((t) => t.municipality.id === mid)
          .map((t) => ({
            id: t.id,
            figure: t.figure,
            sectorId: t.sector?.id ?? null,
            departmentId: t.department?.id ?? null,
            validFrom: t.validFrom,
            validTo: t.validTo ?? null,
            approvedAt: t.approvedAt,
            target: t,
          })),
      );
    });
    perRequest.set(ctx.em, loader);
  }
  return loader;
}

/**
 * Each figure of a KpiFigures that has a target for its scope and period (docs/kpi.md, "Targets"): the target
 * of the scope's department, else its one sector, else the municipality, valid on the period's first local date;
 * a region-wide scope has none. `slice`: the figures are a row of a ranking, a part of their scope.
 */
export async function figureStates(ctx: Ctx, f: KpiFigures, slice = false): Promise<KpiFigureState[]> {
  const unit = f.scope ? scopeUnit(f.scope, slice) : null;
  if (!unit) return [];
  const municipalityId = f.scope.municipalityIds![0]!;
  const candidates = await activeTargets(ctx).load(municipalityId);
  if (!candidates.length) return [];
  const zone = f.scope.zone;
  const start = DateTime.fromJSDate(f.from, { zone });
  const date = start.toISODate()!;
  const months = DateTime.fromJSDate(f.to, { zone }).diff(start, 'months').months;
  const states: KpiFigureState[] = [];
  for (const figure of Object.values(KpiFigure)) {
    const chosen = applicableTarget(candidates, figure, unit, date);
    if (!chosen) continue;
    const meta = KPI_FIGURES[figure];
    const factor = meta.perMonth ? months : 1;
    const target = chosen.target.value * factor;
    const margin = chosen.target.atRiskMargin * factor;
    const actual = (f[meta.field] as number | null | undefined) ?? null;
    states.push({
      figure,
      direction: meta.direction,
      level: levelOf(chosen),
      target,
      margin,
      actual,
      state: targetState(meta.direction, actual, target, margin),
      targetId: chosen.id,
    });
  }
  return states;
}
