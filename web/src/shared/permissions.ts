import type { Role } from '../gql/graphql';
import table from '../../../schema/permissions.json';

/**
 * What each role may use in the dashboard. The table is the server's (server/src/modules/auth/roles.ts),
 * emitted with the schema by `pnpm schema` to schema/permissions.json; a test and the drift check keep that
 * file current. The server stays the authority and refuses anything else with FORBIDDEN:
 * the dashboard only uses the table to hide what a role cannot use.
 */
export type Permission = keyof typeof table.permissions;

/*
 * JSON imports type their strings as `string`. The file's roles are the server's `Role` enum, the same one
 * `Role` (../gql/graphql) is generated from, so they are narrowed here, once; permissions.spec.ts checks them
 * against the schema.
 */
const asRoles = (list: readonly string[]): readonly Role[] => list as readonly Role[];

export const ALL_ROLES: readonly Role[] = asRoles(table.roles);

export const permissionRoles: Record<Permission, readonly Role[]> = Object.fromEntries(
  (Object.keys(table.permissions) as Permission[]).map((p) => [p, asRoles(table.permissions[p].roles)]),
) as Record<Permission, readonly Role[]>;

/** Roles that read every municipality of the installation and change none. */
export const REGIONAL_ROLES: readonly Role[] = asRoles(table.regionalRoles);

/** Roles a municipality may grant to its users (the regional role is granted by the installation). */
export const ASSIGNABLE_ROLES: readonly Role[] = asRoles(table.assignableRoles);

/** Roles that see applicants in full on some items (on those, the inbox search finds applicants too). */
export const PERSONAL_DATA_ROLES: readonly Role[] = asRoles(table.personalDataRoles);

export function seesPersonalData(roles: readonly Role[] | null | undefined): boolean {
  return !!roles?.some((r) => PERSONAL_DATA_ROLES.includes(r));
}

export function can(roles: readonly Role[] | null | undefined, permission: Permission | undefined): boolean {
  if (!permission) return true;
  if (!roles) return false;
  return roles.some((r) => permissionRoles[permission].includes(r));
}

export function isRegional(roles: readonly Role[] | null | undefined): boolean {
  return !!roles?.some((r) => REGIONAL_ROLES.includes(r));
}
