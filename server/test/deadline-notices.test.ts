import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { scanDeadlines } from '../src/jobs/deadline-jobs.js';
import { Item } from '../src/modules/items/item.entity.js';
import { DIGEST_AFTER, deliverNotices } from '../src/modules/notifications/notification-delivery.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * What the deadline scan leaves behind (finding 10 of issue 10): history events dated at the deadline they are
 * about, whenever the scan notices it; one notification per person, item and kind, naming what the item is about;
 * one digest for a person who would get many of one kind at once.
 */

let t: TestApp;
const tok: Record<string, string> = {};
let housingId: string;
let executorId: string;

type Note = { id: string; type: string; message: string; itemCount: number; readAt: string | null; createdAt: string; item: { id: string } | null };
type Entry = { type: string; at: string; fromStatus: string | null; toStatus: string | null; actorLabel: string };

async function travel(iso: string): Promise<void> {
  t.clock.set(iso);
  for (const u of ['head', 'executor', 'sector_lead']) tok[u] = await t.signInAs(u);
}

/** A message about heating, assigned to the executor of the housing department: due in 10 working days. */
async function message(subject: string): Promise<{ id: string; version: number; answerDueAt: string; number: string }> {
  const r = await t.gql<{ createItem: { id: string; version: number } }>(
    'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
    { i: { kind: 'MESSAGE', channel: 'PHONE', identified: true, subject, text: `${subject}: прошу сделать перерасчёт платы за отопление.`, categoryCode: 'ZHKH_HEATING' } },
    tok.head,
  );
  const a = await t.gql<{ assignItem: { id: string; version: number; answerDueAt: string; number: string } }>(
    'mutation($id: ID!, $v: Int!, $d: ID!, $e: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d, executorId: $e }) { id version answerDueAt number } }',
    { id: r.data!.createItem.id, v: r.data!.createItem.version, d: housingId, e: executorId },
    tok.head,
  );
  if (!a.data?.assignItem) throw new Error(JSON.stringify(a.errors ?? r.errors));
  return a.data.assignItem;
}

async function notes(as: string): Promise<Note[]> {
  const r = await t.gql<{ notifications: Note[] }>('{ notifications(first: 200) { id type message itemCount readAt createdAt item { id } } }', {}, tok[as]);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.notifications;
}

async function history(id: string): Promise<Entry[]> {
  const r = await t.gql<{ item: { history: Entry[] } }>('query($id: ID!) { item(id: $id) { history { type at fromStatus toStatus actorLabel } } }', { id }, tok.head);
  return [...r.data!.item.history].sort((a, b) => a.at.localeCompare(b.at));
}

/** Announces whatever the items of earlier tests have pending up to `instant`, so that a test sees its own. */
const settleOthers = (instant: string) => scanDeadlines(systemEm(t.orm), new Date(instant));

beforeAll(async () => {
  t = await startTestApp();
  await travel('2026-02-02T09:00:00+03:00');
  const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, tok.head);
  housingId = deps.data!.departments.find((d) => d.code === 'housing')!.id;
  const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, tok.head);
  executorId = users.data!.users.find((u) => u.username === 'executor')!.id;
}, 60_000);
afterAll(async () => t?.stop());

