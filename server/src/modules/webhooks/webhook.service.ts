import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { auditChange } from '../audit/audit.service.js';
import { READING_SCOPES } from '../items/item-access.js';
import type { ItemEventType } from '../live/live.types.js';
import { addressProblem, urlFormProblem } from './webhook-url.js';
import { Webhook, WebhookDelivery, WebhookDeliveryStatus } from './webhook.entity.js';
import type { WebhookAttempt, WebhookDeliveryPage, WebhookDeliveryView, WebhookInput, WebhookUpdateInput, WebhookView } from './webhook.types.js';

/** Webhooks one owner (a token or a person) may hold. */
export const WEBHOOKS_PER_OWNER = 20;

/**
 * Whose webhooks the viewer sees and manages (docs/integrators.md, "Webhooks"): a token its own; the head every
 * webhook of the municipality, people's and tokens', as the head also creates and revokes the tokens.
 */
function visibleWhere(ctx: Ctx): FilterQuery<Webhook> {
  const v = ctx.viewer;
  if (v?.kind === 'token') return { ownerToken: v.tokenId, municipality: v.municipalityId };
  return { municipality: writableMunicipalityId(ctx) };
}

async function visibleWebhook(ctx: Ctx, id: string): Promise<Webhook> {
  const hook = await ctx.em.findOne(Webhook, { $and: [{ id }, visibleWhere(ctx)] }, { populate: ['ownerToken', 'ownerUser'] });
  if (!hook) throw notFound('Webhook', id);
  return hook;
}

function view(hook: Webhook): WebhookView {
  const token = hook.ownerToken?.getEntity();
  const user = hook.ownerUser?.getEntity();
  return {
    id: hook.id,
    url: hook.url,
    description: hook.description ?? null,
    eventTypes: hook.eventTypes as ItemEventType[],
    active: hook.active,
    secretHint: hook.secretHint,
    owner: token ? `token:${token.name}` : (user?.username ?? 'nobody'),
    createdAt: hook.createdAt,
    updatedAt: hook.updatedAt,
  };
}

async function checkUrl(ctx: Ctx, url: string): Promise<string> {
  const trimmed = url.trim();
  const problem = urlFormProblem(trimmed) ?? (await addressProblem(trimmed, ctx.config.webhooks.allowPrivate));
  if (problem) throw badInput([{ field: 'url', problems: [problem] }]);
  return trimmed;
}

const hintOf = (secret: string) => `…${secret.slice(-4)}`;

export async function listWebhooks(ctx: Ctx): Promise<WebhookView[]> {
  const hooks = await ctx.em.find(Webhook, visibleWhere(ctx), { populate: ['ownerToken', 'ownerUser'], orderBy: { createdAt: 'asc', id: 'asc' } });
  return hooks.map(view);
}

