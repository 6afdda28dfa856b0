import { Readable } from 'node:stream';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import type { Config } from '../../config.js';
import { systemEm, viewerEm, type Orm } from '../../db/orm.js';
import type { Ctx, TokenViewer } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import type { AppPubSub } from '../../graphql/pubsub.js';
import { logger } from '../../shared/logger.js';
import { municipalityWhere, writableMunicipalityId } from '../../shared/tenancy.js';
import { Scope, TokenKind } from '../auth/roles.js';
import { LocalFileStore, type FileStore } from '../files/file-store.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { reportContent, reportPeriod } from './report.content.js';
import { Report, ReportKind, ReportStatus } from './report.entity.js';
import { reportPdf } from './report.pdf.js';
import { reportXlsx } from './report.xlsx.js';

export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
export const MAX_REPORTS_PAGE = 100;
export const SCHEDULER = 'scheduler';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The first year a report may be of: the first the production calendar holds (CalendarYearInput). */
const FIRST_YEAR = 2000;

/** Where reports are kept: the same store as attachments (FILES_DIR). */
export function reportStore(config: Pick<Config, 'filesDir'>): FileStore {
  return new LocalFileStore(config.filesDir);
}

/** The start of the period a report covers, checked: a Monday for a weekly report, a 1st for a monthly one. */
export function periodStartOf(kind: ReportKind, periodStart: string, zone: string): DateTime {
  const start = DATE.test(periodStart) ? DateTime.fromISO(periodStart, { zone }) : null;
  if (!start?.isValid) throw badInput([{ field: 'periodStart', problems: ['a date YYYY-MM-DD'] }]);
  // The figures compare with the period before, and PostgreSQL has no year 0: no period before the calendar's first year.
  if (start.year < FIRST_YEAR) throw badInput([{ field: 'periodStart', problems: [`from ${FIRST_YEAR} on`] }]);
  if (kind === ReportKind.WEEKLY && start.weekday !== 1) throw badInput([{ field: 'periodStart', problems: ['a weekly report starts on a Monday'] }]);
  if (kind === ReportKind.MONTHLY && start.day !== 1) throw badInput([{ field: 'periodStart', problems: ['a monthly report starts on the 1st'] }]);
  return start;
}

/**
 * Computes the report of a period as `ctx`'s viewer, writes its XLSX and PDF to the store and records it (one per
 * municipality, kind and period: an existing one gets the new files, the old ones are removed).
 */
async function produce(ctx: Ctx, store: FileStore, m: Municipality, kind: ReportKind, start: DateTime, generatedBy: string): Promise<Report> {
  const { from, to } = reportPeriod(kind, start);
  const content = await reportContent(ctx, { kind, from, to, municipalityName: m.name, generatedBy });
  const [xlsx, pdf] = [await reportXlsx(content), await reportPdf(content)];
  const x = await store.put(Readable.from([xlsx]), MAX_REPORT_BYTES);
  const p = await store.put(Readable.from([pdf]), MAX_REPORT_BYTES).catch(async (e: unknown) => {
    await store.remove(x.key);
    throw e;
  });
  const em = ctx.em;
  const existing = await em.findOne(Report, { municipality: m.id, kind, periodFrom: content.periodFrom });
  const old = existing ? [existing.xlsxKey, existing.pdfKey] : [];
  const files = {
    status: ReportStatus.READY,
    periodTo: content.periodTo,
    generatedAt: content.generatedAt,
    generatedBy,
    xlsxKey: x.key,
    xlsxSize: x.size,
    xlsxSha256: x.sha256,
    pdfKey: p.key,
    pdfSize: p.size,
    pdfSha256: p.sha256,
  };
  const report = existing ? Object.assign(existing, files) : em.create(Report, { municipality: m.id, kind, periodFrom: content.periodFrom, ...files });
  try {
    await em.flush();
  } catch (e) {
    await Promise.all([store.remove(x.key), store.remove(p.key)]);
    throw e;
  }
  await Promise.all(old.map((k) => store.remove(k).catch(() => undefined)));
  return report;
}

