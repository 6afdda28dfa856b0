import type PgBoss from 'pg-boss';
import type { WebhookSettings } from '../../config.js';
import { systemEm, type Orm } from '../../db/orm.js';
import { logger, safeError } from '../../shared/logger.js';
import { dispatchEvents, webhooksDue } from './webhook-dispatch.js';
import { JOB_BUDGET_MS, sendDue } from './webhook-sender.js';

/** The queue of webhook jobs: one waiting job at most per webhook (pg-boss policy `short`, keyed by the webhook). */
export const WEBHOOK_QUEUE = 'webhook-deliver';

export type WebhookJobs = { stop: () => Promise<void>; /** One round of the dispatcher now (tests wait on it instead of a timer). */ tick: () => Promise<void> };

/**
 * Webhooks in an instance that runs jobs (jobs/scheduler.ts). Every WEBHOOK_POLL_MS the dispatcher makes the
 * committed live events into deliveries (webhook-dispatch.ts) and queues a pg-boss job for each webhook with
 * deliveries due; WEBHOOK_CONCURRENCY workers take the jobs, each sending to one webhook at a time
 * (webhook-sender.ts). Several instances share the work: the dispatcher's cursor is locked while it moves, a
 * webhook's lease keeps it to one worker, and each job is taken by one instance. On stop, requests under way are cut
 * short and left pending.
 */
export async function startWebhookJobs(deps: { boss: PgBoss; orm: Orm; now: () => Date; settings: WebhookSettings }): Promise<WebhookJobs> {
  const { boss, orm, now, settings } = deps;
  const stopping = new AbortController();
  await boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, policy: 'short' } as never).catch(() => undefined);
  const workers: string[] = [];
  for (let i = 0; i < settings.concurrency; i++) {
    workers.push(
      await boss.work<{ webhookId: string }>(WEBHOOK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job) await sendDue(systemEm(orm), job.data.webhookId, settings, now, stopping.signal);
      }),
    );
  }
  const expireInSeconds = Math.ceil((JOB_BUDGET_MS + settings.timeoutMs) / 1000) + 30;

  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        const em = systemEm(orm);
        await dispatchEvents(em, now());
        const due = await webhooksDue(em, now());
        let queued = 0;
        for (const webhookId of due) {
          const id = await boss.send(WEBHOOK_QUEUE, { webhookId }, { singletonKey: webhookId, retryLimit: 0, expireInSeconds });
          if (id) queued += 1;
        }
        // Workers of this instance take the jobs at once rather than at their next poll.
        if (queued) for (const w of workers) boss.notifyWorker(w);
      } catch (e) {
        if (!stopping.signal.aborted) logger.warn('webhooks: dispatching failed', safeError(e));
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), settings.pollMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      await running;
      await boss.offWork(WEBHOOK_QUEUE).catch(() => undefined);
    },
  };
}
