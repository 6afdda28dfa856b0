import { Arg, Authorized, Ctx as Context, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import type { Topics } from '../../graphql/pubsub.js';
import { Item } from '../items/item.entity.js';
import { Permission } from '../auth/roles.js';
import { itemLoaders } from '../items/item.loaders.js';
import { Problem } from '../problems/problem.entity.js';
import { visibleProblems } from '../problems/problem-queries.js';
import { Notification } from './notification.entity.js';
import * as notifications from './notification.service.js';

@ObjectType()
export class NotificationAdded {
  @Field(() => ID)
  notificationId!: string;

  @Field()
  at!: string;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(Permission.OWN_ACCOUNT)
  @Query(() => [Notification], { description: 'Your notifications, newest first' })
  notifications(
    @Context() ctx: Ctx,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ) {
    return notifications.listNotifications(ctx, unreadOnly, first);
  }

  @Authorized(Permission.OWN_ACCOUNT)
  @Query(() => Int)
  unreadNotificationCount(@Context() ctx: Ctx) {
    return notifications.unreadCount(ctx);
  }

  @Authorized(Permission.OWN_ACCOUNT)
  @Mutation(() => Int, { description: 'Marks the given notifications (or all, without ids) read; returns how many' })
  markNotificationsRead(@Context() ctx: Ctx, @Arg('ids', () => [ID], { nullable: true }) ids?: string[]) {
    return notifications.markRead(ctx, ids);
  }

  @Authorized(Permission.OWN_ACCOUNT)
  @Subscription(() => NotificationAdded, {
    topics: 'NOTIFICATION_ADDED',
    filter: ({ payload, context }: { payload: Topics['NOTIFICATION_ADDED'][0]; context: Ctx }) =>
      context.viewer?.kind === 'user' && context.viewer.userId === payload.userId,
    description: 'A notification for you was added',
  })
  notificationAdded(@Root() payload: Topics['NOTIFICATION_ADDED'][0]): NotificationAdded {
    return payload;
  }

  @FieldResolver(() => Item, { nullable: true, description: 'The item, while you reach it' })
  item(@Root() n: Notification, @Context() ctx: Ctx) {
    return n.item ? itemLoaders(ctx).reachable.load(n.item.id) : null;
  }

  @FieldResolver(() => Problem, { nullable: true, description: 'The problem a notice about one of its measures is about, while you read it' })
  async problem(@Root() n: Notification, @Context() ctx: Ctx): Promise<Problem | null> {
    if (!n.problem) return null;
    const [problem] = await visibleProblems(ctx, [n.problem.id]);
    return problem ?? null;
  }
}
