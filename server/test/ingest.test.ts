import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryObserver } from '../src/db/orm.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/*
 * Ingestion over real HTTP (docs/integrators.md): an integrator token with ITEMS_INGEST sends batches of items
 * identified by (source, externalId). Nothing is lost or made twice: retries and concurrent senders get the item
 * that exists, bad inputs are reported one by one while the good ones are committed, and deadlines count from
 * when the item reached the sending system.
 */

let t: TestApp;
let ingestToken: string;
let readToken: string;
let head: string;

type Result = { index: number; created: boolean; item: { id: string; number: string; source: string; externalId: string } | null; error: { code: string; field: string | null; message: string } | null };
type Ingested = { ingestItems: { created: number; existing: number; rejected: number; results: Result[] } };

const INGEST = `mutation($items: [IngestItemInput!]!) {
  ingestItems(items: $items) { created existing rejected results { index created item { id number source externalId } error { code field message } } }
}`;

const message = (externalId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'MESSAGE',
  channel: 'POS',
  source: 'pos',
  externalId,
  receivedAt: '2026-11-19T09:30:00+03:00',
  text: `Сообщение с платформы обратной связи ${externalId}: не вывозят мусор`,
  ...extra,
});

async function token(scopes: string[]): Promise<string> {
  const r = await t.gql<{ createApiToken: { token: string } }>(
    'mutation($s: [Scope!]!, $n: String!) { createApiToken(input: { name: $n, kind: INTEGRATOR, scopes: $s }) { token } }',
    { s: scopes, n: `ingest ${scopes.join(' ')}` },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createApiToken.token;
}

async function countOf(source: string): Promise<number> {
  const rows = await t.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from item where source = ?', [source]);
  return rows[0]!.n;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T10:00:00+03:00');
  head = await t.signInAs('head');
  ingestToken = await token(['ITEMS_INGEST', 'ITEMS_READ']);
  readToken = await token(['ITEMS_READ']);
}, 120_000);
afterAll(async () => t?.stop());

