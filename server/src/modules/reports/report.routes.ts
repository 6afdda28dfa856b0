import { Router, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context.js';
import { granted } from '../../graphql/auth-checker.js';
import { ErrorCode } from '../../graphql/errors.js';
import { Permission } from '../auth/roles.js';
import type { FileStore } from '../files/file-store.js';
import { Report, ReportKind } from './report.entity.js';

type Deps = {
  store: FileStore;
  /** The viewer and a tenant-scoped EntityManager for a request (the same as GraphQL's). */
  contextOf: (req: Request) => Promise<{ viewer: Viewer | null; em: EntityManager }>;
};

const FORMATS = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', key: 'xlsxKey', size: 'xlsxSize' },
  pdf: { type: 'application/pdf', key: 'pdfKey', size: 'pdfSize' },
} as const;

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * `GET /reports/<id>.xlsx` and `GET /reports/<id>.pdf` download a generated report (REPORTS_READ), with the same
 * credentials as GraphQL (Bearer token or the session cookie). Another municipality's report is 404.
 */
export function reportsRouter(deps: Deps): Router {
  const router = Router();
  router.get('/:file', async (req: Request, res: Response) => {
    const { viewer, em } = await deps.contextOf(req);
    if (!viewer) return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (!granted(viewer, [Permission.REPORTS_READ])) return fail(res, 403, ErrorCode.FORBIDDEN, 'Not allowed');
    const m = /^([0-9a-f-]{36})\.(xlsx|pdf)$/.exec(String(req.params.file));
    // The tenant filter of `em` leaves out every other municipality's report.
    const report = m ? await em.findOne(Report, { id: m[1]! }) : null;
    if (!m || !report) return fail(res, 404, ErrorCode.NOT_FOUND, 'No such report');
    const format = FORMATS[m[2] as keyof typeof FORMATS];
    const name = `otchet-${report.kind === ReportKind.WEEKLY ? 'nedelya' : 'mesyac'}-${report.periodFrom}.${m[2]}`;
    res.setHeader('Content-Type', format.type);
    res.setHeader('Content-Length', String(report[format.size]));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    (await deps.store.get(report[format.key])).pipe(res);
  });
  return router;
}
