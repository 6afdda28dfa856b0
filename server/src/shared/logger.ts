/** A small levelled logger writing one line per event to stderr (stdout stays for the start-up banner). */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = (process.env.LOG_LEVEL as Level) in order ? (process.env.LOG_LEVEL as Level) : 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

function write(level: Level, message: string, extra?: Record<string, unknown>): void {
  if (order[level] < order[threshold]) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra ? ' ' + JSON.stringify(extra) : ''}`;
  process.stderr.write(line + '\n');
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
