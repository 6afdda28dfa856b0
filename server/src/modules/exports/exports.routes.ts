import { Router, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Ctx } from '../../graphql/context.js';
import { ErrorCode, timedOut } from '../../graphql/errors.js';
import { granted } from '../../graphql/auth-checker.js';
import { originAllowed } from '../../graphql/live-sockets.js';
import { logger, safeError } from '../../shared/logger.js';
import { Permission } from '../auth/roles.js';
import { csvWriter, ExportAborted, xlsxWriter, type RowWriter } from './export-writers.js';
import type { Cell } from './item-export.columns.js';
import { itemFilterReader, readExportQuery, type ItemExportOptions } from './item-export.query.js';
import { exportItems, type ItemExport } from './item-export.service.js';

type Deps = {
  schema: GraphQLSchema;
  /** The viewer and a tenant-scoped context for a request (the same as GraphQL's). */
  contextOf: (req: Request) => Promise<Ctx>;
};

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

function fail(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { code, message, ...extra } });
}

/** An error before the first byte of the file, as `{ error: { code, message, fields? } }` with its HTTP status. */
function failWith(res: Response, e: unknown): void {
  if (e instanceof GraphQLError && typeof e.extensions.code === 'string' && STATUS[e.extensions.code]) {
    const { code, ...extensions } = e.extensions as { code: string; fields?: unknown };
    return fail(res, STATUS[code]!, code, e.message, 'fields' in extensions ? { fields: extensions.fields } : {});
  }
  // PostgreSQL could not read a value of the filter (e.g. an id that is not a UUID): the caller's mistake.
  if ((e as { code?: string } | null)?.code === '22P02') {
    return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Invalid input: a value is malformed (for example an id that is not a UUID)');
  }
  // statement_timeout stopped a statement (db/orm.ts): the export asked for too much at once.
  if (timedOut(e)) {
    return fail(res, 503, ErrorCode.QUERY_TIMEOUT, 'The export took too long in the database and was stopped; narrow the filter or the period');
  }
  logger.error('export failed', safeError(e));
  fail(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/**
 * A page of another site may not use the dashboard's session cookie (a top-level link still carries a SameSite=Lax
 * cookie): with the cookie, a request whose Origin, or for a cross-site navigation whose Referer, is neither this
 * server nor one of DASHBOARD_ORIGINS is refused. A bearer token is not affected.
 */
export function foreignPage(req: Request, allowed: readonly string[]): boolean {
  if (/^Bearer\s/i.test(req.headers.authorization ?? '')) return false;
  if (req.headers.origin) return !originAllowed(req.headers.origin, req.headers.host, allowed);
  if (req.headers['sec-fetch-site'] !== 'cross-site') return false;
  let referer: string;
  try {
    referer = new URL(req.headers.referer ?? '').origin;
  } catch {
    return true;
  }
  return !originAllowed(referer, req.headers.host, allowed);
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;

/**
 * `GET /exports/items.csv` and `GET /exports/items.xlsx`: every item of an inbox filter, one row each, streamed
 * (docs/api.md "Exports"). Query: `filter` (JSON of the GraphQL input ItemFilter), `sort` (ItemSort, default
 * RECEIVED_ASC), `personalData=1` (the applicant's columns), `delimiter=comma` (CSV; default semicolon). Reads only;
 * the one write is the access log of the applicants exported in full. The same viewer as GraphQL: a bearer token
 * or the session cookie (from this server's pages or DASHBOARD_ORIGINS only).
 */
/** Exports of this process still writing (for operations and for tests that wait for one to stop). */
let streaming = 0;
export const exportsStreaming = (): number => streaming;

export function exportsRouter(deps: Deps): Router {
  const router = Router();
  const readFilter = itemFilterReader(deps.schema);

  const handle = (format: keyof typeof FORMATS) => async (req: Request, res: Response) => {
    let ctx: Ctx;
    try {
      ctx = await deps.contextOf(req);
    } catch (e) {
      return failWith(res, e);
    }
    const viewer = ctx.viewer;
    if (!viewer) return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (!granted(viewer, [Permission.ITEMS_READ])) return fail(res, 403, ErrorCode.FORBIDDEN, 'This operation is not allowed for your role');
    if (foreignPage(req, ctx.config.dashboardOrigins)) {
      return fail(res, 403, ErrorCode.FORBIDDEN, 'The session cookie is not accepted from another site; send a bearer token');
    }

    // Everything that can be refused is refused before the first byte: the query, the filter, the first page.
    let options: ItemExportOptions;
    let exp: ItemExport;
    let first: IteratorResult<Cell[][], void> | null = null;
    try {
      options = await readExportQuery(req.query as Record<string, unknown>, readFilter);
      exp = await exportItems(ctx, options);
      // HEAD (which Express routes here too) reads no row: nothing to send, nothing to log.
      if (req.method !== 'HEAD') first = await exp.pages.next();
    } catch (e) {
      return failWith(res, e);
    }

    const day = ctx.now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', FORMATS[format].type);
    res.setHeader('Content-Disposition', `attachment; filename="otklik-items-${day}.${format}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!first) {
      await exp.pages.return();
      return void res.end();
    }
    const writer: RowWriter = format === 'csv' ? csvWriter(res, exp.columns, options.delimiter) : xlsxWriter(res, exp.columns, 'Выгрузка');
    streaming += 1;
    try {
      if (!first.done) await writer.write(first.value);
      // The generator, already started, goes on from its second page.
      for await (const rows of exp.pages) await writer.write(rows);
      await writer.end();
    } catch (e) {
      // The file is cut short: end the connection without a proper ending, so that the client sees a failed download.
      await exp.pages.return();
      if (!(e instanceof ExportAborted)) logger.error('export failed while streaming', safeError(e));
      res.destroy();
    } finally {
      streaming -= 1;
    }
  };

  router.get('/items.csv', handle('csv'));
  router.get('/items.xlsx', handle('xlsx'));
  router.use((_req: Request, res: Response) => fail(res, 404, ErrorCode.NOT_FOUND, 'No such export: GET /exports/items.csv or /exports/items.xlsx'));
  return router;
}
