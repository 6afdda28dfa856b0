import { exportsStreaming } from '../src/modules/exports/exports.routes.js';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { systemEm } from '../src/db/orm.js';
import { seedDemoItems } from '../src/db/seed/demo-items.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { maskAddress, maskName } from '../src/modules/items/personal-data.js';
import { CHANNEL_RU, KIND_RU, OUTCOME_RU, STATUS_RU } from '../src/modules/exports/item-export.columns.js';
import { exportItems } from '../src/modules/exports/item-export.service.js';
import { resolveViewer } from '../src/modules/auth/auth.service.js';
import { TENANT_FILTER, tenantParamsFor } from '../src/db/tenant-filter.js';
import { ItemSort } from '../src/modules/items/item.inputs.js';
import type { Ctx } from '../src/graphql/context.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * GET /exports/items.{csv,xlsx}: the rows of an inbox filter, read back and checked against the database (and, for
 * the set and order of items, against the `items` query with the same filter and sort); who sees the applicant and
 * what is logged; the refusals; and a 100,000-row export that must stream in bounded memory.
 */

const NOW = new Date('2026-11-20T12:00:00+03:00');
const ZONE = 'Europe/Volgograd';
let t: TestApp;
const tok: Record<string, string> = {};
let executorDeptId: string;
let orgToken: string;

type Rows = { header: string[]; rows: string[][] };

const HEADER = [
  'Номер', 'Вид', 'Канал', 'Категория', 'Отраслевой блок', 'Поселение', 'Подразделение', 'Исполнитель', 'Экстренное',
  'Поступило', 'Зарегистрировано', 'Срок ответа', 'Срок первой реакции', 'Текущий срок', 'Состояние срока', 'Ответ дан',
  'Закрыто', 'Статус', 'Результат', 'Удовлетворён',
];
const APPLICANT_HEADER = ['Заявитель', 'Телефон', 'Эл. почта', 'Адрес для ответа', 'Данные скрыты'];

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(query, params);
}

