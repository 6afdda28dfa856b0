import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookSettings } from '../../config.js';
import { addressProblem } from './webhook-url.js';
import { HOOK_ROWS, ownerSubject, type HookRow } from './webhook-owner.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';
import { WebhookDeliveryStatus, type WebhookAttemptRecord } from './webhook.entity.js';

/** How long one job may keep sending to one webhook before it leaves the rest to the next job. */
export const JOB_BUDGET_MS = 30_000;
const BATCH = 20;

export type AttemptResult = { httpStatus: number | null; error: string | null; durationMs: number; ok: boolean };

/**
 * The wait after the n-th failed attempt (n from 1): base × 2^(n−1), at most a day, plus up to a quarter more at
 * random, so that the deliveries that failed together (an endpoint down, then back) do not all come back at the same
 * instant. Never less than base × 2^(n−1): an endpoint is given at least that long.
 */
export function backoffMs(base: number, failures: number, random: () => number = Math.random): number {
  const wait = Math.min(base * 2 ** Math.max(0, failures - 1), 86_400_000);
  return Math.round(wait * (1 + random() / 4));
}

/** The words of a failed request, without anything of the secret or the body. */
function describe(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const code = err?.cause?.code;
  if (code) return `${code}${err.cause?.message ? `: ${err.cause.message}` : ''}`.slice(0, 300);
  return String(err?.message ?? e).slice(0, 300);
}

/**
 * One attempt: a POST of the delivery's body with its signature, given up after the timeout; never follows a
 * redirect (it could lead to an internal address); 2xx is success, anything else a failure. The host is resolved
 * and checked again first (docs/security.md, "Webhooks").
 */
export async function attempt(
  hook: { url: string; secret: string },
  delivery: { id: string; eventType: string; body: string },
  settings: WebhookSettings,
  now: () => Date,
  stop: AbortSignal,
): Promise<AttemptResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const refused = await addressProblem(hook.url, settings.allowPrivate);
  if (refused) return { ok: false, httpStatus: null, error: refused, durationMs: took() };
  try {
    const res = await fetch(hook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), stop]),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Otklik-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(hook.secret, delivery.body, now()),
        'X-Otklik-Event': delivery.eventType,
        'X-Otklik-Delivery': delivery.id,
      },
      body: delivery.body,
    });
    // The answer's body is not read: only its status counts.
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, httpStatus: res.status, error: ok ? null : `HTTP ${res.status}`, durationMs: took() };
  } catch (e) {
    return { ok: false, httpStatus: null, error: describe(e, settings.timeoutMs), durationMs: took() };
  }
}

type DueRow = { id: string; event_type: string; body: string; tries: number; attempt_count: number };

/**
 * The job of one webhook (queue `webhook-deliver`): takes the webhook's lease, so no other worker of any instance
 * sends to it meanwhile, then sends its deliveries that are due, in the order of their events, one at a time,
 * recording each attempt, until none is left, one fails (the endpoint is then left alone until the next one is due),
 * the budget is spent, or the server stops. An endpoint that hangs holds this one worker for at most WEBHOOK_TIMEOUT_MS; the
 * other webhooks are sent by the other workers. When the owner may no longer receive, what is pending is CANCELLED.
 * Returns the number of attempts made.
 */
export async function sendDue(em: EntityManager, webhookId: string, settings: WebhookSettings, now: () => Date, stop: AbortSignal): Promise<number> {
  const leaseMs = JOB_BUDGET_MS + settings.timeoutMs + 5_000;
  const leased: { id: string }[] = await em.execute(
    `update webhook set lease_until = ? where id = ? and active and (lease_until is null or lease_until < ?) returning id`,
    [new Date(now().getTime() + leaseMs), webhookId, now()],
  );
  if (!leased.length) return 0;
  let attempts = 0;
  try {
    const [hook]: HookRow[] = await em.execute(`${HOOK_ROWS} and w.id = ?`, [webhookId]);
    if (!hook) return 0;
    if (!ownerSubject(hook, now())) {
      await em.execute(`update webhook_delivery set status = 'CANCELLED', next_attempt_at = null, updated_at = ? where webhook_id = ? and status = 'PENDING'`, [now(), webhookId]);
      return 0;
    }
    const until = performance.now() + JOB_BUDGET_MS;
    for (;;) {
      const due: DueRow[] = await em.execute(
        `select id, event_type, body, tries, jsonb_array_length(attempts) as attempt_count from webhook_delivery
         where webhook_id = ? and status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, event_cursor nulls last, id limit ?`,
        [webhookId, now(), BATCH],
      );
      if (!due.length) return attempts;
      for (const d of due) {
        if (stop.aborted || performance.now() > until) return attempts;
        const at = now();
        const r = await attempt(hook, { id: d.id, eventType: d.event_type, body: d.body }, settings, now, stop);
        // Cut short by the server's stop: not the endpoint's failure, and not recorded; it is sent again later.
        if (stop.aborted) return attempts;
        attempts += 1;
        await record(em, d, at, r, settings, now());
        if (!r.ok) return attempts;
      }
    }
  } finally {
    await em.execute(`update webhook set lease_until = null where id = ?`, [webhookId]);
  }
}

async function record(em: EntityManager, d: DueRow, at: Date, r: AttemptResult, settings: WebhookSettings, now: Date): Promise<void> {
  const entry: WebhookAttemptRecord = { number: d.attempt_count + 1, at: at.toISOString(), durationMs: r.durationMs, httpStatus: r.httpStatus, error: r.error };
  const tries = d.tries + 1;
  const status = r.ok ? WebhookDeliveryStatus.DELIVERED : tries >= settings.maxAttempts ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.PENDING;
  const next = status === WebhookDeliveryStatus.PENDING ? new Date(now.getTime() + backoffMs(settings.backoffBaseMs, tries)) : null;
  await em.execute(
    `update webhook_delivery set attempts = attempts || ?::jsonb, tries = ?, status = ?, next_attempt_at = ?, delivered_at = coalesce(?, delivered_at), updated_at = ? where id = ?`,
    [JSON.stringify([entry]), tries, status, next, r.ok ? now : null, now, d.id],
  );
}