describe('ingestItems', () => {
  it('the same 1,000 items sent twice at once by two clients make exactly 1,000 items, each answered once as created', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => message(`twice-${i}`, { source: 'pos-twice' }));
    const [a, b] = await Promise.all([t.gql<Ingested>(INGEST, { items: batch }, ingestToken), t.gql<Ingested>(INGEST, { items: batch }, ingestToken)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(await countOf('pos-twice')).toBe(1000);
    // One of them created every item, the other found every one; both answer the same items, in the order sent.
    expect([a.data!.ingestItems.created, b.data!.ingestItems.created].sort((x, y) => x - y)).toEqual([0, 1000]);
    expect(a.data!.ingestItems.existing + b.data!.ingestItems.existing).toBe(1000);
    const ids = (r: Ingested) => r.ingestItems.results.map((x) => x.item!.id);
    expect(ids(a.data!)).toEqual(ids(b.data!));
    expect(a.data!.ingestItems.results.map((x) => x.item!.externalId)).toEqual(batch.map((x) => x.externalId));
    expect(new Set(a.data!.ingestItems.results.map((x) => x.item!.number)).size).toBe(1000);
    // A retry later still makes nothing.
    const again = await t.gql<Ingested>(INGEST, { items: batch.slice(0, 10) }, ingestToken);
    expect(again.data!.ingestItems).toMatchObject({ created: 0, existing: 10, rejected: 0 });
    expect(await countOf('pos-twice')).toBe(1000);
  }, 120_000);

  it('a batch with bad inputs commits the good ones and reports each bad one at its position with its code and field', async () => {
    const items = [
      message('mixed-0', { source: 'pos-mixed' }),
      message('mixed-1', { source: 'pos-mixed', text: 'ой' }),
      message('mixed-2', { source: 'pos-mixed', categoryCode: 'NO_SUCH_CATEGORY' }),
      message('mixed-3', { source: 'pos-mixed', receivedAt: '2026-12-25T10:00:00+03:00' }),
      message('mixed-4', { source: 'pos-mixed', applicant: { email: 'не почта' } }),
      { ...message('mixed-5', { source: 'pos-mixed' }), kind: 'APPEAL', channel: 'EPGU', identified: false },
      message('mixed-6', { source: 'pos-mixed', settlementId: '7d0b7f4e-0000-4000-8000-00000000abcd' }),
      message('mixed-7', { source: 'pos-mixed', externalId: '   ' }),
      message('mixed-8', { source: 'pos-mixed', categoryCode: 'ZHKH_WATER' }),
    ];
    const r = await t.gql<Ingested>(INGEST, { items }, ingestToken);
    expect(r.errors).toBeUndefined();
    const out = r.data!.ingestItems;
    expect(out).toMatchObject({ created: 2, existing: 0, rejected: 7 });
    expect(out.results.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.results.map((x) => [x.created, x.error?.code ?? null, x.error?.field ?? null])).toEqual([
      [true, null, null],
      [false, 'BAD_USER_INPUT', 'text'],
      [false, 'BAD_USER_INPUT', 'categoryCode'],
      [false, 'BAD_USER_INPUT', 'receivedAt'],
      [false, 'BAD_USER_INPUT', 'applicant.email'],
      [false, 'BAD_USER_INPUT', 'identified'],
      [false, 'BAD_USER_INPUT', 'settlementId'],
      [false, 'BAD_USER_INPUT', 'externalId'],
      [true, null, null],
    ]);
    expect(out.results.filter((x) => x.error).every((x) => x.item === null && x.error!.message.length > 0)).toBe(true);
    expect(await countOf('pos-mixed')).toBe(2);
  });

  it('the same pair twice in one batch is one item, the second answered with it', async () => {
    const r = await t.gql<Ingested>(INGEST, { items: [message('dup-1', { source: 'pos-dup' }), message('dup-1', { source: 'pos-dup', text: 'Другой текст того же сообщения' })] }, ingestToken);
    const [first, second] = r.data!.ingestItems.results;
    expect(first).toMatchObject({ created: true, error: null });
    expect(second).toMatchObject({ created: false, error: null, item: { id: first!.item!.id } });
    expect(await countOf('pos-dup')).toBe(1);
  });

  it("an ingested appeal's deadlines count from its receivedAt on the production calendar (over the 4 November holiday), not from the call", async () => {
    const receivedAt = '2026-11-03T10:00:00+03:00';
    const r = await t.gql<Ingested>(INGEST, { items: [{ ...message('holiday-1', { source: 'epgu' }), kind: 'APPEAL', channel: 'EPGU', identified: true, receivedAt }] }, ingestToken);
    const id = r.data!.ingestItems.results[0]!.item!.id;
    const card = await t.gql<{ item: { status: string; receivedAt: string; registrationDueAt: string; dueAt: string; deadlineState: string } }>(
      'query($id: ID!) { item(id: $id) { status receivedAt registrationDueAt dueAt deadlineState } }',
      { id },
      head,
    );
    const preview = await t.gql<{ slaPreview: { registrationDueAt: string } }>(
      'query($r: DateTime!) { slaPreview(kind: APPEAL, receivedAt: $r, registeredAt: $r) { registrationDueAt } }',
      { r: receivedAt },
      head,
    );
    const item = card.data!.item;
    expect(new Date(item.receivedAt).toISOString()).toBe(new Date(receivedAt).toISOString());
    // Three working days from Tuesday 3 November: the 4th is a holiday, so Friday the 6th, end of day.
    expect(new Date(item.registrationDueAt).toISOString()).toBe(new Date('2026-11-06T23:59:59+03:00').toISOString());
    expect(new Date(item.registrationDueAt).toISOString()).toBe(new Date(preview.data!.slaPreview.registrationDueAt).toISOString());
    expect(item.dueAt).toBe(item.registrationDueAt);
    // Sent on the 20th, it is already late: the clock ran at the source.
    expect(item.status).toBe('NEW');
    expect(item.deadlineState).toBe('OVERDUE');
  });

  it('stores an ingested item, its CREATED event and its live announcement exactly as createItem stores the same input', async () => {
    const settlement = (await t.gql<{ settlements: { id: string }[] }>('{ settlements { id } }', {}, head)).data!.settlements[0]!.id;
    const base = {
      kind: 'APPEAL',
      channel: 'EPGU',
      identified: true,
      receivedAt: '2026-11-16T12:00:00+03:00',
      text: '  Прошу отремонтировать водопровод у дома 5  ',
      subject: 'Водопровод',
      address: 'ул. Ленина, 5',
      settlementId: settlement,
      lat: 48.6,
      lon: 42.85,
      categoryCode: 'ZHKH_WATER',
      applicant: { name: 'Петров Пётр Петрович', phone: '+7 903 111-22-33', email: 'petrov@example.ru', address: 'ул. Ленина, 5, кв. 1' },
    };
    const ingested = await t.gql<Ingested>(INGEST, { items: [{ ...base, source: 'same-a', externalId: 'same-1' }] }, ingestToken);
    const byHand = await t.gql<{ createItem: { id: string } }>('mutation($i: ItemInput!) { createItem(input: $i) { id } }', { i: { ...base, source: 'same-b', externalId: 'same-1', register: false } }, ingestToken);
    expect(byHand.errors).toBeUndefined();
    const ids = [ingested.data!.ingestItems.results[0]!.item!.id, byHand.data!.createItem.id];
    const conn = t.orm.em.fork().getConnection();
    const rows = await conn.execute<{ r: Record<string, unknown> }[]>(
      `select to_jsonb(i) - 'id' - 'number' - 'source' - 'created_at' - 'updated_at' as r from item i where i.id in (?, ?) order by i.source`,
      ids,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.r).toEqual(rows[1]!.r);
    expect(rows[0]!.r).toMatchObject({ status: 'NEW', applicant_name: 'Петров Пётр Петрович', text: 'Прошу отремонтировать водопровод у дома 5' });
    expect(rows[0]!.r.due_at).not.toBeNull();
    const events = await conn.execute<{ r: Record<string, unknown> }[]>(
      `select to_jsonb(e) - 'id' - 'item_id' - 'created_at' - 'updated_at' as r from item_event e where e.item_id in (?, ?) order by e.item_id = ?`,
      [...ids, ids[1]],
    );
    expect(events).toHaveLength(2);
    expect(events[0]!.r).toEqual(events[1]!.r);
    expect(events[0]!.r).toMatchObject({ type: 'CREATED', from_status: 'NEW', to_status: 'NEW' });
    const announced = await conn.execute<{ p: Record<string, unknown> }[]>(
      `select payload - 'itemId' as p from live_event where topic = 'ITEM_EVENT' and payload->>'itemId' in (?, ?) order by payload->>'itemId' = ?`,
      [...ids, ids[1]],
    );
    expect(announced).toHaveLength(2);
    expect(announced[0]!.p).toEqual(announced[1]!.p);
    expect(announced[0]!.p).toMatchObject({ type: 'CREATED', status: 'NEW' });
  });

  it('raises the urgent-item alert for an urgent ingested item, with its number, as for one made by hand', async () => {
    const cats = await t.gql<{ sectors: { categories: { code: string; urgentCapable: boolean }[] }[] }>('{ sectors { categories { code urgentCapable } } }', {}, head);
    const code = cats.data!.sectors.flatMap((x) => x.categories).find((c) => c.urgentCapable)!.code;
    const r = await t.gql<Ingested>(INGEST, { items: [message('urgent-1', { source: 'pos-urgent', categoryCode: code, urgent: true })] }, ingestToken);
    const item = r.data!.ingestItems.results[0]!.item!;
    const alerts = await t.orm.em.fork().getConnection().execute<{ p: Record<string, unknown> }[]>(
      `select payload as p from live_event where topic = 'ALERT' and payload->>'itemId' = ?`,
      [item.id],
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.p).toMatchObject({ alertType: 'URGENT_ITEM', level: 'CRITICAL', message: `Срочное: ${item.number}`, urgent: true });
  });

  it("numbers a batch by the year each item was received in, in the municipality's time zone, with no gap in either year", async () => {
    const items = [
      message('years-1', { source: 'pos-years', receivedAt: '2025-06-02T10:00:00+03:00' }),
      message('years-2', { source: 'pos-years', receivedAt: '2026-11-02T10:00:00+03:00' }),
      // 22:30 UTC on 31 December is already 1 January in Volgograd (UTC+3).
      message('years-3', { source: 'pos-years', receivedAt: '2025-12-31T22:30:00Z' }),
      message('years-4', { source: 'pos-years', receivedAt: '2025-07-01T10:00:00+03:00' }),
    ];
    const r = await t.gql<Ingested>(INGEST, { items }, ingestToken);
    const numbers = r.data!.ingestItems.results.map((x) => x.item!.number);
    const [y1, n1] = numbers[0]!.split('-');
    const [y2, n2] = numbers[1]!.split('-');
    const [y3, n3] = numbers[2]!.split('-');
    const [y4, n4] = numbers[3]!.split('-');
    expect([y1, y2, y3, y4]).toEqual(['2025', '2026', '2026', '2025']);
    expect(Number(n3)).toBe(Number(n2) + 1);
    expect(Number(n4)).toBe(Number(n1) + 1);
    // The next item of 2026 goes on from there.
    const next = await t.gql<Ingested>(INGEST, { items: [message('years-5', { source: 'pos-years', receivedAt: '2026-11-03T10:00:00+03:00' })] }, ingestToken);
    expect(next.data!.ingestItems.results[0]!.item!.number).toBe(`2026-${String(Number(n3) + 1).padStart(6, '0')}`);
  });

  it('refuses more than 1,000 items in one call, as a whole, and a token without ITEMS_INGEST', async () => {
    const many = await t.gql<Ingested>(INGEST, { items: Array.from({ length: 1001 }, (_, i) => message(`many-${i}`, { source: 'pos-many' })) }, ingestToken);
    expect(codeOf(many)).toBe('BAD_USER_INPUT');
    expect(await countOf('pos-many')).toBe(0);
    const reader = await t.gql<Ingested>(INGEST, { items: [message('reader-1', { source: 'pos-reader' })] }, readToken);
    expect(codeOf(reader)).toBe('FORBIDDEN');
    expect(await countOf('pos-reader')).toBe(0);
  });

  it('makes ingested items visible in the inbox of the municipality, routed by category to the suggested departments', async () => {
    const r = await t.gql<Ingested>(INGEST, { items: [message('route-1', { source: 'pos-route', categoryCode: 'ZHKH_WATER' })] }, ingestToken);
    const id = r.data!.ingestItems.results[0]!.item!.id;
    const list = await t.gql<{ items: { nodes: { id: string; sector: { code: string } | null; suggestedDepartments: { id: string }[] }[] } }>(
      '{ items(first: 5, filter: { search: "route-1" }) { nodes { id sector { code } suggestedDepartments { id } } } }',
      {},
      head,
    );
    const node = list.data!.items.nodes.find((n) => n.id === id);
    expect(node?.sector?.code).toBe('ZHKH');
    expect(node!.suggestedDepartments.length).toBeGreaterThan(0);
  });
});

