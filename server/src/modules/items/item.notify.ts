import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import type { AppPubSub } from '../../graphql/pubsub.js';
import { Role } from '../auth/roles.js';
import { User } from '../users/user.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import type { Item } from './item.entity.js';
import { ItemKind } from './item.enums.js';

/** Who hears of an item event: named people, the executors of a department, or the item's reviewers. */
export type Audience = string[] | { departmentExecutors: string | null } | { reviewers: true } | { escalation: true };

const messages: Record<string, (n: string) => string> = {
  ASSIGNED: (n) => `Вам назначено ${n}`,
  ON_REVIEW: (n) => `Ответ по ${n} ждёт проверки`,
  RETURNED: (n) => `Ответ по ${n} возвращён на доработку`,
  REOPENED: (n) => `${n} открыто повторно: заявитель не удовлетворён`,
  DUE_SOON: (n) => `Срок по ${n} скоро истекает`,
  OVERDUE: (n) => `Срок по ${n} истёк`,
  REVIEW_OVERDUE: (n) => `Проверка ответа по ${n} просрочена`,
};

/** The people of an audience for one item (active users of the item's municipality). */
export async function audienceOf(em: EntityManager, item: Item, audience: Audience): Promise<string[]> {
  if (Array.isArray(audience)) return audience;
  const municipality = item.municipality.id;
  if ('departmentExecutors' in audience) {
    if (!audience.departmentExecutors) return [];
    const users = await em.find(User, { municipality, department: audience.departmentExecutors, active: true, roles: { $contains: [Role.EXECUTOR] } }, { filters: false });
    return users.map((u) => u.id);
  }
  const leads = item.sector
    ? await em.find(User, { municipality, active: true, roles: { $contains: [Role.SECTOR_LEAD] }, sectors: item.sector.id }, { filters: false })
    : [];
  const heads = await em.find(User, { municipality, active: true, roles: { $contains: [Role.HEAD] } }, { filters: false });
  const incident = item.kind === ItemKind.INCIDENT
    ? await em.find(User, { municipality, active: true, roles: { $contains: [Role.INCIDENT_MANAGER] } }, { filters: false })
    : [];
  if ('reviewers' in audience) {
    const reviewers = [...leads, ...incident];
    return (reviewers.length ? reviewers : heads).map((u) => u.id);
  }
  return [...new Set([...leads, ...heads].map((u) => u.id))];
}

/**
 * In-app notifications for an item event, in the caller's unit of work (they commit with the change). `key`
 * keeps each one unique, so a repeated run notifies once.
 */
export async function notifyItem(ctx: Ctx, item: Item, type: string, audience: Audience, discriminator?: string): Promise<void> {
  await notify(ctx.em, item, type, audience, `${item.version}${discriminator ? `:${discriminator}` : ''}`);
}

/** Notifications created in a unit of work, to announce once it commits (see publishNotifications). */
const outbox = new WeakMap<EntityManager, Notification[]>();

export async function notify(em: EntityManager, item: Item, type: string, audience: Audience, discriminator: string): Promise<number> {
  const users = [...new Set(await audienceOf(em, item, audience))];
  const text = (messages[type] ?? ((n: string) => `${type}: ${n}`))(item.number);
  const pending = outbox.get(em) ?? [];
  outbox.set(em, pending);
  for (const user of users) {
    const n = em.create(Notification, {
      municipality: item.municipality,
      user,
      item,
      type,
      message: text,
      key: `${type}:${item.id}:${user}:${discriminator}`,
    });
    pending.push(n);
  }
  return users.length;
}

/** After the flush that stored them: tell each person's open dashboards. */
export function publishNotifications(em: EntityManager, pubsub: AppPubSub, at: Date): void {
  const pending = outbox.get(em) ?? [];
  outbox.delete(em);
  for (const n of pending) {
    pubsub.publish('NOTIFICATION_ADDED', {
      municipalityId: n.municipality.id,
      userId: n.user.id,
      notificationId: n.id,
      at: at.toISOString(),
    });
  }
}
