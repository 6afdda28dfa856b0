import type { EntityManager } from '@mikro-orm/postgresql';
import { emit } from '../live/outbox.js';
import type { Item } from '../items/item.entity.js';
import { Notification } from './notification.entity.js';

/**
 * Delivering item notifications: one per person, item and kind, saying which item it is about; many of one kind
 * for one person at once become one digest. In the caller's unit of work: they commit with the change, and each
 * person's open dashboards hear of them once it commits (NOTIFICATION_ADDED).
 */

/** More notices than this of one kind for one person in one delivery (a deadline scan) are sent as one digest. */
export const DIGEST_AFTER = 5;

/** "Someone should hear of this item": the person, the item and the kind (ASSIGNED, OVERDUE, …). */
export type ItemNotice = { userId: string; item: Item; type: string };

const TEXTS: Record<string, (number: string) => string> = {
  ASSIGNED: (n) => `Вам назначено ${n}`,
  ON_REVIEW: (n) => `Ответ по ${n} ждёт проверки`,
  RETURNED: (n) => `Ответ по ${n} возвращён на доработку`,
  REOPENED: (n) => `${n} открыто повторно: заявитель не удовлетворён`,
  DUE_SOON: (n) => `Срок по ${n} скоро истекает`,
  OVERDUE: (n) => `Срок по ${n} истёк`,
  REVIEW_OVERDUE: (n) => `Проверка ответа по ${n} просрочена`,
};

const plural = new Intl.PluralRules('ru');
/** "по 1 обращению", "по 2 обращениям", "по 47 обращениям" (the dative after "по"). */
const byItems = (n: number) => `по ${n} ${plural.select(n) === 'one' ? 'обращению' : 'обращениям'}`;
const items = (n: number) => `${n} ${{ one: 'обращение', few: 'обращения' }[plural.select(n) as 'one' | 'few'] ?? 'обращений'}`;

const DIGESTS: Record<string, (count: number) => string> = {
  ASSIGNED: (c) => `Вам назначено ${items(c)}`,
  ON_REVIEW: (c) => `Ждут проверки ответы ${byItems(c)}`,
  RETURNED: (c) => `Возвращены на доработку ответы ${byItems(c)}`,
  REOPENED: (c) => `Открыто повторно ${items(c)}: заявители не удовлетворены`,
  DUE_SOON: (c) => `Скоро истекает срок ${byItems(c)}`,
  OVERDUE: (c) => `Истёк срок ${byItems(c)}`,
  REVIEW_OVERDUE: (c) => `Просрочена проверка ответов ${byItems(c)}`,
};

/** What the item is about, to tell it from the others: its subject, or the start of its text. */
export function aboutOf(item: Pick<Item, 'subject' | 'text'>, max = 80): string {
  const about = (item.subject?.trim() || item.text.trim()).replace(/\s+/g, ' ');
  return about.length > max ? `${about.slice(0, max - 1).trimEnd()}…` : about;
}

/** The text of a notification about one item: what happened to which item, and what the item is about. */
export function noticeText(type: string, item: Pick<Item, 'number' | 'subject' | 'text'>): string {
  const what = (TEXTS[type] ?? ((n: string) => `${type}: ${n}`))(item.number);
  const about = aboutOf(item);
  return about ? `${what}: ${about}` : what;
}

/** The text of a digest of `count` items of one kind. */
export function digestText(type: string, count: number): string {
  return (DIGESTS[type] ?? ((c: number) => `${type}: ${items(c)}`))(count);
}

type Planned = { key: string; userId: string; type: string; item: Item | null; count: number; municipality: Item['municipality'] };

/**
 * Delivers the notices, grouped per person and kind: up to DIGEST_AFTER of them one notification per item (the
 * one that person already has for that item and kind is brought back, unread and on top, instead of a second),
 * more than that one digest ("Истёк срок по 47 обращениям"; a digest still unread adds up). Returns how many
 * notifications were delivered.
 */
export async function deliverNotices(em: EntityManager, notices: readonly ItemNotice[], now: Date): Promise<number> {
  const groups = new Map<string, Map<string, ItemNotice>>();
  for (const n of notices) {
    const group = groups.get(`${n.userId}|${n.type}`) ?? new Map<string, ItemNotice>();
    group.set(n.item.id, n);
    groups.set(`${n.userId}|${n.type}`, group);
  }
  const planned: Planned[] = [];
  for (const group of groups.values()) {
    const list = [...group.values()];
    const { userId, type } = list[0]!;
    if (list.length > DIGEST_AFTER) {
      planned.push({ key: `${type}:digest:${userId}`, userId, type, item: null, count: list.length, municipality: list[0]!.item.municipality });
    } else {
      for (const n of list) planned.push({ key: `${type}:${n.item.id}:${userId}`, userId, type, item: n.item, count: 1, municipality: n.item.municipality });
    }
  }
  if (!planned.length) return 0;
  const known = new Map((await em.find(Notification, { key: { $in: planned.map((p) => p.key) } })).map((n) => [n.key, n]));
  for (const p of planned) {
    let n = known.get(p.key);
    if (n) {
      n.itemCount = p.item || n.readAt ? p.count : n.itemCount + p.count;
      n.readAt = null;
      n.createdAt = now;
    } else {
      n = em.create(Notification, { municipality: p.municipality, user: p.userId, item: p.item ?? undefined, type: p.type, message: '', key: p.key, itemCount: p.count, createdAt: now });
    }
    n.message = p.item ? noticeText(p.type, p.item) : digestText(p.type, n.itemCount);
    emit(em, 'NOTIFICATION_ADDED', { municipalityId: n.municipality.id, userId: p.userId, notificationId: n.id, at: now.toISOString() }, now);
  }
  return planned.length;
}
