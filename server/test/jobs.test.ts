import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { anonymiseExpired, closeUnrated, scanDeadlines } from '../src/jobs/deadline-jobs.js';
import { QUEUES, startScheduler } from '../src/jobs/scheduler.js';
import { createAppPubSub } from '../src/graphql/pubsub.js';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const tok: Record<string, string> = {};
let housingId: string;
let executorId: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-02-02T09:00:00+03:00'); // Monday
  for (const u of ['head', 'executor', 'sector_lead']) tok[u] = await t.signInAs(u);
  const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, tok.head);
  housingId = deps.data!.departments.find((d) => d.code === 'housing')!.id;
  const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, tok.head);
  executorId = users.data!.users.find((u) => u.username === 'executor')!.id;
});
afterAll(async () => t?.stop());

async function message(text: string): Promise<{ id: string; version: number; answerDueAt: string }> {
  const r = await t.gql<{ createItem: { id: string; version: number; answerDueAt: string } }>(
    `mutation($i: ItemInput!) { createItem(input: $i) { id version answerDueAt } }`,
    { i: { kind: 'MESSAGE', channel: 'PHONE', identified: true, text, categoryCode: 'ZHKH_HEATING' } },
    tok.head,
  );
  const item = r.data!.createItem;
  const a = await t.gql<{ assignItem: { id: string; version: number; answerDueAt: string } }>(
    `mutation($id: ID!, $v: Int!) { assignItem(id: $id, version: $v, input: { departmentId: "${housingId}", executorId: "${executorId}" }) { id version answerDueAt } }`,
    { id: item.id, v: item.version },
    tok.head,
  );
  return a.data!.assignItem;
}

async function notificationsOf(token: string) {
  const r = await t.gql<{ notifications: { type: string; item: { id: string } | null }[] }>('{ notifications(first: 200) { type message readAt createdAt item { id } } }', {}, token);
  return r.data!.notifications;
}

