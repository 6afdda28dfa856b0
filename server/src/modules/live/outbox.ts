import type { EntityManager } from '@mikro-orm/postgresql';
import type { SharedTopic, Topics } from '../../graphql/pubsub.js';
import { LiveEvent } from './live-event.entity.js';

/**
 * Announces an event with the change that causes it: the row is inserted by the same flush (the same
 * transaction), so it is delivered if and only if the change commits (live-bus.ts reads it after the commit).
 * Call it before the flush that stores the change.
 */
export function emit<K extends SharedTopic>(em: EntityManager, topic: K, payload: Topics[K][0], at: Date): void {
  const municipalityId = (payload as { municipalityId?: string }).municipalityId ?? null;
  em.persist(em.create(LiveEvent, { topic, municipalityId, payload: payload as Record<string, unknown>, at }, { persist: false }));
}
