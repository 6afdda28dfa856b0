import { Arg, Authorized, Ctx as Context, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { WebhookDeliveryStatus } from './webhook.entity.js';
import * as service from './webhook.service.js';
import { WebhookDeliveryPage, WebhookDeliveryView, WebhookInput, WebhookUpdateInput, WebhookView } from './webhook.types.js';

@Resolver(() => WebhookView)
export class WebhookResolver {
  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Query(() => [WebhookView], { description: 'Your webhooks: a token its own, the head those of the municipality (docs/integrators.md, "Webhooks")' })
  webhooks(@Context() ctx: Ctx): Promise<WebhookView[]> {
    return service.listWebhooks(ctx);
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Query(() => WebhookDeliveryPage, { description: 'The delivery log of a webhook, newest first, each delivery with its attempts' })
  webhookDeliveries(
    @Context() ctx: Ctx,
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<WebhookDeliveryPage> {
    return service.webhookDeliveries(ctx, webhookId, { status, first, after });
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Mutation(() => WebhookView, { description: 'Registers a webhook; it receives the events committed from now on' })
  createWebhook(@Context() ctx: Ctx, @Arg('input', () => WebhookInput) input: WebhookInput): Promise<WebhookView> {
    return service.createWebhook(ctx, input);
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Mutation(() => WebhookView)
  updateWebhook(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input', () => WebhookUpdateInput) input: WebhookUpdateInput): Promise<WebhookView> {
    return service.updateWebhook(ctx, id, input);
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Mutation(() => Boolean, { description: 'Deletes a webhook and its delivery log' })
  deleteWebhook(@Context() ctx: Ctx, @Arg('id', () => ID) id: string): Promise<boolean> {
    return service.deleteWebhook(ctx, id);
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Mutation(() => WebhookDeliveryView, { description: 'Sends a delivery again (a dead-lettered one, or any other) with a new round of attempts' })
  replayWebhookDelivery(@Context() ctx: Ctx, @Arg('id', () => ID) id: string): Promise<WebhookDeliveryView> {
    return service.replayWebhookDelivery(ctx, id);
  }

  @Authorized(Permission.WEBHOOKS_MANAGE)
  @Mutation(() => WebhookDeliveryView, { description: 'Queues a signed PING delivery to the webhook' })
  pingWebhook(@Context() ctx: Ctx, @Arg('webhookId', () => ID) webhookId: string): Promise<WebhookDeliveryView> {
    return service.pingWebhook(ctx, webhookId);
  }
}
