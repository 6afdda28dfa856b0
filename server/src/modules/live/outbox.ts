import type { EntityManager } from '@mikro-orm/postgresql';
import type { SharedTopic, Topics } from '../../graphql/pubsub.js';
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
 * Announces an event with the change that causes it: the row is inserted by the same flush (the same
 * transaction), so it is delivered if and only if the change commits (live-bus.ts reads it after the commit).
 * Call it before the flush that stores the change.
 */
export function emit<K extends SharedTopic>(em: EntityManager, topic: K, payload: Topics[K][0], at: Date): void {
  for (const listener of beforeCommit) listener(topic, payload);
  const municipalityId = (payload as { municipalityId?: string }).municipalityId ?? null;
  em.persist(em.create(LiveEvent, { topic, municipalityId, payload: payload as Record<string, unknown>, at }, { persist: false }));
}
