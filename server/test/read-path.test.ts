import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryObserver, systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { User } from '../src/modules/users/user.entity.js';
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
  // Every count counted (no remembered counts, item-counts.ts): what a request costs the first time.
  t = await startTestApp({ env: { ITEM_COUNT_CACHE_MS: '0' } });
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

  for (const who of ['head', 'executor', 'sector_lead'] as const) {
    it(`the ${who}'s own account (me) with department, municipality and sectors: one statement, the same answer the entities give`, async () => {
      await statementsOf('Me', {}, tok[who]!); // the session's check remembered
      const { statements, data } = await statementsOf('Me', {}, tok[who]!);
      expect(statements, statements.join('\n')).toHaveLength(1);
      const me = (data as { me: Record<string, unknown> & { sectors: { id: string; code: string }[] } }).me;
      const user = await systemEm(t.orm).findOneOrFail(User, { username: who }, { populate: ['department', 'municipality', 'sectors'] });
      const municipality = user.municipality!.getEntity();
      const department = user.department?.getEntity();
      expect(me).toMatchObject({
        id: user.id,
        username: who,
        fullName: user.fullName,
        roles: user.roles,
        locale: user.locale,
        department: department ? { id: department.id, name: department.name } : null,
        municipality: { id: municipality.id, name: municipality.name, timezone: municipality.timezone, population: municipality.population },
      });
      expect(me.sectors.map((s) => s.code).sort()).toEqual(user.sectors.getItems().map((s) => s.code).sort());
      if (who === 'sector_lead') expect(me.sectors.length).toBeGreaterThan(0);
    });
  }

  it("counts a list only when asked, and then in the page's own statement", async () => {
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
    // Asked for with the page, the count is a subquery of the page's own statement: one statement reads items.
    expect(many.statements.filter((x) => /\bfrom item\b/.test(x)), many.statements.join('\n').slice(0, 2000)).toHaveLength(1);
    expect(many.items.totalCount).toBeGreaterThan(25);
    // A page that holds the whole list: the same one statement, and its total is its length.
    const few = await run('totalCount nodes { id }', { openOnly: true, urgent: true });
    expect(few.items.nodes.length).toBeLessThan(25);
    expect(few.items.totalCount).toBe(few.items.nodes.length);
    expect(few.statements.filter((x) => /\bfrom item\b/.test(x))).toHaveLength(1);
    // A list with nothing in it counts 0.
    const none = await run('totalCount nodes { id }', { openOnly: true, search: 'zzzzzzzz' });
    expect(none.items).toEqual({ totalCount: 0, nodes: [] });
  });

  it('a page of 25 items showing their applicants in full logs the 25 views in one statement, before the answer', async () => {
    const logged = async () =>
      ((await t.orm.em.fork().getConnection().execute('select count(*)::int as n from personal_data_access')) as { n: number }[])[0]!.n;
    const before = await logged();
    const statements: string[] = [];
    queryObserver.current = (sql, pool) => {
      if (pool === 'requests') statements.push(sql);
    };
    let shown: { applicant: { name: string | null; phone: string | null; email: string | null; address: string | null; masked: boolean } }[];
    try {
      const r = await t.gql<{ items: { nodes: typeof shown } }>('{ items(first: 25, filter: { kinds: [APPEAL] }) { nodes { applicant { name phone email address masked } } } }', {}, tok.head);
      expect(r.errors).toBeUndefined();
      shown = r.data!.items.nodes;
    } finally {
      queryObserver.current = null;
    }
    // A view is logged when it shows something of the applicant in full.
    const inFull = shown.filter(({ applicant: a }) => !a.masked && (a.name || a.phone || a.email || a.address)).length;
    expect(inFull).toBeGreaterThan(10);
    expect(statements.filter((x) => x.startsWith('insert into "personal_data_access"'))).toHaveLength(1);
    expect((await logged()) - before).toBe(inFull);
  });

  it('who is signed in (Me): at most 2 statements', async () => {
    const { statements } = await statementsOf('Me', {}, tok.executor!);
    expect(statements.length, statements.map((x) => x.slice(0, 140)).join('\n')).toBeLessThanOrEqual(2);
  });
});

