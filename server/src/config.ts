import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from './graphql/limits.js';
import { AUDIENCES, type Audience } from './graphql/introspection.js';
import type { TrustedDocumentsMode } from './graphql/trusted-documents.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './graphql/rate-limit.js';
import { DEFAULT_SPIKE_SETTINGS, type SpikeSettings } from './modules/spikes/spike-model.js';

/**
 * The only reader of process.env. Every setting is validated once at start; a bad value stops the
 * process with a message that names the variable.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  FILES_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SEED_DEMO: bool.default(true),
  JOBS: bool.default(true),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  DEMO_ITEMS: z.coerce.number().int().min(0).max(200_000).default(2500),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  VIEWER_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  ITEM_COUNT_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  COOKIE_SECURE: bool.default(false),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{32,256}$/, 'must be 32 to 256 printable characters without spaces').optional(),
  DB_PROBE_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  DB_GIVE_UP_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  STOP_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LIMIT_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  LIMIT_ALIASES: z.coerce.number().int().min(1).max(10_000).default(30),
  LIMIT_DIRECTIVES: z.coerce.number().int().min(1).max(10_000).default(20),
  LIMIT_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3_000),
  LIMIT_COST: z.coerce.number().int().min(100).max(100_000_000).default(30_000),
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_RATE_LIMITS.perSecond),
  RATE_LIMIT_BURST: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMITS.burst),
  RATE_LIMIT_CONCURRENT: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_RATE_LIMITS.concurrent),
  INGEST_ITEMS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000_000).default(60_000),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 ** 3).default(200 * 1024 ** 2),
  IMPORT_FILE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  UNATTACHED_FILE_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  LIVE_RETENTION_HOURS: z.coerce.number().min(1).max(24 * 30).default(3),
  LIVE_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LIVE_BUFFER: z.coerce.number().int().min(10).max(100_000).default(1_000),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  SPIKE_WEEKS: z.coerce.number().int().min(1).max(52).default(DEFAULT_SPIKE_SETTINGS.weeks),
  SPIKE_MIN_COUNT: z.coerce.number().int().min(2).max(10_000).default(DEFAULT_SPIKE_SETTINGS.minCount),
  SPIKE_SIGNIFICANCE: z.coerce.number().gt(0).max(0.5).default(DEFAULT_SPIKE_SETTINGS.significance),
  SPIKE_SEASON_MAX: z.coerce.number().min(1).max(20).default(DEFAULT_SPIKE_SETTINGS.seasonMax),
  TEXT_CATEGORY_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.8),
  TEXT_PLACE_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
  TEXT_URGENT_APPLY_SCORE: z.coerce.number().min(0).max(1).default(0.5),
  TEXT_STAFF_EXAMPLE_WEIGHT: z.coerce.number().int().min(1).max(100).default(5),
  TEXT_MODEL_CACHE_DIR: z.string().min(1).optional(),
  TEXT_MODELS_IN_MEMORY: z.coerce.number().int().min(1).max(1000).default(8),
  WALL_TILE_URL: z.string().regex(/^https:\/\//, 'must be an https:// URL template').optional(),
  TRUSTED_DOCUMENTS: z.enum(['off', 'cookie']).optional(),
  TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
  INTROSPECTION: z.enum(AUDIENCES).optional(),
  SUGGESTIONS: z.enum(AUDIENCES).optional(),
  DASHBOARD_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url().transform((u) => new URL(u).origin)))
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Attachments on disk (default DATA_DIR/files) */
  filesDir: string;
  embeddedPgPort: number;
  seedDemo: boolean;
  jobs: boolean;
  demoPassword: string;
  demoItems: number;
  sessionTtlHours: number;
  /** How long a checked session or token is remembered by this instance (modules/auth/viewer-cache.ts); 0: never */
  viewerCacheMs: number;
  /** How long a list's count is remembered by this instance when no change of an item is heard (modules/items/item-counts.ts); 0: never */
  itemCountCacheMs: number;
  cookieSecure: boolean;
  webDist: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The bearer secret with which Prometheus reads GET /metrics (observability/metrics.routes.ts); unset: none */
  metricsToken: string | undefined;
  /** Origins (besides the server's own) whose pages may use the session cookie over WebSocket */
  dashboardOrigins: string[];
  /** How often the database is probed (db/db-watch.ts) */
  dbProbeMs: number;
  /** After this long without the database the process exits non-zero, for a supervisor to restart it */
  dbGiveUpSeconds: number;
  /** On SIGTERM or Ctrl+C: how long requests, sockets and jobs may take to finish */
  stopGraceMs: number;
  /** What one GraphQL operation may ask for (graphql/limits.ts, docs/security.md) */
  limits: Limits;
  /** What one client may start per second and in a burst, and run at once (graphql/rate-limit.ts, docs/security.md) */
  rateLimits: RateLimits;
  /** Items one API token may send through `ingestItems` a minute (0: no limit; modules/ingest, docs/integrators.md) */
  ingestItemsPerMinute: number;
  /** The largest file `POST /imports` takes, in bytes (modules/imports, docs/integrators.md) */
  importMaxBytes: number;
  /** Days an uploaded import file is kept after its upload and its last job's end (it holds personal data; modules/imports/import-retention.ts) */
  importFileRetentionDays: number;
  /** Days a delivered or cancelled webhook delivery is kept (modules/webhooks/webhook-retention.ts); dead ones wait for a replay */
  webhookDeliveryRetentionDays: number;
  /** Hours a file uploaded for an item (POST /files) waits to be attached before it is removed */
  unattachedFileRetentionHours: number;
  /** A request's SQL statement is stopped after this long (0: never); the server's own work is not (db/orm.ts) */
  dbStatementTimeoutMs: number;
  /** How long live events are kept for clients that reconnect with a cursor (at least an hour) */
  liveRetentionHours: number;
  /** The live bus reads the event table this often even without a notification (a safety net) */
  livePollMs: number;
  /** Events a subscriber may leave waiting before it is disconnected as too slow */
  liveBuffer: number;
  /** How webhooks are sent (modules/webhooks, docs/integrators.md "Webhooks") */
  webhooks: WebhookSettings;
  /** When a category's items in a settlement on a day are a spike (modules/spikes, docs/text.md "Spikes") */
  spikes: SpikeSettings;
  /** The text classifier's first pass over new items (modules/text, docs/text.md "On every new item") */
  text: TextSettings;
  /** A map tile URL template ({z}/{x}/{y}) for the wall and analytics maps of installations online */
  wallTileUrl: string | undefined;
  /** `cookie`: a session cookie may run only the dashboard's documents (graphql/trusted-documents.ts); default in production */
  trustedDocuments: TrustedDocumentsMode;
  /** The manifest of the dashboard's documents (default: persisted-documents.json in the dashboard's build) */
  trustedDocumentsManifest: string | undefined;
  /** Who may introspect the schema, and who gets "Did you mean …?" in errors (graphql/introspection.ts) */
  introspection: Audience;
  suggestions: Audience;
};

