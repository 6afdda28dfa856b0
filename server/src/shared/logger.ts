import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';

/**
 * The levelled logger: one JSON object per line on stderr (stdout stays for the start-up banner), written by pino:
 * `{"level":"warn","time":"…","pid":…,"hostname":"…","requestId":"…","msg":"…",…extra}`. Lines written while a
 * request is served carry its `requestId` (observability/request-id.ts). docs/operations.md "Logs".
 *
 * No line may carry personal data: database errors go through `safeError` below, and as a defence in depth the
 * keys that hold them (an applicant and its fields, what a person wrote, passwords, secrets, tokens, credentials
 * and GraphQL variables) are replaced by "[redacted]" wherever a line names them, at the top or one level down.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

/** The keys whose values never reach a log line. */
export const REDACTED_KEYS = [
  'applicant',
  'applicantName',
  'applicantPhone',
  'applicantEmail',
  'applicantAddress',
  'fullName',
  'phone',
  'email',
  'address',
  'text',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  'variables',
] as const;

/** Fields that every line written inside `withLogFields` carries (the request id of the request being served). */
const context = new AsyncLocalStorage<Record<string, string>>();

export function withLogFields<T>(fields: Record<string, string>, run: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, run);
}

const base = pino(
  {
    level: 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => context.getStore() ?? {},
    redact: {
      paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.headers.${k}`]),
      censor: '[redacted]',
    },
  },
  // process.stderr rather than pino's own fd writer: synchronous for files and pipes, so a line written just
  // before `process.exit` is not lost, and what the process writes to stderr is all in one place.
  process.stderr,
);

export function setLogLevel(level: Level): void {
  base.level = level;
}

function write(level: Level, message: string, extra?: Record<string, unknown>): void {
  if (extra) base[level](extra, message);
  else base[level](message);
}

export const logger = {
  debug: (m: string, e?: Record<string, unknown>) => write('debug', m, e),
  info: (m: string, e?: Record<string, unknown>) => write('info', m, e),
  warn: (m: string, e?: Record<string, unknown>) => write('warn', m, e),
  error: (m: string, e?: Record<string, unknown>) => write('error', m, e),
};

/**
 * What of an error may be logged. A database error's message and detail carry the statement with its values
 * (the ORM inlines parameters), so applicants' names, phones and addresses would reach the log: of those, only
 * the kind, the SQLSTATE and the names of the table, column and constraint are kept. Other errors keep their
 * message and stack (the code's own messages name no personal data).
 */
export function safeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { error: typeof e === 'string' ? e : 'non-error thrown' };
  const db = e as Error & { sqlState?: string; code?: string; table?: string; column?: string; constraint?: string; routine?: string };
  const fromDatabase = db.sqlState !== undefined || /Exception$/.test(e.name) || (typeof db.code === 'string' && /^[0-9A-Z]{5}$/.test(db.code) && 'routine' in db);
  if (fromDatabase) {
    return {
      error: e.name,
      sqlState: db.sqlState ?? db.code,
      table: db.table,
      column: db.column,
      constraint: db.constraint,
      note: 'the statement and its values are withheld: they may hold personal data',
    };
  }
  return { error: e.name, message: e.message, stack: e.stack };
}
