import type { Scope, TokenKind } from '../../gql/graphql';
import table from '../../../../schema/permissions.json';
import type { Permission } from '../../shared/permissions';

/**
 * What a token's scopes give, read from the server's permission table (schema/permissions.json, emitted from
 * server/src/modules/auth/roles.ts): which kinds of token may hold each scope, which permissions it grants, and
 * whether it shows applicants in full. The form offers a kind only the scopes that give it something, and says what.
 */
export type ScopeGrant = Permission | 'PERSONAL_DATA';

type ScopeEntry = { tokenKinds: readonly TokenKind[]; permissions: readonly Permission[]; personalData: boolean };
/* JSON imports type their strings as `string`; the file's values are the server's enums (scopes.spec.ts checks them). */
const SCOPE_TABLE = table.scopes as unknown as Record<Scope, ScopeEntry>;

export const TOKEN_KINDS: readonly TokenKind[] = ['WALL_DISPLAY', 'INTEGRATOR'];

/** The order in which the form lists scopes: what the kind is for first. */
const LIST_ORDER: readonly Scope[] = ['WALL_READ', 'ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ', 'WEBHOOKS'];

/** Everything a scope gives; empty for a scope that gives nothing. */
export function scopeGrants(scope: Scope): ScopeGrant[] {
  const entry = SCOPE_TABLE[scope];
  if (!entry) return [];
  return [...entry.permissions, ...(entry.personalData ? (['PERSONAL_DATA'] as const) : [])];
}

/** The scopes whose permissions include reading items: the personal-data scope adds to one of them. */
export const READING_SCOPES: readonly Scope[] = LIST_ORDER.filter((s) => SCOPE_TABLE[s]?.permissions.includes('ITEMS_READ'));

const within = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

/**
 * The scopes offered for each kind: those the server lets the kind hold that give something, except one whose
 * grants another offered scope gives with more (a wall's "Оргструктура" is in "Табло" already).
 */
function offered(kind: TokenKind): Scope[] {
  const allowed = LIST_ORDER.filter((s) => SCOPE_TABLE[s]?.tokenKinds.includes(kind) && scopeGrants(s).length > 0);
  return allowed.filter((s) => {
    const mine = scopeGrants(s);
    return !allowed.some((o) => o !== s && within(mine, scopeGrants(o)) && scopeGrants(o).length > mine.length);
  });
}

export const SCOPES_BY_KIND: Record<TokenKind, readonly Scope[]> = {
  WALL_DISPLAY: offered('WALL_DISPLAY'),
  INTEGRATOR: offered('INTEGRATOR'),
};

/**
 * Scopes chosen when a kind is picked. A wall display needs the masked items, the organisation and the problems
 * ("Табло") and the figures with their live updates ("Показатели").
 */
export const DEFAULT_SCOPES: Record<TokenKind, readonly Scope[]> = {
  WALL_DISPLAY: ['WALL_READ', 'KPI_READ'],
  INTEGRATOR: [],
};

/** Keeps only the scopes the kind is offered, in the kind's order. */
export function scopesForKind(kind: TokenKind, scopes: readonly string[]): Scope[] {
  return SCOPES_BY_KIND[kind].filter((s) => scopes.includes(s));
}

/** What the scope gives, in words of the interface language ("Даёт: …"). */
export function describeScope(t: (key: string, values?: Record<string, unknown>) => string, scope: Scope): string {
  const grants = scopeGrants(scope);
  if (!grants.length) return t('tokens.grantsNothing');
  return t('tokens.grants', { list: grants.map((g) => t(`scopeGrants.${g}`)).join('; ') });
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: { revokedAt?: string | null; expiresAt?: string | null }, now = new Date()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
