import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Viewer } from '../graphql/context.js';
import { granted } from '../graphql/auth-checker.js';
import { ErrorCode, unavailable } from '../graphql/errors.js';
import { Permission } from '../modules/auth/roles.js';
import type { Metrics } from './metrics.js';

type Deps = {
  metrics: Metrics;
  /** METRICS_TOKEN: the installation's bearer secret for Prometheus (unset: only people with METRICS_READ). */
  token: string | undefined;
  /** The viewer of a request, by the same credentials as GraphQL (Bearer token or the session cookie). */
  viewerOf: (req: Request) => Promise<Viewer | null>;
};

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Compares two secrets in a time that does not depend on where they differ (nor on their lengths). */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * `GET /metrics`: the Prometheus text of this instance (observability/metrics.ts), for `Authorization: Bearer
 * <METRICS_TOKEN>` (Prometheus) or a viewer granted METRICS_READ (modules/auth/roles.ts). Anybody else: 401, or
 * 403 for a viewer without it, as `{ "error": { "code", "message" } }`.
 */
export function metricsRouter(deps: Deps): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const byToken = deps.token !== undefined && presented !== undefined && sameSecret(presented, deps.token);
    if (!byToken) {
      let viewer: Viewer | null;
      try {
        viewer = await deps.viewerOf(req);
      } catch (e) {
        if (unavailable(e)) return fail(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The credential cannot be checked without the database; use METRICS_TOKEN');
        throw e;
      }
      if (!viewer) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="otklik-metrics"');
        return fail(res, 401, ErrorCode.UNAUTHENTICATED, 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
      }
      if (!granted(viewer, [Permission.METRICS_READ])) return fail(res, 403, ErrorCode.FORBIDDEN, 'This operation is not allowed for your role');
    }
    const text = await deps.metrics.registry.metrics();
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(text);
  });
  router.use((_req: Request, res: Response) => fail(res, 404, ErrorCode.NOT_FOUND, 'No such endpoint: GET /metrics'));
  return router;
}
