import type { Ctx } from '../../graphql/context.js';
import { AppError, ErrorCode } from '../../graphql/errors.js';
import { SlowConsumerError, type Delivered, type SharedTopic } from '../../graphql/pubsub.js';
import { delivered, eventsAfter, type LiveRow } from './live-bus.js';

/** Closed with this when a subscriber does not take its events in time (graphql/pubsub.ts bufferedIterator). */
export const CLOSE_SLOW_CONSUMER = { code: 4420, reason: 'Too slow: events waited too long' } as const;

const REPLAY_PAGE = 1_000;

export function parseCursor(after: string): bigint {
  if (!/^\d{1,19}$/.test(after)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: not a cursor', { field: 'after' });
  return BigInt(after);
}

async function query(ctx: Ctx, sql: string, params: unknown[]): Promise<{ rows: LiveRow[] }> {
  const rows = (await ctx.em.getConnection().execute(sql.replace(/\$(\d+)/g, '?'), params)) as LiveRow[];
  return { rows };
}

/**
 * The events of `topic` this subscriber accepts: first, with `after`, those committed after that cursor (from the
 * `live_event` table, kept at least LIVE_RETENTION_HOURS), then live ones, each once and in commit order. Listens
 * before it reads the table, so an event committed in between is neither lost nor repeated. A cursor older than
 * what is kept is refused with CURSOR_EXPIRED: the client reloads and subscribes afresh.
 */
export async function liveStream<K extends SharedTopic>(
  ctx: Ctx,
  topic: K,
  after: string | null | undefined,
  accept: (event: Delivered<K>) => boolean,
): Promise<AsyncIterableIterator<Delivered<K>>> {
  const from = after === null || after === undefined ? null : parseCursor(after);
  const live = ctx.pubsub.subscribe(topic);
  try {
    if (from !== null) {
      const [oldest] = (await ctx.em.getConnection().execute(
        `select min(cursor)::text as c, (select last_value::text from live_event_cursor_seq) as seq from live_event`,
      )) as { c: string | null; seq: string }[];
      const kept = oldest?.c ? BigInt(oldest.c) : null;
      if ((kept !== null && from < kept - 1n) || (kept === null && from < BigInt(oldest?.seq ?? '0') && from > 0n)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: that cursor is older than the events kept; reload and subscribe without it', {
          reason: 'CURSOR_EXPIRED',
        });
      }
    }
  } catch (e) {
    await live.return?.();
    throw e;
  }
  const stream = async function* (): AsyncGenerator<Delivered<K>> {
    let last = from ?? -1n;
    try {
      if (from !== null) {
        for (;;) {
          const rows = await eventsAfter((sql, params) => query(ctx, sql, params), last.toString(), REPLAY_PAGE, topic);
          for (const row of rows) {
            last = BigInt(row.cursor);
            const event = delivered(row) as Delivered<K>;
            if (accept(event)) yield event;
          }
          if (rows.length < REPLAY_PAGE) break;
        }
      }
      for await (const event of live) {
        if (BigInt(event.cursor) <= last) continue;
        last = BigInt(event.cursor);
        if (accept(event)) yield event;
      }
    } catch (e) {
      if (e instanceof SlowConsumerError) {
        ctx.ws?.close(CLOSE_SLOW_CONSUMER.code, CLOSE_SLOW_CONSUMER.reason);
        return;
      }
      throw e;
    } finally {
      await live.return?.();
    }
  };
  return stream();
}
