import { Arg, Authorized, Ctx as Context, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { Report, ReportKind } from './report.entity.js';
import { generateReport, listReports } from './report.service.js';

@Resolver(() => Report)
export class ReportResolver {
  @Authorized(Permission.REPORTS_READ)
  @Query(() => [Report], { description: 'Generated reports, newest first: the period that ended last (docs/kpi.md, "Reports")' })
  reports(
    @Context() ctx: Ctx,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100' }) first: number,
    @Arg('kind', () => ReportKind, { nullable: true }) kind?: ReportKind,
    @Arg('municipalityId', () => ID, { nullable: true, description: 'For a regional reader: one municipality' }) municipalityId?: string,
  ) {
    return listReports(ctx, { first, kind, municipalityId });
  }

  @Authorized(Permission.REPORTS_GENERATE)
  @Mutation(() => Report, { description: 'Generates the XLSX and PDF of a period now (again, if it exists) and returns the report' })
  generateReport(
    @Context() ctx: Ctx,
    @Arg('kind', () => ReportKind) kind: ReportKind,
    @Arg('periodStart', { description: 'The first day (YYYY-MM-DD, local): a Monday for WEEKLY, the 1st for MONTHLY' }) periodStart: string,
  ) {
    return generateReport(ctx, kind, periodStart);
  }

  @FieldResolver(() => ID, { description: 'The municipality it is about' })
  municipalityId(@Root() r: Report): string {
    return r.municipality.id;
  }

  @FieldResolver(() => String, { description: 'Download the workbook: GET this path with the same credentials' })
  xlsxUrl(@Root() r: Report): string {
    return `/reports/${r.id}.xlsx`;
  }

  @FieldResolver(() => String, { description: 'Download the PDF: GET this path with the same credentials' })
  pdfUrl(@Root() r: Report): string {
    return `/reports/${r.id}.pdf`;
  }
}