function download(path: string, token: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

/** RFC 4180 with `;` (the export's default). */
function parseCsv(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function csv(path: string, token: string): Promise<Rows & { raw: Buffer }> {
  const res = await download(path, token);
  const raw = Buffer.from(await res.arrayBuffer());
  expect(res.status, raw.toString()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="otklik-items-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(raw.subarray(3).toString('utf8'));
  return { header: header!, rows, raw };
}

async function xlsx(path: string, token: string): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const res = await download(path, token);
  const raw = Buffer.from(await res.arrayBuffer());
  expect(res.status, raw.toString()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as never);
  const sheet = wb.worksheets[0]!;
  expect(sheet.name).toBe('Выгрузка');
  const all: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => all.push((row.values as unknown[]).slice(1)));
  const [header, ...rows] = all;
  return { header: header!, rows };
}

/** The numbers the inbox lists for a filter and sort, in its order (every page). */
async function inbox(token: string, filter: Record<string, unknown> | null, sort = 'URGENT_FIRST'): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data?: { items: { nodes: { number: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null; errors?: unknown } =
      await t.gql(
        'query($f: ItemFilter, $s: ItemSort, $a: String) { items(first: 100, filter: $f, sort: $s, after: $a) { nodes { number } pageInfo { endCursor hasNextPage } } }',
        { f: filter, s: sort, a: after },
        token,
      );
    expect(r.errors).toBeUndefined();
    out.push(...r.data!.items.nodes.map((n) => n.number));
    if (!r.data!.items.pageInfo.hasNextPage) return out;
    after = r.data!.items.pageInfo.endCursor;
  }
}

const local = (column: string) => `coalesce(to_char(i.${column} at time zone '${ZONE}', 'YYYY-MM-DD HH24:MI'), '')`;

/** What a row of the export should say, from the database (without the applicant). */
async function expectedRows(where: string, params: unknown[] = []): Promise<Map<string, string[]>> {
  const rows = await sql<Record<string, string | boolean | null>>(
    `select i.number, i.kind, i.channel, coalesce(c.name, '') as category, coalesce(s.name, '') as sector,
            coalesce(st.name, '') as settlement, coalesce(d.name, '') as department, coalesce(u.full_name, '') as executor,
            i.urgent, ${local('received_at')} as received, ${local('registered_at')} as registered,
            ${local('answer_due_at')} as answer_due, ${local('first_reaction_due_at')} as reaction_due, ${local('due_at')} as due,
            case when i.due_at is null then ''
                 when coalesce(i.paused_at, ?::timestamptz) > i.due_at then 'Просрочено'
                 when coalesce(i.paused_at, ?::timestamptz) >= i.due_soon_at then 'Срок истекает'
                 else 'В срок' end as state,
            ${local('answered_at')} as answered, ${local('closed_at')} as closed, i.status, i.outcome, i.satisfied
       from item i left join category c on c.id = i.category_id left join sector s on s.id = i.sector_id
       left join settlement st on st.id = i.settlement_id left join department d on d.id = i.department_id
       left join app_user u on u.id = i.executor_id
      where ${where}`,
    [NOW, NOW, ...params],
  );
  return new Map(
    rows.map((r) => [
      r.number as string,
      [
        r.number as string,
        KIND_RU[r.kind as keyof typeof KIND_RU],
        CHANNEL_RU[r.channel as keyof typeof CHANNEL_RU],
        r.category as string,
        r.sector as string,
        r.settlement as string,
        r.department as string,
        r.executor as string,
        r.urgent ? 'Да' : 'Нет',
        r.received as string,
        r.registered as string,
        r.answer_due as string,
        r.reaction_due as string,
        r.due as string,
        r.state as string,
        r.answered as string,
        r.closed as string,
        STATUS_RU[r.status as keyof typeof STATUS_RU],
        r.outcome ? OUTCOME_RU[r.outcome as keyof typeof OUTCOME_RU] : '',
        r.satisfied === true ? 'Да' : r.satisfied === false ? 'Нет' : '—',
      ],
    ]),
  );
}

/** Every row of every table but the access log, to prove an export writes nothing else. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'personal_data_access' order by 1`);
  const out: Record<string, string> = {};
  for (const { t: table } of tables) {
    const [r] = await sql<{ n: number; h: string | null }>(`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from "${table}" x`);
    out[table] = `${r!.n}:${r!.h}`;
  }
  return out;
}

const exportLog = async () =>
  sql<{ item_id: string; actor_label: string; n: number }>(
    `select item_id, actor_label, count(*)::int as n from personal_data_access where action = 'EXPORT' group by item_id, actor_label`,
  );

beforeAll(async () => {
  t = await startTestApp();
  const em = systemEm(t.orm);
  await seedDemoItems(em, await em.findOneOrFail(Municipality, { code: 'surovikino' }), { count: 150, now: NOW });
  t.clock.set(NOW.toISOString());
  for (const u of ['head', 'executor', 'analyst', 'sector_lead', 'region']) tok[u] = await t.signInAs(u);
  const me = await t.gql<{ me: { department: { id: string } } }>('{ me { department { id } } }', {}, tok.executor);
  executorDeptId = me.data!.me.department.id;
  const token = await t.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "org only", kind: INTEGRATOR, scopes: [ORG_READ] }) { token } }',
    {},
    tok.head,
  );
  orgToken = token.data!.createApiToken.token;
}, 180_000);
afterAll(async () => t?.stop());

describe('the file', () => {
  it('CSV: UTF-8 with BOM, Russian headers and words, times in the municipality, the rows of the filter', async () => {
    const filter = { kinds: ['APPEAL', 'MESSAGE'] };
    const file = await csv(`/exports/items.csv${q({ filter, sort: 'RECEIVED_ASC' })}`, tok.head!);
    expect(file.header).toEqual(HEADER);
    const expected = await expectedRows(`i.kind in ('APPEAL', 'MESSAGE')`);
    expect(file.rows.length).toBe(expected.size);
    expect(file.rows.length).toBeGreaterThan(50);
    for (const row of file.rows) expect(row).toEqual(expected.get(row[0]!));
    // The same items in the same order as the inbox.
    expect(file.rows.map((r) => r[0])).toEqual(await inbox(tok.head!, filter, 'RECEIVED_ASC'));
    // Cyrillic intact, codes in words, times as YYYY-MM-DD HH:mm.
    expect(new Set(file.rows.map((r) => r[1]))).toEqual(new Set(['Обращение', 'Сообщение']));
    expect(file.rows.some((r) => r[17] === 'Закрыто')).toBe(true);
    expect(file.rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[9]!))).toBe(true);
    expect(file.rows.some((r) => r[19] === 'Да') && file.rows.some((r) => r[19] === '—')).toBe(true);
    // No applicant without personalData=1.
    expect(file.header.filter((h) => APPLICANT_HEADER.includes(h))).toEqual([]);
  });

  it('XLSX: the same rows, times as spreadsheet dates in the municipality’s time', async () => {
    const filter = { kinds: ['APPEAL', 'MESSAGE'] };
    const book = await xlsx(`/exports/items.xlsx${q({ filter, sort: 'RECEIVED_ASC' })}`, tok.head!);
    const file = await csv(`/exports/items.csv${q({ filter, sort: 'RECEIVED_ASC' })}`, tok.head!);
    expect(book.header).toEqual(HEADER);
    expect(book.rows.length).toBe(file.rows.length);
    const asText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : v === null || v === undefined ? '' : String(v));
    book.rows.forEach((row, i) => {
      const cells = HEADER.map((_, j) => row[j]);
      expect(cells.map(asText)).toEqual(file.rows[i]);
    });
    // A time cell is a date (not text), e.g. received at 10:00 in Volgograd is stored as 10:00.
    const [received] = await sql<{ wall: string }>(
      `select to_char(received_at at time zone '${ZONE}', 'YYYY-MM-DD"T"HH24:MI') as wall from item where number = ?`,
      [book.rows[0]![0]],
    );
    const cell = book.rows[0]![9] as Date;
    expect(cell).toBeInstanceOf(Date);
    expect(cell.toISOString().slice(0, 16)).toBe(received!.wall);
    expect(book.rows.some((r) => r[1] === 'Обращение')).toBe(true);
  });

  it('an empty result is a file with the header alone', async () => {
    const file = await csv(`/exports/items.csv${q({ filter: { search: '2099-99' } })}`, tok.head!);
    expect(file.header).toEqual(HEADER);
    expect(file.rows).toEqual([]);
    const book = await xlsx(`/exports/items.xlsx${q({ filter: { search: '2099-99' } })}`, tok.head!);
    expect(book.header).toEqual(HEADER);
    expect(book.rows).toEqual([]);
  });

  it('a regional reader gets the municipality first (a number is unique only in one)', async () => {
    const file = await csv(`/exports/items.csv${q({ filter: { kinds: ['INCIDENT'] } })}`, tok.region!);
    expect(file.header).toEqual(['Муниципалитет', ...HEADER]);
    const [m] = await sql<{ name: string }>(`select name from municipality where code = 'surovikino'`);
    const expected = await expectedRows(`i.kind = 'INCIDENT'`);
    expect(file.rows.length).toBe(expected.size);
    for (const row of file.rows) expect(row).toEqual([m!.name, ...expected.get(row[1]!)!]);
  });

  it('delimiter=comma for CSV', async () => {
    const res = await download(`/exports/items.csv${q({ delimiter: 'comma', filter: { kinds: ['INCIDENT'] } })}`, tok.head);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(parseCsv(text, ',')[0]).toEqual(HEADER);
  });

  it('pages of 7 rows (keyset boundaries everywhere): every sort in the inbox’s order, for the head and an executor', async () => {
    for (const who of ['head', 'executor']) {
      const viewer = await resolveViewer(t.orm.em.fork(), tok[who], NOW);
      for (const sort of Object.values(ItemSort)) {
        const em = t.orm.em.fork({ clear: true });
        em.setFilterParams(TENANT_FILTER, tenantParamsFor(viewer));
        const ctx = { em, viewer, now: () => NOW } as unknown as Ctx;
        const exp = await exportItems(ctx, { filter: undefined, sort, personalData: false, delimiter: ';' }, 7);
        const numbers: string[] = [];
        let pages = 0;
        for await (const page of exp.pages) {
          expect(page.length).toBeLessThanOrEqual(7);
          pages++;
          numbers.push(...page.map((r) => r[0] as string));
        }
        expect(pages).toBeGreaterThan(who === 'head' ? 20 : 2);
        expect(numbers, `${who} ${sort}`).toEqual(await inbox(tok[who]!, null, sort));
      }
    }
  });

  it.each(['URGENT_FIRST', 'DUE_ASC', 'RECEIVED_DESC', 'RECEIVED_ASC'])('sort %s: the inbox’s order', async (sort) => {
    const file = await csv(`/exports/items.csv${q({ sort })}`, tok.head!);
    expect(file.rows.map((r) => r[0])).toEqual(await inbox(tok.head!, null, sort));
  });
});

describe('the filter and reach', () => {
  it('honours kinds, statuses and departmentId', async () => {
    const [dept] = await sql<{ id: string }>(`select department_id as id from item where department_id is not null group by 1 order by count(*) desc limit 1`);
    const filter = { departmentId: dept!.id, statuses: ['CLOSED', 'ANSWERED'], kinds: ['APPEAL', 'MESSAGE', 'INCIDENT'] };
    const file = await csv(`/exports/items.csv${q({ filter })}`, tok.head!);
    const expected = await expectedRows(`i.department_id = ? and i.status in ('CLOSED', 'ANSWERED')`, [dept!.id]);
    expect(file.rows.length).toBeGreaterThan(0);
    expect(new Set(file.rows.map((r) => r[0]))).toEqual(new Set(expected.keys()));
    // Without `sort`, the register's order: oldest first.
    expect(file.rows.map((r) => r[0])).toEqual(await inbox(tok.head!, filter, 'RECEIVED_ASC'));
  });

  it('honours every kind of filter of the inbox: the same items in the same order', async () => {
    const [sample] = await sql<{ sector: string; category: string; subject: string; number: string; channel: string }>(
      `select s.code as sector, c.code as category, i.subject, i.number, i.channel from item i
         join sector s on s.id = i.sector_id join category c on c.id = i.category_id where i.subject is not null limit 1`,
    );
    const word = sample!.subject.split(/\s+/).find((w) => w.length >= 5) ?? sample!.subject;
    const filters: Record<string, unknown>[] = [
      { sectorCode: sample!.sector },
      { categoryCode: sample!.category },
      { channels: [sample!.channel] },
      { search: word },
      { search: sample!.number.slice(0, 9) },
      { deadlineState: 'OVERDUE' },
      { deadlineState: 'ON_TRACK', urgent: false },
      { openOnly: true },
      { queue: 'UNASSIGNED' },
      { receivedFrom: '2026-06-01T00:00:00+03:00', receivedTo: '2026-09-01T00:00:00+03:00' },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      const file = await csv(`/exports/items.csv${q({ filter, sort: 'DUE_ASC' })}`, tok.head!);
      const listed = await inbox(tok.head!, filter, 'DUE_ASC');
      expect(file.rows.map((r) => r[0]), JSON.stringify(filter)).toEqual(listed);
      if (listed.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(filters.length - 1);
  });

  it('honours a KPI drill-down (the same items as the inbox lists for it)', async () => {
    const kpi = { set: 'ANSWERED', from: '2026-05-01T00:00:00+03:00', to: '2026-09-01T00:00:00+03:00' };
    const file = await csv(`/exports/items.csv${q({ filter: { kpi } })}`, tok.head!);
    const listed = await inbox(tok.head!, { kpi }, 'RECEIVED_ASC');
    expect(listed.length).toBeGreaterThan(0);
    expect(file.rows.map((r) => r[0])).toEqual(listed);
    // The analyst reads KPIs too; the executor does not, as in the inbox.
    expect((await csv(`/exports/items.csv${q({ filter: { kpi } })}`, tok.analyst!)).rows.length).toBe(listed.length);
    const refused = await download(`/exports/items.csv${q({ filter: { kpi } })}`, tok.executor);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('an executor exports only the items of their department', async () => {
    const file = await csv('/exports/items.csv', tok.executor!);
    const expected = await expectedRows('i.department_id = ?', [executorDeptId]);
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.rows.length).toBeLessThan((await sql<{ n: number }>('select count(*)::int as n from item'))[0]!.n);
    expect(new Set(file.rows.map((r) => r[0]))).toEqual(new Set(expected.keys()));
    for (const row of file.rows) expect(row).toEqual(expected.get(row[0]!));
    // A filter cannot widen reach.
    const [other] = await sql<{ id: string }>('select department_id as id from item where department_id <> ? limit 1', [executorDeptId]);
    expect((await csv(`/exports/items.csv${q({ filter: { departmentId: other!.id } })}`, tok.executor!)).rows).toEqual([]);
  });
});

describe('personal data', () => {
  type Applicant = { number: string; name: string | null; phone: string | null; email: string | null; address: string | null; sector_id: string | null };
  const applicants = async () =>
    new Map(
      (
        await sql<Applicant>(
          `select number, applicant_name as name, applicant_phone as phone, applicant_email as email, applicant_address as address, sector_id from item`,
        )
      ).map((a) => [a.number, a]),
    );
  const filter = { kinds: ['APPEAL', 'MESSAGE'] };

  it('the head gets every applicant in full, and each exported item is logged once as EXPORT', async () => {
    await sql('delete from personal_data_access');
    const before = await snapshot();
    const file = await csv(`/exports/items.csv${q({ filter, personalData: '1' })}`, tok.head!);
    expect(file.header).toEqual([...HEADER, ...APPLICANT_HEADER]);
    const all = await applicants();
    for (const row of file.rows) {
      const a = all.get(row[0]!)!;
      expect(row.slice(20)).toEqual([a.name ?? '', a.phone ? `'${a.phone}` : '', a.email ?? '', a.address ?? '', 'Нет']);
    }
    expect(file.rows.some((r) => /^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+/.test(r[20]!))).toBe(true);
    // Every appeal and message has an applicant here (an address at least): one log row per exported item.
    const log = await exportLog();
    expect(log.length).toBe(file.rows.length);
    expect(new Set(log.map((l) => l.n))).toEqual(new Set([1]));
    expect(new Set(log.map((l) => l.actor_label))).toEqual(new Set(['head']));
    const ids = await sql<{ id: string }>(`select id from item where kind in ('APPEAL', 'MESSAGE')`);
    expect(new Set(log.map((l) => l.item_id))).toEqual(new Set(ids.map((i) => i.id)));
    // Nothing but the access log was written.
    expect(await snapshot()).toEqual(before);
  });

  it('the analyst gets them masked, and nothing is logged', async () => {
    await sql('delete from personal_data_access');
    const before = await snapshot();
    const file = await csv(`/exports/items.csv${q({ filter, personalData: '1' })}`, tok.analyst!);
    expect(file.header).toEqual([...HEADER, ...APPLICANT_HEADER]);
    const all = await applicants();
    expect(file.rows.length).toBeGreaterThan(0);
    for (const row of file.rows) {
      const a = all.get(row[0]!)!;
      expect(row.slice(20)).toEqual([maskName(a.name) ?? '', '', '', maskAddress(a.address) ?? '', 'Да']);
    }
    expect(file.rows.some((r) => /^[А-ЯЁ]\*\*\*[а-яё] [А-ЯЁ]\.$/.test(r[20]!))).toBe(true);
    expect(await exportLog()).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // XLSX too.
    const book = await xlsx(`/exports/items.xlsx${q({ filter, personalData: '1' })}`, tok.analyst!);
    expect(book.header).toEqual([...HEADER, ...APPLICANT_HEADER]);
    for (const row of book.rows) expect(row[20] ?? null).toBe(maskName(all.get(row[0] as string)!.name));
    expect(await exportLog()).toEqual([]);
  });

  it('a sector lead: in full in their sectors, masked elsewhere, logged only where in full', async () => {
    await sql('delete from personal_data_access');
    const me = await t.gql<{ me: { sectors: { id: string }[] } }>('{ me { sectors { id } } }', {}, tok.sector_lead);
    const sectors = me.data!.me.sectors.map((s) => s.id);
    expect(sectors.length).toBeGreaterThan(0);
    const file = await csv(`/exports/items.csv${q({ filter, personalData: '1' })}`, tok.sector_lead!);
    const all = await applicants();
    const full = file.rows.filter((r) => r[24] === 'Нет');
    const masked = file.rows.filter((r) => r[24] === 'Да');
    expect(full.length).toBeGreaterThan(0);
    expect(masked.length).toBeGreaterThan(0);
    for (const r of full) expect(r[20]).toBe(all.get(r[0]!)!.name ?? '');
    for (const r of masked) expect(r[20]).toBe(maskName(all.get(r[0]!)!.name) ?? '');
    for (const r of full) expect(sectors).toContain(all.get(r[0]!)!.sector_id);
    for (const r of masked) expect(sectors).not.toContain(all.get(r[0]!)!.sector_id);
    const log = await exportLog();
    const fullIds = await sql<{ id: string }>(`select id from item where number in (?)`, [full.map((r) => r[0])]);
    expect(new Set(log.map((l) => l.item_id))).toEqual(new Set(fullIds.map((i) => i.id)));
  });
});

describe('refusals', () => {
  async function refused(path: string, token: string | undefined, status: number, code: string, headers: Record<string, string> = {}) {
    const res = await download(path, token, headers);
    const body = (await res.json()) as { error: { code: string; message: string; fields?: { field: string; problems: string[] }[] } };
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(body.error.code).toBe(code);
    return body.error;
  }

  it('401 without a viewer, 403 without ITEMS_READ', async () => {
    await refused('/exports/items.csv', undefined, 401, 'UNAUTHENTICATED');
    await refused('/exports/items.xlsx', 'ots_not-a-session', 401, 'UNAUTHENTICATED');
    await refused('/exports/items.csv', orgToken, 403, 'FORBIDDEN');
  });

  it('400 BAD_USER_INPUT naming the problem', async () => {
    const field = async (path: string) => (await refused(path, tok.head, 400, 'BAD_USER_INPUT')).fields?.map((f) => f.field);
    expect(await field('/exports/items.csv?filter={kinds')).toEqual(['filter']);
    expect(await field(`/exports/items.csv${q({ filter: [1] })}`)).toEqual(['filter']);
    expect(await field(`/exports/items.csv${q({ filter: { kinds: ['APPEAL', 'LETTER'] } })}`)).toEqual(['filter.kinds[1]']);
    expect(await field(`/exports/items.csv${q({ filter: { colour: 'red' } })}`)).toEqual(['filter']);
    expect(await field(`/exports/items.csv${q({ filter: { receivedFrom: 'yesterday' } })}`)).toEqual(['filter.receivedFrom']);
    expect(await field(`/exports/items.csv${q({ filter: { kpi: { set: 'ANSWERED' } } })}`)).toEqual(['filter.kpi']);
    expect(await field(`/exports/items.csv${q({ filter: { search: 'x'.repeat(201) } })}`)).toEqual(['filter.search']);
    expect(await field(`/exports/items.csv${q({ sort: 'NEWEST' })}`)).toEqual(['sort']);
    expect(await field(`/exports/items.csv${q({ personalData: 'yes' })}`)).toEqual(['personalData']);
    expect(await field(`/exports/items.csv${q({ delimiter: '|' })}`)).toEqual(['delimiter']);
    expect(await field(`/exports/items.csv${q({ fliter: '{}' })}`)).toEqual(['fliter']);
    expect(await field(`/exports/items.csv?sort=DUE_ASC&sort=RECEIVED_ASC`)).toEqual(['sort']);
    // A malformed id is refused by the database before the first byte.
    await refused(`/exports/items.csv${q({ filter: { departmentId: 'not-a-uuid' } })}`, tok.head, 400, 'BAD_USER_INPUT');
    const unknown = await refused(`/exports/items.csv${q({ filter: { colour: 'red' } })}`, tok.head, 400, 'BAD_USER_INPUT');
    expect(unknown.message).toMatch(/colour/);
  });

  it('404 for an unknown export', async () => {
    await refused('/exports/users.csv', tok.head, 404, 'NOT_FOUND');
  });

  it('the session cookie works for a download link, not from another site', async () => {
    const cookie = `otklik_session=${tok.head}`;
    const ok = await fetch(`${t.url}/exports/items.csv${q({ filter: { kinds: ['INCIDENT'] } })}`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    await refused('/exports/items.csv', undefined, 403, 'FORBIDDEN', { cookie, origin: 'https://evil.example' });
    await refused('/exports/items.csv', undefined, 403, 'FORBIDDEN', { cookie, 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/page' });
    // A bearer token is not a browser's ambient credential: no origin check.
    const token = await download(`/exports/items.csv${q({ filter: { kinds: ['INCIDENT'] } })}`, tok.head, { origin: 'https://evil.example' });
    expect(token.status).toBe(200);
    await token.arrayBuffer();
  });

  it('HEAD answers the headers and reads no row (nothing logged)', async () => {
    await sql('delete from personal_data_access');
    const res = await fetch(`${t.url}/exports/items.xlsx${q({ personalData: '1' })}`, { method: 'HEAD', headers: { authorization: `Bearer ${tok.head}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await exportLog()).toEqual([]);
    const bad = await fetch(`${t.url}/exports/items.csv${q({ sort: 'NEWEST' })}`, { method: 'HEAD', headers: { authorization: `Bearer ${tok.head}` } });
    expect(bad.status).toBe(400);
  });

  it('a refused export writes nothing, not even to the access log', async () => {
    await sql('delete from personal_data_access');
    const before = await snapshot();
    await refused(`/exports/items.csv${q({ personalData: '1', filter: { kinds: ['NOPE'] } })}`, tok.head, 400, 'BAD_USER_INPUT');
    await refused(`/exports/items.csv${q({ personalData: '1' })}`, orgToken, 403, 'FORBIDDEN');
    expect(await exportLog()).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

/** `gc()` without --expose-gc: the flag can be set at run time and the function read from a new context. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('a large export', () => {
  const N = 100_000;
  const MB = 1024 * 1024;

  it(`streams ${N.toLocaleString('en')} rows in bounded memory`, async () => {
    // Generated in one statement: spread over departments, categories and settlements; received in threes that differ
    // only in microseconds (a keyset that compared milliseconds would skip or repeat rows); half open with a running
    // clock; every 50th urgent. The table's own triggers (KPI bookkeeping) are off for the load: this test reads items.
    await t.orm.em.fork().transactional(async (em) => {
      await em.execute('alter table item disable trigger user');
      await em.execute(
        `with m as (select id from municipality where code = 'surovikino'),
              d as (select array_agg(id order by code) as a from department),
              c as (select array_agg(id order by code) as a, array_agg(sector_id order by code) as s from category),
              st as (select array_agg(id order by code) as a from settlement)
         insert into item (id, created_at, updated_at, municipality_id, number, kind, channel, source, identified,
                           applicant_name, applicant_address, text, settlement_id, category_id, sector_id, department_id,
                           urgent, status, received_at, registered_at, answer_due_at, due_at, due_soon_at, closed_at, outcome, satisfied)
         select gen_random_uuid(), now(), now(), m.id, 'L-' || lpad(g::text, 6, '0'),
                (array['APPEAL', 'MESSAGE', 'INCIDENT']::item_kind[])[1 + g % 3],
                (array['POS', 'EMAIL', 'LETTER', 'SOCIAL_VK']::item_channel[])[1 + g % 4],
                'load', true, 'Иванов' || g || ' Иван Иванович', 'ул. Ленина, д. ' || g, 'Текст ' || g,
                st.a[1 + g % cardinality(st.a)], c.a[1 + g % cardinality(c.a)], c.s[1 + g % cardinality(c.a)], d.a[1 + g % cardinality(d.a)],
                g % 50 = 0,
                (case when g % 2 = 0 then 'CLOSED' else 'IN_PROGRESS' end)::item_status,
                timestamptz '2025-01-01 08:00+03' + (g / 3) * interval '37 seconds' + (g % 3) * interval '1 microsecond',
                timestamptz '2025-01-01 09:00+03' + (g / 3) * interval '37 seconds',
                timestamptz '2025-02-01 18:00+03' + (g % 3000) * interval '1 minute',
                case when g % 2 = 1 then timestamptz '2026-11-01 18:00+03' + (g % 3000) * interval '1 minute' end,
                case when g % 2 = 1 then timestamptz '2026-10-30 18:00+03' + (g % 3000) * interval '1 minute' end,
                case when g % 2 = 0 then timestamptz '2025-03-01 12:00+03' + g * interval '1 second' end,
                case when g % 2 = 0 then 'EXPLAINED'::item_outcome end,
                case when g % 4 = 0 then true when g % 4 = 2 then false end
           from generate_series(1, ${N}) g, m, d, c, st`,
      );
      await em.execute('alter table item enable trigger user');
    });
    await sql('analyze item');
    const [{ n: total }] = (await sql<{ n: number }>('select count(*)::int as n from item')) as [{ n: number }];

    const gc = gcFunction();
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let retainedPeak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = Date.now();

    // Read as a stream, byte by byte: count the lines and sum the generated numbers (each exactly once: none
    // skipped or repeated). Every 2 MB a full collection shows what the server (in this process) still holds.
    const res = await download('/exports/items.csv', tok.head);
    expect(res.status).toBe(200);
    let lines = 0;
    let sum = 0;
    let sumSquares = 0;
    let chunks = 0;
    let bytes = 0;
    let nextCollection = 2 * MB;
    let carry = new Uint8Array(0);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        lines++;
        // L-000123
        if (buf[start] === 76 && buf[start + 1] === 45) {
          let k = 0;
          for (let i = start + 2; i < start + 8; i++) k = k * 10 + buf[i]! - 48;
          sum += k;
          sumSquares += k * k;
        }
        start = nl + 1;
      }
      carry = buf.slice(start);
      chunks++;
      if ((bytes += chunk.length) >= nextCollection) {
        nextCollection += 2 * MB;
        gc();
        retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
      }
    }
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const seconds = (Date.now() - started) / 1000;
    const growth = (peak - base) / MB;
    const retained = (retainedPeak - base) / MB;
    console.info(
      `CSV export of ${total} rows (${(bytes / MB).toFixed(0)} MB in ${chunks} chunks): ${seconds.toFixed(1)} s; heap ${(base / MB).toFixed(0)} MB, peak +${growth.toFixed(0)} MB, ` +
        `held after a full collection at most +${retained.toFixed(0)} MB`,
    );

    expect(carry.length).toBe(0);
    expect(lines).toBe(total + 1);
    expect(sum).toBe((N * (N + 1)) / 2);
    expect(sumSquares).toBe((N * (N + 1) * (2 * N + 1)) / 6);
    // Holding the rows would cost ~195 MB as rows and cells, ~245 MB with the CSV text, ~380 MB as entities.
    expect(growth).toBeLessThan(150);
    expect(retained).toBeLessThan(64);
  }, 120_000);

  it('a download cut short stops the export: only the pages made before are logged, and the server goes on', async () => {
    const logged = async () => (await sql<{ n: number }>(`select count(*)::int as n from personal_data_access where action = 'EXPORT'`))[0]!.n;
    for (const format of ['csv', 'xlsx']) {
      await sql('delete from personal_data_access');
      const abort = new AbortController();
      const res = await fetch(`${t.url}/exports/items.${format}${q({ personalData: '1' })}`, {
        headers: { authorization: `Bearer ${tok.head}` },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      await reader.read();
      abort.abort();
      await reader.cancel().catch(() => undefined);
      // Wait until the server has stopped this export (it logs each page before sending it).
      await vi.waitFor(() => expect(exportsStreaming()).toBe(0), { timeout: 20_000, interval: 20 });
      const n = await logged();
      console.info(`${format} download cut after its first chunk: ${n} rows had been exported (and logged) of ${N}`);
      expect(n, format).toBeGreaterThan(0);
      expect(n, format).toBeLessThan(N / 2);
    }
    // The generated items were received in January 2025; the demo items after it.
    const after = await csv(`/exports/items.csv${q({ filter: { receivedFrom: '2025-06-01T00:00:00Z' }, personalData: '1' })}`, tok.head!);
    expect(after.rows.length).toBe(150);
  }, 60_000);
});
