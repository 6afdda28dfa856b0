import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../../config.js';
import type { Ctx, TokenViewer, Viewer } from '../../graphql/context.js';
import { AppError, ErrorCode, timedOut, unavailable } from '../../graphql/errors.js';
import { granted } from '../../graphql/auth-checker.js';
import type { AppPubSub } from '../../graphql/pubsub.js';
import type { TextUnderstanding } from '../text/proposal.js';
import { limitRequests, type RequestLimiter } from '../../graphql/rate-limit.js';
import { viewerEm, type Orm } from '../../db/orm.js';
import { logger, safeError } from '../../shared/logger.js';
import { Permission } from '../auth/roles.js';
import { Open311Error, parseW3, sendError, sendList, sendRecord, type Format } from './open311.format.js';
import {
  jurisdictionOf,
  listServices,
  postRequest,
  readRequests,
  requestOfToken,
  requestWindow,
  serviceDefinition,
  type PostedRequest,
  type RequestsQuery,
} from './open311.service.js';

type Deps = {
  /** The pool that serves requests (db/orm.ts openRequestOrm). */
  orm: Orm;
  /** Who holds a secret (app.ts: remembered for a moment, else checked in the database), or null. */
  viewerOf: (secret: string) => Promise<Viewer | null>;
  limiter: RequestLimiter;
  now: () => Date;
  config: Config;
  pubsub: AppPubSub;
  /** The machine's first pass over posted requests (modules/text). */
  text?: TextUnderstanding;
};

/** The resources, each with its methods; the format is the path's extension. */
const ROUTES: { pattern: RegExp; methods: string[]; name: 'services' | 'service' | 'requests' | 'request' | 'token' }[] = [
  { pattern: /^\/services\.(json|xml)$/, methods: ['GET'], name: 'services' },
  { pattern: /^\/services\/([^/]+)\.(json|xml)$/, methods: ['GET'], name: 'service' },
  { pattern: /^\/requests\.(json|xml)$/, methods: ['GET', 'POST'], name: 'requests' },
  { pattern: /^\/requests\/([^/]+)\.(json|xml)$/, methods: ['GET'], name: 'request' },
  { pattern: /^\/tokens\/([^/]+)\.(json|xml)$/, methods: ['GET'], name: 'token' },
];

/** The format a request asked for: its path's extension; XML (the specification's required format) otherwise. */
function formatOf(req: Request): Format {
  return /\.json$/i.test(req.path) ? 'json' : 'xml';
}

