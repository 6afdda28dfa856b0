import { createPubSub } from '@graphql-yoga/subscription';
import type { ItemKind, ItemStatus } from '../modules/items/item.enums.js';

/**
 * Topics and their payloads. Payloads carry ids and ISO strings only, so that a PostgreSQL or Redis bus can
 * carry them between server instances. Publish after the transaction commits.
 */
export type Topics = {
  ORGANISATION_CHANGED: [{ municipalityId: string; entity: string; entityId: string; action: string; at: string }];
  /** With the facts the access policy checks at delivery (kind, sector, department, executor). */
  ITEM_UPDATED: [
    {
      municipalityId: string;
      itemId: string;
      status: ItemStatus;
      version: number;
      at: string;
      kind: ItemKind;
      sectorId: string | null;
      departmentId: string | null;
      executorId: string | null;
    },
  ];
  NOTIFICATION_ADDED: [{ municipalityId: string; userId: string; notificationId: string; at: string }];
  /** A session, all of a person's sessions (but one), or a token ended; or a person's access changed. */
  ACCESS_REVOKED: [
    {
      reason: 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'DEACTIVATED' | 'TOKEN_REVOKED' | 'ACCESS_CHANGED' | 'PASSWORD_SET';
      sessionId?: string;
      userId?: string;
      exceptSessionId?: string;
      tokenId?: string;
    },
  ];
};

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<Topics>();
}
