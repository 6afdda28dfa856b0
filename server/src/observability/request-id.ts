import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { withLogFields } from '../shared/logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept only when it is short and plain (a proxy's UUID or hex); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Every HTTP request gets an id: the proxy's `X-Request-Id` when it sent a sane one, a new UUID otherwise. It is
 * echoed in the response's `X-Request-Id` and carried by every log line written while the request is served.
 */
export function requestIds() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.setHeader(REQUEST_ID_HEADER, id);
    withLogFields({ requestId: id }, next);
  };
}
