import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { parse as parseCookies } from 'cookie';
import { GraphQLError as GraphQLErrorClass, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import { openRequestOrm, viewerEm, type Orm } from './db/orm.js';
import type { Ctx, Viewer } from './graphql/context.js';
import { AppError, ErrorCode, formatError } from './graphql/errors.js';
import { armorRules, checkCost, costPlugin } from './graphql/limits.js';
import { checkInputText, inputGuardPlugin } from './graphql/input-guard.js';
import { admitDocument, checkTrustedDocument, loadTrustedDocuments, trustedDocumentsPlugin } from './graphql/trusted-documents.js';
import { checkIntrospection, reaches, schemaDisclosurePlugin, withoutSuggestions } from './graphql/introspection.js';
import { sharedSubscribe } from './graphql/shared-execution.js';
import { CLOSE_REVOKED, coalesceWrites, LiveSockets, originAllowed } from './graphql/live-sockets.js';
import { createAppPubSub, type AppPubSub } from './graphql/pubsub.js';
import { buildAppSchema } from './graphql/schema.js';
import { resolveViewer } from './modules/auth/auth.service.js';
import { ItemCounts } from './modules/items/item-counts.js';
import { ViewerCache } from './modules/auth/viewer-cache.js';
import { secretHash } from './modules/auth/secrets.js';
import { logger, safeError, setLogLevel } from './shared/logger.js';
import { LocalFileStore, type FileStore } from './modules/files/file-store.js';
import { filesRouter } from './modules/files/files.routes.js';
import { exportsRouter } from './modules/exports/exports.routes.js';
import { importsRouter } from './modules/imports/import.routes.js';
import { reportsRouter } from './modules/reports/report.routes.js';
import { open311Router } from './modules/open311/open311.routes.js';
import { LiveBus } from './modules/live/live-bus.js';
import { DatabaseWatch } from './db/db-watch.js';
import { unavailable, unavailablePlugin } from './graphql/errors.js';
import { LiveItems } from './modules/live/live-items.js';
import { LiveFigures } from './modules/live/live-figures.js';
import { createTextUnderstanding, type TextUnderstanding } from './modules/text/proposal.js';
import { Metrics } from './observability/metrics.js';
import { metricsRouter } from './observability/metrics.routes.js';
import { requestIds } from './observability/request-id.js';
import { clientAddress, clientKey, limitRequests, RequestLimiter } from './graphql/rate-limit.js';

export const SESSION_COOKIE = 'otklik_session';
/** During a stop, the listener closes once no request has arrived or finished for this long (503s included). */
const STOP_SETTLE_MS = 1_000;

export type AppDeps = {
  config: Config;
  orm: Orm;
  now?: () => Date;
  pubsub?: AppPubSub;
  fileStore?: FileStore;
  /** The text models and gazetteers (modules/text): main.ts shares one with the jobs; default: the app's own. */
  text?: TextUnderstanding;
  /** While the database is unreachable, before each probe (main.ts starts the embedded server again here). */
  onDatabaseDown?: () => Promise<void>;
  /** The database stayed away longer than DB_GIVE_UP_SECONDS (main.ts exits non-zero). */
  onDatabaseLost?: (downForMs: number) => void;
};
export type RunningApp = { url: string; server: Server; schema: GraphQLSchema; pubsub: AppPubSub; bus: LiveBus; database: DatabaseWatch; stop: () => Promise<void> };

function bearer(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

function secretFrom(authorization: string | undefined, cookieHeader: string | undefined): string | undefined {
  return bearer(authorization) ?? (cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined);
}

/** An error answered outside GraphQL execution, in the GraphQL response format. */
function httpError(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * An error as the client receives it (coded and masked by formatError), as a GraphQLError for graphql-ws. graphql-js's
 * own parse and validation errors carry no code: `code` gives them the one Apollo gives them over HTTP.
 */
function asFormattedError(e: unknown, code?: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  let error = e instanceof GraphQLErrorClass ? e : new GraphQLErrorClass(String((e as Error)?.message ?? e));
  if (code && !error.extensions?.code && !error.originalError) error = new GraphQLErrorClass(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
  const f = formatError(error.toJSON(), error);
  return new GraphQLErrorClass(f.message, { extensions: f.extensions });
}

export async function startApp(deps: AppDeps): Promise<RunningApp> {
  const { config, orm } = deps;
  const now = deps.now ?? (() => new Date());
  // The dashboard: the Vite build; beside it the manifest of its documents (graphql/trusted-documents.ts).
  const webDist = config.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  const trusted = loadTrustedDocuments({ mode: config.trustedDocuments, manifest: config.trustedDocumentsManifest, webDist, maxTokens: config.limits.maxTokens });
  if (trusted.mode === 'cookie' && !trusted.manifest) logger.warn(`no dashboard build at ${webDist}: with TRUSTED_DOCUMENTS=cookie no session cookie may run an operation (tokens may)`);
  const pubsub = deps.pubsub ?? createAppPubSub(config.liveBuffer);
  const schema = await buildAppSchema(pubsub);
  // The live layer (docs/live.md): events of every instance through PostgreSQL, fanned out here.
  const dbWatch = new DatabaseWatch(orm.config.getClientUrl(), {
    intervalMs: config.dbProbeMs,
    giveUpAfterMs: config.dbGiveUpSeconds * 1000,
    whileDown: deps.onDatabaseDown,
    giveUp: deps.onDatabaseLost ?? ((ms) => logger.error(`the database has been away for ${Math.round(ms / 1000)} s`)),
  });
  dbWatch.start();
  const bus = new LiveBus(orm.config.getClientUrl(), pubsub, { pollMs: config.livePollMs });
  await bus.start();
  const liveServices = { items: new LiveItems(orm), figures: new LiveFigures(orm, pubsub, now, config) };
  const text = deps.text ?? createTextUnderstanding(orm, config.text, now);
  // Requests have a pool of their own, whose statements stop after DB_STATEMENT_TIMEOUT_MS; migrations, the seed,
  // jobs, the live layer and /readyz keep `orm` (db/orm.ts). Each client's share of it is capped (graphql/rate-limit.ts).
  const requestOrm = await openRequestOrm(orm, config.dbStatementTimeoutMs);
  const limiter = new RequestLimiter(config.rateLimits);
  // The viewer of an HTTP request, resolved once: the rate limits key on it, then its handler uses it.
  // Who holds a secret: remembered for a moment by this instance, forgotten at once when it is revoked
  // (modules/auth/viewer-cache.ts), else checked in the database.
  const viewerCache = new ViewerCache(config.viewerCacheMs, pubsub);
  const itemCounts = new ItemCounts(config.itemCountCacheMs, pubsub);
  const checkViewer = async (secret: string | undefined, at: Date): Promise<Viewer | null> => {
    if (!secret) return null;
    const hash = secretHash(secret);
    const known = viewerCache.get(hash, at);
    if (known) return known;
    const mark = viewerCache.mark;
    const viewer = await resolveViewer(requestOrm.em.fork({ clear: true }), secret, at);
    if (viewer) viewerCache.set(hash, viewer, mark);
    return viewer;
  };
  const viewers = new WeakMap<Request, Promise<Viewer | null>>();
  const viewerFor = (req: Request): Promise<Viewer | null> => {
    let viewer = viewers.get(req);
    if (!viewer) viewers.set(req, (viewer = checkViewer(secretFrom(req.headers.authorization, req.headers.cookie), now())));
    return viewer;
  };

  // The log level (main.ts sets it before the database starts; a test's server takes it from its config) and this
  // instance's figures for GET /metrics (observability/metrics.ts).
  setLogLevel(config.logLevel);
  const metrics = new Metrics({ orm, pools: { requests: requestOrm, system: orm }, now, database: dbWatch });
  const app = express();
  app.disable('x-powered-by');
  // Each request gets an id that its log lines carry and its answer echoes, and is counted (observability/).
  app.use(requestIds(), metrics.httpMiddleware());
  // The client address (sign-in throttling, the audit log) from X-Forwarded-For only when a local proxy sent it.
  app.set('trust proxy', 'loopback');
  // A stop (docs/operations.md): from its first moment every new request is answered 503 SERVICE_UNAVAILABLE with
  // Retry-After and `Connection: close`, while the requests already accepted run to their end; only then are the
  // connections closed, so no accepted request is cut and no client is reset mid-request.
  let stopping = false;
  let active = 0;
  let idle: (() => void) | null = null;
  /** When a request last arrived or finished during a stop (the listener closes only after a quiet moment). */
  let lastActivity = 0;
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (stopping) {
      lastActivity = Date.now();
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '10');
      res.status(503).json(httpError(ErrorCode.SERVICE_UNAVAILABLE, 'The server is stopping; try again in a few seconds'));
      return;
    }
    active += 1;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      active -= 1;
      lastActivity = Date.now();
      if (active === 0) idle?.();
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  });
  /** Stops taking requests and lets the accepted ones finish (at most `graceMs`); the caller then closes the rest. */
  const drainHttp = async (graceMs: number) => {
    stopping = true;
    const started = Date.now();
    lastActivity = started;
    const allDone = active === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    await Promise.race([allDone, new Promise((r) => setTimeout(r, graceMs).unref())]);
    // The listener goes only after STOP_SETTLE_MS without a request arriving or finishing (within the grace period):
    // a client whose request just finished, and who sends its next one at once, gets its 503, not a reset connection.
    const settleMs = Math.min(STOP_SETTLE_MS, graceMs);
    for (;;) {
      const left = Math.min(settleMs - (Date.now() - lastActivity), graceMs - (Date.now() - started));
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, left).unref());
    }
  };
  const httpServer = createServer(app);

  const limitRules = armorRules(config.limits);
  // While stopping, a new WebSocket is refused at the upgrade (503): the client reconnects to another instance or later.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', verifyClient: (_info, done) => done(!stopping, 503, 'Stopping') });
  const live = new LiveSockets(pubsub);
  wsServer.on('connection', coalesceWrites);
  metrics.watchSockets(wsServer);
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer | null; secret?: string; request: IncomingMessage; socket: WebSocket }>(
    metrics.observeWs({
      schema,

      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((e) => {
                const formatted = formatError(e.toJSON(), e);
                return (reaches(config.suggestions, (ctx.extra as { viewer?: Viewer | null }).viewer) ? formatted : withoutSuggestions(formatted)) as unknown as GraphQLError;
              }),
            }
          : result,
      // Each live event executed once per operation and access class, not per subscriber (graphql/shared-execution.ts).
      subscribe: sharedSubscribe,
      // An error thrown while a subscription runs (its source failed): coded and masked like any other.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        const header = bearer(typeof auth === 'string' ? auth : undefined);
        const request = ctx.extra.request;
        const cookie = request.headers.cookie ? parseCookies(request.headers.cookie)[SESSION_COOKIE] : undefined;
        // The session cookie travels with any page's socket: only the dashboard's origins may use it.
        if (!header && cookie && !originAllowed(request.headers.origin, request.headers.host, config.dashboardOrigins)) {
          logger.warn('websocket refused: cookie from a foreign origin', { origin: request.headers.origin });
          return false;
        }
        const secret = header ?? cookie;
        const current = now();
        const viewer = await checkViewer(secret, current);
        Object.assign(ctx.extra, { viewer, secret, cookieSession: !!viewer && !header });
        if (viewer) live.add(ctx.extra.socket, viewer, viewer.expiresAt, current);
        return true;
      },
      // Each operation is checked anew: a session that ended meanwhile closes the socket. Then the same limits as
      // over HTTP: the document's size at parse, aliases, depth and directives at validation, the cost with the
      // operation's variables.
      onSubscribe: async (ctx, _id, payload): Promise<readonly GraphQLError[] | ExecutionArgs | void> => {
        const extra = ctx.extra as { viewer?: Viewer | null; secret?: string; cookieSession?: boolean };
        // The same trusted documents, introspection and hints as over HTTP (graphql/trusted-documents.ts, introspection.ts).
        const shown = (errors: GraphQLError[]) => (reaches(config.suggestions, extra.viewer) ? errors : errors.map(withoutSuggestions));
        // Every operation started spends one of the client's budget (graphql/rate-limit.ts), before anything is read.
        try {
          await limiter.spend(clientKey(extra.viewer ?? null, clientAddress(ctx.extra.request)));
        } catch (e) {
          return [asFormattedError(e)];
        }
        if (extra.viewer) {
          const still = await checkViewer(extra.secret, now());
          if (!still) {
            ctx.extra.socket.close(CLOSE_REVOKED.code, CLOSE_REVOKED.reason);
            return [new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again')];
          }
        }
        let document: DocumentNode;
        try {
          const admitted = admitDocument(trusted, payload, !!extra.cookieSession);
          document = parse(admitted.query ?? '', { maxTokens: config.limits.maxTokens });
        } catch (e) {
          return shown([asFormattedError(e, 'GRAPHQL_PARSE_FAILED')]);
        }
        const invalid = validate(schema, document, [...specifiedRules, ...limitRules]);
        if (invalid.length) return shown(invalid.map((e) => asFormattedError(e, 'GRAPHQL_VALIDATION_FAILED')));
        try {
          checkIntrospection(config.introspection, extra.viewer, document);
          checkCost(schema, document, payload.variables ?? undefined, config.limits, payload.operationName ?? undefined);
          checkInputText(document, payload.variables);
        } catch (e) {
          return [asFormattedError(e)];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      context: (ctx): Ctx => {
        const viewer = (ctx.extra as { viewer?: Viewer | null }).viewer ?? null;
        const socket = ctx.extra.socket;
        return { em: viewerEm(requestOrm, viewer), viewer, now, config, pubsub, counts: itemCounts, text, live: liveServices, ws: { close: (code, reason) => socket.close(code, reason) } };
      },
    }),
    wsServer,
  );

  const apollo = new ApolloServer<Ctx>({
    schema,
    // Apollo would stop itself on SIGTERM/SIGINT (outside NODE_ENV=test), under requests this server still lets
    // finish: main.ts decides the order of a stop (docs/operations.md, "Stopping").
    stopOnTerminationSignals: false,
    formatError,
    // Open here, narrowed per request by the viewer (INTROSPECTION, graphql/introspection.ts).
    introspection: true,
    validationRules: limitRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      trustedDocumentsPlugin(trusted),
      schemaDisclosurePlugin(config),
      costPlugin(config.limits),
      inputGuardPlugin(),
      unavailablePlugin(),
      metrics.apolloPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL answers here (every answer is per viewer): without this, Apollo's default
      // cache-control plugin wraps every field's resolver to read hints nobody sets (docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  // Liveness: the process answers (a supervisor restarts it when this stops answering). Readiness: it can serve
  // (the database answers and every migration is applied); a load balancer sends traffic only then.
  app.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok', database: dbWatch.up ? 'up' : 'down' });
  });
  // The instance's figures for Prometheus: METRICS_TOKEN or METRICS_READ (observability/metrics.routes.ts).
  app.use('/metrics', metricsRouter({ metrics, token: config.metricsToken, viewerOf: viewerFor }));
  app.get('/readyz', async (_req: Request, res: Response) => {
    try {
      if (!dbWatch.up) throw new Error('database unreachable');
      await orm.em.getConnection().execute('select 1');
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        res.status(503).json({ status: 'migrating', pending: pending.length });
        return;
      }
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  const store = deps.fileStore ?? new LocalFileStore(config.filesDir);
  app.use(
    '/files',
    limitRequests(limiter, viewerFor, 'route'),
    filesRouter({
      store,
      contextOf: async (req) => {
        const viewer = await viewerFor(req);
        return { viewer, em: viewerEm(requestOrm, viewer), now };
      },
    }),
  );

  app.use(
    '/exports',
    limitRequests(limiter, viewerFor, 'route'),
    exportsRouter({
      schema,
      contextOf: async (req): Promise<Ctx> => {
        const viewer = await viewerFor(req);
        return { viewer, em: viewerEm(requestOrm, viewer), now, config, pubsub, text };
      },
    }),
  );

  // Files for bulk import (modules/imports): streamed to the file store; the same credentials as /exports.
  app.use(
    '/imports',
    limitRequests(limiter, viewerFor, 'route'),
    importsRouter({
      store,
      contextOf: async (req): Promise<Ctx> => {
        const viewer = await viewerFor(req);
        return { viewer, em: viewerEm(requestOrm, viewer), now, config, pubsub, text };
      },
    }),
  );

  // Generated reports (modules/reports): the same credentials as GraphQL, REPORTS_READ.
  app.use(
    '/reports',
    limitRequests(limiter, viewerFor, 'route'),
    reportsRouter({
      store,
      contextOf: async (req) => {
        const viewer = await viewerFor(req);
        return { viewer, em: viewerEm(requestOrm, viewer) };
      },
    }),
  );

  // Open311 GeoReport v2 (modules/open311, docs/open311.md): public reads; requests posted with an api_key, which the
  // router resolves itself (it may come in the form) and rate-limits by, answering in the specification's format.
  app.use('/open311/v2', open311Router({ orm: requestOrm, viewerOf: (secret) => checkViewer(secret, now()), limiter, now, config, pubsub, text }));

  app.use(
    '/graphql',
    limitRequests(limiter, viewerFor, 'graphql'),
    // Every answer is the viewer's own (personal data among it): never kept by a cache or proxy on the way. Set
    // here once, since Apollo's cache-control plugin, which would say the same, is off (its per-field cost).
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Ctx> => {
        const viewer = await viewerFor(req).catch((e: unknown) => {
          // Without the database no session can be checked: a coded 503, not a 500.
          if (unavailable(e)) throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The service cannot reach its database just now; try again in a few seconds', { http: { status: 503 } });
          throw e;
        });
        // A session cookie runs only the dashboard's documents (TRUSTED_DOCUMENTS, graphql/trusted-documents.ts).
        checkTrustedDocument(trusted, req, viewer);
        return {
          em: viewerEm(requestOrm, viewer),
          viewer,
          now,
          config,
          pubsub,
          counts: itemCounts,
          text,
          http: {
            userAgent: req.headers['user-agent'],
            ip: req.ip,
            setSessionCookie: (token, expiresAt) =>
              res.cookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: 'lax',
                secure: config.cookieSecure,
                path: '/',
                expires: expiresAt,
              }),
            clearSessionCookie: () => res.clearCookie(SESSION_COOKIE, { path: '/' }),
          },
        };
      },
    }),
  );

  // Whatever goes wrong before GraphQL runs (a malformed or too large body, an unknown path under /graphql) is
  // answered in the GraphQL error format with a code, never Express's HTML page with a stack trace.
  app.use('/graphql', (_req: Request, res: Response) => {
    res.status(404).json(httpError(ErrorCode.NOT_FOUND, 'No such endpoint: POST /graphql (or GET for a query, or a WebSocket)'));
  });
  // The dashboard: the Vite build, with every unknown path answered by index.html (client-side routes).
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!(graphql|healthz|readyz|metrics)(\/|$)|(files|reports|exports)\/).*/, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  } else {
    (config.env === 'test' ? logger.debug : logger.warn)(`no dashboard build at ${webDist}: run \`pnpm build\` to serve it`);
    app.get('/', (_req: Request, res: Response) => {
      res.type('text/plain').send('Otklik API: POST /graphql. The dashboard is not built (pnpm build).');
    });
  }

  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === 'entity.too.large') {
      res.status(413).json(httpError('PAYLOAD_TOO_LARGE', 'The request body is too large (at most 2 MB)'));
    } else if (e.type === 'entity.parse.failed' || e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      res.status(400).json(httpError('BAD_REQUEST', 'The request body is not valid JSON'));
    } else if (status >= 400 && status < 500) {
      res.status(status).json(httpError('BAD_REQUEST', 'The request could not be read'));
    } else {
      logger.error('unexpected error', safeError(err));
      res.status(500).json(httpError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  return {
    url,
    server: httpServer,
    schema,
    pubsub,
    bus,
    database: dbWatch,
    stop: async () => {
      dbWatch.stop();
      live.stop();
      viewerCache.stop();
      itemCounts.stop();
      liveServices.figures.stop();
      // The text services this app made for itself (tests): their trainings end with it. main.ts stops its own.
      if (!deps.text) text.stop();
      // In order: no new requests or sockets; the accepted requests finish; the sockets are told "going away"
      // (1001, graphql-ws); the connections and the listener close; then Apollo, and the live bus.
      await drainHttp(config.stopGraceMs);
      await wsCleanup.dispose();
      // A client that does not answer the close within a second is cut: the stop does not wait for it.
      const closing = [...wsServer.clients].map((c) => new Promise<void>((resolve) => (c.readyState === c.CLOSED ? resolve() : c.once('close', () => resolve()))));
      await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 1_000).unref())]);
      for (const c of wsServer.clients) c.terminate();
      wsServer.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await apollo.stop();
      await bus.stop();
      await requestOrm.close();
    },
  };
}