/** `generateReport`: the viewer's municipality, now, as the viewer (REPORTS_GENERATE). */
export async function generateReport(ctx: Ctx, kind: ReportKind, periodStart: string): Promise<Report> {
  const municipalityId = writableMunicipalityId(ctx);
  const m = await ctx.em.findOne(Municipality, { id: municipalityId });
  if (!m) throw notFound('Municipality', municipalityId);
  const start = periodStartOf(kind, periodStart, m.timezone);
  if (start.toMillis() > ctx.now().getTime()) throw badInput([{ field: 'periodStart', problems: ['the period has not begun'] }]);
  const by = ctx.viewer?.kind === 'user' ? ctx.viewer.username : (ctx.viewer?.name ?? SCHEDULER);
  return produce(ctx, reportStore(ctx.config), m, kind, start, by);
}

/** `reports`: newest first (the period that ended last; of two ending together, the shorter); a regional reader sees every municipality's (or one's). */
export async function listReports(ctx: Ctx, args: { first: number; kind?: ReportKind | null; municipalityId?: string | null }): Promise<Report[]> {
  if (args.first < 1 || args.first > MAX_REPORTS_PAGE) throw badInput([{ field: 'first', problems: [`1 to ${MAX_REPORTS_PAGE}`] }]);
  return ctx.em.find(
    Report,
    { ...municipalityWhere(ctx, args.municipalityId), ...(args.kind ? { kind: args.kind } : {}) },
    { orderBy: { periodTo: 'desc', periodFrom: 'desc' }, limit: args.first },
  );
}

/** The viewer the scheduler computes a municipality's report as: a system reader of its KPIs and problems. */
export function schedulerViewer(municipalityId: string): TokenViewer {
  return { kind: 'token', tokenId: SCHEDULER, tokenKind: TokenKind.INTEGRATOR, scopes: [Scope.KPI_READ], sources: null, municipalityId, name: SCHEDULER, expiresAt: null };
}

/** The periods due at `now` in `zone`: the week before the last Monday 06:00, the month before the last 1st 06:00. */
export function duePeriods(now: Date, zone: string): { kind: ReportKind; start: DateTime }[] {
  const local = DateTime.fromJSDate(now, { zone });
  const week = local.startOf('week');
  const month = local.startOf('month');
  const weekAnchor = local >= week.plus({ hours: 6 }) ? week : week.minus({ weeks: 1 });
  const monthAnchor = local >= month.plus({ hours: 6 }) ? month : month.minus({ months: 1 });
  return [
    { kind: ReportKind.WEEKLY, start: weekAnchor.minus({ weeks: 1 }) },
    { kind: ReportKind.MONTHLY, start: monthAnchor.minus({ months: 1 }) },
  ];
}

/**
 * The scheduled job (hourly; docs/kpi.md, "Reports"): for every municipality, the weekly report of the previous
 * week once its Monday 06:00 local has passed, and the monthly report of the previous month once the 1st 06:00 has.
 * Idempotent: a report that exists for the kind and period is left alone.
 */
export async function runScheduledReports(deps: { orm: Orm; now: () => Date; config: Pick<Config, 'filesDir'> }): Promise<{ generated: number }> {
  const store = reportStore(deps.config);
  const municipalities = await systemEm(deps.orm).find(Municipality, {}, { orderBy: { code: 'asc' } });
  let generated = 0;
  for (const m of municipalities) {
    for (const due of duePeriods(deps.now(), m.timezone)) {
      const viewer = schedulerViewer(m.id);
      const em = viewerEm(deps.orm, viewer) as EntityManager;
      const exists = await em.count(Report, { municipality: m.id, kind: due.kind, periodFrom: due.start.toISODate()! });
      if (exists) continue;
      const ctx: Ctx = { em, viewer, now: deps.now, config: deps.config as Config, pubsub: undefined as unknown as AppPubSub };
      try {
        await produce(ctx, store, m, due.kind, due.start, SCHEDULER);
        generated++;
      } catch (e) {
        // Another instance made it meanwhile: nothing to do.
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
        logger.debug('report already generated', { municipality: m.code, kind: due.kind });
      }
    }
  }
  return { generated };
}
