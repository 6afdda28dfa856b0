import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx as Context, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { KpiTarget } from './kpi-target.entity.js';
import { KPI_FIGURES, KpiDirection, KpiFigure, KpiFigureState, KpiTargetActor, KpiTargetInput, KpiTargetLevel, levelOf } from './kpi-target.types.js';
import { KpiFigures } from './kpi.types.js';
import * as targets from './kpi-target.service.js';

@Resolver(() => KpiTarget)
export class KpiTargetResolver {
  @Authorized(Permission.KPI_READ)
  @Query(() => [KpiTarget], { description: 'Approved KPI targets, active ones or the whole history (docs/kpi.md, "Targets")' })
  kpiTargets(
    @Context() ctx: Ctx,
    @Arg('figure', () => KpiFigure, { nullable: true }) figure?: KpiFigure,
    @Arg('sectorCode', () => String, { nullable: true, description: 'Targets of this sector' }) sectorCode?: string,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Targets of this department' }) departmentId?: string,
    @Arg('includeSuperseded', () => Boolean, { nullable: true, defaultValue: false, description: 'Also the targets later approvals replaced' }) includeSuperseded?: boolean,
    @Arg('municipalityId', () => ID, { nullable: true, description: 'For a regional reader: one municipality' }) municipalityId?: string,
  ) {
    return targets.listKpiTargets(ctx, { figure, sectorCode, departmentId, includeSuperseded, municipalityId });
  }

  @Authorized(Permission.KPI_TARGETS_MANAGE)
  @Mutation(() => KpiTarget, { description: 'The curator approves a target; overlapping active ones of the same figure and unit are superseded' })
  setKpiTarget(@Context() ctx: Ctx, @Arg('input', () => KpiTargetInput) input: KpiTargetInput) {
    return targets.setKpiTarget(ctx, input);
  }

  @FieldResolver(() => KpiTargetLevel)
  level(@Root() t: KpiTarget): KpiTargetLevel {
    return levelOf({ sectorId: t.sector?.id ?? null, departmentId: t.department?.id ?? null });
  }

  @FieldResolver(() => KpiDirection)
  direction(@Root() t: KpiTarget): KpiDirection {
    return KPI_FIGURES[t.figure].direction;
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() t: KpiTarget) {
    return t.sector?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() t: KpiTarget) {
    return t.department?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => KpiTargetActor)
  async approvedBy(@Root() t: KpiTarget) {
    return targets.actorOf(t.approvedBy);
  }

  @FieldResolver(() => KpiTargetActor, { nullable: true, description: 'Who approved the target that replaced it' })
  supersededBy(@Root() t: KpiTarget) {
    return targets.actorOf(t.supersededBy);
  }
}

/** Adds `targets` to KpiFigures (type-graphql merges it with the fields of KpiResolver). */
@Resolver(() => KpiFigures)
export class KpiFigureTargetsResolver {
  @FieldResolver(() => [KpiFigureState], { description: 'Each figure that has a target for this scope and period, against it (docs/kpi.md, "Targets")' })
  targets(@Root() f: KpiFigures & { live?: { targets?: KpiFigureState[] } }, @Context() ctx: Ctx, @Info() info: GraphQLResolveInfo) {
    // Pushed figures (kpiUpdated) carry theirs, computed once for every subscriber.
    if (f.live?.targets) return f.live.targets;
    // A row of kpiRanking (or its `previous`) is a part of the ranking's scope: counts get no target there.
    let path = info.path.prev;
    while (path && path.typename === 'KpiFigures') path = path.prev;
    return targets.figureStates(ctx, f, path?.typename === 'KpiRankingRow');
  }
}
