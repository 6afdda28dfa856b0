import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryObserver, systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { ItemCounts } from '../src/modules/items/item-counts.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * The lists' counts an instance remembers (modules/items/item-counts.ts): a count is counted once for a list and
 * reused by whoever opens the same list, and it is exact: a change of an item through the API is counted at once,
 * and a list whose condition reads the clock is counted every time.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const LIST = 'query($f: ItemFilter) { items(first: 5, filter: $f) { totalCount nodes { id } } }';

/**
 * Every change announced so far has reached this server through the live bus (where the counts of a municipality are
 * forgotten a second time, after the commit): otherwise the announcement of an earlier test's change could arrive
 * between two reads of a test and make the second count again.
 */
const settled = () => t.bus.drain();

/** The total of a list, and whether the request counted (a statement with count(*) through the request pool). */
async function total(who: string, filter: Record<string, unknown>): Promise<{ total: number; counted: boolean }> {
  await settled();
  const statements: string[] = [];
  queryObserver.current = (sql, pool) => {
    if (pool === 'requests') statements.push(sql);
  };
  try {
    const r = await t.gql<{ items: { totalCount: number } }>(LIST, { f: filter }, tok[who]);
    expect(r.errors).toBeUndefined();
    return { total: r.data!.items.totalCount, counted: statements.some((s) => /count\(\*\)/.test(s)) };
  } finally {
    queryObserver.current = null;
  }
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  const em = systemEm(t.orm);
  await em.transactional(async (tx) => {
    const [municipality] = await tx.find(Municipality, {}, { limit: 1 });
    await seedDemoItems(tx, municipality!, { count: 120, now: t.clock.now() });
  });
  for (const u of ['head', 'curator', 'executor', 'pos_operator']) tok[u] = await t.signInAs(u);
}, 120_000);
afterAll(async () => t?.stop());

describe('remembered counts', () => {
  it('the same list is counted once: another viewer who reaches the same items gets the same total without a count', async () => {
    const filter = { kinds: ['APPEAL', 'MESSAGE'] };
    const first = await total('head', filter);
    expect(first.counted).toBe(true);
    expect(first.total).toBeGreaterThan(5);
    // The curator reaches every item of the municipality, as the head does: the same statement, the same count.
    expect(await total('curator', filter)).toEqual({ total: first.total, counted: false });
    expect(await total('head', filter)).toEqual({ total: first.total, counted: false });
  });

  it("an executor's list is counted for the executor (the department is in its condition), not taken from the head's", async () => {
    const filter = { kinds: ['APPEAL', 'MESSAGE'] };
    const head = await total('head', filter);
    const executor = await total('executor', filter);
    expect(executor.counted).toBe(true);
    expect(executor.total).toBeLessThan(head.total);
  });

  it('an item created through the API is in the very next total, which is counted anew', async () => {
    const filter = { openOnly: true, kinds: ['APPEAL'] };
    const before = await total('head', filter);
    expect((await total('head', filter)).counted).toBe(false);
    const created = await t.gql(
      `mutation($i: ItemInput!) { createItem(input: $i) { id } }`,
      {
        i: {
          kind: 'APPEAL',
          channel: 'LETTER',
          identified: true,
          applicant: { name: 'Петров Пётр Петрович', address: 'г. Суровикино, ул. Ленина, д. 3' },
          subject: 'Яма во дворе',
          text: 'Во дворе дома по ул. Ленина, 3, яма на проезде.',
          categoryCode: 'ZHKH_WATER',
        },
      },
      tok.head,
    );
    expect(created.errors).toBeUndefined();
    expect(await total('head', filter)).toEqual({ total: before.total + 1, counted: true });
  });

  it('a list whose condition reads the clock (overdue items) is counted every time', async () => {
    const filter = { openOnly: true, deadlineState: 'OVERDUE' };
    const first = await total('head', filter);
    expect(first.counted).toBe(true);
    expect(await total('head', filter)).toEqual({ total: first.total, counted: true });
  });

  it('the queue counts are remembered too, and the overdue queue is not', async () => {
    const counted = async () => {
      await settled();
      const statements: string[] = [];
      queryObserver.current = (sql, pool) => {
        if (pool === 'requests' && /count\(\*\)/.test(sql)) statements.push(sql);
      };
      try {
        const r = await t.gql('{ itemQueueCounts { MINE UNASSIGNED MY_REVIEW OVERDUE_MY_SECTORS } }', {}, tok.pos_operator);
        expect(r.errors).toBeUndefined();
        return { counts: r.data, statements: statements.length };
      } finally {
        queryObserver.current = null;
      }
    };
    const first = await counted();
    // One count a queue (MINE, UNASSIGNED, MY_REVIEW, OVERDUE_MY_SECTORS, TO_CLASSIFY).
    expect(first.statements).toBe(5);
    const again = await counted();
    expect(again).toEqual({ counts: first.counts, statements: 1 });
  });
});

describe('ItemCounts', () => {
  it('does not remember a count read while an item of its municipality changed, and forgets counts on a change', () => {
    const counts = new ItemCounts(60_000);
    try {
      const key = counts.key('m1', 'select count(*) …', ['m1'])!;
      const mark = counts.mark('m1');
      counts.changed('m1');
      counts.set(key, 'm1', 10, mark);
      expect(counts.get(key)).toBeUndefined();
      counts.set(key, 'm1', 11, counts.mark('m1'));
      expect(counts.get(key)).toBe(11);
      // Another municipality's change leaves it; a change of its own forgets it, and the regional counts with it.
      const regional = counts.key('all', 'select count(*) …', [])!;
      counts.set(regional, 'all', 40, counts.mark('all'));
      counts.changed('m2');
      expect(counts.get(key)).toBe(11);
      expect(counts.get(regional)).toBeUndefined();
      counts.changed('m1');
      expect(counts.get(key)).toBeUndefined();
    } finally {
      counts.stop();
    }
  });

  it('gives no key to a count whose values hold a time, nor when it is off', () => {
    const on = new ItemCounts(60_000);
    const off = new ItemCounts(0);
    expect(on.key('m1', 'select …', ['m1', new Date('2026-11-20T07:00:00Z')])).toBeNull();
    expect(off.key('m1', 'select …', ['m1'])).toBeNull();
    on.stop();
    off.stop();
  });
});
