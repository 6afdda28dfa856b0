import type { Scope, TokenKind } from '../../gql/graphql';

/**
 * The scopes a token of each kind may be given (the server refuses others with BAD_USER_INPUT). A wall display
 * reads live figures and nothing else; an integrator gets what its scopes say.
 */
export const SCOPES_BY_KIND: Record<TokenKind, readonly Scope[]> = {
  WALL_DISPLAY: ['WALL_READ', 'KPI_READ', 'ORG_READ'],
  INTEGRATOR: ['ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ'],
};

export const TOKEN_KINDS: readonly TokenKind[] = ['WALL_DISPLAY', 'INTEGRATOR'];

/** Scopes offered first when a kind is chosen. */
export const DEFAULT_SCOPES: Record<TokenKind, readonly Scope[]> = {
  WALL_DISPLAY: ['WALL_READ', 'KPI_READ'],
  INTEGRATOR: [],
};

/** Keeps only the scopes the kind allows, in the kind's order. */
export function scopesForKind(kind: TokenKind, scopes: readonly string[]): Scope[] {
  return SCOPES_BY_KIND[kind].filter((s) => scopes.includes(s));
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: { revokedAt?: string | null; expiresAt?: string | null }, now = new Date()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
