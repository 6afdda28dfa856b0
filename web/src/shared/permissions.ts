import type { Role } from '../gql/graphql';

/**
 * What each role may use in the dashboard. This mirrors the server's permission table
 * (server/src/modules/auth/roles.ts); the server stays the authority and refuses anything else with FORBIDDEN.
 * The dashboard only uses it to hide what a role cannot use.
 */
export type Permission =
  | 'ORG_READ'
  | 'ORG_MANAGE'
  | 'USERS_READ'
  | 'USERS_MANAGE'
  | 'TOKENS_MANAGE'
  | 'ITEMS_READ'
  | 'ITEMS_CREATE'
  | 'ITEMS_WORK';

export const ALL_ROLES: readonly Role[] = [
  'HEAD',
  'CURATOR',
  'SECTOR_LEAD',
  'INCIDENT_MANAGER',
  'POS_OPERATOR',
  'EXECUTOR',
  'ANALYST',
  'REGION',
];

export const permissionRoles: Record<Permission, readonly Role[]> = {
  ORG_READ: ALL_ROLES,
  ORG_MANAGE: ['HEAD'],
  USERS_READ: ['CURATOR', 'HEAD', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'REGION'],
  USERS_MANAGE: ['HEAD'],
  TOKENS_MANAGE: ['HEAD'],
  ITEMS_READ: ALL_ROLES,
  ITEMS_CREATE: ['HEAD', 'SECTOR_LEAD', 'POS_OPERATOR', 'INCIDENT_MANAGER'],
  // Which item a role may move, and how, is the server's: the card shows the item's `availableActions`.
  ITEMS_WORK: ['HEAD', 'SECTOR_LEAD', 'POS_OPERATOR', 'INCIDENT_MANAGER', 'EXECUTOR'],
};

/** Roles that read every municipality of the installation and change none. */
export const REGIONAL_ROLES: readonly Role[] = ['REGION'];

/** Roles a municipality may grant to its users (the regional role is granted by the installation). */
export const ASSIGNABLE_ROLES: readonly Role[] = ALL_ROLES.filter((r) => !REGIONAL_ROLES.includes(r));

export function can(roles: readonly Role[] | null | undefined, permission: Permission | undefined): boolean {
  if (!permission) return true;
  if (!roles) return false;
  return roles.some((r) => permissionRoles[permission].includes(r));
}

export function isRegional(roles: readonly Role[] | null | undefined): boolean {
  return !!roles?.some((r) => REGIONAL_ROLES.includes(r));
}
