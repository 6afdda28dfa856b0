import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationError } from 'class-validator';
import { logger, safeError } from '../shared/logger.js';

/**
 * Every error a client can see carries one of these codes in `extensions.code`. The web app translates codes,
 * never messages; integrators branch on codes. Documented in docs/api.md.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** Sign-in attempts are being throttled: try again after `retryAfter` seconds. */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /**
   * The client has spent its budget of operations, or has as many under way as it may (graphql/rate-limit.ts): try
   * again after `retryAfter` seconds (HTTP 429 with `Retry-After`).
   */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A statement ran longer than DB_STATEMENT_TIMEOUT_MS and was stopped: ask for less (a shorter period, a smaller page). */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** A session cookie may run only the dashboard's own documents (TRUSTED_DOCUMENTS=cookie; HTTP 403). */
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  /** `extensions.persistedQuery.sha256Hash` names a dashboard document, but the text sent is another (HTTP 400). */
  TRUSTED_DOCUMENT_MISMATCH: 'TRUSTED_DOCUMENT_MISMATCH',
  /** This caller may not introspect the schema (INTROSPECTION; HTTP 403). */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  /** The database is unreachable (or every connection busy): try again shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A field that failed validation; `codes` are machine-readable (class-validator constraint names such as `isEmail`, `minLength`). */
export type FieldProblem = { field: string; problems: string[]; codes?: string[] };

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} not found${id ? `: ${id}` : ''}`, { entity: what });

export const forbidden = (message = 'This operation is not allowed for your role') =>
  new AppError(ErrorCode.FORBIDDEN, message);

/** A validation failure that names the fields: `extensions.fields = [{ field: 'username', problems }]`. */
export function badInput(fields: FieldProblem[], message?: string): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    message ?? `Invalid input: ${fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}`,
    { fields },
  );
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints), codes: Object.keys(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Shapes every error leaving the server: known codes pass, validation names fields, the rest is hidden. */
/** PostgreSQL's codes for a connection lost or refused (class 08, 57P01–57P03) and Node's for a socket. */
const CONNECTION_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '08P01', '57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * The driver's and the pool's words for a connection that broke or could not be had (the end of a message); "already
 * complete" is knex's when the connection of a transaction broke under it.
 */
const CONNECTION_MESSAGES =
  /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|Timeout acquiring a connection|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection|Transaction query already complete/;

/** Whether an error means the database cannot be reached (or no connection could be had in time). */
export function unavailable(e: unknown): boolean {
  for (let x = e as { code?: string; name?: string; message?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code && CONNECTION_CODES.has(x.code)) return true;
    if (x.name === 'ConnectionException' || x.name === 'KnexTimeoutError') return true;
    if (CONNECTION_MESSAGES.test(x.message ?? '')) return true;
  }
  return false;
}

/**
 * Whether an error is PostgreSQL's `query_canceled` (57014): `statement_timeout` stopped the statement (the server
 * cancels nothing else; an operator's `pg_cancel_backend` reads the same).
 */
export function timedOut(e: unknown): boolean {
  for (let x = e as { code?: string; sqlState?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === '57014' || x.sqlState === '57014') return true;
  }
  return false;
}

/** Answers 503 when a request failed only because the database was unreachable. */
export function unavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors?.length && errors.every((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}

/** graphql-js's message when a document is longer than the parser's `maxTokens` ("more that" in graphql 16). */
const TOO_MANY_TOKENS = /Document contains more th(?:a|e)[nt] \d+ tokens/;

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code as string | undefined;
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } })?.extensions
    ?.validationErrors;
  if (validationErrors) {
    // A validator that throws instead of answering (class-validator's isEmail on a lone surrogate) leaves no list of
    // fields: the input is still what it could not read.
    if (!Array.isArray(validationErrors)) {
      logger.warn('a validator failed on its input', { path: formatted.path, ...safeError(validationErrors) });
      return { message: 'Invalid input: a value could not be read', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const fields = flatten(validationErrors);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}`,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
    };
  }
  // A malformed id or value that PostgreSQL refuses to read (e.g. "x" for a uuid) is the caller's mistake.
  if ((original as { code?: string } | undefined)?.code === '22P02') {
    return {
      message: 'Invalid input: a value is malformed (for example an id that is not a UUID)',
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  // graphql-js stops parsing a document longer than the token limit (graphql/limits.ts, maxTokens).
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens) {
    const max = Number(/(\d+) tokens/.exec(formatted.message)?.[1]);
    return {
      message: `The query asks for too much: at most ${max} tokens`,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens', max },
    };
  }
  // A statement stopped by `statement_timeout` (db/orm.ts, openRequestOrm): the request asked for too much at once.
  if (timedOut(original)) {
    logger.warn('a statement ran out of time', { path: formatted.path, error: (original as Error)?.name });
    return {
      message: 'The request took too long in the database and was stopped; ask for less (a shorter period, a narrower filter, a smaller page)',
      path: formatted.path,
      extensions: { code: ErrorCode.QUERY_TIMEOUT },
    };
  }
  if (unavailable(original)) {
    logger.warn('database unavailable for a request', { path: formatted.path, error: (original as Error)?.name });
    return {
      message: 'The service cannot reach its database just now; try again in a few seconds',
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if (original instanceof AppError || (code && code !== 'INTERNAL_SERVER_ERROR')) {
    // Apollo relabels validation-rule errors GRAPHQL_VALIDATION_FAILED; our own code wins.
    // `http` (a status and headers for the response) is Apollo's business, not the client's.
    const { stacktrace: _s, http: _h, ...extensions } = {
      ...formatted.extensions,
      ...(original instanceof AppError ? original.extensions : {}),
    };
    return { ...formatted, extensions };
  }
  // Never the message as such: a database error's holds the statement with its values (personal data).
  logger.error('unexpected error', { path: formatted.path, ...safeError(original) });
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
