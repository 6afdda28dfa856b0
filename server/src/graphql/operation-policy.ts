import { getMetadataStorage } from 'type-graphql';
import { type Permission, Role, Scope, rolesGrant, scopesGrant } from '../modules/auth/roles.js';

/**
 * The operation-level half of the access policy, read back from the resolvers' `@Authorized(...)`: for every
 * query, mutation and subscription, what it requires. (Which items an allowed operation then reaches, and what of
 * them, is the item policy's: modules/items/item-access.ts.) Call after the schema is built.
 */
export type OperationKind = 'query' | 'mutation' | 'subscription';
export type Requirement = { public: true } | { signedIn: true; anyOf: Permission[] };
export type OperationRule = { kind: OperationKind; name: string; requires: Requirement };

/** Who calls: a person holding one role, an API token holding one scope, or nobody. */
export type Principal = { role: Role } | { scope: Scope } | { anonymous: true };

export const ALL_PRINCIPALS: readonly Principal[] = [
  ...Object.values(Role).map((role) => ({ role })),
  ...Object.values(Scope).map((scope) => ({ scope })),
  { anonymous: true as const },
];

export const principalName = (p: Principal): string => ('role' in p ? p.role : 'scope' in p ? `token:${p.scope}` : 'anonymous');

export function operationRules(): OperationRule[] {
  const storage = getMetadataStorage();
  const rule = (kind: OperationKind) => (m: { schemaName: string; roles?: unknown[] }): OperationRule => ({
    kind,
    name: m.schemaName,
    requires: m.roles === undefined ? { public: true } : { signedIn: true, anyOf: m.roles as Permission[] },
  });
  return [
    ...storage.queries.map(rule('query')),
    ...storage.mutations.map(rule('mutation')),
    ...storage.subscriptions.map(rule('subscription')),
  ].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/** Whether the principal passes the operation's guard (the same answer as the AuthChecker gives). */
export function principalMay(p: Principal, r: Requirement): boolean {
  if ('public' in r) return true;
  if ('anonymous' in p) return false;
  if (!r.anyOf.length) return true;
  return 'role' in p ? r.anyOf.some((x) => rolesGrant([p.role], x)) : r.anyOf.some((x) => scopesGrant([p.scope], x));
}