describe('deadline reminders and escalation', () => {
  it('announces DUE_SOON to the executor once, then OVERDUE to the executor, the sector lead and the head', async () => {
    const item = await message('Холодные батареи в школе');
    // 10 working days from Monday 02.02.2026 → Monday 16.02.2026 17:00 (Saturday, Sunday off).
    expect(item.answerDueAt).toBe('2026-02-16T14:00:00.000Z');
    const em = () => systemEm(t.orm);

    // Friday 13.02 12:00: 8.0 h are left (Fri 13–17 is 4 h, Mon 8–17 is 8 h) – not yet below one working day,
    // but below 20% of 80 working hours: DUE_SOON.
    let r = await scanDeadlines(em(), new Date('2026-02-13T12:00:00+03:00'));
    expect(r.dueSoon).toBeGreaterThanOrEqual(1);
    const deadlineNotes = async (token: string) =>
      (await notificationsOf(token)).filter((n) => n.item?.id === item.id && n.type !== 'ASSIGNED').map((n) => n.type).sort();
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON']);
    // Running again announces nothing new.
    await scanDeadlines(em(), new Date('2026-02-13T12:05:00+03:00'));
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON']);

    r = await scanDeadlines(em(), new Date('2026-02-16T17:30:00+03:00'));
    expect(r.overdue).toBeGreaterThanOrEqual(1);
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON', 'OVERDUE']);
    expect((await notificationsOf(tok.sector_lead)).some((n) => n.item?.id === item.id && n.type === 'OVERDUE')).toBe(true);
    expect((await notificationsOf(tok.head)).some((n) => n.item?.id === item.id && n.type === 'OVERDUE')).toBe(true);
    await scanDeadlines(em(), new Date('2026-02-16T18:00:00+03:00'));
    expect((await notificationsOf(tok.head)).filter((n) => n.item?.id === item.id && n.type === 'OVERDUE')).toHaveLength(1);

    const h = await t.gql<{ item: { history: { type: string; actorLabel: string }[] } }>('query($id: ID!) { item(id: $id) { history { type actorLabel } } }', { id: item.id }, tok.head);
    expect(h.data!.item.history.filter((e) => e.actorLabel === 'scheduler').map((e) => e.type)).toEqual(['DUE_SOON', 'OVERDUE']);

    const read = await t.gql<{ markNotificationsRead: number }>('mutation { markNotificationsRead }', {}, tok.executor);
    expect(read.data!.markNotificationsRead).toBeGreaterThanOrEqual(2);
    expect((await t.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, tok.executor)).data!.unreadNotificationCount).toBe(0);
  });

  it('reminds the reviewers once when an answer has waited more than one working day for review', async () => {
    const item = await message('Не работает отопление в детском саду');
    const s1 = await t.gql<{ startItem: { version: number } }>('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { version } }', { id: item.id, v: item.version }, tok.head);
    await t.gql('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Котельная отремонтирована." }) { id } }', { id: item.id, v: s1.data!.startItem.version }, tok.head);
    const reviewNotes = async () => (await notificationsOf(tok.sector_lead)).filter((n) => n.item?.id === item.id && n.type === 'REVIEW_OVERDUE');
    // Submitted Monday 02.02 09:00: the review is due by the end of Tuesday 03.02.
    await scanDeadlines(systemEm(t.orm), new Date('2026-02-03T16:00:00+03:00'));
    expect(await reviewNotes()).toHaveLength(0);
    const r = await scanDeadlines(systemEm(t.orm), new Date('2026-02-04T09:00:00+03:00'));
    expect(r.reviewOverdue).toBeGreaterThanOrEqual(1);
    await scanDeadlines(systemEm(t.orm), new Date('2026-02-04T10:00:00+03:00'));
    expect(await reviewNotes()).toHaveLength(1);
  });

  it('closes an answered item with no rating after 10 working days, not before', async () => {
    let item = await message('Нет отопления в подъезде');
    const step = async (m: string, args = '') => {
      const r = await t.gql<Record<string, { id: string; version: number; status: string }>>(
        `mutation($id: ID!, $v: Int!) { ${m}(id: $id, version: $v${args}) { id version status } }`,
        { id: item.id, v: item.version },
        tok.head,
      );
      if (!r.data?.[m]) throw new Error(JSON.stringify(r.errors));
      item = { ...item, ...r.data[m]! };
    };
    await step('startItem');
    await step('submitAnswer', ', input: { text: "Отопление восстановлено 02.02.2026." }');
    await step('approveAnswer', ', input: { outcome: SUPPORTED }');
    // Answered Monday 02.02.2026; 10 working days later is Monday 16.02.2026, 17:00.
    expect(await closeUnrated(systemEm(t.orm), new Date('2026-02-16T16:00:00+03:00'))).toBe(0);
    expect(await closeUnrated(systemEm(t.orm), new Date('2026-02-16T17:30:00+03:00'))).toBeGreaterThanOrEqual(1);
    const r = await t.gql<{ item: { status: string } }>('query($id: ID!) { item(id: $id) { status } }', { id: item.id }, tok.head);
    expect(r.data!.item.status).toBe('CLOSED');
  });

  it('erases the applicant of items closed more than five years ago, and keeps the rest', async () => {
    const create = async (text: string) =>
      (await t.gql<{ createItem: { id: string } }>(
        `mutation($i: ItemInput!) { createItem(input: $i) { id } }`,
        { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text, applicant: { name: 'Старов Олег Петрович', address: 'ст. Нижний Чир, ул. Ленина, 3', phone: '+79000000000' } } },
        tok.head,
      )).data!.createItem.id;
    const old = await create('Старое обращение');
    const recent = await create('Недавнее обращение');
    const db = t.orm.em.fork().getConnection();
    await db.execute(`update item set status = 'CLOSED', closed_at = '2021-01-10T10:00:00Z' where id = ?`, [old]);
    await db.execute(`update item set status = 'CLOSED', closed_at = '2025-06-10T10:00:00Z' where id = ?`, [recent]);
    expect(await anonymiseExpired(systemEm(t.orm), new Date('2026-02-02T09:00:00+03:00'))).toBe(1);
    const rows = await db.execute('select id, applicant_name, applicant_phone, applicant_address, text from item where id in (?, ?)', [old, recent]);
    const byId = Object.fromEntries((rows as { id: string }[]).map((r) => [r.id, r]));
    expect(byId[old]).toMatchObject({ applicant_name: null, applicant_phone: null, applicant_address: null, text: 'Старое обращение' });
    expect(byId[recent]).toMatchObject({ applicant_name: 'Старов Олег Петрович' });
    const events = await db.execute(`select type from item_event where item_id = ? and type = 'ANONYMISED'`, [old]);
    expect(events).toHaveLength(1);
    expect(await anonymiseExpired(systemEm(t.orm), new Date('2026-02-02T09:00:00+03:00'))).toBe(0);
  });

  it('runs from the durable queue: a job sent to pg-boss is worked and survives in PostgreSQL', async () => {
    const pubsub = createAppPubSub();
    const item = await message('Запах газа в подвале');
    // The scheduler's clock: well past the deadline.
    const scheduler = await startScheduler({ orm: t.orm, databaseUrl: t.dbUrl, now: () => new Date('2026-03-02T10:00:00+03:00'), pubsub }).catch((e) => e as Error);
    if (scheduler instanceof Error) throw scheduler;
    try {
      await scheduler.boss.send(QUEUES.deadlineScan, {});
      const deadline = Date.now() + 20_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        found = (await notificationsOf(tok.head)).some((n) => n.item?.id === item.id && n.type === 'OVERDUE');
        if (!found) await new Promise((r) => setTimeout(r, 250));
      }
      expect(found).toBe(true);
      const schedules = await scheduler.boss.getSchedules();
      expect(schedules.map((s) => s.name).sort()).toEqual(Object.values(QUEUES).sort());
    } finally {
      await scheduler.stop();
    }
  });
});
