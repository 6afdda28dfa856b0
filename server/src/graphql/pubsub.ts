import type { ItemKind, ItemStatus } from '../modules/items/item.enums.js';
import type { KpiLiveValue, SectorLiveRow } from '../modules/live/live-figures.js';

/**
 * Topics and their payloads. Payloads carry ids and ISO strings only: they travel between server instances
 * through the `live_event` table (modules/live). A change announces its events in its own transaction
 * (modules/live/outbox.ts `emit`); each instance's bus reads them after the commit, numbered by `cursor` in commit
 * order, and publishes them here. Topics marked local are computed in each instance from the others.
 */
export type ItemEventType =
  | 'CREATED'
  | 'REGISTERED'
  | 'ASSIGNED'
  | 'STATUS_CHANGED'
  | 'DEADLINE_STATE_CHANGED'
  | 'ANSWERED'
  | 'RATED'
  | 'MERGED'
  | 'REOPENED'
  | 'UPDATED';

/** What the access policy checks at delivery: the item's facts as they were committed. */
export type ItemFactsPayload = {
  kind: ItemKind;
  status: ItemStatus;
  sectorId: string | null;
  departmentId: string | null;
  executorId: string | null;
  settlementId: string | null;
  urgent: boolean;
};

export type Topics = {
  ORGANISATION_CHANGED: [{ municipalityId: string; entity: string; entityId: string; action: string; at: string }];
  /** One committed change of an item (its history event), with the facts the access policy checks. */
  ITEM_EVENT: [{ municipalityId: string; itemId: string; type: ItemEventType; history: string; at: string } & ItemFactsPayload];
  NOTIFICATION_ADDED: [{ municipalityId: string; userId: string; notificationId: string; at: string }];
  /** An urgent item arrived, an item became overdue, a spike of similar items. */
  ALERT: [
    {
      municipalityId: string;
      alertType: 'URGENT_ITEM' | 'OVERDUE' | 'SPIKE';
      level: 'INFO' | 'WARNING' | 'CRITICAL';
      message: string;
      at: string;
      itemId?: string;
      problemId?: string;
    } & Partial<ItemFactsPayload>,
  ];
  /** An import job committed a chunk, or started, finished or failed (modules/imports). */
  IMPORT_PROGRESS: [
    {
      municipalityId: string;
      jobId: string;
      status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
      total: number | null;
      processed: number;
      created: number;
      existing: number;
      rejected: number;
      at: string;
    },
  ];
  /** A session, all of a person's sessions (but one), or a token ended; or a person's access changed. */
  ACCESS_REVOKED: [
    {
      reason: 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'DEACTIVATED' | 'TOKEN_REVOKED' | 'ACCESS_CHANGED' | 'PASSWORD_SET';
      sessionId?: string;
      userId?: string;
      exceptSessionId?: string;
      tokenId?: string;
      at?: string;
    },
  ];
};

/** Topics that travel through the database between instances. */
export type SharedTopic = keyof Topics;

/** A shared event as delivered: its payload and its place in commit order. */
export type Delivered<K extends SharedTopic> = Topics[K][0] & { cursor: string };

/** Computed in each instance (modules/live/live-figures.ts) and never stored. */
export type LocalTopics = {
  /** Sectors of a municipality whose live figures changed. */
  SECTOR_FIGURES: [{ municipalityId: string; rows: SectorLiveRow[] }];
  /** A watched KPI scope (by key) whose figures changed. */
  KPI_FIGURES: [{ key: string; value: KpiLiveValue }];
};

type Payloads = { [K in SharedTopic]: Delivered<K> } & { [K in keyof LocalTopics]: LocalTopics[K][0] };
export type HubTopic = keyof Payloads;
export type HubPayload<K extends HubTopic> = Payloads[K];

type Listener<K extends HubTopic> = (payload: HubPayload<K>) => void;

/**
 * The in-process fan-out: listeners are called synchronously in publish order; a subscription (`subscribe`)
 * buffers what its consumer has not taken yet, up to a limit, and then ends with `SlowConsumerError` (the socket is
 * closed with a clear code, app.ts) rather than let one slow client grow the process.
 */
export class AppPubSub {
  private readonly listeners = new Map<HubTopic, Set<Listener<never>>>();

  constructor(private readonly bufferLimit = 1_000) {}

  publish<K extends HubTopic>(topic: K, payload: HubPayload<K>): void {
    for (const l of [...(this.listeners.get(topic) ?? [])]) (l as Listener<K>)(payload);
  }

  /** Calls `listener` for each event on `topic` until the returned function is called. */
  on<K extends HubTopic>(topic: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => void set.delete(listener as Listener<never>);
  }

  listenerCount(topic: HubTopic): number {
    return this.listeners.get(topic)?.size ?? 0;
  }

  /**
   * An async iterator of the events on `topic`, listening from this call on (not from the first `next`); with
   * `accept`, only the events it accepts (decided when they are published, so the others are never queued).
   */
  subscribe<K extends HubTopic>(topic: K, limit = this.bufferLimit, accept?: (payload: HubPayload<K>) => boolean): AsyncIterableIterator<HubPayload<K>> {
    if (!accept) return bufferedIterator<HubPayload<K>>((push) => this.on(topic, push), limit);
    // A subscriber's filter that throws ends that subscription, not the publishing to the others.
    const it = bufferedIterator<HubPayload<K>>(
      (push) =>
        this.on(topic, (p) => {
          try {
            if (accept(p)) push(p);
          } catch (e) {
            it.fail(e instanceof Error ? e : new Error(String(e)));
          }
        }),
      limit,
    );
    return it;
  }
}

export class SlowConsumerError extends Error {
  constructor(readonly buffered: number) {
    super(`more than ${buffered} events waiting for a slow subscriber`);
  }
}

/**
 * An async iterator fed by `attach(push)`: values wait in a queue until taken; more than `limit` waiting ends the
 * iterator with SlowConsumerError. `prefix` values (a replay) come first.
 */
export function bufferedIterator<T>(attach: (push: (v: T) => void) => () => void, limit: number): AsyncIterableIterator<T> & { fail: (e: Error) => void } {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | null = null;
  let failWaiting: ((e: Error) => void) | null = null;
  let failure: Error | null = null;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    detach();
    queue.length = 0;
  };
  const fail = (e: Error) => {
    if (done) return;
    failure = e;
    if (failWaiting) {
      const f = failWaiting;
      waiting = failWaiting = null;
      finish();
      f(e);
    }
  };
  const detach = attach((v) => {
    if (done || failure) return;
    if (waiting) {
      const w = waiting;
      waiting = failWaiting = null;
      w({ value: v, done: false });
      return;
    }
    queue.push(v);
    if (queue.length > limit) fail(new SlowConsumerError(limit));
  });
  const it = {
    next(): Promise<IteratorResult<T>> {
      if (failure && !done) {
        const e = failure;
        finish();
        return Promise.reject(e);
      }
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined as never, done: true });
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return(): Promise<IteratorResult<T>> {
      const w = waiting;
      waiting = failWaiting = null;
      finish();
      w?.({ value: undefined as never, done: true });
      return Promise.resolve({ value: undefined as never, done: true });
    },
    throw(e?: unknown): Promise<IteratorResult<T>> {
      finish();
      return Promise.reject(e);
    },
    fail,
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

export function createAppPubSub(bufferLimit?: number): AppPubSub {
  return new AppPubSub(bufferLimit);
}
