import type { Viewer } from '../graphql/context.js';
import { logger } from '../shared/logger.js';

/** What the access log says of one GraphQL operation: never its variables, its result or anyone's personal data. */
export type OperationFacts = {
  transport: 'http' | 'ws';
  /** The operation's name as a label (operationLabel): "anonymous" when it has none. */
  operation: string;
  type: 'query' | 'mutation' | 'subscription' | 'unknown';
  /** Over HTTP, from the request's start to its answer. */
  durationMs?: number;
  /** The codes of the errors answered (extensions.code), once each. */
  codes: string[];
  viewer: Viewer | null;
};

/** An operation longer than this is logged at `info` even when it succeeded. */
export const SLOW_OPERATION_MS = 1_000;

/** Who asked, by ids and roles only (no username, no name). */
export function viewerFields(viewer: Viewer | null): Record<string, unknown> {
  if (!viewer) return { viewer: 'anonymous' };
  if (viewer.kind === 'user') return { viewer: 'user', userId: viewer.userId, roles: viewer.roles, municipalityId: viewer.municipalityId };
  return { viewer: 'token', tokenId: viewer.tokenId, tokenKind: viewer.tokenKind, scopes: viewer.scopes, municipalityId: viewer.municipalityId };
}

/**
 * One line per GraphQL operation (docs/operations.md "Logs"): refused or failed ones at `warn`, slow ones at `info`,
 * the rest at `debug` (their counts and latencies are in /metrics; LOG_LEVEL=debug shows every one).
 */
export function logOperation(f: OperationFacts): void {
  const level = f.codes.length ? 'warn' : f.durationMs !== undefined && f.durationMs >= SLOW_OPERATION_MS ? 'info' : 'debug';
  logger[level]('graphql operation', {
    transport: f.transport,
    operation: f.operation,
    type: f.type,
    ...(f.durationMs !== undefined ? { durationMs: Math.round(f.durationMs * 10) / 10 } : {}),
    ...(f.codes.length ? { codes: f.codes } : {}),
    ...viewerFields(f.viewer),
  });
}
