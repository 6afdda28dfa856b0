import { registerEnumType } from 'type-graphql';

/** Roles of the МЦУ regulation (docs/domain.md §4), plus the regional centre (ЦУР). */
export enum Role {
  CURATOR = 'CURATOR',
  HEAD = 'HEAD',
  SECTOR_LEAD = 'SECTOR_LEAD',
  INCIDENT_MANAGER = 'INCIDENT_MANAGER',
  POS_OPERATOR = 'POS_OPERATOR',
  EXECUTOR = 'EXECUTOR',
  ANALYST = 'ANALYST',
  REGION = 'REGION',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    CURATOR: { description: 'куратор МЦУ: reads everything, approves targets, plans and reports' },
    HEAD: { description: 'руководитель МЦУ: everything in the municipality' },
    SECTOR_LEAD: { description: 'ответственный за отраслевой блок' },
    INCIDENT_MANAGER: { description: 'ответственный за Инцидент Менеджмент, соцсети и СМИ' },
    POS_OPERATOR: { description: 'ответственный за ПОС' },
    EXECUTOR: { description: 'исполнитель в подразделении или учреждении' },
    ANALYST: { description: 'участник МЦУ: analytics without personal data' },
    REGION: { description: 'регион (ЦУР): reads across every municipality of the installation' },
  },
});

/** What an API token may do. A token has no role; its scopes are all it has. */
export enum Scope {
  ORG_READ = 'ORG_READ',
  ITEMS_INGEST = 'ITEMS_INGEST',
  ITEMS_READ = 'ITEMS_READ',
  PERSONAL_DATA_READ = 'PERSONAL_DATA_READ',
  KPI_READ = 'KPI_READ',
  WALL_READ = 'WALL_READ',
  WEBHOOKS = 'WEBHOOKS',
}
registerEnumType(Scope, { name: 'Scope', description: 'Scopes of an API token' });

export enum TokenKind {
  INTEGRATOR = 'INTEGRATOR',
  WALL_DISPLAY = 'WALL_DISPLAY',
}
registerEnumType(TokenKind, { name: 'TokenKind' });

/** The scopes a token of each kind may be given. A wall display reads live figures and nothing else. */
export const scopesAllowedFor: Record<TokenKind, readonly Scope[]> = {
  [TokenKind.WALL_DISPLAY]: [Scope.WALL_READ, Scope.KPI_READ, Scope.ORG_READ],
  [TokenKind.INTEGRATOR]: [
    Scope.ORG_READ,
    Scope.ITEMS_INGEST,
    Scope.ITEMS_READ,
    Scope.PERSONAL_DATA_READ,
    Scope.KPI_READ,
    Scope.WEBHOOKS,
  ],
};

/**
 * Operations are guarded by permissions, never by role names directly: `@Authorized(Permission.X)`.
 * This table is the single place that says which roles and which token scopes grant each permission.
 */
export enum Permission {
  ORG_READ = 'ORG_READ',
  ORG_MANAGE = 'ORG_MANAGE',
  USERS_READ = 'USERS_READ',
  USERS_MANAGE = 'USERS_MANAGE',
  TOKENS_MANAGE = 'TOKENS_MANAGE',
  ITEMS_READ = 'ITEMS_READ',
  ITEMS_CREATE = 'ITEMS_CREATE',
  /** Items in batches from another system (`ingestItems`): integrator tokens with the ITEMS_INGEST scope. */
  ITEMS_INGEST = 'ITEMS_INGEST',
  /** Bulk import of a CSV or XLSX file (modules/imports): the people who register items. */
  ITEMS_IMPORT = 'ITEMS_IMPORT',
  ITEMS_WORK = 'ITEMS_WORK',
  TEMPLATES_MANAGE = 'TEMPLATES_MANAGE',
  /** A person's own account: profile, password, notifications. Tokens have none. */
  OWN_ACCOUNT = 'OWN_ACCOUNT',
  /** KPIs (no personal data); a sector lead reads their sectors' only (modules/kpi). */
  KPI_READ = 'KPI_READ',
  /** Approving KPI targets: the curator (docs/domain.md §4, §5). */
  KPI_TARGETS_MANAGE = 'KPI_TARGETS_MANAGE',
  /** Recurring problems (no personal data); an executor reads their department's only (modules/problems). */
  PROBLEMS_READ = 'PROBLEMS_READ',
  /** Working the list of problems; which problems and which steps: modules/problems/problem-access.ts. */
  PROBLEMS_MANAGE = 'PROBLEMS_MANAGE',
  /** Reading and downloading the weekly and monthly reports (whole-municipality figures, no personal data). */
  REPORTS_READ = 'REPORTS_READ',
  /** Generating a report on request: the head and the curator. */
  REPORTS_GENERATE = 'REPORTS_GENERATE',
  /** The audit log of sign-ins and administrative changes: the head. */
  AUDIT_READ = 'AUDIT_READ',
  /**
   * `GET /metrics` (the installation's operational figures, no personal data): the regional reader, who reads every
   * municipality; Prometheus reads it with the installation's METRICS_TOKEN instead (observability/metrics.routes.ts).
   */
  METRICS_READ = 'METRICS_READ',
  /**
   * Registering webhooks and reading their deliveries (modules/webhooks): the head (every webhook of the
   * municipality) and integrator tokens with the WEBHOOKS scope (their own).
   */
  WEBHOOKS_MANAGE = 'WEBHOOKS_MANAGE',
  /**
   * Asking the text classifier about a text (`classifyText`, modules/text): the people who register items, and
   * integrator tokens that send them.
   */
  TEXT_CLASSIFY = 'TEXT_CLASSIFY',
  /** Reading which text model answers and retraining it from the staff's examples: the head. */
  TEXT_MODEL_MANAGE = 'TEXT_MODEL_MANAGE',
}