export type WebhookSettings = {
  /** Private, loopback and link-local addresses allowed as endpoints (tests, development; docs/security.md) */
  allowPrivate: boolean;
  /** One attempt is given up after this long */
  timeoutMs: number;
  /** The wait after the n-th failed attempt is base × 2^(n−1) */
  backoffBaseMs: number;
  /** Attempts before a delivery is dead-lettered (DEAD) */
  maxAttempts: number;
  /** Webhooks sent to at once by each instance that runs jobs */
  concurrency: number;
  /** How often the dispatcher looks for new events and for deliveries due */
  pollMs: number;
};

export type TextSettings = {
  /** The machine sets the category (and sector) of a new item at or above this confidence; below, the item waits to be classified */
  categoryConfidence: number;
  /** The machine fills an empty settlement and address from the place it found at or above this confidence */
  placeConfidence: number;
  /** A new item is made urgent by the machine when it names a reason, or when the urgency score reaches this */
  urgentApplyScore: number;
  /** How many times a staff example counts in retraining against one example of the corpus */
  staffExampleWeight: number;
  /** Where trained models are kept on disk besides the database, so that a new database does not train again (default DATA_DIR/text-models) */
  modelCacheDir: string;
  /** How many municipalities' own (retrained) models a process keeps loaded; the least recently used is read again when needed */
  modelsInMemory: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.DATA_DIR),
    filesDir: resolve(c.FILES_DIR ?? `${c.DATA_DIR}/files`),
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    seedDemo: c.SEED_DEMO,
    jobs: c.JOBS,
    demoPassword: c.DEMO_PASSWORD,
    demoItems: c.DEMO_ITEMS,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    viewerCacheMs: c.VIEWER_CACHE_MS,
    itemCountCacheMs: c.ITEM_COUNT_CACHE_MS,
    cookieSecure: c.COOKIE_SECURE,
    webDist: c.WEB_DIST ? resolve(c.WEB_DIST) : undefined,
    logLevel: c.LOG_LEVEL,
    metricsToken: c.METRICS_TOKEN,
    dashboardOrigins: c.DASHBOARD_ORIGINS ?? [],
    dbProbeMs: c.DB_PROBE_MS,
    dbGiveUpSeconds: c.DB_GIVE_UP_SECONDS,
    stopGraceMs: c.STOP_GRACE_MS,
    limits: {
      ...DEFAULT_LIMITS,
      maxDepth: c.LIMIT_DEPTH,
      maxAliases: c.LIMIT_ALIASES,
      maxDirectives: c.LIMIT_DIRECTIVES,
      maxTokens: c.LIMIT_TOKENS,
      maxCost: c.LIMIT_COST,
    },
    rateLimits: { perSecond: c.RATE_LIMIT_PER_SECOND, burst: c.RATE_LIMIT_BURST, concurrent: c.RATE_LIMIT_CONCURRENT },
    ingestItemsPerMinute: c.INGEST_ITEMS_PER_MINUTE,
    importMaxBytes: c.IMPORT_MAX_BYTES,
    importFileRetentionDays: c.IMPORT_FILE_RETENTION_DAYS,
    webhookDeliveryRetentionDays: c.WEBHOOK_DELIVERY_RETENTION_DAYS,
    unattachedFileRetentionHours: c.UNATTACHED_FILE_RETENTION_HOURS,
    dbStatementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
    liveRetentionHours: c.LIVE_RETENTION_HOURS,
    livePollMs: c.LIVE_POLL_MS,
    liveBuffer: c.LIVE_BUFFER,
    webhooks: {
      allowPrivate: c.WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: c.WEBHOOK_TIMEOUT_MS,
      backoffBaseMs: c.WEBHOOK_BACKOFF_BASE_MS,
      maxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
      concurrency: c.WEBHOOK_CONCURRENCY,
      pollMs: c.WEBHOOK_POLL_MS,
    },
    spikes: { weeks: c.SPIKE_WEEKS, minCount: c.SPIKE_MIN_COUNT, significance: c.SPIKE_SIGNIFICANCE, seasonMax: c.SPIKE_SEASON_MAX },
    text: {
      categoryConfidence: c.TEXT_CATEGORY_CONFIDENCE,
      placeConfidence: c.TEXT_PLACE_CONFIDENCE,
      urgentApplyScore: c.TEXT_URGENT_APPLY_SCORE,
      staffExampleWeight: c.TEXT_STAFF_EXAMPLE_WEIGHT,
      modelCacheDir: resolve(c.TEXT_MODEL_CACHE_DIR ?? `${c.DATA_DIR}/text-models`),
      modelsInMemory: c.TEXT_MODELS_IN_MEMORY,
    },
    wallTileUrl: c.WALL_TILE_URL,
    // Production keeps the dashboard to its own documents and the schema from anonymous callers; development and tests
    // leave both open for tools (docs/security.md).
    trustedDocuments: c.TRUSTED_DOCUMENTS ?? (c.NODE_ENV === 'production' ? 'cookie' : 'off'),
    trustedDocumentsManifest: c.TRUSTED_DOCUMENTS_MANIFEST ? resolve(c.TRUSTED_DOCUMENTS_MANIFEST) : undefined,
    introspection: c.INTROSPECTION ?? (c.NODE_ENV === 'production' ? 'signed-in' : 'all'),
    suggestions: c.SUGGESTIONS ?? (c.NODE_ENV === 'production' ? 'signed-in' : 'all'),
  };
}
