import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterQuery } from '@mikro-orm/core';
import { queryObserver, systemEm, viewerEm } from '../src/db/orm.js';
import { Attachment } from '../src/modules/files/attachment.entity.js';
import { ItemAnswer } from '../src/modules/items/item-answer.entity.js';
import { ItemEvent } from '../src/modules/items/item-event.entity.js';
import { Category } from '../src/modules/organisation/category.entity.js';
import { Department } from '../src/modules/organisation/department.entity.js';
import { Sector } from '../src/modules/organisation/sector.entity.js';
import { Settlement } from '../src/modules/organisation/settlement.entity.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import type { Ctx, UserViewer, Viewer } from '../src/graphql/context.js';
import { Scope, TokenKind } from '../src/modules/auth/roles.js';
import { actionWhere, personalDataWhere, reachWhere } from '../src/modules/items/item-access.js';
import { Item } from '../src/modules/items/item.entity.js';
import { DeadlineState, ItemKind, ItemStatus } from '../src/modules/items/item.enums.js';
import { ItemQueue, ItemSort, type ItemFilter } from '../src/modules/items/item.inputs.js';
import { itemsWhere, listItems } from '../src/modules/items/item-queries.js';
import { countItems, itemRows, readOnlyRow } from '../src/modules/items/item-rows.js';
import { whereSql } from '../src/db/where-sql.js';
import { ItemAction } from '../src/modules/items/lifecycle.js';
import { suggestDepartments } from '../src/modules/items/item.service.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { createTestDatabase } from './db.js';

/*
 * The read path renders the access policy's and the filters' conditions to SQL itself (db/where-sql.ts). The ORM's
 * own rendering of the very same conditions is the reference: for every role of the demo district and every filter
 * and queue of the inbox, the two select the same items, and every sort pages through them in the ORM's order.
 */

const NOW = new Date('2026-11-20T07:00:00Z');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const viewers: Record<string, Viewer> = {};
let sample: { number: string; surname: string; word: string; sectorCode: string; categoryCode: string; departmentId: string; executorId: string; settlementId: string };

const ctxOf = (viewer: Viewer | null): Ctx => ({ em: viewerEm(db.orm, viewer), viewer, now: () => NOW }) as unknown as Ctx;

