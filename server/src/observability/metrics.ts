import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ServerOptions, Context as WsContext } from 'graphql-ws';
import { getOperationAST, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Ctx, Viewer } from '../graphql/context.js';
import { systemEm, type Orm } from '../db/orm.js';
import { QUEUES } from '../jobs/scheduler.js';
import { CLOSED_STATUSES } from '../modules/items/lifecycle.js';
import { logger, safeError } from '../shared/logger.js';
import { logOperation, type OperationFacts } from './access-log.js';

/**
 * The server's figures in the Prometheus format, for `GET /metrics` (observability/metrics.routes.ts;
 * docs/operations.md "Metrics"). Each instance keeps its own (one registry per app); Prometheus scrapes each.
 *
 * Nothing here carries personal data or a municipality's text: labels are operation names (bounded, below),
 * error codes, route classes, HTTP statuses, queue names and municipality codes; values are counts and durations.
 */

/** At most this many distinct operation names are labels; later ones count as "other" (names come from clients). */
export const MAX_OPERATION_NAMES = 500;
/** Likewise for error codes (the server's own, so far fewer in practice). */
export const MAX_ERROR_CODES = 100;
/** The figures read from the database are read at most this often, however often Prometheus scrapes. */
export const DATABASE_FIGURES_TTL_MS = 10_000;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

type OperationType = OperationFacts['type'];

