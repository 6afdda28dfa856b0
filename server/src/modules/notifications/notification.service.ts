import type { Ctx } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { Notification } from './notification.entity.js';

/** The id of the person asking; notifications belong to people, not to API tokens. */
export function me(ctx: Ctx): string {
  if (ctx.viewer?.kind !== 'user') throw forbidden('Notifications are for people');
  return ctx.viewer.userId;
}

/** Your notifications, newest first; `first` is clamped to 1..200. */
export function listNotifications(ctx: Ctx, unreadOnly: boolean, first: number): Promise<Notification[]> {
  return ctx.em.find(
    Notification,
    { user: me(ctx), ...(unreadOnly ? { readAt: null } : {}) },
    { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 200) },
  );
}

export function unreadCount(ctx: Ctx): Promise<number> {
  return ctx.em.count(Notification, { user: me(ctx), readAt: null });
}

/** Marks the given notifications (or all, without ids) read; returns how many. */
export function markRead(ctx: Ctx, ids?: string[]): Promise<number> {
  return ctx.em.nativeUpdate(
    Notification,
    { user: me(ctx), readAt: null, ...(ids?.length ? { id: { $in: ids } } : {}) },
    { readAt: ctx.now() },
  );
}
