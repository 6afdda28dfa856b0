import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { parse as parseCookies } from 'cookie';
import { GraphQLError as GraphQLErrorClass, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import { viewerEm, type Orm } from './db/orm.js';
import type { Ctx, Viewer } from './graphql/context.js';
import { AppError, ErrorCode, formatError } from './graphql/errors.js';
import { armorRules, checkCost, costPlugin } from './graphql/limits.js';
import { CLOSE_REVOKED, LiveSockets, originAllowed } from './graphql/live-sockets.js';
import { createAppPubSub, type AppPubSub } from './graphql/pubsub.js';
import { buildAppSchema } from './graphql/schema.js';
import { resolveViewer } from './modules/auth/auth.service.js';
import { logger } from './shared/logger.js';
import { LocalFileStore, type FileStore } from './modules/files/file-store.js';
import { filesRouter } from './modules/files/files.routes.js';
import { exportsRouter } from './modules/exports/exports.routes.js';
import { reportsRouter } from './modules/reports/report.routes.js';
import { LiveBus } from './modules/live/live-bus.js';
import { LiveItems } from './modules/live/live-items.js';
import { LiveFigures } from './modules/live/live-figures.js';

export const SESSION_COOKIE = 'otklik_session';

export type AppDeps = { config: Config; orm: Orm; now?: () => Date; pubsub?: AppPubSub; fileStore?: FileStore };
export type RunningApp = { url: string; server: Server; schema: GraphQLSchema; pubsub: AppPubSub; bus: LiveBus; stop: () => Promise<void> };

function bearer(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

function secretFrom(authorization: string | undefined, cookieHeader: string | undefined): string | undefined {
  return bearer(authorization) ?? (cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined);
}

/** An error as the client receives it (coded and masked by formatError), as a GraphQLError for graphql-ws. */
function asFormattedError(e: unknown): GraphQLError {
  const error = e instanceof GraphQLErrorClass ? e : new GraphQLErrorClass(String((e as Error)?.message ?? e));
  const f = formatError(error.toJSON(), error);
  return new GraphQLErrorClass(f.message, { extensions: f.extensions });
}

export async function startApp(deps: AppDeps): Promise<RunningApp> {
  const { config, orm } = deps;
  const now = deps.now ?? (() => new Date());
  const pubsub = deps.pubsub ?? createAppPubSub(config.liveBuffer);
  const schema = await buildAppSchema(pubsub);
  // The live layer (docs/live.md): events of every instance through PostgreSQL, fanned out here.
  const bus = new LiveBus(orm.config.getClientUrl(), pubsub, { pollMs: config.livePollMs });
  await bus.start();
  const liveServices = { items: new LiveItems(orm), figures: new LiveFigures(orm, pubsub, now, config) };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = createServer(app);

  const limitRules = armorRules(config.limits);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const live = new LiveSockets(pubsub);
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer | null; secret?: string; request: IncomingMessage; socket: WebSocket }>(
    {
      schema,

      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e) as unknown as GraphQLError) }
          : result,
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
        const viewer = await resolveViewer(orm.em.fork({ clear: true }), secret, current);
        Object.assign(ctx.extra, { viewer, secret });
        if (viewer) live.add(ctx.extra.socket, viewer, viewer.expiresAt, current);
        return true;
      },
      // Each operation is checked anew: a session that ended meanwhile closes the socket. Then the same limits as
      // over HTTP: the document's size at parse, aliases, depth and directives at validation, the cost with the
      // operation's variables.
      onSubscribe: async (ctx, _id, payload): Promise<readonly GraphQLError[] | ExecutionArgs | void> => {
        const extra = ctx.extra as { viewer?: Viewer | null; secret?: string };
        if (extra.viewer) {
          const still = await resolveViewer(orm.em.fork({ clear: true }), extra.secret, now());
          if (!still) {
            ctx.extra.socket.close(CLOSE_REVOKED.code, CLOSE_REVOKED.reason);
            return [new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again')];
          }
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (e) {
          return [asFormattedError(e)];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...limitRules]);
        if (invalid.length) return invalid.map((e) => asFormattedError(e));
        try {
          checkCost(schema, document, payload.variables ?? undefined, config.limits, payload.operationName ?? undefined);
        } catch (e) {
          return [asFormattedError(e)];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      context: (ctx): Ctx => {
        const viewer = (ctx.extra as { viewer?: Viewer | null }).viewer ?? null;
        const socket = ctx.extra.socket;
        return { em: viewerEm(orm, viewer), viewer, now, config, pubsub, live: liveServices, ws: { close: (code, reason) => socket.close(code, reason) } };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Ctx>({
    schema,
    formatError,
    introspection: true,
    validationRules: limitRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      costPlugin(config.limits),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        res.status(503).json({ status: 'migrating', pending: pending.length });
        return;
      }
      res.json({ status: 'ok' });
    } catch (e) {
      res.status(503).json({ status: 'database unreachable', error: String((e as Error).message ?? e) });
    }
  });

  const store = deps.fileStore ?? new LocalFileStore(config.filesDir);
  app.use(
    '/files',
    filesRouter({
      store,
      contextOf: async (req) => {
        const viewer = await resolveViewer(orm.em.fork({ clear: true }), secretFrom(req.headers.authorization, req.headers.cookie), now());
        return { viewer, em: viewerEm(orm, viewer), now };
      },
    }),
  );

  app.use(
    '/exports',
    exportsRouter({
      schema,
      contextOf: async (req): Promise<Ctx> => {
        const viewer = await resolveViewer(orm.em.fork({ clear: true }), secretFrom(req.headers.authorization, req.headers.cookie), now());
        return { viewer, em: viewerEm(orm, viewer), now, config, pubsub };
      },
    }),
  );

  // Generated reports (modules/reports): the same credentials as GraphQL, REPORTS_READ.
  app.use(
    '/reports',
    reportsRouter({
      store,
      contextOf: async (req) => {
        const viewer = await resolveViewer(orm.em.fork({ clear: true }), secretFrom(req.headers.authorization, req.headers.cookie), now());
        return { viewer, em: viewerEm(orm, viewer) };
      },
    }),
  );

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Ctx> => {
        const current = now();
        const secret = secretFrom(req.headers.authorization, req.headers.cookie);
        const viewer = await resolveViewer(orm.em.fork({ clear: true }), secret, current);
        return {
          em: viewerEm(orm, viewer),
          viewer,
          now,
          config,
          pubsub,
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

  // The dashboard: the Vite build, with every unknown path answered by index.html (client-side routes).
  const webDist = config.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  if (existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|files|reports).*/, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  } else {
    (config.env === 'test' ? logger.debug : logger.warn)(`no dashboard build at ${webDist}: run \`pnpm build\` to serve it`);
    app.get('/', (_req: Request, res: Response) => {
      res.type('text/plain').send('Otklik API: POST /graphql. The dashboard is not built (pnpm build).');
    });
  }

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
    stop: async () => {
      live.stop();
      liveServices.figures.stop();
      await apollo.stop();
      wsServer.close();
      await bus.stop();
    },
  };
}
