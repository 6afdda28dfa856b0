import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { anonymiseExpired, closeUnrated, scanDeadlines } from '../src/jobs/deadline-jobs.js';
import { QUEUES, startScheduler } from '../src/jobs/scheduler.js';
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

/**
 * The scans work on every item in the database. Before a test makes its item, this announces (and closes) whatever the
 * items of the other tests in this file have pending up to `instant`, the latest time the test scans at: the counts
 * the test then sees are of its own item alone, whichever tests ran before it.
 */
async function settleOtherItems(instant: string): Promise<void> {
  await scanDeadlines(systemEm(t.orm), new Date(instant));
  await closeUnrated(systemEm(t.orm), new Date(instant));
}

async function notificationsOf(token: string) {
  const r = await t.gql<{ notifications: { type: string; item: { id: string } | null }[] }>('{ notifications(first: 200) { type message readAt createdAt item { id } } }', {}, token);
  return r.data!.notifications;
}

describe('deadline reminders and escalation', () => {
  it('announces DUE_SOON to the executor once, then OVERDUE to the executor, the sector lead and the head', async () => {
    await settleOtherItems('2026-02-16T18:00:00+03:00');
    const item = await message('Прошу сделать перерасчёт платы за отопление школы');
    // 10 working days from Monday 02.02.2026 → Monday 16.02.2026 17:00 (Saturday, Sunday off).
    expect(item.answerDueAt).toBe('2026-02-16T14:00:00.000Z');
    const em = () => systemEm(t.orm);

    // Friday 13.02 12:00: 8.0 h are left (Fri 13–17 is 4 h, Mon 8–17 is 8 h) – not yet below one working day,
    // but below 20% of 80 working hours: DUE_SOON.
    let r = await scanDeadlines(em(), new Date('2026-02-13T12:00:00+03:00'));
    expect(r).toMatchObject({ dueSoon: 1, overdue: 0, reviewOverdue: 0 });
    const deadlineNotes = async (token: string) =>
      (await notificationsOf(token)).filter((n) => n.item?.id === item.id && n.type !== 'ASSIGNED').map((n) => n.type).sort();
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON']);
    // Running again announces nothing new.
    r = await scanDeadlines(em(), new Date('2026-02-13T12:05:00+03:00'));
    expect(r).toEqual({ dueSoon: 0, overdue: 0, reviewOverdue: 0, notified: 0 });
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON']);

    r = await scanDeadlines(em(), new Date('2026-02-16T17:30:00+03:00'));
    expect(r).toMatchObject({ dueSoon: 0, overdue: 1, reviewOverdue: 0 });
    expect(await deadlineNotes(tok.executor)).toEqual(['DUE_SOON', 'OVERDUE']);
    expect(await deadlineNotes(tok.sector_lead)).toEqual(['OVERDUE']);
    expect(await deadlineNotes(tok.head)).toEqual(['OVERDUE']);
    r = await scanDeadlines(em(), new Date('2026-02-16T18:00:00+03:00'));
    expect(r).toEqual({ dueSoon: 0, overdue: 0, reviewOverdue: 0, notified: 0 });
    expect(await deadlineNotes(tok.head)).toEqual(['OVERDUE']);

    const h = await t.gql<{ item: { history: { type: string; actorLabel: string }[] } }>('query($id: ID!) { item(id: $id) { history { type actorLabel } } }', { id: item.id }, tok.head);
    expect(h.data!.item.history.filter((e) => e.actorLabel === 'scheduler').map((e) => e.type)).toEqual(['DUE_SOON', 'OVERDUE']);

    const unread = async () => {
      const u = await t.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, tok.executor);
      expect(u.errors).toBeUndefined();
      return u.data!.unreadNotificationCount;
    };
    // The executor's unread notes include at least this item's ASSIGNED, DUE_SOON and OVERDUE; marking reads them all.
    const before = await unread();
    expect(before).toBeGreaterThanOrEqual(3);
    const read = await t.gql<{ markNotificationsRead: number }>('mutation { markNotificationsRead }', {}, tok.executor);
    expect(read).toEqual({ data: { markNotificationsRead: before } });
    expect(await unread()).toBe(0);
  });

  it('reminds the reviewers once when an answer has waited more than one working day for review', async () => {
    await settleOtherItems('2026-02-04T10:00:00+03:00');
    const item = await message('Прошу сделать перерасчёт платы за отопление детского сада');
    const s1 = await t.gql<{ startItem: { version: number } }>('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { version } }', { id: item.id, v: item.version }, tok.head);
    expect(s1.errors).toBeUndefined();
    const submitted = await t.gql<{ submitAnswer: { status: string } }>(
      'mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Котельная отремонтирована." }) { status } }',
      { id: item.id, v: s1.data!.startItem.version },
      tok.head,
    );
    expect(submitted).toEqual({ data: { submitAnswer: { status: 'ON_REVIEW' } } });
    const reviewNotes = async () => (await notificationsOf(tok.sector_lead)).filter((n) => n.item?.id === item.id && n.type === 'REVIEW_OVERDUE');
    // Submitted Monday 02.02 09:00: the review is due by the end of Tuesday 03.02.
    let r = await scanDeadlines(systemEm(t.orm), new Date('2026-02-03T16:00:00+03:00'));
    expect(r).toEqual({ dueSoon: 0, overdue: 0, reviewOverdue: 0, notified: 0 });
    expect(await reviewNotes()).toHaveLength(0);
    r = await scanDeadlines(systemEm(t.orm), new Date('2026-02-04T09:00:00+03:00'));
    expect(r).toMatchObject({ dueSoon: 0, overdue: 0, reviewOverdue: 1 });
    r = await scanDeadlines(systemEm(t.orm), new Date('2026-02-04T10:00:00+03:00'));
    expect(r).toEqual({ dueSoon: 0, overdue: 0, reviewOverdue: 0, notified: 0 });
    expect(await reviewNotes()).toHaveLength(1);
  });

  it('closes an answered item with no rating after 10 working days, not before', async () => {
    await settleOtherItems('2026-02-16T17:30:00+03:00');
    let item = await message('Прошу сделать перерасчёт платы за отопление подъезда');
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
    expect(await closeUnrated(systemEm(t.orm), new Date('2026-02-16T17:30:00+03:00'))).toBe(1);
    const r = await t.gql<{ item: { status: string } }>('query($id: ID!) { item(id: $id) { status } }', { id: item.id }, tok.head);
    expect(r).toEqual({ data: { item: { status: 'CLOSED' } } });
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

  it('keeps its schedules and queued jobs in PostgreSQL across a restart: a scan queued while stopped is worked by the next start', async () => {
    const schedulerNow = () => new Date('2026-03-02T10:00:00+03:00'); // well past the item's deadline
    const start = () => startScheduler({ orm: t.orm, databaseUrl: t.dbUrl, now: schedulerNow });
    const first = await start();
    await first.stop();

    // No scheduler runs now. The item is made after the first one stopped, so only a later run can announce it.
    const item = await message('Прошу разъяснить начисление платы за отопление подвала');
    const overdueNotes = async () => (await notificationsOf(tok.head)).filter((n) => n.item?.id === item.id && n.type === 'OVERDUE');
    // A bare pg-boss client (no workers, no cron, no maintenance) reads the schedules and queues one scan.
    const client = new PgBoss({ connectionString: t.dbUrl, schema: 'pgboss', max: 1, supervise: false, schedule: false, migrate: false });
    client.on('error', () => undefined);
    await client.start();
    let jobId: string;
    try {
      expect((await client.getSchedules()).map((s) => s.name).sort()).toEqual(Object.values(QUEUES).sort());
      jobId = (await client.send(QUEUES.deadlineScan, {}))!;
      expect(jobId).toEqual(expect.any(String));
      expect((await client.getJobById(QUEUES.deadlineScan, jobId))?.state).toBe('created');
    } finally {
      await client.stop({ graceful: false, wait: true });
    }
    expect(await overdueNotes()).toEqual([]);

    const second = await start();
    try {
      await vi.waitFor(async () => expect((await second.boss.getJobById(QUEUES.deadlineScan, jobId))?.state).toBe('completed'), {
        timeout: 20_000,
        interval: 100,
      });
      expect(await overdueNotes()).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
