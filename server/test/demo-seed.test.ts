import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { createTestDatabase } from './db.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const NOW = new Date('2026-11-20T12:00:00+03:00');
type Row = Record<string, unknown>;
let sql: (q: string, p?: unknown[]) => Promise<Row[]>;

beforeAll(async () => {
  db = await createTestDatabase();
  const em = systemEm(db.orm);
  const municipality = await em.findOneOrFail(Municipality, { code: 'surovikino' });
  await seedDemoItems(em, municipality, { count: 1200, now: NOW });
  sql = (q, p = []) => db.orm.em.fork().getConnection().execute(q, p);
}, 120_000);
afterAll(async () => db?.drop());

describe('the demo items', () => {
  it('span the last 12 months, all three kinds, and every status', async () => {
    const [span] = await sql('select min(received_at) as first, max(received_at) as last, count(*)::int as n from item');
    expect(span!.n).toBe(1200);
    expect(new Date(span!.first as string).getTime()).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
    expect(new Date(span!.last as string).getTime()).toBeLessThanOrEqual(NOW.getTime());
    const kinds = (await sql('select distinct kind from item')).map((r) => r.kind).sort();
    expect(kinds).toEqual(['APPEAL', 'INCIDENT', 'MESSAGE']);
    const statuses = (await sql('select distinct status from item')).map((r) => r.status).sort();
    expect(statuses).toEqual(
      ['ANSWERED', 'ASSIGNED', 'CLOSED', 'IN_PROGRESS', 'MERGED', 'NEW', 'ON_REVIEW', 'REDIRECTED', 'REGISTERED', 'REOPENED', 'WAITING_CITIZEN'].sort(),
    );
  });

  it('have histories that chain from CREATED to the current status, in time order', async () => {
    const broken = await sql(`
      with e as (
        select item_id, type, from_status, to_status, at,
               lag(to_status) over (partition by item_id order by at, created_at) as prev_to,
               lag(at) over (partition by item_id order by at, created_at) as prev_at,
               row_number() over (partition by item_id order by at, created_at) as n
        from item_event)
      select count(*)::int as n from e
      where (n = 1 and type <> 'CREATED') or (n > 1 and from_status is distinct from prev_to) or (n > 1 and at < prev_at)`);
    expect(broken[0]!.n).toBe(0);
    const last = await sql(`
      select count(*)::int as n from item i
      where i.status <> (select e.to_status from item_event e where e.item_id = i.id order by e.at desc, e.created_at desc limit 1)`);
    expect(last[0]!.n).toBe(0);
  });

  it('keep their dates and ratings consistent with their deadlines', async () => {
    const bad = await sql(`
      select
        count(*) filter (where registered_at < received_at)::int as registered_before_received,
        count(*) filter (where answered_at < registered_at)::int as answered_before_registered,
        count(*) filter (where rated_at < answered_at)::int as rated_before_answer,
        count(*) filter (where status in ('CLOSED', 'REDIRECTED') and closed_at is null)::int as closed_without_date,
        count(*) filter (where status = 'ANSWERED' and (answered_at is null or outcome is null))::int as answered_without_outcome,
        count(*) filter (where kind = 'APPEAL' and status <> 'NEW' and status <> 'MERGED' and answer_due_at is null)::int as appeal_without_deadline,
        count(*) filter (where satisfied is not null and status not in ('CLOSED', 'REOPENED', 'ASSIGNED', 'IN_PROGRESS'))::int as rated_but_open,
        count(*) filter (where status in ('CLOSED', 'ANSWERED', 'REDIRECTED', 'MERGED') and due_at is not null)::int as clock_running_when_done
      from item`);
    expect(bad[0]).toEqual({
      registered_before_received: 0,
      answered_before_registered: 0,
      rated_before_answer: 0,
      closed_without_date: 0,
      answered_without_outcome: 0,
      appeal_without_deadline: 0,
      rated_but_open: 0,
      clock_running_when_done: 0,
    });
  });

  it('answer most items on time and some late, as a real district does', async () => {
    const [r] = await sql(`
      select count(*) filter (where answered_at <= coalesce(final_answer_due_at, answer_due_at, first_reaction_due_at))::int as on_time,
             count(*) filter (where answered_at > coalesce(final_answer_due_at, answer_due_at, first_reaction_due_at))::int as late
      from item where answered_at is not null`);
    const share = (r!.on_time as number) / ((r!.on_time as number) + (r!.late as number));
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.99);
  });

  it('title their answer templates by the category name, never by its code', async () => {
    const rows = await sql(`select t.title, c.name, c.code from answer_template t left join category c on c.id = t.category_id order by t.title`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.code) {
        expect(r.title).toBe(`Ответ: ${r.name as string}`);
        expect(r.title as string).not.toContain(r.code as string);
      }
      expect(r.title as string).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
    }
    expect(rows.map((r) => r.title)).toContain('Ответ: Водоснабжение');
  });

  it('record each passed deadline of the open items at the deadline itself, and tell the head of them in one digest', async () => {
    const [r] = await sql(
      `select count(*)::int as overdue,
              count(*) filter (where (select count(*) from item_event e where e.item_id = i.id and e.type = 'OVERDUE') = 1
                                 and (select e.at from item_event e where e.item_id = i.id and e.type = 'OVERDUE') = i.due_at)::int as at_deadline
       from item i where i.status not in ('CLOSED', 'REDIRECTED', 'MERGED') and i.paused_at is null and i.due_at < ?`,
      [NOW],
    );
    expect(r!.overdue).toBeGreaterThan(5);
    expect(r!.at_deadline).toBe(r!.overdue);
    const notes = await sql(
      `select n.item_id, n.item_count, n.message from notification n join app_user u on u.id = n.user_id where u.username = 'head' and n.type = 'OVERDUE'`,
    );
    expect(notes).toEqual([{ item_id: null, item_count: r!.overdue, message: expect.stringMatching(new RegExp(`^Истёк срок по ${r!.overdue as number} обращени(ю|ям)$`)) }]);
  });
});

describe('the demo district on any day', () => {
  // A Monday morning, a Saturday night, the first working day after the New Year holidays, a Friday evening.
  for (const at of ['2026-11-23T09:00:00+03:00', '2026-11-28T23:30:00+03:00', '2027-01-11T08:00:00+03:00', '2026-12-04T18:30:00+03:00']) {
    it(`seeded at ${at}, gives the executor's department open items past their deadline (what its inbox shows as overdue)`, async () => {
      const own = await createTestDatabase();
      try {
        const em = systemEm(own.orm);
        const now = new Date(at);
        await em.transactional(async (tx) => {
          const municipality = await tx.findOneOrFail(Municipality, { code: 'surovikino' });
          await seedDemoItems(tx, municipality, { count: 300, now });
        });
        const [r] = (await own.orm.em.fork().getConnection().execute(
          `select count(*)::int as n from item i join department d on d.id = i.department_id
           where d.code = 'housing' and i.status not in ('CLOSED', 'REDIRECTED', 'MERGED') and i.paused_at is null and i.due_at < ?`,
          [now],
        )) as { n: number }[];
        expect(r!.n).toBeGreaterThan(0);
      } finally {
        await own.drop();
      }
    });
  }
});
