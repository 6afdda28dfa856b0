import type { GraphQLFormattedError } from 'graphql';

/**
 * What the dashboard needs from a failed operation: the server's `extensions.code`, the problems per field
 * (BAD_USER_INPUT) and the field of a CONFLICT. Messages from the server are never shown; codes are translated.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'QUERY_TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'TRUSTED_DOCUMENT_REQUIRED',
  'TRUSTED_DOCUMENT_MISMATCH',
  'INTROSPECTION_DISABLED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | 'NETWORK' | 'UNKNOWN';

export type FieldProblem = { field: string; problems: string[] };

export type ErrorInfo = {
  code: ErrorCode;
  /** Problems per field, field names without the `input.` prefix of the argument. */
  fields: FieldProblem[];
  /** For CONFLICT: the field whose value is taken. */
  conflictField?: string;
  /** For TOO_MANY_ATTEMPTS and RATE_LIMITED: seconds to wait before trying again. */
  retryAfter?: number;
  /** A finer reason, e.g. STALE_VERSION for a CONFLICT: someone else changed the record meanwhile. */
  reason?: string;
};

type Shape = {
  graphQLErrors?: readonly GraphQLFormattedError[];
  errors?: readonly GraphQLFormattedError[];
  networkError?: (Error & { result?: unknown; statusCode?: number }) | null;
  protocolErrors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
};

/** `input.code` and `code` name the same field; the server uses both (service checks vs. validators). */
export function normaliseField(field: string): string {
  return field.replace(/^input\./, '');
}

function fromGraphQL(error: GraphQLFormattedError): ErrorInfo {
  const ext = (error.extensions ?? {}) as Record<string, unknown>;
  const raw = typeof ext.code === 'string' ? ext.code : 'UNKNOWN';
  const code = (ERROR_CODES as readonly string[]).includes(raw)
    ? (raw as ErrorCode)
    : raw === 'GRAPHQL_VALIDATION_FAILED' || raw === 'GRAPHQL_PARSE_FAILED'
      ? 'INTERNAL_SERVER_ERROR'
      : 'UNKNOWN';
  const fields = Array.isArray(ext.fields)
    ? (ext.fields as FieldProblem[])
        .filter((f) => f && typeof f.field === 'string')
        .map((f) => ({ field: normaliseField(f.field), problems: Array.isArray(f.problems) ? f.problems.map(String) : [] }))
    : [];
  return {
    code,
    fields,
    conflictField: typeof ext.field === 'string' ? normaliseField(ext.field) : undefined,
    retryAfter: typeof ext.retryAfter === 'number' ? ext.retryAfter : undefined,
    reason: typeof ext.reason === 'string' ? ext.reason : undefined,
  };
}

export function toErrorInfo(error: unknown): ErrorInfo | null {
  if (!error) return null;
  const e = error as Shape;
  const first = e.graphQLErrors?.[0] ?? e.protocolErrors?.[0] ?? e.errors?.[0];
  if (first) return fromGraphQL(first);
  if (e.extensions && typeof e.extensions.code === 'string') return fromGraphQL(e as GraphQLFormattedError);
  if (e.networkError) {
    // A 400 from the server still carries GraphQL errors (e.g. QUERY_TOO_COMPLEX from validation).
    const result = e.networkError.result as { errors?: GraphQLFormattedError[] } | undefined;
    if (result && typeof result === 'object' && Array.isArray(result.errors) && result.errors[0]) {
      return fromGraphQL(result.errors[0]);
    }
    return { code: 'NETWORK', fields: [] };
  }
  return { code: 'UNKNOWN', fields: [] };
}

/** Someone else changed the record since it was loaded (optimistic lock): reload it and try again. */
export function isStaleVersion(error: unknown): boolean {
  const info = toErrorInfo(error);
  return info?.code === 'CONFLICT' && info.reason === 'STALE_VERSION';
}

/** The problems of one field, including a CONFLICT on it, for display under the field. */
export function problemsOf(info: ErrorInfo | null, field: string, conflictText?: string): string[] {
  if (!info) return [];
  const own = info.fields.filter((f) => f.field === field).flatMap((f) => f.problems);
  if (info.code === 'CONFLICT' && info.conflictField === field && conflictText) own.push(conflictText);
  return own;
}
