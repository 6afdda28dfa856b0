import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from './context.js';
import { AppError, ErrorCode } from './errors.js';

/**
 * How much one client may ask of the server (docs/security.md, "Rate limits and timeouts").
 *
 * A client is the person signed in (all their sessions together), the API token, or, for a request without valid
 * credentials, the address it comes from. Each has a budget of operations: `perSecond` sustained and, above that,
 * `burst` more within a minute (a page that opens, a socket that reconnects and subscribes again). Every GraphQL
 * operation over HTTP, every operation started over graphql-ws (a `subscribe` message) and every request to /files,
 * /exports and /reports spends one. Beside the budget, at most `concurrent` HTTP requests of a client run at once: the
 * next is refused at once, not queued, so that one client cannot fill the request pool with slow requests (each is
 * also cut by the statement timeout, db/orm.ts) and the others, sign-in among them, go on being served; /readyz and
 * the jobs have a pool of their own.
 *
 * A refusal is RATE_LIMITED with `retryAfter` (seconds), over HTTP 429 with `Retry-After`.
 *
 * The counts are kept in this process's memory (rate-limiter-flexible's RateLimiterMemory: a fixed one-second window
 * and a one-minute window for the burst, the second spent only once the first is, as its BurstyRateLimiter does).
 * With N instances behind a balancer a client may spend up to N times its budget. That is accepted: the limits are
 * there to keep one client from taking an instance's CPU and connections, which is a per-instance resource, and a
 * shared count would cost a database round trip per request.
 */
export type RateLimits = {
  /** Operations a client may start per second, sustained (0: no rate limit) */
  perSecond: number;
  /** Operations a client may start above that rate within a minute */
  burst: number;
  /** HTTP requests of one client that may run at once (0: no cap) */
  concurrent: number;
};

/**
 * A person at the dashboard starts a handful of operations when a page opens and well under one a second otherwise;
 * a browser runs at most six requests to one server at once. 20 a second with 200 more within a minute is ten times
 * a page opening; 8 at once is more than a browser sends and under half of the request pool (db/orm.ts).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perSecond: 20, burst: 200, concurrent: 8 };

/** The refusal: RATE_LIMITED with the seconds to wait, answered 429 with `Retry-After` over HTTP. */
export function rateLimited(retryAfter: number, message: string): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, message, {
    retryAfter,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
  });
}

/** Whose budget a request spends: the person, the API token, or without credentials the client's address. */
export function clientKey(viewer: Viewer | null, address: string | undefined): string {
  if (viewer?.kind === 'user') return `user:${viewer.userId}`;
  if (viewer?.kind === 'token') return `token:${viewer.tokenId}`;
  return `address:${address ?? 'unknown'}`;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address of a WebSocket upgrade, as Express reads an HTTP request's with `trust proxy: loopback`
 * (app.ts): X-Forwarded-For is believed only as far as the proxies that sent it are on this machine.
 */
export function clientAddress(request: IncomingMessage): string | undefined {
  let address = request.socket.remoteAddress;
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  while (address && LOOPBACK.test(address) && forwarded.length) address = forwarded.pop();
  return address;
}

export class RequestLimiter {
  private readonly budget: BurstyRateLimiter | RateLimiterMemory | null;
  private readonly running = new Map<string, number>();

  constructor(private readonly limits: RateLimits) {
    if (limits.perSecond <= 0) {
      this.budget = null;
      return;
    }
    const sustained = new RateLimiterMemory({ keyPrefix: 'rate', points: limits.perSecond, duration: 1 });
    this.budget =
      limits.burst > 0
        ? new BurstyRateLimiter(sustained, new RateLimiterMemory({ keyPrefix: 'burst', points: limits.burst, duration: 60 }))
        : sustained;
  }

  /** Spends one operation of the client's budget; throws RATE_LIMITED, with the seconds until it may go on, when spent. */
  async spend(key: string): Promise<void> {
    if (!this.budget) return;
    try {
      await this.budget.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw rateLimited(retryAfter, `Too many requests; try again in ${retryAfter} s`);
    }
  }

  /**
   * Takes one of the client's places for requests in progress and returns what gives it back (once); throws
   * RATE_LIMITED when every place is taken.
   */
  enter(key: string): () => void {
    const cap = this.limits.concurrent;
    if (cap <= 0) return () => undefined;
    const running = this.running.get(key) ?? 0;
    if (running >= cap) throw rateLimited(1, `Too many requests at once (at most ${cap} in progress); try again when one has finished`);
    this.running.set(key, running + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const still = (this.running.get(key) ?? 1) - 1;
      if (still > 0) this.running.set(key, still);
      else this.running.delete(key);
    };
  }
}

/**
 * Express middleware in front of /graphql and the file routes: the request takes a place among its client's requests
 * in progress until its response ends, and spends one operation; a refusal is answered 429 with `Retry-After`, in the
 * GraphQL error format on /graphql and as the routes' `{ error: { code, message } }` on the others. The viewer comes
 * from `viewerOf`, which the handler asks again (app.ts resolves it once per request); when it cannot be resolved (the
 * database is away) the request is not counted and its handler answers the failure as it always has.
 */
export function limitRequests(
  limiter: RequestLimiter,
  viewerOf: (req: Request) => Promise<Viewer | null>,
  shape: 'graphql' | 'route',
  /** Answers a refusal in a route's own error format instead (Open311's, modules/open311); 429 and Retry-After are set. */
  refuse?: (res: Response, refusal: { code: string; message: string; retryAfter: number }) => void,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    let viewer: Viewer | null;
    try {
      viewer = await viewerOf(req);
    } catch {
      return next();
    }
    const key = clientKey(viewer, req.ip);
    let leave: () => void;
    try {
      leave = limiter.enter(key);
      await limiter.spend(key).catch((e: unknown) => {
        leave();
        throw e;
      });
    } catch (e) {
      if (!(e instanceof AppError)) return next(e);
      const retryAfter = Number(e.extensions.retryAfter);
      res.setHeader('Retry-After', String(retryAfter));
      const refusal = { code: ErrorCode.RATE_LIMITED, message: e.message, retryAfter };
      if (refuse) return void refuse(res.status(429), refusal);
      res
        .status(429)
        .json(shape === 'graphql' ? { errors: [{ message: e.message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfter } }] } : { error: refusal });
      return;
    }
    res.once('close', leave);
    next();
  };
}
