import { Router, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx, Viewer } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { Permission } from '../auth/roles.js';
import { granted } from '../../graphql/auth-checker.js';
import { accessFactsOf, seesPersonalData } from '../items/item-access.js';
import { logPersonalDataAccess } from '../items/personal-data.service.js';
import { getItem } from '../items/item-queries.js';
import { Attachment } from './attachment.entity.js';
import { FileTooLargeError, type FileStore } from './file-store.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/i;

type Deps = {
  store: FileStore;
  /** The viewer and a tenant-scoped EntityManager for a request (the same as GraphQL's). */
  contextOf: (req: Request) => Promise<{ viewer: Viewer | null; em: EntityManager; now: () => Date }>;
};

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * `POST /files?name=<file name>` with the raw bytes as the body (Content-Type: the file's type) stores an
 * attachment and answers `{ id, fileName, mimeType, size, sha256 }`; attach it with `createItem(attachmentIds)` or
 * `attachFiles`. The header `X-Otklik-Upload: 1` is required, so that no cross-site form can post. `GET /files/:id`
 * downloads it for whoever may read its item.
 */
export function filesRouter(deps: Deps): Router {
  const router = Router();

  router.post('/', async (req: Request, res: Response) => {
    const { viewer, em, now } = await deps.contextOf(req);
    if (!viewer) return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (!granted(viewer, [Permission.ITEMS_WORK, Permission.ITEMS_CREATE])) {
      return fail(res, 403, ErrorCode.FORBIDDEN, 'This operation is not allowed for your role');
    }
    if (req.header('x-otklik-upload') !== '1') return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Send the header X-Otklik-Upload: 1');
    const name = String(req.query.name ?? '').trim().replace(/[\\/\0]/g, '_').slice(0, 255);
    if (!name) return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Name the file: ?name=');
    const mimeType = (req.header('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
    if (!MIME.test(mimeType)) return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Bad Content-Type');
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > MAX_FILE_BYTES) return fail(res, 413, ErrorCode.BAD_USER_INPUT, `At most ${MAX_FILE_BYTES} bytes`);
    let stored: { key: string; size: number; sha256: string };
    try {
      stored = await deps.store.put(req, MAX_FILE_BYTES);
    } catch (e) {
      if (e instanceof FileTooLargeError) return fail(res, 413, ErrorCode.BAD_USER_INPUT, `At most ${MAX_FILE_BYTES} bytes`);
      throw e;
    }
    if (stored.size === 0) {
      await deps.store.remove(stored.key);
      return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'The file is empty');
    }
    const attachment = em.create(Attachment, {
      municipality: viewer.municipalityId!,
      fileName: name,
      mimeType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedBy: viewer.kind === 'user' ? viewer.userId : undefined,
      createdAt: now(),
    });
    await em.flush();
    res.status(201).json({ id: attachment.id, fileName: name, mimeType, size: stored.size, sha256: stored.sha256 });
  });

  router.get('/:id', async (req: Request, res: Response) => {
    const { viewer, em, now } = await deps.contextOf(req);
    if (!viewer) return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (!granted(viewer, [Permission.ITEMS_READ])) return fail(res, 403, ErrorCode.FORBIDDEN, 'Not allowed');
    const id = String(req.params.id);
    const attachment = /^[0-9a-f-]{36}$/.test(id) ? await em.findOne(Attachment, { id }) : null;
    if (!attachment) return fail(res, 404, ErrorCode.NOT_FOUND, 'No such file');
    if (attachment.item) {
      // Only for those who reach its item (the access policy), as for the item itself ...
      const ctx = { em, viewer, now } as unknown as Ctx;
      const item = await getItem(ctx, attachment.item.id).catch(() => null);
      if (!item) return fail(res, 404, ErrorCode.NOT_FOUND, 'No such file');
      // ... and, since a scanned letter or a photo carries the applicant's personal data, only for those who see
      // the applicant in full; every download is written to the access log.
      if (!seesPersonalData(viewer, accessFactsOf(item))) {
        return fail(res, 403, ErrorCode.FORBIDDEN, 'Attachments may hold personal data: your role sees this item masked');
      }
      await logPersonalDataAccess(ctx, [item], 'DOWNLOAD');
    } else if (viewer.kind !== 'user' || attachment.uploadedBy?.id !== viewer.userId) {
      return fail(res, 404, ErrorCode.NOT_FOUND, 'No such file');
    }
    res.setHeader('Content-Type', attachment.mimeType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
    (await deps.store.get(attachment.storageKey)).pipe(res);
  });

  return router;
}
