import { Router, type Request, type Response } from 'express';
import type { Ctx } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { granted } from '../../graphql/auth-checker.js';
import { Permission } from '../auth/roles.js';
import { foreignPage } from '../exports/exports.routes.js';
import { FileTooLargeError, type FileStore } from '../files/file-store.js';
import { ImportFile } from './import.entity.js';
import { formatOf, headOf } from './import-reader.js';

type Deps = {
  store: FileStore;
  /** The viewer and a tenant-scoped context for a request (the same as GraphQL's). */
  contextOf: (req: Request) => Promise<Ctx>;
};

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * `POST /imports?name=<file name>` with the file's raw bytes as the body (CSV or XLSX) stores it for import, streamed
 * to the file store (never held whole), and answers `201 { id, fileName, format, size }`; then `importFile(id)`
 * previews it and `startImport` imports it (docs/api.md, "Bulk import"). The same credentials as /exports: a bearer
 * session or the session cookie from the dashboard's own pages; ITEMS_IMPORT; the header `X-Otklik-Upload: 1`, so
 * that no cross-site form can post. At most IMPORT_MAX_BYTES.
 */
export function importsRouter(deps: Deps): Router {
  const router = Router();

  router.post('/', async (req: Request, res: Response) => {
    const ctx = await deps.contextOf(req);
    const viewer = ctx.viewer;
    if (!viewer) return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (!granted(viewer, [Permission.ITEMS_IMPORT]) || viewer.kind !== 'user' || !viewer.municipalityId) {
      return fail(res, 403, ErrorCode.FORBIDDEN, 'This operation is not allowed for your role');
    }
    if (foreignPage(req, ctx.config.dashboardOrigins)) {
      return fail(res, 403, ErrorCode.FORBIDDEN, 'The session cookie is not accepted from another site; send a bearer token');
    }
    if (req.header('x-otklik-upload') !== '1') return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Send the header X-Otklik-Upload: 1');
    const name = String(req.query.name ?? '').trim().replace(/[\\/\0]/g, '_').slice(0, 255);
    if (!name) return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Name the file: ?name=');
    const max = ctx.config.importMaxBytes;
    if (Number(req.header('content-length') ?? 0) > max) return fail(res, 413, ErrorCode.BAD_USER_INPUT, `At most ${max} bytes`);
    let stored: { key: string; size: number; sha256: string };
    try {
      stored = await deps.store.put(req, max);
    } catch (e) {
      if (e instanceof FileTooLargeError) return fail(res, 413, ErrorCode.BAD_USER_INPUT, `At most ${max} bytes`);
      throw e;
    }
    const format = stored.size ? formatOf(name, await headOf(await deps.store.get(stored.key), 8)) : null;
    if (!format) {
      await deps.store.remove(stored.key);
      return fail(res, 400, ErrorCode.BAD_USER_INPUT, stored.size ? 'Not a CSV or XLSX file' : 'The file is empty');
    }
    const file = ctx.em.create(ImportFile, {
      municipality: viewer.municipalityId,
      fileName: name,
      format,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: viewer.userId,
    });
    await ctx.em.flush();
    res.status(201).json({ id: file.id, fileName: name, format, size: stored.size });
  });

  router.use((_req: Request, res: Response) => fail(res, 404, ErrorCode.NOT_FOUND, 'No such endpoint: POST /imports'));
  return router;
}
