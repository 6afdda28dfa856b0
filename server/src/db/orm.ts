import { DataloaderType, MikroORM, ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities, tenantEntityNames } from './entities.js';
import { migrationsList } from './migrations/index.js';
import { tenantFilter, tenantParamsFor, TENANT_FILTER, type TenantParams } from './tenant-filter.js';
import { logger } from '../shared/logger.js';

export type Orm = MikroORM<PostgreSqlDriver>;

/** Which pool a statement went through: the one serving requests (openRequestOrm) or the server's own. */
export type PoolName = 'requests' | 'system';

/** Sees every SQL statement the ORM sends, and through which pool (tests count them: no N+1, statements per request). */
export const queryObserver: { current: ((sql: string, pool: PoolName) => void) | null } = { current: null };

/** Connections of the pool for requests (openRequestOrm) and of the one for the server's own work. */
const REQUEST_POOL_MAX = 20;
const SYSTEM_POOL_MAX = 10;

export function ormOptions(clientUrl: string, extra: Partial<Options<PostgreSqlDriver>> = {}, pool: PoolName = 'system'): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    filters: { [TENANT_FILTER]: tenantFilter(tenantEntityNames) },
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    // Tenancy is enforced on each entity's own rows; joining every to-one relation to re-check it costs a join each.
    autoJoinRefsForFilters: false,
    // The server's own work: migrations, the seed, jobs, the live layer's reads, /readyz (requests have their pool).
    pool: { min: 0, max: SYSTEM_POOL_MAX },
    allowGlobalContext: false,
    // Statements without their values (no 'query-params'): the values would carry applicants' personal data.
    debug: process.env.ORM_DEBUG === '1' ? ['query', 'info', 'discovery'] : false,
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
    },
    logger: (m) => logger.debug(m),
    onQuery: (sql) => {
      queryObserver.current?.(sql, pool);
      return sql;
    },
    ...extra,
  };
}

export async function openOrm(clientUrl: string, extra: Partial<Options<PostgreSqlDriver>> = {}, pool: PoolName = 'system'): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>(ormOptions(clientUrl, extra, pool));
}

/**
 * The pool that serves requests (GraphQL over HTTP and WebSocket, /files, /exports, /reports), beside the one `orm`
 * keeps for migrations, the seed, jobs and /readyz. Each of its connections stops a statement that runs longer than
 * `statementTimeoutMs` (PostgreSQL's `statement_timeout`, sent when the connection opens; 0: never), so that no
 * request holds a connection for long and a slow one ends as QUERY_TIMEOUT (graphql/errors.ts); the work of the
 * server itself, which may take longer, is never cut. Its connections are named `otklik-requests` in
 * `pg_stat_activity`. Close it before `orm`.
 */
export async function openRequestOrm(orm: Orm, statementTimeoutMs: number): Promise<Orm> {
  return openOrm(orm.config.getClientUrl(), {
    pool: { min: 0, max: REQUEST_POOL_MAX },
    driverOptions: {
      connection: { application_name: 'otklik-requests', ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}) },
    },
  }, 'requests');
}

/** Applies the committed migrations; returns the names applied now. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** A fresh EntityManager scoped to what a viewer may see (its municipality, every one for a regional reader, none for nobody). */
export function viewerEm(orm: Orm, viewer: { municipalityId: string | null } | null) {
  const em = orm.em.fork({ clear: true });
  em.setFilterParams(TENANT_FILTER, tenantParamsFor(viewer));
  return em;
}

/** An EntityManager fork for system work (seeding, jobs) that sees every municipality. */
export function systemEm(orm: Orm) {
  const em = orm.em.fork({ clear: true });
  em.setFilterParams(TENANT_FILTER, { all: true } satisfies TenantParams);
  return em;
}
