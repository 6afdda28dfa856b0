import type { ItemFactsPayload } from '../../graphql/pubsub.js';
import { accessFactsOf } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';

/** The facts of an item an alert carries, so the access policy decides who hears it (live.resolver.ts). */
export function alertFactsOf(item: Item): ItemFactsPayload {
  return { ...accessFactsOf(item), status: item.status, settlementId: item.settlement?.id ?? null, urgent: item.urgent };
}