/** The ids the ORM selects for a condition, and those the read path's rendering selects (page and count). */
async function both(viewer: Viewer | null, where: () => FilterQuery<Item>) {
  const orm = (await ctxOf(viewer).em.find(Item, where(), { fields: ['id'], orderBy: { id: 'asc' } })).map((i) => i.id);
  const ctx = ctxOf(viewer);
  const rows = (await itemRows(ctx.em, where(), { id: 'asc' }, 100_000)).map((r) => r.id);
  const count = await countItems(ctxOf(viewer).em, where());
  return { orm, rows, count };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const em = systemEm(db.orm);
  await em.transactional(async (tx) => {
    const [municipality] = await tx.find(Municipality, {}, { limit: 1 });
    if (!municipality) throw new Error('no municipality seeded');
    await seedDemoItems(tx, municipality, { count: 300, now: NOW });
  });
  // The demo data have no files: two attachments of an item, so that read-only attachments are compared too.
  await systemEm(db.orm).transactional(async (tx) => {
    const [item] = await tx.find(Item, {}, { limit: 1, orderBy: { number: 'asc' } });
    for (const [fileName, size] of [['акт осмотра.pdf', 120_000], ['фото.jpg', 2_400_000]] as const) {
      tx.create(Attachment, { municipality: item!.municipality, item: item!, fileName, mimeType: fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg', size, sha256: 'x'.repeat(64), storageKey: `test/${fileName}` });
    }
  });
  const users = await systemEm(db.orm).find(User, {}, { populate: ['sectors'] });
  for (const u of users) {
    viewers[u.username] = {
      kind: 'user',
      userId: u.id,
      sessionId: 'test',
      username: u.username,
      roles: [...u.roles],
      municipalityId: u.municipality?.id ?? null,
      departmentId: u.department?.id ?? null,
      sectorIds: u.sectors.getItems().map((s) => s.id),
      expiresAt: new Date('2100-01-01T00:00:00Z'),
    } satisfies UserViewer;
  }
  const head = viewers.head!;
  viewers.token = { kind: 'token', tokenId: 't', tokenKind: TokenKind.INTEGRATOR, scopes: [Scope.ITEMS_READ], sources: null, municipalityId: head.municipalityId!, name: 't', expiresAt: null };
  viewers.ingestOnlyToken = { ...viewers.token, scopes: [Scope.ITEMS_INGEST] };
  const items = await systemEm(db.orm).find(Item, { applicantName: { $ne: null }, department: { $ne: null }, executor: { $ne: null }, settlement: { $ne: null }, sector: { $ne: null } }, { populate: ['sector', 'category'], limit: 1, orderBy: { number: 'asc' } });
  const i = items[0]!;
  sample = {
    number: i.number.slice(0, 7),
    surname: i.applicantName!.split(' ')[0]!,
    word: i.text.split(/\s+/).find((w) => w.length > 5) ?? i.text.split(/\s+/)[0]!,
    sectorCode: i.sector!.$.code,
    categoryCode: i.category!.$.code,
    departmentId: i.department!.id,
    executorId: i.executor!.id,
    settlementId: i.settlement!.id,
  };
}, 120_000);
afterAll(async () => db?.drop());

const WHO = ['head', 'curator', 'sector_lead', 'incident_manager', 'pos_operator', 'executor', 'analyst', 'region', 'token', 'ingestOnlyToken'];

describe('the read path renders conditions as the ORM does', () => {
  it('the seeded data give every condition below something to select and something to leave out', async () => {
    const all = await systemEm(db.orm).count(Item, {});
    const open = await systemEm(db.orm).count(Item, { status: { $nin: [ItemStatus.CLOSED, ItemStatus.REDIRECTED, ItemStatus.MERGED] } });
    expect(all).toBeGreaterThan(200);
    expect(open).toBeGreaterThan(10);
    expect(open).toBeLessThan(all);
  });

  for (const who of WHO) {
    it(`what the ${who} reaches, works on and sees the applicant of: the same items either way`, async () => {
      const v = viewers[who]!;
      const conds: [string, () => FilterQuery<Item>][] = [
        ['reach', () => reachWhere(v)],
        ['personal data', () => personalDataWhere(v) ?? { id: null }],
        ...Object.values(ItemAction).map((a): [string, () => FilterQuery<Item>] => [`action ${a}`, () => actionWhere(v, a)]),
      ];
      for (const [name, where] of conds) {
        const r = await both(v, where);
        expect(r.rows, `${who}: ${name}`).toEqual(r.orm);
        expect(r.count, `${who}: ${name}`).toBe(r.orm.length);
      }
    });
  }

  const filters = (): [string, ItemFilter][] => [
    ['no filter', {}],
    ['open', { openOnly: true }],
    ...Object.values(ItemQueue).map((q): [string, ItemFilter] => [`queue ${q}`, { queue: q }]),
    ['kinds', { kinds: [ItemKind.APPEAL, ItemKind.INCIDENT] }],
    ['statuses', { statuses: [ItemStatus.IN_PROGRESS, ItemStatus.ON_REVIEW] }],
    ['no statuses (an empty list is no filter)', { statuses: [] }],
    ['sector code', { sectorCode: sample.sectorCode }],
    ['category code', { categoryCode: sample.categoryCode }],
    ['department', { departmentId: sample.departmentId }],
    ['executor', { executorId: sample.executorId }],
    ['settlement', { settlementId: sample.settlementId }],
    ['urgent', { urgent: true }],
    ['not urgent', { urgent: false }],
    ...Object.values(DeadlineState).map((s): [string, ItemFilter] => [`deadline ${s}`, { deadlineState: s, openOnly: true }]),
    ['received between', { receivedFrom: new Date('2026-10-01T00:00:00Z'), receivedTo: new Date('2026-11-10T00:00:00Z') }],
    ['search by number', { search: sample.number }],
    ['search by words', { search: sample.word }],
    ['search by applicant', { search: sample.surname }],
    ['everything at once', { openOnly: true, kinds: [ItemKind.MESSAGE, ItemKind.APPEAL], sectorCode: sample.sectorCode, urgent: false, deadlineState: DeadlineState.ON_TRACK }],
  ];

  for (const who of ['head', 'sector_lead', 'executor', 'pos_operator', 'region']) {
    it(`every inbox filter and queue for the ${who}: the same items either way`, async () => {
      const v = viewers[who]!;
      for (const [name, filter] of filters()) {
        const where = await itemsWhere(ctxOf(v), filter);
        const r = await both(v, where);
        expect(r.rows, `${who}: ${name}`).toEqual(r.orm);
        expect(r.count, `${who}: ${name}`).toBe(r.orm.length);
      }
    });
  }

  it('the filters select something for the head, so that the comparisons above compare rows', async () => {
    const v = viewers.head!;
    const empty: string[] = [];
    for (const [name, filter] of filters()) {
      const where = await itemsWhere(ctxOf(v), filter);
      if ((await both(v, where)).orm.length === 0) empty.push(name);
    }
    // The queues of the head's own work may be empty in the demo data; the filters must not be.
    expect(empty.filter((n) => !n.startsWith('queue'))).toEqual([]);
  });

  for (const sort of Object.values(ItemSort)) {
    it(`${sort}: pages of 7 through the open items follow the ORM's order of the same sort, no item twice or missed, each with the ORM's count`, async () => {
      const v = viewers.head!;
      const orderBy = {
        [ItemSort.URGENT_FIRST]: { urgent: 'desc', dueAt: 'asc nulls last', id: 'asc' },
        [ItemSort.DUE_ASC]: { dueAt: 'asc nulls last', id: 'asc' },
        [ItemSort.RECEIVED_DESC]: { receivedAt: 'desc', id: 'asc' },
        [ItemSort.RECEIVED_ASC]: { receivedAt: 'asc', id: 'asc' },
      }[sort];
      const where = await itemsWhere(ctxOf(v), { openOnly: true });
      const expected = (await ctxOf(v).em.find(Item, where(), { fields: ['id'], orderBy: orderBy as never })).map((i) => i.id);
      const seen: string[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 1000; guard++) {
        // Every other page counts the list in its own statement, the others by a statement of their own.
        const page = await listItems(ctxOf(v), { openOnly: true }, 7, after, sort, { withCount: guard % 2 === 0 });
        seen.push(...page.nodes.map((n) => n.id));
        expect(await page.totalCount()).toBe(expected.length);
        if (!page.hasNextPage) break;
        after = page.endCursor!;
      }
      expect(seen).toEqual(expected);
    });
  }

  it('a condition it cannot render is refused, not dropped', async () => {
    const ctx = ctxOf(viewers.head!);
    await expect(itemRows(ctx.em, { answers: { text: 'x' } } as never, {}, 1)).rejects.toThrow(/not supported/);
    await expect(countItems(ctx.em, { id: { $exists: true } } as never)).rejects.toThrow(/not supported/);
  });

  it("writes an enumeration's own values into the statement's text (so a partial index serves its generic plan), and sends any other value apart", () => {
    const ctx = ctxOf(viewers.head!);
    const params: unknown[] = [];
    const text = whereSql(ctx.em, Item.name, 'i', { status: { $nin: [ItemStatus.CLOSED, ItemStatus.MERGED] }, kind: { $in: [ItemKind.APPEAL] } }, params);
    expect(text).toContain(`i.status <> all('{CLOSED,MERGED}')`);
    expect(text).toContain(`i.kind = any('{APPEAL}')`);
    expect(params).toEqual([ctx.em.getFilterParams('tenant')!['municipalityId' as never]]);
    // Something that is not one of the enumeration's names (as a client could send it) is a value, never text.
    const other: unknown[] = [];
    const injected = whereSql(ctx.em, Item.name, 'i', { status: { $in: ["CLOSED}') or true --"] } } as never, other);
    expect(injected).not.toContain('or true');
    expect(other[0]).toEqual(["CLOSED}') or true --"]);
    const texts: unknown[] = [];
    expect(whereSql(ctx.em, Item.name, 'i', { number: { $in: ['2026-1', '2026-2'] } }, texts)).toContain('= any(?)');
  });

  it("a sector by its code is one sector's key for a municipality's viewer (a unique key), and any of the codes' sectors for a regional one", () => {
    const local = whereSql(ctxOf(viewers.head!).em, Item.name, 'i', { sector: { code: 'ZHKH' } }, []);
    expect(local).toMatch(/^\(i\.sector_id = \(select w\d+\.id from sector w\d+ where w\d+\.code = \? and w\d+\.municipality_id = \?\)/);
    const regional = whereSql(ctxOf(viewers.region!).em, Item.name, 'i', { sector: { code: 'ZHKH' } }, []);
    expect(regional).toMatch(/^\(?i\.sector_id in \(select/);
    // Not a whole unique key: any of those that match.
    expect(whereSql(ctxOf(viewers.head!).em, Item.name, 'i', { sector: { name: 'ЖКХ' } }, [])).toMatch(/^\(?i\.sector_id in \(select/);
  });

  it('an entity manager without tenant parameters reads nothing (fails closed, as the ORM filter does)', async () => {
    const em = db.orm.em.fork({ clear: true });
    await expect(countItems(em, {})).rejects.toThrow(/no municipality/);
  });
});

describe('read-only rows', () => {
  const classes = [ItemEvent, ItemAnswer, Attachment, User, Department, Category, Sector, Settlement, Municipality, Item] as const;
  for (const cls of classes) {
    it(`a ${cls.name} read as a read-only row has every column and getter the ORM's entity made from the same row has`, async () => {
      const em = systemEm(db.orm);
      const meta = em.getMetadata().get(cls.name);
      const { rows } = (await em.getKnex().raw(`select to_jsonb(x) as data from ${meta.tableName} x order by x.id limit 60`)) as { rows: { data: Record<string, unknown> }[] };
      expect(rows.length).toBeGreaterThan(0);
      const getters = Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
        .filter(([name, d]) => d.get && !name.startsWith('__'))
        .map(([name]) => name);
      for (const { data } of rows) {
        const ro = readOnlyRow(systemEm(db.orm), cls as never, data) as Record<string, unknown>;
        const managed = systemEm(db.orm).map(cls as never, data) as Record<string, unknown>;
        for (const p of meta.props) {
          if (p.kind !== 'scalar' || p.lazy || p.persist === false) continue;
          expect(ro[p.name], `${cls.name}.${p.name}`).toEqual(managed[p.name]);
        }
        for (const g of getters) expect(ro[g], `${cls.name}.${g}`).toEqual(managed[g]);
      }
    });
  }

  it('a relation given as read: its reference loads it without a statement; one not given loads like the entity', async () => {
    const em = systemEm(db.orm);
    const { rows } = (await em.getKnex().raw(`select to_jsonb(e) as data, to_jsonb(u) - 'password_hash' as actor from item_event e join app_user u on u.id = e.actor_id limit 1`)) as {
      rows: { data: Record<string, unknown>; actor: Record<string, unknown> }[];
    };
    const [{ data, actor }] = rows as [(typeof rows)[number]];
    const user = readOnlyRow(em, User, actor);
    const given = readOnlyRow(em, ItemEvent, data, { actor: user });
    const statements: string[] = [];
    queryObserver.current = (sql) => statements.push(sql);
    try {
      expect(await given.actor!.load()).toBe(user);
      expect(statements).toEqual([]);
      const loaded = await readOnlyRow(systemEm(db.orm), ItemEvent, data).actor!.load();
      expect(loaded?.username).toBe(actor.username);
    } finally {
      queryObserver.current = null;
    }
  });
});

describe('suggested departments', () => {
  it("for items of every sector, category and settlement of the demo data: the rule's departments in the rule's order (the ORM's entities as the reference)", async () => {
    const ctx = ctxOf(viewers.head!);
    const items = await ctx.em.find(Item, { sector: { $ne: null } }, { orderBy: { number: 'asc' } });
    // One item per (sector, category, settlement), so that each combination is asked once.
    const seen = new Set<string>();
    const sample = items.filter((i) => {
      const k = `${i.sector?.id}|${i.category?.id}|${i.settlement?.id}`;
      return !seen.has(k) && seen.add(k);
    });
    expect(sample.length).toBeGreaterThan(5);
    let suggested = 0;
    for (const item of sample) {
      // The rule, on entities: active departments of the item's sector or category; those naming settlements must
      // name the item's; the category's first, then those naming its settlement, then by name.
      const em = ctxOf(viewers.head!).em;
      const all = await em.find(Department, { active: true }, { populate: ['sectors', 'categories', 'settlements'] });
      const has = (list: { id: string }[], id: string | undefined) => !!id && list.some((x) => x.id === id);
      const expected = all
        .filter((d) => has(d.sectors.getItems(), item.sector?.id) || has(d.categories.getItems(), item.category?.id))
        .filter((d) => d.settlements.length === 0 || !item.settlement || has(d.settlements.getItems(), item.settlement.id))
        .map((d) => ({ d, score: (has(d.categories.getItems(), item.category?.id) ? 2 : 0) + (has(d.settlements.getItems(), item.settlement?.id) ? 1 : 0) }))
        .sort((a, b) => b.score - a.score || a.d.name.localeCompare(b.d.name, 'ru'))
        .map((x) => x.d.id);
      const got = await suggestDepartments(ctxOf(viewers.head!), item);
      expect(got.map((d) => d.id), `item ${item.number}`).toEqual(expected);
      // What the card shows of them: the department's own columns and its derived short name.
      for (const d of got) expect(d.shortNameOrDerived).toBe(all.find((x) => x.id === d.id)!.shortNameOrDerived);
      suggested += got.length;
    }
    expect(suggested).toBeGreaterThan(0);
  });
});
