import { createPubSub } from '@graphql-yoga/subscription';
import type { ItemStatus } from '../modules/items/item.enums.js';

/**
 * Topics and their payloads. Payloads carry ids and ISO strings only, so that a PostgreSQL or Redis bus can
 * carry them between server instances. Publish after the transaction commits.
 */
export type Topics = {
  ORGANISATION_CHANGED: [{ municipalityId: string; entity: string; entityId: string; action: string; at: string }];
  ITEM_UPDATED: [{ municipalityId: string; itemId: string; status: ItemStatus; version: number; at: string }];
  NOTIFICATION_ADDED: [{ municipalityId: string; userId: string; notificationId: string; at: string }];
};

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<Topics>();
}
