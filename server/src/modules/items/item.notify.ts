import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { emit } from '../live/outbox.js';
import { Role } from '../auth/roles.js';
import { User } from '../users/user.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import type { Item } from './item.entity.js';
import { accessFactsOf, reaches, type Subject } from './item-access.js';
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

/** Whom the access policy sees in a person. */
function subjectOf(u: User): Subject {
  return {
    kind: 'user',
    userId: u.id,
    roles: u.roles,
    departmentId: u.department?.id ?? null,
    sectorIds: u.sectors.isInitialized() ? u.sectors.getItems().map((s) => s.id) : [],
  };
}

/**
 * The people of an audience for one item: active users of the item's municipality, and of those only the ones
 * the access policy lets reach the item (a notification names the item and links to it).
 */
export async function audienceOf(em: EntityManager, item: Item, audience: Audience): Promise<string[]> {
  const municipality = item.municipality.id;
  const active = { municipality, active: true };
  const find = (where: FilterQuery<User>) => em.find(User, { ...active, ...(where as object) }, { populate: ['sectors'] });
  let people: User[];
  if (Array.isArray(audience)) {
    people = audience.length ? await find({ id: { $in: audience } }) : [];
  } else if ('departmentExecutors' in audience) {
    people = audience.departmentExecutors ? await find({ department: audience.departmentExecutors, roles: { $contains: [Role.EXECUTOR] } }) : [];
  } else {
    const leads = item.sector ? await find({ roles: { $contains: [Role.SECTOR_LEAD] }, sectors: item.sector.id }) : [];
    const heads = await find({ roles: { $contains: [Role.HEAD] } });
    const incident = item.kind === ItemKind.INCIDENT ? await find({ roles: { $contains: [Role.INCIDENT_MANAGER] } }) : [];
    if ('reviewers' in audience) {
      const reviewers = [...leads, ...incident];
      people = reviewers.length ? reviewers : heads;
    } else {
      people = [...leads, ...heads];
    }
  }
  const facts = accessFactsOf(item);
  return [...new Set(people.filter((u) => reaches(subjectOf(u), facts)).map((u) => u.id))];
}

/**
 * In-app notifications for an item event, in the caller's unit of work (they commit with the change). `key`
 * keeps each one unique, so a repeated run notifies once.
 */
export async function notifyItem(ctx: Ctx, item: Item, type: string, audience: Audience, discriminator?: string): Promise<void> {
  await notify(ctx.em, item, type, audience, `${item.version}${discriminator ? `:${discriminator}` : ''}`);
}

export async function notify(em: EntityManager, item: Item, type: string, audience: Audience, discriminator: string): Promise<number> {
  const users = [...new Set(await audienceOf(em, item, audience))];
  const text = (messages[type] ?? ((n: string) => `${type}: ${n}`))(item.number);
  for (const user of users) {
    const n = em.create(Notification, {
      municipality: item.municipality,
      user,
      item,
      type,
      message: text,
      key: `${type}:${item.id}:${user}:${discriminator}`,
    });
    // Announced with it: each person's open dashboards hear it once it commits.
    emit(em, 'NOTIFICATION_ADDED', { municipalityId: item.municipality.id, userId: user, notificationId: n.id, at: n.createdAt.toISOString() }, n.createdAt);
  }
  return users.length;
}