/** A bounded set of label values: a value is itself while it is sane and there is room, "other" after. */
class LabelSet {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly sane: RegExp,
  ) {}

  label(value: string): string {
    if (!this.sane.test(value)) return 'other';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** Which part of the server a path belongs to: a label with a handful of values. */
export function routeClass(path: string): string {
  const first = /^\/([^/]*)/.exec(path)?.[1] ?? '';
  switch (first) {
    case 'graphql':
    case 'files':
    case 'exports':
    case 'reports':
    case 'metrics':
    case 'open311':
      return first;
    case 'healthz':
    case 'readyz':
      return 'health';
    default:
      return 'web';
  }
}

/** A read of the database behind a gauge, cached for `ttlMs`; null when it failed (the gauge then shows nothing). */
function cached<T>(ttlMs: number, what: string, load: () => Promise<T>): () => Promise<T | null> {
  let at = Number.NEGATIVE_INFINITY;
  let value: T | null = null;
  let pending: Promise<T | null> | null = null;
  return () => {
    if (performance.now() - at < ttlMs) return Promise.resolve(value);
    pending ??= load()
      .catch((e: unknown) => {
        logger.warn(`metrics: ${what} could not be read`, safeError(e));
        return null;
      })
      .then((v) => {
        value = v;
        at = performance.now();
        pending = null;
        return v;
      });
    return pending;
  };
}

type TarnPool = { numUsed(): number; numFree(): number; numPendingAcquires(): number; numPendingCreates(): number };

/** The knex (tarn) pool under an ORM; undefined once it is closed. */
function poolOf(orm: Orm): TarnPool | undefined {
  try {
    return (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool ?? undefined;
  } catch {
    return undefined;
  }
}

export type MetricsDeps = {
  /** The server's own pool: the figures below are read through it (the system's work, never cut by a request timeout). */
  orm: Orm;
  /** The connection pools to report, by name (the `pool` label). */
  pools: Record<string, Orm>;
  now: () => Date;
  /** Whether the database answers (db/db-watch.ts): while it does not, no figure is read from it. */
  database: { readonly up: boolean };
};

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new LabelSet(MAX_OPERATION_NAMES, GRAPHQL_NAME);
  private readonly codes = new LabelSet(MAX_ERROR_CODES, ERROR_CODE);
  private readonly requests: Counter<'operation' | 'type' | 'transport'>;
  private readonly duration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code'>;
  private readonly http: Counter<'route' | 'status'>;
  /** graphql-ws connections that have started a subscription: their live subscriptions are counted at a scrape. */
  private readonly subscribers = new Set<WsContext>();
  private openSockets: () => number = () => 0;

  constructor(private readonly deps: MetricsDeps) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.requests = new Counter({
      name: 'otklik_graphql_requests_total',
      help: 'GraphQL operations received, by operation name, type and transport (http or ws)',
      labelNames: ['operation', 'type', 'transport'],
      registers,
    });
    this.duration = new Histogram({
      name: 'otklik_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation over HTTP to sending its answer',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'otklik_graphql_errors_total',
      help: 'GraphQL errors answered, by extensions.code (over HTTP and WebSocket)',
      labelNames: ['code'],
      registers,
    });
    this.http = new Counter({
      name: 'otklik_http_requests_total',
      help: 'HTTP requests answered, by route class and status',
      labelNames: ['route', 'status'],
      registers,
    });

    const self = this;
    new Gauge({
      name: 'otklik_websocket_connections',
      help: 'Open WebSocket connections',
      registers,
      collect() {
        this.set(self.openSockets());
      },
    });
    new Gauge({
      name: 'otklik_subscriptions',
      help: 'Active GraphQL subscriptions over WebSocket',
      registers,
      collect() {
        this.set(self.activeSubscriptions());
      },
    });
    new Gauge({
      name: 'otklik_db_pool_connections',
      help: 'Connections of each database pool: used, free, and callers waiting for one (pending)',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        for (const [name, orm] of Object.entries(deps.pools)) {
          const pool = poolOf(orm);
          if (!pool) continue;
          this.set({ pool: name, state: 'used' }, pool.numUsed());
          this.set({ pool: name, state: 'free' }, pool.numFree());
          this.set({ pool: name, state: 'pending' }, pool.numPendingAcquires() + pool.numPendingCreates());
        }
      },
    });
    new Gauge({
      name: 'otklik_db_pool_max',
      help: 'The largest size of each database pool',
      labelNames: ['pool'],
      registers,
      collect() {
        for (const [name, orm] of Object.entries(deps.pools)) {
          const max = (orm.config.get('pool') as { max?: number } | undefined)?.max;
          if (max !== undefined) this.set({ pool: name }, max);
        }
      },
    });
    new Gauge({
      name: 'otklik_database_up',
      help: '1 while the database answers its probe, 0 while it is away',
      registers,
      collect() {
        this.set(deps.database.up ? 1 : 0);
      },
    });

    const queueDepth = cached(DATABASE_FIGURES_TTL_MS, 'the job queue depth', () => this.readQueueDepth());
    new Gauge({
      name: 'otklik_job_queue_depth',
      help: 'Jobs waiting to run (created or to retry), by queue',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        const depth = deps.database.up ? await queueDepth() : null;
        if (depth) for (const [queue, n] of depth) this.set({ queue }, n);
      },
    });
    const overdue = cached(DATABASE_FIGURES_TTL_MS, 'the overdue items', () => this.readOverdue());
    new Gauge({
      name: 'otklik_items_overdue',
      help: 'Open items whose running clock is past its deadline, by municipality code',
      labelNames: ['municipality'],
      registers,
      async collect() {
        this.reset();
        const rows = deps.database.up ? await overdue() : null;
        for (const r of rows ?? []) this.set({ municipality: r.code }, r.n);
      },
    });
  }

  /** Counts the open WebSockets of this server (its `clients`, which ws keeps while a socket is open). */
  watchSockets(server: { clients: Set<unknown> }): void {
    this.openSockets = () => server.clients.size;
  }

  /** Express middleware: counts every answered HTTP request by route class and status. */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const route = routeClass(req.path);
      res.once('finish', () => this.http.inc({ route, status: String(res.statusCode) }));
      next();
    };
  }

  /** The Apollo plugin: every operation over HTTP counted, timed, its error codes counted, and one access log line. */
  apolloPlugin(): ApolloServerPlugin<Ctx> {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ request, operation, operationName, response, contextValue }) => {
            const seconds = (performance.now() - started) / 1000;
            const type: OperationType = operation?.operation ?? 'unknown';
            const name = this.operationLabel(operation ? operationName : request.operationName);
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            this.requests.inc({ operation: name, type, transport: 'http' });
            this.duration.observe({ operation: name, type }, seconds);
            const codes = this.countErrors(errors ?? []);
            logOperation({ transport: 'http', operation: name, type, durationMs: seconds * 1000, codes, viewer: contextValue?.viewer ?? null });
          },
        };
      },
    };
  }

  /**
   * The graphql-ws options with their hooks observed, the hooks themselves unchanged: every operation started is
   * counted and logged; the codes of every error sent (refusals at subscribe, errors of a result or of a stream) are
   * counted and logged; a connection running a subscription is watched, so the subscriptions gauge counts it while
   * it lasts.
   */
  observeWs<P extends WsContext['connectionParams'], E>(options: ServerOptions<P, E>): ServerOptions<P, E> {
    const viewerOf = (ctx: WsContext<P, E>) => (ctx.extra as { viewer?: Viewer | null }).viewer ?? null;
    const { onSubscribe, onOperation, onNext, onError, onClose } = options;
    return {
      ...options,
      onSubscribe: async (ctx, id, payload) => {
        const out = await onSubscribe?.(ctx, id, payload);
        if (out && !Array.isArray(out)) {
          const args = out as ExecutionArgs;
          const operation = getOperationAST(args.document, args.operationName);
          const type: OperationType = operation?.operation ?? 'unknown';
          const name = this.operationLabel(operation?.name?.value ?? args.operationName);
          this.requests.inc({ operation: name, type, transport: 'ws' });
          logOperation({ transport: 'ws', operation: name, type, codes: [], viewer: viewerOf(ctx) });
        } else {
          this.requests.inc({ operation: this.operationLabel(payload.operationName), type: 'unknown', transport: 'ws' });
        }
        return out;
      },
      onOperation: async (ctx, id, payload, args, result) => {
        if (Symbol.asyncIterator in Object(result)) this.subscribers.add(ctx as WsContext);
        return onOperation?.(ctx, id, payload, args, result);
      },
      onNext: async (ctx, id, payload, args, result) => {
        const out = await onNext?.(ctx, id, payload, args, result);
        const errors = (out ?? result).errors;
        if (errors?.length) this.wsErrors(errors, payload.operationName, viewerOf(ctx));
        return out;
      },
      onError: async (ctx, id, payload, errors) => {
        const out = await onError?.(ctx, id, payload, errors);
        this.wsErrors(out ?? errors, payload.operationName, viewerOf(ctx));
        return out;
      },
      onClose: async (ctx, code, reason) => {
        this.subscribers.delete(ctx as WsContext);
        return onClose?.(ctx, code, reason);
      },
    };
  }

  private wsErrors(errors: readonly GraphQLFormattedError[], operationName: string | null | undefined, viewer: Viewer | null): void {
    const codes = this.countErrors(errors);
    logOperation({ transport: 'ws', operation: this.operationLabel(operationName), type: 'unknown', codes, viewer });
  }

  private activeSubscriptions(): number {
    let n = 0;
    for (const ctx of this.subscribers) {
      // graphql-ws holds each running subscription's stream under its id (a query's entry stays null).
      const live = Object.values(ctx.subscriptions).filter((s) => s !== null).length;
      if (live === 0) this.subscribers.delete(ctx);
      n += live;
    }
    return n;
  }

  private operationLabel(name: string | null | undefined): string {
    return name ? this.operations.label(name) : 'anonymous';
  }

  /** Counts each error by its code; returns the codes answered, once each. */
  private countErrors(errors: readonly GraphQLFormattedError[]): string[] {
    const codes = new Set<string>();
    for (const e of errors) {
      const raw = e.extensions?.code;
      const code = typeof raw === 'string' ? this.codes.label(raw) : 'none';
      this.errors.inc({ code });
      codes.add(code);
    }
    return [...codes];
  }

  /** Jobs waiting in each of the scheduler's queues (pg-boss's own definition of a queue's size); null without pg-boss. */
  private async readQueueDepth(): Promise<Map<string, number> | null> {
    const conn = systemEm(this.deps.orm).getConnection();
    const [exists] = await conn.execute<{ job: string | null }[]>(`select to_regclass('pgboss.job')::text as job`);
    if (!exists?.job) return null;
    const rows = await conn.execute<{ name: string; n: number }[]>(
      `select name, count(*)::int as n from pgboss.job where state < 'active' group by name`,
    );
    const depth = new Map<string, number>(Object.values(QUEUES).map((q) => [q, 0]));
    for (const r of rows) if (depth.has(r.name)) depth.set(r.name, r.n);
    return depth;
  }

  /**
   * Open items past their running deadline in every municipality (the system's count across the installation, like
   * the scheduler's deadline scan; a paused clock is not running). Served by the partial index of open items.
   */
  private async readOverdue(): Promise<{ code: string; n: number }[]> {
    const closed = [...CLOSED_STATUSES];
    return systemEm(this.deps.orm).getConnection().execute<{ code: string; n: number }[]>(
      `select m.code, count(i.id)::int as n
       from municipality m
       left join item i on i.municipality_id = m.id and i.status not in (${closed.map(() => '?').join(', ')})
         and i.paused_at is null and i.due_at < ?
       group by m.code order by m.code`,
      [...closed, this.deps.now()],
    );
  }
}
