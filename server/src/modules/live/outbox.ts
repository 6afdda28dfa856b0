import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppPubSub, SharedTopic, Topics } from '../../graphql/pubsub.js';
import { logger, safeError } from '../../shared/logger.js';
import { LiveEvent } from './live-event.entity.js';

type Listener = <K extends SharedTopic>(topic: K, payload: Topics[K][0]) => void;
const beforeCommit = new Set<Listener>();

/**
 * Hears every event of this process as it is announced, before its change commits (or fails to): for what must
 * act at once in this process and may act too early, never too late, as forgetting a session that is being ended
 * (modules/auth/viewer-cache.ts). Everything else listens on the pubsub, after the commit. Returns the unsubscribe.
 */
export function onEmit(listener: Listener): () => void {
  beforeCommit.add(listener);
  return () => void beforeCommit.delete(listener);
}

/**
 * Hears one topic twice, for what must never act too late (the session and count caches): at once in this process,
 * before the change commits (`onEmit`), and from every instance through the live bus (`pubsub`) after it. Returns
 * the unsubscribe of both.
 */
export function hearEverywhere<K extends SharedTopic>(topic: K, pubsub: AppPubSub | undefined, what: string, listener: (payload: Topics[K][0]) => void): () => void {
  const stopLocal = onEmit((t, payload) => {
    if ((t as SharedTopic) === topic) listener(payload as Topics[K][0]);
  });
  if (!pubsub) return stopLocal;
  const events = pubsub.subscribe(topic);
  void (async () => {
    for await (const e of events) listener(e as Topics[K][0]);
  })().catch((e: unknown) => logger.error(`${what}: ${topic} stopped`, safeError(e)));
  return () => {
    stopLocal();
    void events.return?.(undefined);
  };
}

/**
 * Announces an event with the change that causes it: the row is inserted by the same flush (the same
 * transaction), so it is delivered if and only if the change commits (live-bus.ts reads it after the commit).
 * Call it before the flush that stores the change.
 */
/**
 * The live events of a bulk write, as the rows of the outbox to insert with it (`em.insertMany(LiveEvent, …)`, in the
 * same transaction): what `emit` does for each, its listeners before the commit included.
 */
export function outboxRows<K extends SharedTopic>(topic: K, events: { payload: Topics[K][0]; at: Date }[]): Pick<LiveEvent, 'topic' | 'municipalityId' | 'payload' | 'at'>[] {
  return events.map(({ payload, at }) => {
    for (const listener of beforeCommit) listener(topic, payload);
    return { topic, municipalityId: (payload as { municipalityId?: string }).municipalityId ?? null, payload: payload as Record<string, unknown>, at };
  });
}

export function emit<K extends SharedTopic>(em: EntityManager, topic: K, payload: Topics[K][0], at: Date): void {
  for (const listener of beforeCommit) listener(topic, payload);
  const municipalityId = (payload as { municipalityId?: string }).municipalityId ?? null;
  em.persist(em.create(LiveEvent, { topic, municipalityId, payload: payload as Record<string, unknown>, at }, { persist: false }));
}
