import { Arg, Authorized, Ctx as Context, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import type { Topics } from '../../graphql/pubsub.js';
import { Item } from '../items/item.entity.js';
import { Notification } from './notification.entity.js';

@ObjectType()
export class NotificationAdded {
  @Field(() => ID)
  notificationId!: string;

  @Field()
  at!: string;
}

function me(ctx: Ctx): string {
  if (ctx.viewer?.kind !== 'user') throw forbidden('Notifications are for people');
  return ctx.viewer.userId;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'Your notifications, newest first' })
  notifications(
    @Context() ctx: Ctx,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ) {
    return ctx.em.find(
      Notification,
      { user: me(ctx), ...(unreadOnly ? { readAt: null } : {}) },
      { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 200) },
    );
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Context() ctx: Ctx) {
    return ctx.em.count(Notification, { user: me(ctx), readAt: null });
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the given notifications (or all, without ids) read; returns how many' })
  markNotificationsRead(@Context() ctx: Ctx, @Arg('ids', () => [ID], { nullable: true }) ids?: string[]) {
    return ctx.em.nativeUpdate(
      Notification,
      { user: me(ctx), readAt: null, ...(ids?.length ? { id: { $in: ids } } : {}) },
      { readAt: ctx.now() },
    );
  }

  @Authorized()
  @Subscription(() => NotificationAdded, {
    topics: 'NOTIFICATION_ADDED',
    filter: ({ payload, context }: { payload: Topics['NOTIFICATION_ADDED'][0]; context: Ctx }) =>
      context.viewer?.kind === 'user' && context.viewer.userId === payload.userId,
    description: 'A notification for you was added',
  })
  notificationAdded(@Root() payload: Topics['NOTIFICATION_ADDED'][0]): NotificationAdded {
    return payload;
  }

  @FieldResolver(() => Item, { nullable: true })
  item(@Root() n: Notification) {
    return n.item?.load({ dataloader: true }) ?? null;
  }
}
