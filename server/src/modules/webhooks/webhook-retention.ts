import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookDeliveryStatus } from './webhook.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the webhook deliveries that are done with (docs/operations.md, "Retention"): delivered or cancelled more than
 * `days` ago. A dead delivery stays until it is replayed (it is what an integrator looks for after an outage) and
 * so does a pending one. Returns how many were deleted.
 */
export async function purgeWebhookDeliveries(em: EntityManager, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS);
  const rows: { n: number }[] = await em.getConnection().execute(
    `with gone as (
       delete from webhook_delivery
        where status in (?, ?) and coalesce(delivered_at, updated_at) < ?
        returning 1)
     select count(*)::int as n from gone`,
    [WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.CANCELLED, before],
  );
  return rows[0]?.n ?? 0;
}
