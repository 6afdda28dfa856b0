import pg from 'pg';
import type { AppPubSub, Delivered, SharedTopic } from '../../graphql/pubsub.js';
import { logger, safeError } from '../../shared/logger.js';

/** The channel a committed change of `live_event` is announced on (by the live_event_numbered trigger). */
export const LIVE_CHANNEL = 'otklik_live';

export type LiveRow = { cursor: string; topic: SharedTopic; payload: Record<string, unknown>; at: Date };

const PAGE = 500;

/** Events after `cursor` in commit order, at most `limit` (of every topic, or of one). */
export async function eventsAfter(
  query: (sql: string, params: unknown[]) => Promise<{ rows: LiveRow[] }>,
  cursor: string,
  limit: number,
  topic?: SharedTopic,
): Promise<LiveRow[]> {
  // Placeholders numbered in the order they appear (callers may turn them into `?`).
  const params: unknown[] = [cursor];
  let where = '';
  if (topic) {
    params.push(topic);
    where = `and topic = $2`;
  }
  params.push(limit);
  const { rows } = await query(
    // Ordered by the number, not by the text alias (which would put 10 before 9).
    `select e.cursor::text as cursor, e.topic, e.payload, e.at from live_event e where e.cursor > $1::bigint ${where.replace('topic', 'e.topic')} order by e.cursor limit $${params.length}`,
    params,
  );
  return rows;
}

export function delivered(row: LiveRow): Delivered<SharedTopic> {
  return { ...(row.payload as object), cursor: row.cursor } as Delivered<SharedTopic>;
}

/**
 * Carries the events of every instance to this one (docs/live.md): one connection LISTENs on `otklik_live`; on
 * each notification (and every `pollMs` as a safety net) it reads the events after the last cursor it delivered,
 * in commit order, and publishes them on the in-process pubsub. When the connection drops (a database restart, a
 * network loss) it reconnects with back-off, LISTENs again and catches up from its cursor, so nothing committed
 * meanwhile is lost or delivered twice.
 */
export class LiveBus {
  private client: pg.Client | null = null;
  private last = '0';
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private backoff = 100;
  private connectedOnce = false;
  /** Whether the listening connection is up now. */
  connected = false;

  constructor(
    private readonly url: string,
    private readonly pubsub: AppPubSub,
    private readonly options: { pollMs?: number } = {},
  ) {}

  /** The last cursor delivered here. */
  get cursor(): string {
    return this.last;
  }

  /** Connects and starts from the newest event: what was committed before the start is history, not news. */
  async start(): Promise<void> {
    await this.connect();
    const { rows } = await this.client!.query<{ c: string }>(`select coalesce(max(cursor), 0)::text as c from live_event`);
    this.last = rows[0]!.c;
    this.poll = setInterval(() => this.drain(), this.options.pollMs ?? 5_000);
    this.poll.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'otklik-live-bus' });
    client.on('notification', () => void this.drain());
    client.on('error', (e) => {
      if (!this.stopped) logger.warn('live bus: connection error', safeError(e));
    });
    client.on('end', () => {
      if (this.client === client) this.lost();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (e) {
      void client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    this.connected = true;
    this.backoff = 100;
    if (this.connectedOnce) logger.info('live bus: listening again; catching up');
    this.connectedOnce = true;
  }

  private lost(): void {
    this.client = null;
    this.connected = false;
    if (this.stopped) return;
    logger.warn('live bus: the listening connection ended; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(async () => {
      this.retry = null;
      try {
        await this.connect();
        void this.drain();
      } catch {
        this.backoff = Math.min(this.backoff * 2, 5_000);
        this.scheduleReconnect();
      }
    }, this.backoff);
    this.retry.unref();
  }

  /** Reads and publishes every event after the last one delivered; concurrent calls coalesce. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        const client = this.client;
        if (!client || this.stopped) return;
        try {
          for (;;) {
            const rows = await eventsAfter((sql, params) => client.query<LiveRow>(sql, params), this.last, PAGE);
            for (const row of rows) {
              this.last = row.cursor;
              try {
                this.pubsub.publish(row.topic, delivered(row) as never);
              } catch (e) {
                logger.error(`live bus: a listener of ${row.topic} failed`, safeError(e));
              }
            }
            if (rows.length < PAGE) break;
          }
        } catch (e) {
          // The connection's 'end' handler reconnects; the next drain continues from the same cursor.
          if (!this.stopped) logger.warn('live bus: reading events failed', safeError(e));
          return;
        }
      } while (this.again);
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await this.draining?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }
}

/**
 * Drops the events older than the retention (they stay at least that long for clients that reconnect). With
 * `keepUnread: 'webhook_dispatch'`, an event the webhook dispatcher has not read yet stays (modules/webhooks).
 */
export async function purgeLiveEvents(em: { getConnection(): { execute(sql: string, params: unknown[], method: 'run'): Promise<unknown> } }, now: Date, hours: number, keepUnread?: 'webhook_dispatch'): Promise<number> {
  const unread = keepUnread ? ` and cursor <= coalesce((select cursor from ${keepUnread} where id = 1), 0)` : '';
  const r = (await em.getConnection().execute(`delete from live_event where at < ? and cursor is not null${unread}`, [new Date(now.getTime() - hours * 3_600_000)], 'run')) as { affectedRows?: number };
  return r.affectedRows ?? 0;
}