export async function createWebhook(ctx: Ctx, input: WebhookInput): Promise<WebhookView> {
  const municipalityId = writableMunicipalityId(ctx);
  const v = ctx.viewer!;
  const url = await checkUrl(ctx, input.url);
  // What a token receives is what it reads: without reading items, no item event would ever reach it.
  if (v.kind === 'token' && !v.scopes.some((s) => READING_SCOPES.includes(s))) {
    throw forbidden('A token receives the item events it may read: it needs ITEMS_READ as well');
  }
  const owner = v.kind === 'token' ? { ownerToken: v.tokenId } : { ownerUser: v.userId };
  if ((await ctx.em.count(Webhook, owner)) >= WEBHOOKS_PER_OWNER) {
    throw new AppError(ErrorCode.CONFLICT, `At most ${WEBHOOKS_PER_OWNER} webhooks per token or person`);
  }
  // Events committed from now on are the webhook's; those before it are history.
  const [{ c }] = await ctx.em.execute<[{ c: string }]>(`select coalesce(max(cursor), 0)::text as c from live_event`);
  const hook = ctx.em.create(Webhook, {
    municipality: municipalityId,
    url,
    secret: input.secret,
    secretHint: hintOf(input.secret),
    eventTypes: [...new Set(input.eventTypes)],
    description: input.description?.trim() || null,
    ...owner,
    fromCursor: c,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  auditChange(ctx, municipalityId, 'WEBHOOK_CREATED', { type: 'Webhook', id: hook.id });
  await ctx.em.flush();
  return view(await visibleWebhook(ctx, hook.id));
}

export async function updateWebhook(ctx: Ctx, id: string, input: WebhookUpdateInput): Promise<WebhookView> {
  const hook = await visibleWebhook(ctx, id);
  if (input.url !== undefined && input.url !== null) hook.url = await checkUrl(ctx, input.url);
  if (input.secret) {
    hook.secret = input.secret;
    hook.secretHint = hintOf(input.secret);
  }
  if (input.eventTypes) hook.eventTypes = [...new Set(input.eventTypes)];
  if (input.description !== undefined && input.description !== null) hook.description = input.description.trim() || null;
  if (input.active !== undefined && input.active !== null) hook.active = input.active;
  hook.updatedAt = ctx.now();
  auditChange(ctx, hook.municipality.id, 'WEBHOOK_UPDATED', { type: 'Webhook', id: hook.id });
  await ctx.em.flush();
  return view(hook);
}

/** Deletes a webhook with its deliveries; what is under way is not sent again. */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<boolean> {
  const hook = await visibleWebhook(ctx, id);
  auditChange(ctx, hook.municipality.id, 'WEBHOOK_DELETED', { type: 'Webhook', id: hook.id });
  await ctx.em.nativeDelete(WebhookDelivery, { webhook: hook.id });
  ctx.em.remove(hook);
  await ctx.em.flush();
  return true;
}

function deliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return {
    id: d.id,
    webhookId: d.webhook.id,
    eventType: d.eventType,
    itemId: d.itemId ?? null,
    status: d.status,
    body: d.body,
    attempts: d.attempts.map((a): WebhookAttempt => ({ ...a, at: new Date(a.at) })),
    nextAttemptAt: d.status === WebhookDeliveryStatus.PENDING ? (d.nextAttemptAt ?? null) : null,
    deliveredAt: d.deliveredAt ?? null,
    createdAt: d.createdAt,
  };
}

const encodeCursor = (d: WebhookDelivery) => Buffer.from(`${d.createdAt.toISOString()}|${d.id}`).toString('base64url');
function decodeCursor(after: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(after, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) throw badInput([{ field: 'after', problems: ['not a cursor of this list'] }]);
  return { at: date, id };
}

/** The delivery log of one webhook, newest first, each delivery with its attempts. */
export async function webhookDeliveries(
  ctx: Ctx,
  webhookId: string,
  args: { status?: WebhookDeliveryStatus | null; first: number; after?: string | null },
): Promise<WebhookDeliveryPage> {
  if (args.first < 1 || args.first > 100) throw badInput([{ field: 'first', problems: ['1 to 100'] }]);
  const hook = await visibleWebhook(ctx, webhookId);
  const where: FilterQuery<WebhookDelivery> = { webhook: hook.id };
  if (args.status) where.status = args.status;
  if (args.after) {
    const c = decodeCursor(args.after);
    where.$or = [{ createdAt: { $lt: c.at } }, { createdAt: c.at, id: { $lt: c.id } }];
  }
  const rows = await ctx.em.find(WebhookDelivery, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: args.first + 1 });
  const page = rows.slice(0, args.first);
  return { nodes: page.map(deliveryView), endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null, hasNextPage: rows.length > args.first };
}

/**
 * Sends a delivery again, by hand: a dead-lettered, cancelled or delivered one gets a new round of attempts (the
 * same body and id; the count of attempts goes on); one still pending is left as it is.
 */
export async function replayWebhookDelivery(ctx: Ctx, id: string): Promise<WebhookDeliveryView> {
  const d = await ctx.em.findOne(WebhookDelivery, { id, webhook: visibleWhere(ctx) as FilterQuery<Webhook> });
  if (!d) throw notFound('WebhookDelivery', id);
  if (d.status !== WebhookDeliveryStatus.PENDING) {
    d.status = WebhookDeliveryStatus.PENDING;
    d.tries = 0;
    d.nextAttemptAt = ctx.now();
    d.updatedAt = ctx.now();
    await ctx.em.flush();
  }
  return deliveryView(d);
}

/** Queues a PING to the webhook, signed as any delivery: to check an endpoint and its verification. */
export async function pingWebhook(ctx: Ctx, webhookId: string): Promise<WebhookDeliveryView> {
  const hook = await visibleWebhook(ctx, webhookId);
  const id = randomUUID();
  const d = ctx.em.create(WebhookDelivery, {
    id,
    municipality: hook.municipality.id,
    webhook: hook,
    eventType: 'PING',
    itemId: null,
    eventCursor: null,
    body: JSON.stringify({ id, event: 'PING', occurredAt: ctx.now().toISOString(), webhookId: hook.id }),
    nextAttemptAt: ctx.now(),
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  await ctx.em.flush();
  return deliveryView(d);
}