const STAFF: Role[] = [
  Role.CURATOR,
  Role.HEAD,
  Role.SECTOR_LEAD,
  Role.INCIDENT_MANAGER,
  Role.POS_OPERATOR,
  Role.EXECUTOR,
  Role.ANALYST,
  Role.REGION,
];

export const permissionGrants: Record<Permission, { roles: readonly Role[]; scopes: readonly Scope[] }> = {
  [Permission.ORG_READ]: { roles: STAFF, scopes: [Scope.ORG_READ, Scope.WALL_READ] },
  [Permission.ORG_MANAGE]: { roles: [Role.HEAD], scopes: [] },
  [Permission.USERS_READ]: {
    roles: [Role.CURATOR, Role.HEAD, Role.SECTOR_LEAD, Role.INCIDENT_MANAGER, Role.POS_OPERATOR, Role.REGION],
    scopes: [],
  },
  [Permission.USERS_MANAGE]: { roles: [Role.HEAD], scopes: [] },
  [Permission.TOKENS_MANAGE]: { roles: [Role.HEAD], scopes: [] },
  // The wall reads items (always masked: it has no PERSONAL_DATA_READ) for its live feed.
  [Permission.ITEMS_READ]: { roles: STAFF, scopes: [Scope.ITEMS_READ, Scope.WALL_READ] },
  [Permission.ITEMS_CREATE]: {
    roles: [Role.HEAD, Role.SECTOR_LEAD, Role.POS_OPERATOR, Role.INCIDENT_MANAGER],
    scopes: [Scope.ITEMS_INGEST],
  },
  [Permission.TEXT_CLASSIFY]: {
    roles: [Role.HEAD, Role.SECTOR_LEAD, Role.POS_OPERATOR, Role.INCIDENT_MANAGER],
    scopes: [Scope.ITEMS_INGEST],
  },
  [Permission.TEXT_MODEL_MANAGE]: { roles: [Role.HEAD], scopes: [] },
  [Permission.ITEMS_INGEST]: { roles: [], scopes: [Scope.ITEMS_INGEST] },
  [Permission.ITEMS_IMPORT]: { roles: [Role.HEAD, Role.SECTOR_LEAD, Role.POS_OPERATOR, Role.INCIDENT_MANAGER], scopes: [] },
  // Which item a role may move, and how, is the item access policy's business (modules/items/item-access.ts).
  [Permission.ITEMS_WORK]: {
    roles: [Role.HEAD, Role.SECTOR_LEAD, Role.POS_OPERATOR, Role.INCIDENT_MANAGER, Role.EXECUTOR],
    scopes: [],
  },
  [Permission.TEMPLATES_MANAGE]: { roles: [Role.HEAD, Role.SECTOR_LEAD], scopes: [] },
  [Permission.OWN_ACCOUNT]: { roles: STAFF, scopes: [] },
  [Permission.KPI_READ]: { roles: [Role.HEAD, Role.CURATOR, Role.SECTOR_LEAD, Role.ANALYST, Role.REGION], scopes: [Scope.KPI_READ] },
  [Permission.KPI_TARGETS_MANAGE]: { roles: [Role.CURATOR], scopes: [] },
  [Permission.PROBLEMS_READ]: { roles: STAFF, scopes: [Scope.KPI_READ, Scope.WALL_READ] },
  [Permission.PROBLEMS_MANAGE]: { roles: [Role.HEAD, Role.CURATOR, Role.SECTOR_LEAD], scopes: [] },
  [Permission.REPORTS_READ]: { roles: [Role.HEAD, Role.CURATOR, Role.ANALYST, Role.REGION], scopes: [] },
  [Permission.REPORTS_GENERATE]: { roles: [Role.HEAD, Role.CURATOR], scopes: [] },
  [Permission.AUDIT_READ]: { roles: [Role.HEAD], scopes: [] },
  [Permission.METRICS_READ]: { roles: [Role.REGION], scopes: [] },
  [Permission.WEBHOOKS_MANAGE]: { roles: [Role.HEAD], scopes: [Scope.WEBHOOKS] },
};

/** Roles whose holders read every municipality of the installation (and write none). */
export const REGIONAL_ROLES: readonly Role[] = [Role.REGION];

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  const grant = permissionGrants[permission];
  return roles.some((r) => grant.roles.includes(r));
}

export function scopesGrant(scopes: readonly Scope[], permission: Permission): boolean {
  const grant = permissionGrants[permission];
  return scopes.some((s) => grant.scopes.includes(s));
}