/** One value of an argument (query or form); a repeated single-valued argument is refused. */
function one(source: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = source?.[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Open311Error(400, `${name} is sent once, as text`);
  return v.trim() === '' ? undefined : v;
}

/** A list argument: comma-separated, and/or repeated (`status=open,closed`, `service_code=A&service_code=B`). */
function list(source: Record<string, unknown>, name: string): string[] | null {
  const v = source[name];
  const values = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return values.length ? [...new Set(values)] : null;
}

/**
 * Open311 GeoReport v2 at /open311/v2 (docs/open311.md): `services`, `services/{code}`, `requests` (GET, POST),
 * `requests/{id}`, `tokens/{token}`, each `.json` or `.xml`. Reading needs no key; a key, when given, is an API token
 * (`api_key`, in the query or the form, or `Authorization: Bearer`) and reads that token's municipality as the token
 * (the access policy's Open311 rule). Posting needs an integrator token with ITEMS_INGEST. The dashboard's session
 * cookie is never read here, so that no other site's page can post with a person's session. Every refusal is in the
 * specification's error format with its HTTP status.
 */
export function open311Router(deps: Deps): Router {
  const router = Router();

  // The answers are public (the personal data are never in them) and no cookie is read: any page may read them.
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // A form (the specification's) or JSON; attributes (`attribute[code]`) arrive as plain keys and are not read.
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }), express.json({ limit: '64kb' }));

  const keyOf = (req: Request): string | undefined => {
    const fromBody = req.method === 'POST' ? one(req.body as Record<string, unknown>, 'api_key') : undefined;
    return fromBody ?? one(req.query as Record<string, unknown>, 'api_key') ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  };
  const viewers = new WeakMap<Request, Promise<Viewer | null>>();
  /** The api_key's viewer, resolved once per request (the rate limit keys on it, then the handler reads it). */
  const viewerOf = (req: Request): Promise<Viewer | null> => {
    let viewer = viewers.get(req);
    if (!viewer) {
      let key: string | undefined;
      try {
        key = keyOf(req);
      } catch {
        key = undefined;
      }
      viewers.set(req, (viewer = key ? deps.viewerOf(key) : Promise.resolve(null)));
    }
    return viewer;
  };
  router.use(limitRequests(deps.limiter, viewerOf, 'route', (res, refusal) => sendError(res, formatOf(res.req), 429, refusal.message)));

  router.use(async (req: Request, res: Response) => {
    const format = formatOf(req);
    try {
      const route = ROUTES.find((r) => r.pattern.test(req.path));
      if (!route) throw new Open311Error(404, 'No such resource: services, services/{service_code}, requests, requests/{service_request_id} or tokens/{token}, each .json or .xml');
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      if (!route.methods.includes(method)) {
        res.setHeader('Allow', route.methods.join(', '));
        throw new Open311Error(405, `${req.method} is not served here (${route.methods.join(', ')})`);
      }
      const [, first] = route.pattern.exec(req.path)!;
      const query = req.query as Record<string, unknown>;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const args = method === 'POST' ? { ...query, ...body } : query;

      const key = keyOf(req);
      let viewer: Viewer | null;
      try {
        viewer = key ? await viewerOf(req) : null;
      } catch (e) {
        if (unavailable(e)) throw new Open311Error(503, 'The service cannot reach its database just now; try again in a few seconds');
        throw e;
      }
      if (key && viewer?.kind !== 'token') throw new Open311Error(403, 'Invalid api_key: send an API token (otk_…) that the head of the МЦУ issued');
      // A post without a key is refused as such before anything else is asked of it.
      if (method === 'POST' && !key) throw new Open311Error(403, 'api_key was not provided: posting a request needs an API token with the ITEMS_INGEST scope');
      const token = viewer as TokenViewer | null;
      const j = await jurisdictionOf(viewerEm(deps.orm, null), one(args, 'jurisdiction_id'), token);
      const em = viewerEm(deps.orm, { municipalityId: j.id });

      switch (route.name) {
        case 'services':
          return sendList(res, format, 200, 'services', 'service', await listServices(em));
        case 'service':
          return sendRecord(res, format, 'service_definition', await serviceDefinition(em, decodeURIComponent(first!)));
        case 'request': {
          const id = decodeURIComponent(first!);
          const found = await readRequests(em, j, token, { numbers: [id] }, filesUrl(req));
          if (!found.length) throw new Open311Error(404, `service_request_id ${id} was not found`);
          return sendList(res, format, 200, 'service_requests', 'request', found);
        }
        case 'token':
          return sendList(res, format, 200, 'service_requests', 'request', await requestOfToken(em, token, decodeURIComponent(first!)));
        case 'requests':
          if (method === 'GET') return sendList(res, format, 200, 'service_requests', 'request', await readRequests(em, j, token, requestsQuery(query, deps.now()), filesUrl(req)));
          if (!granted(token!, [Permission.ITEMS_INGEST])) throw new Open311Error(403, 'This api_key may not post requests: it needs the ITEMS_INGEST scope');
          return sendList(res, format, 200, 'service_requests', 'request', [await post(req, token!, j, args, em)]);
      }
    } catch (e) {
      failWith(res, format, e);
    }
  });

  async function post(req: Request, token: TokenViewer, j: Parameters<typeof postRequest>[1], args: Record<string, unknown>, em: Ctx['em']) {
    const idempotencyKey = req.header('idempotency-key')?.trim() || undefined;
    if (idempotencyKey !== undefined && (idempotencyKey.length > 200 || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
      throw new Open311Error(400, 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const names = ['service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'first_name', 'last_name', 'phone', 'description', 'media_url'] as const;
    const posted: PostedRequest = Object.fromEntries(names.map((n) => [n, one(args, n)]));
    const ctx = { viewer: token, em, now: deps.now, config: deps.config, pubsub: deps.pubsub, text: deps.text };
    return postRequest(ctx, j, posted, idempotencyKey);
  }

  // A body that cannot be read (malformed JSON, too large): in the specification's format too.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string };
    if (e.type === 'entity.too.large') return sendError(res, formatOf(req), 413, 'The request body is too large (at most 64 KB)');
    sendError(res, formatOf(req), 400, 'The request body could not be read (send application/x-www-form-urlencoded or JSON in UTF-8)');
  });
  return router;
}

/** Where the files a request links to are downloaded (`GET /files/{id}`, with the same api_key as a bearer token). */
function filesUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}/files`;
}

/** GET requests' arguments: `service_request_id` overrides the others; else service codes, the window and statuses. */
function requestsQuery(query: Record<string, unknown>, now: Date): RequestsQuery {
  const numbers = list(query, 'service_request_id');
  if (numbers) return { numbers: numbers.slice(0, 1000) };
  const start = one(query, 'start_date');
  const end = one(query, 'end_date');
  const statuses = list(query, 'status');
  const wrong = statuses?.find((s) => s !== 'open' && s !== 'closed');
  if (wrong) throw new Open311Error(400, `status ${wrong} is not open or closed`);
  return {
    codes: list(query, 'service_code'),
    ...requestWindow(start ? parseW3(start, 'start_date') : null, end ? parseW3(end, 'end_date') : null, now),
    statuses: statuses as ('open' | 'closed')[] | null,
  };
}

function failWith(res: Response, format: Format, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof Open311Error) return sendError(res, format, e.status, e.message);
  if (e instanceof AppError && e.extensions.code === ErrorCode.RATE_LIMITED) {
    res.setHeader('Retry-After', String(e.extensions.retryAfter));
    return sendError(res, format, 429, e.message);
  }
  if (unavailable(e)) return sendError(res, format, 503, 'The service cannot reach its database just now; try again in a few seconds');
  if (timedOut(e)) return sendError(res, format, 503, 'The request took too long in the database and was stopped; ask for less');
  logger.error('open311 request failed', safeError(e));
  sendError(res, format, 500, 'Internal server error');
}
