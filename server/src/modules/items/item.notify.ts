import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { Role } from '../auth/roles.js';
import { User } from '../users/user.entity.js';
import { deliverNotices } from '../notifications/notification-delivery.js';
import type { Item } from './item.entity.js';
import { accessFactsOf, reaches, type Subject } from './item-access.js';
import { ItemKind } from './item.enums.js';

/** Who hears of an item event: named people, the executors of a department, or the item's reviewers. */
export type Audience = string[] | { departmentExecutors: string | null } | { reviewers: true } | { escalation: true };

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
 * In-app notifications for an item event, in the caller's unit of work (they commit with the change): one per
 * person, item and kind, so a repeated event brings the same notification back (modules/notifications). `_reason`
 * (a reassignment after a reopening, say) no longer makes a second one.
 */
export async function notifyItem(ctx: Ctx, item: Item, type: string, audience: Audience, _reason?: string): Promise<void> {
  const users = await audienceOf(ctx.em, item, audience);
  await deliverNotices(ctx.em, users.map((userId) => ({ userId, item, type })), ctx.now());
}
