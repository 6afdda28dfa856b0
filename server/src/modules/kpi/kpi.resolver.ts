import { Arg, Authorized, Ctx as Context, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { KpiBucket, KpiDimension, KpiFigures, KpiRankingRow, KpiScopeInput, KpiSeriesPoint } from './kpi.types.js';
import * as kpi from './kpi.service.js';

@Resolver(() => KpiFigures)
export class KpiResolver {
  @Authorized(Permission.KPI_READ)
  @Query(() => KpiFigures, { description: 'KPIs of a scope over [from, to) (docs/kpi.md); no personal data' })
  kpis(
    @Context() ctx: Ctx,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('scope', () => KpiScopeInput, { nullable: true }) scope?: KpiScopeInput,
  ) {
    return kpi.kpis(ctx, scope ?? undefined, from, to);
  }

  @Authorized(Permission.KPI_READ)
  @Query(() => [KpiSeriesPoint], { description: 'The figures per day, week or month of the municipality' })
  kpiSeries(
    @Context() ctx: Ctx,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('bucket', () => KpiBucket) bucket: KpiBucket,
    @Arg('scope', () => KpiScopeInput, { nullable: true }) scope?: KpiScopeInput,
  ) {
    return kpi.kpiSeries(ctx, scope ?? undefined, from, to, bucket);
  }

  @Authorized(Permission.KPI_READ)
  @Query(() => [KpiRankingRow], { description: 'The figures per department, sector, settlement, category or channel' })
  kpiRanking(
    @Context() ctx: Ctx,
    @Arg('by', () => KpiDimension) by: KpiDimension,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('scope', () => KpiScopeInput, { nullable: true }) scope?: KpiScopeInput,
  ) {
    return kpi.kpiRanking(ctx, scope ?? undefined, by, from, to);
  }

  @FieldResolver(() => KpiFigures, { description: 'The same figures for the period of the same length just before' })
  previous(@Root() f: KpiFigures & { live?: { previous?: KpiFigures } }, @Context() ctx: Ctx) {
    // Pushed figures (kpiUpdated) carry theirs, computed once for every subscriber.
    return f.live?.previous ?? kpi.previousOf(ctx, f);
  }
}
