import { PERSONAL_DATA, PERSONAL_DATA_SCOPE } from '../items/item-access.js';
import { Permission, REGIONAL_ROLES, Role, Scope, TokenKind, permissionGrants, scopesAllowedFor } from './roles.js';

/**
 * The permission table as plain data, for the dashboard: `pnpm schema` writes it to schema/permissions.json
 * next to the schema, and the dashboard derives what it shows each role from that file.
 * The server itself keeps reading `permissionGrants` (roles.ts); this is only its published form.
 */
export interface PermissionTable {
  /** Which roles and which token scopes grant each permission. */
  permissions: Record<Permission, { roles: Role[]; scopes: Scope[] }>;
  /** Roles whose holders read every municipality of the installation (and write none). */
  regionalRoles: Role[];
  /** Every role. */
  roles: Role[];
  /** Roles a municipality may grant to its users: all but the regional ones, which the installation grants. */
  assignableRoles: Role[];
  /**
   * Roles that see applicants in full on some items (the item policy's PERSONAL_DATA: every item, their sectors',
   * their department's or one kind's); the others never do. On those items the inbox search also finds an applicant
   * by name, phone or e-mail.
   */
  personalDataRoles: Role[];
  /**
   * What each token scope gives, for the token form to offer only scopes that give something and to say what:
   * the kinds of token that may hold it, the permissions it grants, and whether it shows applicants in full (the
   * item policy's personal-data scope, which adds to reading items and is no permission of its own).
   */
  scopes: Record<Scope, { tokenKinds: TokenKind[]; permissions: Permission[]; personalData: boolean }>;
}

const ROLE_ORDER: readonly Role[] = Object.values(Role);
const SCOPE_ORDER: readonly Scope[] = Object.values(Scope);
const TOKEN_KIND_ORDER: readonly TokenKind[] = Object.values(TokenKind);

/** The values of `order` that are in `values`, in the order of `order`: sorted, without duplicates. */
function inOrder<T>(order: readonly T[], values: readonly T[]): T[] {
  return order.filter((v) => values.includes(v));
}

/**
 * The table in a stable order, so that the emitted file changes only when the table does:
 * permissions sorted by name, and every list of roles or scopes in its enum's declaration order.
 */
export function permissionTable(): PermissionTable {
  const names = (Object.keys(permissionGrants) as Permission[]).sort();
  const permissions = Object.fromEntries(
    names.map((name) => {
      const grant = permissionGrants[name];
      return [name, { roles: inOrder(ROLE_ORDER, grant.roles), scopes: inOrder(SCOPE_ORDER, grant.scopes) }];
    }),
  ) as PermissionTable['permissions'];
  const scopes = Object.fromEntries(
    SCOPE_ORDER.map((scope) => [
      scope,
      {
        tokenKinds: TOKEN_KIND_ORDER.filter((kind) => scopesAllowedFor[kind].includes(scope)),
        permissions: names.filter((name) => permissionGrants[name].scopes.includes(scope)),
        personalData: scope === PERSONAL_DATA_SCOPE,
      },
    ]),
  ) as PermissionTable['scopes'];
  return {
    permissions,
    regionalRoles: inOrder(ROLE_ORDER, REGIONAL_ROLES),
    roles: [...ROLE_ORDER],
    assignableRoles: ROLE_ORDER.filter((r) => !REGIONAL_ROLES.includes(r)),
    personalDataRoles: ROLE_ORDER.filter((r) => PERSONAL_DATA[r] !== 'NONE'),
    scopes,
  };
}