describe('deadline events and notifications', () => {
  it('records the deadline drawing near and passing at their own instants, in the status the item had then, however late the scan notices them', async () => {
    await travel('2026-02-02T09:00:00+03:00');
    const item = await message('Холодные батареи');
    // Monday 02.02 09:00 + 10 working days: Monday 16.02 17:00 local.
    expect(item.answerDueAt).toBe('2026-02-16T14:00:00.000Z');
    const dueSoonAt = (await systemEm(t.orm).findOneOrFail(Item, item.id)).dueSoonAt!.toISOString();
    expect(dueSoonAt < '2026-02-16T09:00:00.000Z').toBe(true);
    // The scheduler first runs on Monday 16.02 at noon, days after the clock became DUE_SOON.
    expect(await scanDeadlines(systemEm(t.orm), new Date('2026-02-16T12:00:00+03:00'))).toMatchObject({ dueSoon: 1, overdue: 0 });
    // Started on Wednesday 18.02, after the deadline; the scheduler was not running again until Friday 20.02.
    await travel('2026-02-18T10:00:00+03:00');
    const current = await t.gql<{ item: { version: number } }>('query($id: ID!) { item(id: $id) { version } }', { id: item.id }, tok.executor);
    const started = await t.gql('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { id } }', { id: item.id, v: current.data!.item.version }, tok.executor);
    expect(started.errors).toBeUndefined();
    expect(await scanDeadlines(systemEm(t.orm), new Date('2026-02-20T12:00:00+03:00'))).toMatchObject({ dueSoon: 0, overdue: 1 });

    const steps = (await history(item.id)).map((e) => [e.type, e.at, e.fromStatus, e.toStatus, e.actorLabel]);
    expect(steps.filter(([type]) => type === 'DUE_SOON')).toEqual([['DUE_SOON', dueSoonAt, 'ASSIGNED', 'ASSIGNED', 'scheduler']]);
    expect(steps.filter(([type]) => type === 'OVERDUE')).toEqual([['OVERDUE', '2026-02-16T14:00:00.000Z', 'ASSIGNED', 'ASSIGNED', 'scheduler']]);
    // In the order of the history: the deadline passed while it was assigned, then it was started.
    expect(steps.map(([type]) => type).slice(-4)).toEqual(['ASSIGN', 'DUE_SOON', 'OVERDUE', 'START']);
  });

  it('sees the items of the transaction it runs in, as the demo seed runs it before its items are committed', async () => {
    await settleOthers('2026-02-25T12:00:00+03:00');
    await travel('2026-02-24T09:00:00+03:00');
    const item = await message('Нет горячей воды');
    const scanned = await systemEm(t.orm).transactional(async (tx) => {
      // Moved into the past in this transaction alone: nothing committed says it is overdue.
      (await tx.findOneOrFail(Item, item.id)).dueAt = new Date('2026-02-24T12:00:00+03:00');
      await tx.flush();
      return scanDeadlines(tx, new Date('2026-02-25T12:00:00+03:00'));
    });
    expect(scanned).toMatchObject({ overdue: 1 });
    expect((await history(item.id)).filter((e) => e.type === 'OVERDUE').map((e) => [e.at, e.fromStatus])).toEqual([['2026-02-24T09:00:00.000Z', 'ASSIGNED']]);
  });

  it('notifies of a few passed deadlines one by one, saying what each item is about, and never twice for one item and kind', async () => {
    await settleOthers('2026-03-20T12:00:00+03:00');
    await travel('2026-03-02T09:00:00+03:00');
    const a = await message('Не греют батареи в детском саду');
    const b = await message('Холодно в подъезде');
    await travel('2026-03-20T12:00:00+03:00');
    const scan = await scanDeadlines(systemEm(t.orm), new Date('2026-03-20T12:00:00+03:00'));
    expect(scan).toMatchObject({ overdue: 2 });

    const overdue = (await notes('executor')).filter((n) => n.type === 'OVERDUE' && [a.id, b.id].includes(n.item?.id ?? ''));
    expect(overdue.map((n) => n.message).sort()).toEqual([
      `Срок по ${a.number} истёк: Не греют батареи в детском саду`,
      `Срок по ${b.number} истёк: Холодно в подъезде`,
    ]);
    expect(overdue.every((n) => n.itemCount === 1 && n.readAt === null)).toBe(true);
    const read = await t.gql<{ markNotificationsRead: number }>('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: overdue.map((n) => n.id) }, tok.executor);
    expect(read.data?.markNotificationsRead).toBe(2);

    // The same notice again (a deadline passed again, say): the same notification, unread and on top again.
    const em = systemEm(t.orm);
    const again = new Date('2026-03-23T09:00:00+03:00');
    await deliverNotices(em, [{ userId: executorId, item: await em.findOneOrFail(Item, a.id), type: 'OVERDUE' }], again);
    await em.flush();
    const after = (await notes('executor')).filter((n) => n.type === 'OVERDUE' && [a.id, b.id].includes(n.item?.id ?? ''));
    expect(after).toHaveLength(2);
    const onA = after.find((n) => n.item?.id === a.id)!;
    expect(onA).toMatchObject({ id: overdue.find((n) => n.item?.id === a.id)!.id, readAt: null, createdAt: again.toISOString() });
    expect(after.find((n) => n.item?.id === b.id)!.readAt).not.toBeNull();
  });

  it(`gathers more than ${DIGEST_AFTER} passed deadlines of one scan into one digest per person, which adds up while unread`, async () => {
    await settleOthers('2026-04-30T12:00:00+03:00');
    await travel('2026-04-01T09:00:00+03:00');
    const first: Awaited<ReturnType<typeof message>>[] = [];
    for (let i = 1; i <= 7; i++) first.push(await message(`Холодно в квартире ${i}`));
    const before = {
      executor: (await notes('executor')).length,
      sector_lead: (await notes('sector_lead')).length,
      head: (await notes('head')).length,
    };
    await travel('2026-04-30T12:00:00+03:00');
    const scan = await scanDeadlines(systemEm(t.orm), new Date('2026-04-30T12:00:00+03:00'));
    expect(scan).toMatchObject({ overdue: 7 });

    for (const who of ['executor', 'sector_lead', 'head'] as const) {
      const list = await notes(who);
      // One notification more for each, whoever gets it: the digest, without an item.
      expect(list).toHaveLength(before[who] + 1);
      expect(list[0]).toMatchObject({ type: 'OVERDUE', itemCount: 7, item: null, message: 'Истёк срок по 7 обращениям', readAt: null });
      expect(list.filter((n) => n.type === 'OVERDUE' && first.some((i) => i.id === n.item?.id))).toEqual([]);
    }
    // Each item's history still has its own event at its own deadline.
    for (const item of first) {
      expect((await history(item.id)).filter((e) => e.type === 'OVERDUE').map((e) => e.at)).toEqual([item.answerDueAt]);
    }

    // Six more pass before the head has read it: the same digest, now of 13.
    await travel('2026-05-04T09:00:00+03:00');
    for (let i = 1; i <= 6; i++) await message(`Нет отопления ${i}`);
    await travel('2026-06-01T12:00:00+03:00');
    expect(await scanDeadlines(systemEm(t.orm), new Date('2026-06-01T12:00:00+03:00'))).toMatchObject({ overdue: 6 });
    const digests = (await notes('head')).filter((n) => n.type === 'OVERDUE' && n.item === null);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ itemCount: 13, message: 'Истёк срок по 13 обращениям' });
  });
});
