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

/** Whether cursor `a` comes after cursor `b` (both decimal, without leading zeros): no number is built per event. */
export function cursorAfter(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/**
 * The events of `topic` this subscriber accepts: first, with `after`, those committed after that cursor (from the
 * `live_event` table, kept at least LIVE_RETENTION_HOURS), then live ones, each once and in commit order. Listens
 * before it reads the table, so an event committed in between is neither lost nor repeated. A cursor older than
 * what is kept is refused with CURSOR_EXPIRED: the client reloads and subscribes afresh.
 *
 * On the path of every live event to every subscriber, so kept lean: `accept` runs when the event is published (an
 * event this subscriber does not accept is never queued for it), cursors are compared as strings, and the iterator
 * is written out rather than an async generator (fewer promises per event).
 */
export async function liveStream<K extends SharedTopic>(
  ctx: Ctx,
  topic: K,
  after: string | null | undefined,
  accept: (event: Delivered<K>) => boolean,
): Promise<AsyncIterableIterator<Delivered<K>>> {
  const from = after === null || after === undefined ? null : parseCursor(after).toString();
  const live = ctx.pubsub.subscribe(topic, undefined, accept);
  try {
    if (from !== null) {
      const [oldest] = (await ctx.em.getConnection().execute(
        `select min(cursor)::text as c, (select last_value::text from live_event_cursor_seq) as seq from live_event`,
      )) as { c: string | null; seq: string }[];
      const requested = BigInt(from);
      const kept = oldest?.c ? BigInt(oldest.c) : null;
      if ((kept !== null && requested < kept - 1n) || (kept === null && requested < BigInt(oldest?.seq ?? '0') && requested > 0n)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: that cursor is older than the events kept; reload and subscribe without it', {
          reason: 'CURSOR_EXPIRED',
        });
      }
    }
  } catch (e) {
    await live.return?.();
    throw e;
  }
  /** The last cursor handed out or read from the table: a live event up to it was already replayed. */
  let last: string | null = from;
  let replaying = from !== null;
  const page: Delivered<K>[] = [];
  let ended = false;
  const end = async (): Promise<IteratorResult<Delivered<K>>> => {
    ended = true;
    page.length = 0;
    await live.return?.();
    return { value: undefined as never, done: true };
  };
  const iterator: AsyncIterableIterator<Delivered<K>> = {
    async next(): Promise<IteratorResult<Delivered<K>>> {
      if (ended) return { value: undefined as never, done: true };
      try {
        while (replaying || page.length) {
          if (page.length) return { value: page.shift()!, done: false };
          const rows = await eventsAfter((sql, params) => query(ctx, sql, params), last!, REPLAY_PAGE, topic);
          for (const row of rows) {
            last = row.cursor;
            const event = delivered(row) as Delivered<K>;
            if (accept(event)) page.push(event);
          }
          if (rows.length < REPLAY_PAGE) replaying = false;
        }
        for (;;) {
          const r = await live.next();
          if (r.done) return end();
          if (last !== null && !cursorAfter(r.value.cursor, last)) continue;
          last = r.value.cursor;
          return r;
        }
      } catch (e) {
        if (e instanceof SlowConsumerError) {
          ctx.ws?.close(CLOSE_SLOW_CONSUMER.code, CLOSE_SLOW_CONSUMER.reason);
          return end();
        }
        await end();
        throw e;
      }
    },
    return: end,
    async throw(e?: unknown) {
      await end();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
