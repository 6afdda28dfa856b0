import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryObserver, systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * What the dashboard's most frequent reads cost the database, in SQL statements per request through the request
 * pool (the session's check included): the inbox at most 3, the card at most 5, whatever the page holds. The
 * documents are the dashboard's own (its persisted-documents manifest), with the variables it sends.
 */

const manifest = JSON.parse(readFileSync(new URL('../../web/src/gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
function document(operation: string): string {
  const text = Object.values(manifest).find((d) => new RegExp(`\\bquery ${operation}\\b[ ({]`).test(d));
  if (!text) throw new Error(`the dashboard has no query ${operation}`);
  return text;
}

let t: TestApp;
const tok: Record<string, string> = {};

/** The statements one request sends through the request pool, and its answer. */
async function statementsOf(operation: string, variables: Record<string, unknown>, token: string): Promise<{ statements: string[]; data: unknown }> {
  const statements: string[] = [];
  queryObserver.current = (sql, pool) => {
    if (pool === 'requests') statements.push(sql);
  };
  try {
    const r = await t.gql(document(operation), variables, token);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return { statements, data: r.data };
  } finally {
    queryObserver.current = null;
  }
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  // The demo district's items as a newcomer's installation has them: open and closed, with histories and answers.
  const em = systemEm(t.orm);
  await em.transactional(async (tx) => {
    const [municipality] = await tx.find(Municipality, {}, { limit: 1 });
    if (!municipality) throw new Error('no municipality seeded');
    await seedDemoItems(tx, municipality, { count: 400, now: t.clock.now() });
  });
  for (const u of ['head', 'executor', 'sector_lead']) tok[u] = await t.signInAs(u);
}, 120_000);
afterAll(async () => t?.stop());

describe('SQL statements per request', () => {
  for (const [who, first] of [
    ['head', 25],
    ['head', 100],
    ['executor', 25],
    ['sector_lead', 25],
  ] as const) {
    it(`the inbox of the ${who}, ${first} rows with their category, sector, settlement, department and executor: at most 3 statements`, async () => {
      const { statements, data } = await statementsOf('Items', { filter: { openOnly: true }, first, sort: 'URGENT_FIRST' }, tok[who]!);
      const items = (data as { items: { nodes: { category: unknown; department: unknown }[] } }).items;
      expect(items.nodes.length).toBeGreaterThan(who === 'executor' ? 0 : Math.min(first, 10));
      expect(items.nodes.some((n) => n.category && n.department)).toBe(true);
      expect(statements.length, statements.map((x) => x.slice(0, 140)).join('\n')).toBeLessThanOrEqual(3);
    });
  }

  it('the card of an answered item with its history, answers and its applicant shown in full (and so logged): at most 5 statements', async () => {
    // An answered item of the demo district: it has a history and answers.
    const list = await t.gql<{ items: { nodes: { id: string; applicant: { name: string | null } }[] } }>(
      '{ items(first: 50, filter: { statuses: [ANSWERED] }) { nodes { id applicant { name } } } }',
      {},
      tok.head,
    );
    const id = list.data!.items.nodes.find((n) => n.applicant.name)!.id;
    const { statements, data } = await statementsOf('Item', { id }, tok.head!);
    const item = (data as { item: { history: unknown[]; answers: unknown[]; applicant: { masked: boolean } } }).item;
    expect(item.history.length).toBeGreaterThan(1);
    expect(item.answers.length).toBeGreaterThan(0);
    expect(item.applicant.masked).toBe(false);
    expect(statements.filter((x) => x.startsWith('insert into "personal_data_access"')), statements.join('\n').slice(0, 3000)).toHaveLength(1);
    expect(statements.length, statements.map((x) => x.slice(0, 140)).join('\n')).toBeLessThanOrEqual(5);
  });

  it('counts a list only when asked, and not when its first page holds it all', async () => {
    const counts = (statements: string[]) => statements.filter((x) => /select count\(/.test(x)).length;
    const q = (fields: string) => `query($f: ItemFilter) { items(first: 25, filter: $f) { ${fields} } }`;
    const run = async (fields: string, filter: Record<string, unknown>) => {
      const statements: string[] = [];
      queryObserver.current = (sql, pool) => {
        if (pool === 'requests') statements.push(sql);
      };
      try {
        const r = await t.gql<{ items: { totalCount?: number; nodes: unknown[] } }>(q(fields), { f: filter }, tok.head);
        expect(r.errors).toBeUndefined();
        return { statements, items: r.data!.items };
      } finally {
        queryObserver.current = null;
      }
    };
    // More than a page: counted, once asked for.
    expect(counts((await run('nodes { id }', { openOnly: true })).statements)).toBe(0);
    const many = await run('totalCount nodes { id }', { openOnly: true });
    expect(counts(many.statements)).toBe(1);
    expect(many.items.totalCount).toBeGreaterThan(25);
    // A page that holds the whole list is its own count.
    const few = await run('totalCount nodes { id }', { openOnly: true, urgent: true });
    expect(few.items.nodes.length).toBeLessThan(25);
    expect(few.items.totalCount).toBe(few.items.nodes.length);
    expect(counts(few.statements)).toBe(0);
  });

  it('who is signed in (Me): at most 2 statements', async () => {
    const { statements } = await statementsOf('Me', {}, tok.executor!);
    expect(statements.length, statements.map((x) => x.slice(0, 140)).join('\n')).toBeLessThanOrEqual(2);
  });
});
