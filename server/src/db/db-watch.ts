import pg from 'pg';
import { logger, safeError } from '../shared/logger.js';

/**
 * Watches the database (docs/operations.md, "When the database goes away"): a probe every `intervalMs` on a
 * connection of its own (not the pool's, which requests may hold). While the database is away requests fail
 * quickly with SERVICE_UNAVAILABLE (it is "down" after three failed probes in a row, so a probe starved by a busy
 * event loop is not taken for an outage) and the pool's broken connections are replaced when it is back; with the
 * embedded database the server starts it again itself; if it stays away longer than `giveUpAfterMs`, `giveUp` is
 * called (the process exits non-zero, so that a supervisor restarts it).
 */
const FAILURES_FOR_DOWN = 3;

export class DatabaseWatch {
  private timer: NodeJS.Timeout | null = null;
  private downSince: number | null = null;
  /** Consecutive failed probes: one alone (a probe starved by a busy process) is not an outage. */
  private failures = 0;
  private probing = false;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly options: {
      intervalMs: number;
      giveUpAfterMs: number;
      giveUp: (downForMs: number) => void;
      /** Called while the database is down, before each probe (the embedded server restarts itself here). */
      whileDown?: () => Promise<void>;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Whether the last probe reached the database. */
  get up(): boolean {
    return this.downSince === null;
  }

  /** How long the database has been away (0 while up). */
  get downForMs(): number {
    return this.downSince === null ? 0 : this.now() - this.downSince;
  }

  start(): void {
    this.timer = setInterval(() => void this.probe(), this.options.intervalMs);
    this.timer.unref();
  }

  /** One probe: `select 1` on a fresh connection with short time-outs. */
  async probe(): Promise<boolean> {
    if (this.probing || this.stopped) return this.up;
    this.probing = true;
    try {
      if (this.downSince !== null && this.options.whileDown) {
        await this.options.whileDown().catch((e: unknown) => logger.warn('database watch: could not start the database', safeError(e)));
      }
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2_000, query_timeout: 2_000, application_name: 'otklik-db-watch' });
      client.on('error', () => undefined);
      let ok = false;
      try {
        await client.connect();
        await client.query('select 1');
        ok = true;
      } catch {
        ok = false;
      } finally {
        void client.end().catch(() => undefined);
      }
      if (ok) this.failures = 0;
      else this.failures += 1;
      if (ok && this.downSince !== null) {
        logger.info(`database is back after ${Math.round(this.downForMs / 1000)} s`);
        this.downSince = null;
      } else if (!ok && this.failures >= FAILURES_FOR_DOWN) {
        if (this.downSince === null) {
          this.downSince = this.now();
          logger.error('database unreachable: requests answer SERVICE_UNAVAILABLE until it is back');
        } else if (this.downForMs > this.options.giveUpAfterMs) {
          logger.error(`database unreachable for ${Math.round(this.downForMs / 1000)} s: giving up`);
          this.options.giveUp(this.downForMs);
        }
      }
      return ok;
    } finally {
      this.probing = false;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }
}