describe('the related rows of a page', () => {
  const fields = {
    department: 'id code name shortName shortNameDerived kind email phone active createdAt updatedAt sectors { code } categories { code } settlements { name }',
    executor: 'id username fullName position email phone roles active locale createdAt updatedAt department { id name } sectors { code } municipality { id name }',
    category: 'id code name nameEn urgentCapable messageAnswerDays active position createdAt updatedAt sector { id code }',
    sector: 'id code name nameEn position createdAt updatedAt categories { code }',
    settlement: 'id code name shortName shortNameDerived kind centre population oktmo lat lon localities { name } streets createdAt updatedAt',
  };

  it('answer every field, their relations and lists included, as the entities read by the organisation queries do', async () => {
    type Node = Record<keyof typeof fields, { id: string } & Record<string, unknown> | null>;
    const page = await t.gql<{ items: { nodes: Node[] } }>(
      `{ items(first: 100) { nodes { ${Object.entries(fields).map(([k, f]) => `${k} { ${f} }`).join(' ')} } } }`,
      {},
      tok.head,
    );
    expect(page.errors).toBeUndefined();
    const org = await t.gql<Record<string, ({ id: string } & Record<string, unknown>)[]>>(
      `{ departments { ${fields.department} } users { ${fields.executor} } categories { ${fields.category} } sectors { ${fields.sector} } settlements { ${fields.settlement} } }`,
      {},
      tok.head,
    );
    expect(org.errors).toBeUndefined();
    const byId = (list: ({ id: string } & Record<string, unknown>)[]) => new Map(list.map((x) => [x.id, x]));
    const reference = {
      department: byId(org.data!.departments!),
      executor: byId(org.data!.users!),
      category: byId(org.data!.categories!),
      sector: byId(org.data!.sectors!),
      settlement: byId(org.data!.settlements!),
    };
    const compared = { department: 0, executor: 0, category: 0, sector: 0, settlement: 0 };
    for (const node of page.data!.items.nodes) {
      for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
        const shown = node[key];
        if (!shown) continue;
        // Lists keep the order the field gives them; the order of the organisation queries' lists is theirs too.
        expect(shown, `${key} ${shown.id}`).toEqual(reference[key].get(shown.id));
        compared[key]++;
      }
    }
    for (const [key, n] of Object.entries(compared)) expect(n, key).toBeGreaterThan(0);
  });
});

describe("the card's duplicates", () => {
  it('answer every field, their relations included, as the same items read by id do', async () => {
    const fields = `id number kind status subject receivedAt dueAt deadlineState urgent version
      category { id code name } sector { code } department { id name shortName } settlement { name } executor { fullName }
      applicant { name phone masked } parent { id number }`;
    const merged = await t.gql<{ items: { nodes: { parent: { id: string } | null }[] } }>(
      '{ items(first: 100, filter: { statuses: [MERGED] }) { nodes { parent { id } } } }',
      {},
      tok.head,
    );
    expect(merged.errors).toBeUndefined();
    const parentId = merged.data!.items.nodes.find((n) => n.parent)?.parent?.id;
    expect(parentId, 'the demo data have merged duplicates').toBeDefined();
    const card = await t.gql<{ item: { duplicates: ({ id: string } & Record<string, unknown>)[] } }>(`query($id: ID!) { item(id: $id) { duplicates { ${fields} } } }`, { id: parentId }, tok.head);
    expect(card.errors).toBeUndefined();
    const duplicates = card.data!.item.duplicates;
    expect(duplicates.length).toBeGreaterThan(0);
    for (const d of duplicates) {
      const one = await t.gql<{ item: Record<string, unknown> }>(`query($id: ID!) { item(id: $id) { ${fields} } }`, { id: d.id }, tok.head);
      expect(one.errors).toBeUndefined();
      expect(d).toEqual(one.data!.item);
    }
  });
});