describe('what a single-item call costs and sees', () => {
  it('a new item sent alone costs three statements besides its transaction: the lock of its pair, the lookup under it and the one write', async () => {
    // The first call reads the municipality's catalogue, calendar and text model once; the second is measured.
    await t.gql<Ingested>(INGEST, { items: [message('single-warm', { source: 'pos-single' })] }, ingestToken);
    const statements: string[] = [];
    queryObserver.current = (sql, pool) => {
      if (pool === 'requests') statements.push(sql.replace(/\s+/g, ' ').slice(0, 120));
    };
    try {
      const r = await t.gql<Ingested>(INGEST, { items: [message('single-1', { source: 'pos-single', categoryCode: 'WASTE_COLLECTION' })] }, ingestToken);
      expect(r.data!.ingestItems.created).toBe(1);
    } finally {
      queryObserver.current = null;
    }
    const own = statements.filter((x) => !/^(begin|commit|rollback|savepoint|release)/i.test(x) && !/api_token/.test(x));
    expect(own, own.join('\n')).toHaveLength(3);
    expect(own[0]).toMatch(/pg_advisory_xact_lock/);
    expect(own[2]).toMatch(/insert into item_counter/);
  });

  it('accepts a category the head has just created in the very next call, and a resent item is still answered as existing', async () => {
    const item = message('fresh-category', { source: 'pos-catalogue', categoryCode: 'WASTE_BULKY' });
    const before = await t.gql<Ingested>(INGEST, { items: [item] }, ingestToken);
    expect(before.data!.ingestItems.results[0]!.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryCode' });
    const made = await t.gql(
      'mutation($input: CategoryInput!) { createCategory(input: $input) { code } }',
      { input: { code: 'WASTE_BULKY', sectorCode: 'WASTE', name: 'Вывоз крупногабаритных отходов' } },
      head,
    );
    expect(made.errors).toBeUndefined();
    const after = await t.gql<Ingested>(INGEST, { items: [item] }, ingestToken);
    expect(after.data!.ingestItems).toMatchObject({ created: 1, rejected: 0 });
    const again = await t.gql<Ingested>(INGEST, { items: [item] }, ingestToken);
    expect(again.data!.ingestItems).toMatchObject({ created: 0, existing: 1 });
    expect(again.data!.ingestItems.results[0]!.item!.id).toBe(after.data!.ingestItems.results[0]!.item!.id);
    expect(await countOf('pos-catalogue')).toBe(1);
  });
});

describe('updateIngestedItem', () => {
  const UPDATE = `mutation($i: IngestedItemUpdateInput!) {
    updateIngestedItem(input: $i) { changed item { id status sourceStatus sourceUpdatedAt answeredAt closedAt dueAt outcome } }
  }`;
  type Updated = { updateIngestedItem: { changed: boolean; item: { id: string; status: string; sourceStatus: string | null; sourceUpdatedAt: string | null; answeredAt: string | null; closedAt: string | null; dueAt: string | null; outcome: string | null } } };
  const update = (i: Record<string, unknown>, as = ingestToken) => t.gql<Updated>(UPDATE, { i: { source: 'pos-later', ...i } }, as);

  async function ingestOne(externalId: string): Promise<string> {
    const r = await t.gql<Ingested>(INGEST, { items: [message(externalId, { source: 'pos-later' })] }, ingestToken);
    return r.data!.ingestItems.results[0]!.item!.id;
  }
  const history = (id: string) =>
    t.orm.em.fork().getConnection().execute<{ type: string; from_status: string; to_status: string }[]>(
      'select type, from_status, to_status from item_event where item_id = ? order by at, created_at',
      [id],
    );

  it("records the source's answer: the item becomes ANSWERED at the source's time, its clock stopped, the answer published", async () => {
    const id = await ingestOne('later-answer');
    const r = await update({ externalId: 'later-answer', at: '2026-11-20T09:15:00+03:00', sourceStatus: 'Ответ направлен', answer: 'Контейнерная площадка очищена 20 ноября.', outcome: 'SUPPORTED_MEASURES_TAKEN' });
    expect(r.errors).toBeUndefined();
    const { changed, item } = r.data!.updateIngestedItem;
    expect(changed).toBe(true);
    expect(item).toMatchObject({ id, status: 'ANSWERED', sourceStatus: 'Ответ направлен', dueAt: null, outcome: 'SUPPORTED_MEASURES_TAKEN' });
    expect(new Date(item.answeredAt!).toISOString()).toBe(new Date('2026-11-20T09:15:00+03:00').toISOString());
    const card = await t.gql<{ item: { answers: { text: string; status: string; kind: string }[] } }>('query($id: ID!) { item(id: $id) { answers { text status kind } } }', { id }, head);
    expect(card.data!.item.answers).toEqual([{ text: 'Контейнерная площадка очищена 20 ноября.', status: 'PUBLISHED', kind: 'FINAL' }]);
    expect((await history(id)).map((e) => [e.type, e.from_status, e.to_status])).toEqual([
      ['CREATED', 'NEW', 'NEW'],
      ['SOURCE_UPDATE', 'NEW', 'ANSWERED'],
    ]);
    // Announced to live subscribers as an answer.
    const live = await t.orm.em.fork().getConnection().execute<{ type: string }[]>(
      `select payload->>'type' as type from live_event where topic = 'ITEM_EVENT' and payload->>'itemId' = ? order by id`,
      [id],
    );
    expect(live.map((x) => x.type)).toEqual(['CREATED', 'ANSWERED']);
  });

  it('applies updates in the order of their `at`: a repeated or older update changes nothing and says so', async () => {
    const id = await ingestOne('later-order');
    const newer = await update({ externalId: 'later-order', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'На рассмотрении' });
    expect(newer.data!.updateIngestedItem).toMatchObject({ changed: true, item: { sourceStatus: 'На рассмотрении', status: 'NEW' } });
    const again = await update({ externalId: 'later-order', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'На рассмотрении' });
    expect(again.data!.updateIngestedItem.changed).toBe(false);
    const older = await update({ externalId: 'later-order', at: '2026-11-19T12:00:00+03:00', sourceStatus: 'Принято' });
    expect(older.data!.updateIngestedItem).toMatchObject({ changed: false, item: { sourceStatus: 'На рассмотрении' } });
    expect((await history(id)).map((e) => e.type)).toEqual(['CREATED', 'SOURCE_UPDATE']);
  });

  it('closes the item when the source closed it, and then refuses an answer from the source with INVALID_TRANSITION', async () => {
    const id = await ingestOne('later-close');
    const closed = await update({ externalId: 'later-close', at: '2026-11-20T08:00:00+03:00', closed: true, sourceStatus: 'Отозвано заявителем' });
    expect(closed.data!.updateIngestedItem).toMatchObject({ changed: true, item: { id, status: 'CLOSED', dueAt: null } });
    const answered = await update({ externalId: 'later-close', at: '2026-11-20T09:00:00+03:00', answer: 'Ответ, который пришёл после закрытия.' });
    expect(codeOf(answered)).toBe('INVALID_TRANSITION');
  });

  it('two updates of one item at once are applied one after the other, each recorded once', async () => {
    const id = await ingestOne('later-race');
    const [a, b] = await Promise.all([
      update({ externalId: 'later-race', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'Первый' }),
      update({ externalId: 'later-race', at: '2026-11-20T09:30:00+03:00', sourceStatus: 'Второй' }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const card = await t.gql<{ item: { sourceStatus: string } }>('query($id: ID!) { item(id: $id) { sourceStatus } }', { id }, head);
    expect(card.data!.item.sourceStatus).toBe('Второй');
  });

  it('refuses an unknown pair (NOT_FOUND), a blank external id, an update from the future, an empty update, and anyone without ITEMS_INGEST', async () => {
    await ingestOne('later-refuse');
    expect(codeOf(await update({ externalId: 'no-such-id', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(await update({ externalId: '   ', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'x' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await update({ externalId: 'later-refuse', at: '2026-11-20T12:00:00+03:00', sourceStatus: 'x' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await update({ externalId: 'later-refuse', at: '2026-11-20T09:00:00+03:00' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await update({ externalId: 'later-refuse', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'x' }, readToken))).toBe('FORBIDDEN');
    expect(codeOf(await update({ externalId: 'later-refuse', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'x' }, head))).toBe('FORBIDDEN');
  });

  it('a token that only sends (ITEMS_INGEST without ITEMS_READ) is answered the id and number of the item, never the item: of one it made, of one another system sent, after an update', async () => {
    const sender = await token(['ITEMS_INGEST']);
    const ANSWER = `mutation($items: [IngestItemInput!]!) {
      ingestItems(items: $items) { created existing results { created itemId number item { id text history { type } } } }
    }`;
    type Answer = { ingestItems: { created: number; existing: number; results: { created: boolean; itemId: string; number: string; item: unknown }[] } };
    const own = await t.gql<Answer>(ANSWER, { items: [message('send-only-1', { source: 'pos-send-only' })] }, sender);
    expect(own.errors).toBeUndefined();
    const [made] = own.data!.ingestItems.results;
    expect(made).toMatchObject({ created: true, item: null });
    expect(made!.number).toMatch(/^\d{4}-\d+$/);

    // Another system's item, named by its pair: the sender learns it exists (created: false) and which it is, not what it says.
    const other = await ingestOne('sent-by-another');
    const named = await t.gql<Answer>(ANSWER, { items: [message('sent-by-another', { source: 'pos-later', text: 'Хочу прочитать чужое обращение целиком' })] }, sender);
    expect(named.data!.ingestItems).toMatchObject({ created: 0, existing: 1, results: [{ created: false, itemId: other, item: null }] });
    // The same answers with ITEMS_READ carry the item.
    const reader = await t.gql<Answer>(ANSWER, { items: [message('sent-by-another', { source: 'pos-later' })] }, ingestToken);
    expect(reader.data!.ingestItems.results[0]).toMatchObject({ itemId: other, item: { id: other } });

    const updated = await t.gql<{ updateIngestedItem: { changed: boolean; itemId: string; number: string; item: unknown } }>(
      `mutation($i: IngestedItemUpdateInput!) { updateIngestedItem(input: $i) { changed itemId number item { id text } } }`,
      { i: { source: 'pos-send-only', externalId: 'send-only-1', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'В работе' } },
      sender,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateIngestedItem).toMatchObject({ changed: true, itemId: made!.itemId, number: made!.number, item: null });
  });

  it("a token bound to no source updates only the items it sent itself: another token's item is not found for it, and stays as it was", async () => {
    const first = await token(['ITEMS_INGEST', 'ITEMS_READ']);
    const second = await token(['ITEMS_INGEST', 'ITEMS_READ']);
    const sent = await t.gql<Ingested>(INGEST, { items: [message('own-1', { source: 'pos-two-senders' })] }, first);
    const id = sent.data!.ingestItems.results[0]!.item!.id;
    const at = '2026-11-20T09:00:00+03:00';

    const foreign = await update({ source: 'pos-two-senders', externalId: 'own-1', at, closed: true }, second);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    const [row] = await t.orm.em.fork().getConnection().execute<{ status: string; source_status: string | null }[]>('select status, source_status from item where id = ?', [id]);
    expect(row).toEqual({ status: 'NEW', source_status: null });

    const own = await update({ source: 'pos-two-senders', externalId: 'own-1', at, sourceStatus: 'Принято' }, first);
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateIngestedItem).toMatchObject({ changed: true, item: { id, sourceStatus: 'Принято' } });
  });
});

describe('posts of one incident', () => {
  it('answers a post grouped under an earlier one of the same batch as it now is: MERGED into it', async () => {
    const post = (externalId: string, receivedAt: string, text: string) => ({ ...message(externalId, { source: 'vk-monitor', receivedAt, text }), kind: 'INCIDENT', channel: 'SOCIAL_VK' });
    const r = await t.gql<{ ingestItems: { results: { item: { id: string; status: string; parent: { id: string } | null } }[] } }>(
      `mutation($items: [IngestItemInput!]!) { ingestItems(items: $items) { results { item { id status parent { id } } } } }`,
      {
        items: [
          post('vk-1', '2026-11-20T08:00:00+03:00', 'в хуторе Лысове на улице Садовой прорвало трубу, вода заливает дорогу, никто не едет'),
          post('vk-2', '2026-11-20T08:40:00+03:00', 'в хуторе Лысове на улице Садовой прорвало трубу вода заливает дорогу никто не едет!!!'),
        ],
      },
      ingestToken,
    );
    expect(r.errors).toBeUndefined();
    const [first, second] = r.data!.ingestItems.results.map((x) => x.item);
    expect(first!.status).toBe('NEW');
    expect(second).toMatchObject({ status: 'MERGED', parent: { id: first!.id } });
  });
});

describe('a token bound to its sources', () => {
  it('sends and updates the items of its own sources only: another source is refused input by input, and its items are not found for an update', async () => {
    const r = await t.gql<{ createApiToken: { token: string; apiToken: { sources: string[] } } }>(
      'mutation { createApiToken(input: { name: "ПОС", kind: INTEGRATOR, scopes: [ITEMS_INGEST], sources: ["pos-bound", " pos-bound "] }) { token apiToken { sources } } }',
      {},
      head,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createApiToken.apiToken.sources).toEqual(['pos-bound']);
    const bound = r.data!.createApiToken.token;

    const batch = await t.gql<Ingested>(INGEST, { items: [message('b-1', { source: 'pos-bound' }), message('b-2', { source: 'region-112' })] }, bound);
    expect(batch.errors).toBeUndefined();
    const [own, other] = batch.data!.ingestItems.results;
    expect(own!.error).toBeNull();
    expect(other!.error).toMatchObject({ code: 'FORBIDDEN', field: 'source' });
    expect(await countOf('pos-bound')).toBe(1);
    expect(await countOf('region-112')).toBe(0);

    // An item of another source, sent by an unbound token, cannot be updated (nor closed) by the bound one.
    await t.gql<Ingested>(INGEST, { items: [message('r-1', { source: 'region-112' })] }, ingestToken);
    const UPDATE = 'mutation($i: IngestedItemUpdateInput!) { updateIngestedItem(input: $i) { changed } }';
    const foreign = await t.gql(UPDATE, { i: { source: 'region-112', externalId: 'r-1', at: '2026-11-20T09:00:00+03:00', closed: true } }, bound);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    const mine = await t.gql<{ updateIngestedItem: { changed: boolean } }>(UPDATE, { i: { source: 'pos-bound', externalId: 'b-1', at: '2026-11-20T09:00:00+03:00', sourceStatus: 'В работе' } }, bound);
    expect(mine.data?.updateIngestedItem.changed).toBe(true);

    // createItem holds the same rule.
    const made = await t.gql('mutation($i: ItemInput!) { createItem(input: $i) { id } }', { i: { kind: 'MESSAGE', channel: 'POS', identified: false, text: 'Не вывозят мусор у дома 3 по ул. Ленина', source: 'region-112', externalId: 'r-2' } }, bound);
    expect(codeOf(made)).toBe('FORBIDDEN');
  });

  it('refuses sources on a token that does not send items, and a blank source', async () => {
    const reader = await t.gql('mutation { createApiToken(input: { name: "reader", kind: INTEGRATOR, scopes: [ITEMS_READ], sources: ["pos"] }) { token } }', {}, head);
    expect(codeOf(reader)).toBe('BAD_USER_INPUT');
    const blank = await t.gql('mutation { createApiToken(input: { name: "blank", kind: INTEGRATOR, scopes: [ITEMS_INGEST], sources: ["  "] }) { token } }', {}, head);
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
  });
});

describe('the ingestion budget of a token', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { INGEST_ITEMS_PER_MINUTE: '1500' } });
    app.clock.set('2026-11-20T10:00:00+03:00');
    const headToken = await app.signInAs('head');
    const r = await app.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "budget", kind: INTEGRATOR, scopes: [ITEMS_INGEST] }) { token } }',
      {},
      headToken,
    );
    ingestBudgetToken = r.data!.createApiToken.token;
  }, 120_000);
  afterAll(async () => app?.stop());
  let ingestBudgetToken: string;

  it('refuses a batch beyond INGEST_ITEMS_PER_MINUTE with RATE_LIMITED and a retryAfter, writing nothing of it', async () => {
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => message(`budget-${from + i}`, { source: 'pos-budget' }));
    const first = await app.gql<Ingested>(INGEST, { items: batch(0, 1000) }, ingestBudgetToken);
    expect(first.data!.ingestItems.created).toBe(1000);
    const second = await app.gql<Ingested>(INGEST, { items: batch(1000, 1000) }, ingestBudgetToken);
    expect(codeOf(second)).toBe('RATE_LIMITED');
    expect((second.errors![0]!.extensions as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    const rows = await app.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from item where source = 'pos-budget'`);
    expect(rows[0]!.n).toBe(1000);
    // What is left of the minute's budget still goes through.
    const third = await app.gql<Ingested>(INGEST, { items: batch(2000, 500) }, ingestBudgetToken);
    expect(third.data!.ingestItems.created).toBe(500);
  });
});
