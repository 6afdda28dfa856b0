import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { queryObserver, systemEm } from '../src/db/orm.js';
import { seedCalendar, seedRubricator } from '../src/db/seed/district.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * Open311 GeoReport v2 at /open311/v2 (docs/open311.md), as an Open311 client speaks it over real HTTP, in JSON and
 * XML: the services (our categories), requests posted with an api_key (an integrator token with ITEMS_INGEST) and
 * refused without one, read back publicly without personal data, listed with each filter; errors in the
 * specification's format. A second municipality makes jurisdiction_id required.
 */

let t: TestApp;
let head: string;
let ingestKey: string;
let readKey: string;
let orgKey: string;
const T = '2026-11-20T10:00:00+03:00';
const J = 'surovikino';

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute'].includes(name) });

type Answer = { status: number; type: string; text: string; body: unknown };

/** One Open311 call: GET with a query, or POST with a form (the specification's) or JSON. */
async function call(
  method: 'GET' | 'POST',
  path: string,
  o: { query?: Record<string, string>; form?: Record<string, string>; json?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(`${t.url}/open311/v2/${path}`);
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...o.headers };
  let body: string | undefined;
  if (o.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    body = new URLSearchParams(o.form).toString();
  } else if (o.json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, body: type.startsWith('application/json') ? JSON.parse(text) : xml.parse(text) };
}

type Request = Record<string, string | number | null>;
const requestsOf = (a: Answer): Request[] => a.body as Request[];
const xmlRequests = (a: Answer): Record<string, string>[] => ((a.body as { service_requests: { request?: Record<string, string>[] } }).service_requests.request ?? []);
const numbers = (list: Record<string, unknown>[]) => list.map((r) => String(r.service_request_id));

async function token(scopes: string[]): Promise<string> {
  const r = await t.gql<{ createApiToken: { token: string } }>(
    'mutation($s: [Scope!]!, $n: String!) { createApiToken(input: { name: $n, kind: INTEGRATOR, scopes: $s }) { token } }',
    { s: scopes, n: `open311 ${scopes.join(' ')}` },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createApiToken.token;
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute<T[]>(text, params);
}

/** Posts a request as an integrator would; answers its service_request_id. */
async function post(form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ id: string; token: string }> {
  const a = await call('POST', 'requests.json', { form: { api_key: ingestKey, jurisdiction_id: J, ...form }, headers });
  expect(a.status, a.text).toBe(200);
  const [r] = requestsOf(a);
  return { id: String(r!.service_request_id), token: String(r!.token) };
}

async function itemOf(number: string): Promise<{ id: string; version: number }> {
  const [row] = await sql<{ id: string; version: number }>(`select i.id, i.version from item i join municipality m on m.id = i.municipality_id where m.code = ? and i.number = ?`, [J, number]);
  return row!;
}

async function register(number: string): Promise<void> {
  const it = await itemOf(number);
  const r = await t.gql('mutation($id: ID!, $v: Int!) { registerItem(id: $id, version: $v) { id } }', { id: it.id, v: it.version }, head);
  expect(r.errors).toBeUndefined();
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(T);
  head = await t.signInAs('head');
  ingestKey = await token(['ITEMS_INGEST']);
  readKey = await token(['ITEMS_READ', 'ITEMS_INGEST']);
  orgKey = await token(['ORG_READ']);
  // A second municipality: jurisdiction_id is then required of the public.
  const em = systemEm(t.orm);
  const kalach = em.create(Municipality, { code: 'kalach', name: 'Калачёвский муниципальный район', shortName: 'Калачёвский район', regionName: 'Волгоградская область', timezone: 'Europe/Volgograd' });
  seedRubricator(em, kalach);
  seedCalendar(em, kalach);
  await em.flush();
}, 120_000);
afterAll(async () => t?.stop());

describe('Open311 services', () => {
  it('services.json and services.xml list the active categories in the rubricator order as realtime services without metadata, the sector as the group', async () => {
    const categories = await sql<{ code: string; name: string; sector: string }>(
      `select c.code, c.name, s.name as sector from category c join sector s on s.id = c.sector_id join municipality m on m.id = c.municipality_id
       where m.code = ? and c.active order by s.position, c.position, c.code`,
      [J],
    );
    const a = await call('GET', 'services.json', { query: { jurisdiction_id: J } });
    expect(a.status).toBe(200);
    expect(a.type).toBe('application/json; charset=utf-8');
    const services = a.body as Record<string, unknown>[];
    expect(services.map((s) => [s.service_code, s.service_name, s.group])).toEqual(categories.map((c) => [c.code, c.name, c.sector]));
    expect(services.every((s) => s.metadata === false && s.type === 'realtime')).toBe(true);

    const x = await call('GET', 'services.xml', { query: { jurisdiction_id: J } });
    expect(x.status).toBe(200);
    expect(x.type).toBe('text/xml; charset=utf-8');
    expect(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const xs = (x.body as { services: { service: Record<string, string>[] } }).services.service;
    expect(xs.map((s) => [s.service_code, s.service_name, s.group, s.metadata, s.type])).toEqual(categories.map((c) => [c.code, c.name, c.sector, 'false', 'realtime']));
  });

  it('services/{code} is the definition of one service, with no attributes, in JSON and XML; an unknown code is 404 in the error format', async () => {
    const a = await call('GET', 'services/ZHKH_WATER.json', { query: { jurisdiction_id: J } });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ service_code: 'ZHKH_WATER', attributes: [] });
    const x = await call('GET', 'services/ZHKH_WATER.xml', { query: { jurisdiction_id: J } });
    expect(x.body).toMatchObject({ service_definition: { service_code: 'ZHKH_WATER', attributes: '' } });

    const missing = await call('GET', 'services/NO_SUCH.json', { query: { jurisdiction_id: J } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('NO_SUCH') }]);
    const missingXml = await call('GET', 'services/NO_SUCH.xml', { query: { jurisdiction_id: J } });
    expect(missingXml.status).toBe(404);
    expect(missingXml.body).toMatchObject({ errors: { error: [{ code: '404', description: expect.stringContaining('NO_SUCH') }] } });
  });

  it('with two municipalities served, a public call without jurisdiction_id is 400 and an unknown one 404; an api_key reads its own municipality without it', async () => {
    const none = await call('GET', 'services.json');
    expect(none.status).toBe(400);
    expect(none.body).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }]);
    const unknown = await call('GET', 'services.xml', { query: { jurisdiction_id: 'nowhere' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ errors: { error: [{ code: '404', description: expect.stringContaining('nowhere') }] } });
    const other = await call('GET', 'services.json', { query: { jurisdiction_id: 'KALACH' } });
    expect(other.status).toBe(200);

    const own = await call('GET', 'services.json', { headers: { authorization: `Bearer ${orgKey}` } });
    expect(own.status).toBe(200);
    expect((own.body as unknown[]).length).toBe((other.body as unknown[]).length);
    const foreign = await call('GET', 'services.json', { query: { jurisdiction_id: 'kalach', api_key: orgKey } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual([{ code: 403, description: expect.stringContaining('kalach') }]);
  });
});

describe('Open311 POST requests', () => {
  const form = {
    service_code: 'ZHKH_WATER',
    lat: '48.609412',
    long: '42.852731',
    address_string: 'ул. Ленина, д. 12, кв. 5',
    email: 'ivanova@example.ru',
    first_name: 'Мария',
    last_name: 'Иванова',
    phone: '+7 902 555-11-22',
    description: 'Третий день нет холодной воды в доме, звонить Марии по номеру 89025551122',
    device_id: 'phone-1',
    account_id: 'acc-9',
    'attribute[FLOOR]': '3',
  };
  let posted: { id: string; token: string };

  it('without an api_key (with or without jurisdiction_id), or with an invalid one, a post is refused 403 in the error format (JSON and XML) and stores nothing', async () => {
    const before = await sql<{ n: number }>(`select count(*)::int as n from item where source = 'open311'`);
    const none = await call('POST', 'requests.json', { form: { jurisdiction_id: J, ...form } });
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const noneXml = await call('POST', 'requests.xml', { form: { jurisdiction_id: J, ...form } });
    expect(noneXml.status).toBe(403);
    expect(noneXml.type).toBe('text/xml; charset=utf-8');
    expect(noneXml.body).toMatchObject({ errors: { error: [{ code: '403', description: expect.stringContaining('api_key') }] } });
    const bare = await call('POST', 'requests.json', { form });
    expect(bare.status).toBe(403);
    expect(bare.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await call('POST', 'requests.json', { form: { api_key: 'otk_not-a-token', jurisdiction_id: J, ...form } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const session = await call('POST', 'requests.json', { form: { api_key: head, jurisdiction_id: J, ...form } });
    expect(session.status).toBe(403);
    const orgOnly = await call('POST', 'requests.json', { form: { api_key: orgKey, jurisdiction_id: J, ...form } });
    expect(orgOnly.status).toBe(403);
    expect(orgOnly.body).toEqual([{ code: 403, description: expect.stringContaining('ITEMS_INGEST') }]);
    const after = await sql<{ n: number }>(`select count(*)::int as n from item where source = 'open311'`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('with an ITEMS_INGEST key a form post makes one MESSAGE through ingestion (number, applicant, place, channel, source), and its retry answers the same request', async () => {
    posted = await post(form);
    expect(posted.id).toMatch(/^2026-\d{6}$/);
    expect(posted.token).toMatch(/^o311-[0-9a-f]{64}$/);
    const [row] = await sql<Record<string, unknown>>(
      `select i.kind, i.channel, i.source, i.external_id, i.status, i.identified, i.applicant_name, i.applicant_email, i.applicant_phone, i.address, i.lat, i.lon,
              i.text, i.received_at, c.code as category, s.code as sector
       from item i join category c on c.id = i.category_id join sector s on s.id = i.sector_id join municipality m on m.id = i.municipality_id
       where m.code = ? and i.number = ?`,
      [J, posted.id],
    );
    expect(row).toMatchObject({
      kind: 'MESSAGE',
      channel: 'WEB_WIDGET',
      source: 'open311',
      external_id: posted.token,
      status: 'NEW',
      identified: false,
      applicant_name: 'Иванова Мария',
      applicant_email: 'ivanova@example.ru',
      applicant_phone: '+7 902 555-11-22',
      address: 'ул. Ленина, д. 12, кв. 5',
      lat: 48.609412,
      lon: 42.852731,
      text: form.description,
      category: 'ZHKH_WATER',
      sector: 'ZHKH',
    });
    expect(new Date(row!.received_at as string).toISOString()).toBe(new Date(T).toISOString());

    const again = await post(form);
    expect(again).toEqual(posted);
    const [{ n }] = (await sql<{ n: number }>(`select count(*)::int as n from item where source = 'open311' and external_id = ?`, [posted.token])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('a JSON post answered in XML with an Idempotency-Key is one request however its content changes on a retry', async () => {
    const body = { api_key: ingestKey, jurisdiction_id: J, service_code: 'ROADS_REPAIR', address_string: 'ул. Шоссейная', description: 'Яма на дороге у остановки' };
    const headers = { 'idempotency-key': 'client-42-attempt' };
    const first = await call('POST', 'requests.xml', { json: body, headers });
    expect(first.status, first.text).toBe(200);
    const [a] = xmlRequests(first);
    expect(a!.service_request_id).toMatch(/^2026-\d{6}$/);
    const second = await call('POST', 'requests.xml', { json: { ...body, description: 'Яма на дороге у остановки, глубокая' }, headers });
    expect(xmlRequests(second)[0]!.service_request_id).toBe(a!.service_request_id);
    const other = await call('POST', 'requests.xml', { json: body, headers: { 'idempotency-key': 'client-42-other' } });
    expect(xmlRequests(other)[0]!.service_request_id).not.toBe(a!.service_request_id);
  });

  it('a bad post is 400 or 404 naming the argument, and a key naming another jurisdiction is 403', async () => {
    const refusal = async (f: Record<string, string>, status: number, words: string) => {
      const a = await call('POST', 'requests.json', { form: { api_key: ingestKey, jurisdiction_id: J, ...f } });
      expect(a.status, JSON.stringify(f)).toBe(status);
      expect(a.body).toEqual([{ code: status, description: expect.stringContaining(words) }]);
    };
    await refusal({ lat: '48.6', long: '42.8' }, 400, 'service_code');
    await refusal({ service_code: 'NO_SUCH', lat: '48.6', long: '42.8' }, 404, 'NO_SUCH');
    await refusal({ service_code: 'ZHKH_WATER', description: 'Нет воды' }, 400, 'location');
    await refusal({ service_code: 'ZHKH_WATER', lat: '48.6' }, 400, 'long');
    await refusal({ service_code: 'ZHKH_WATER', lat: 'север', long: '42.8' }, 400, 'lat');
    await refusal({ service_code: 'ZHKH_WATER', lat: '148.6', long: '42.8' }, 400, 'lat');
    await refusal({ service_code: 'ZHKH_WATER', address_id: 'nowhere' }, 400, 'address_id');
    await refusal({ service_code: 'ZHKH_WATER', address_string: 'ул. Мира', email: 'не почта' }, 400, 'email');
    await refusal({ service_code: 'ZHKH_WATER', address_string: 'ул. Мира', description: 'x'.repeat(4001) }, 400, 'description');
    await refusal({ service_code: 'ZHKH_WATER', address_string: 'ул. Мира', jurisdiction_id: 'kalach' }, 403, 'kalach');
  });

  it('tokens/{token} answers the request its post made, in JSON and XML; an unknown token is 404', async () => {
    const a = await call('GET', `tokens/${posted.token}.json`, { query: { jurisdiction_id: J } });
    expect(a.status).toBe(200);
    expect(a.body).toEqual([{ service_request_id: posted.id, token: posted.token }]);
    const x = await call('GET', `tokens/${posted.token}.xml`, { query: { jurisdiction_id: J } });
    expect(xmlRequests(x)).toEqual([{ service_request_id: posted.id, token: posted.token }]);
    const missing = await call('GET', 'tokens/o311-0000.json', { query: { jurisdiction_id: J } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('o311-0000') }]);
  });

  it('requests/{id} reads a posted request back publicly in JSON and XML: the service, status and deadline with the municipality offset, the street without the house, no applicant and no text', async () => {
    await register(posted.id);
    const [due] = await sql<{ answer_due_at: Date }>(`select answer_due_at from item where external_id = ?`, [posted.token]);
    const expected = new Date(due!.answer_due_at);
    const a = await call('GET', `requests/${posted.id}.json`, { query: { jurisdiction_id: J } });
    expect(a.status).toBe(200);
    const [r] = requestsOf(a);
    expect(r).toEqual({
      service_request_id: posted.id,
      status: 'open',
      status_notes: 'Зарегистрировано',
      service_name: expect.any(String),
      service_code: 'ZHKH_WATER',
      description: null,
      agency_responsible: null,
      service_notice: null,
      requested_datetime: '2026-11-20T10:00:00+03:00',
      updated_datetime: '2026-11-20T10:00:00+03:00',
      expected_datetime: expect.stringMatching(/\+03:00$/),
      address: 'ул. Ленина',
      address_id: null,
      zipcode: null,
      lat: 48.609,
      long: 42.853,
      media_url: null,
    });
    expect(new Date(String(r!.expected_datetime)).getTime()).toBe(Math.floor(expected.getTime() / 1000) * 1000);
    for (const personal of ['Иванова', 'Мария', 'ivanova@example.ru', '555-11-22', '89025551122', 'холодной воды', 'кв. 5']) expect(a.text).not.toContain(personal);

    const x = await call('GET', `requests/${posted.id}.xml`, { query: { jurisdiction_id: J } });
    expect(x.status).toBe(200);
    const [xr] = xmlRequests(x);
    expect(xr).toMatchObject({ service_request_id: posted.id, status: 'open', service_code: 'ZHKH_WATER', requested_datetime: '2026-11-20T10:00:00+03:00', address: 'ул. Ленина', lat: '48.609', long: '42.853', description: '' });
    for (const personal of ['Иванова', 'ivanova@example.ru', 'холодной воды']) expect(x.text).not.toContain(personal);

    // The token that reads items reads the place as stored, still without the applicant or the text.
    const own = await call('GET', `requests/${posted.id}.json`, { query: { api_key: readKey } });
    expect(requestsOf(own)[0]).toMatchObject({ address: 'ул. Ленина, д. 12, кв. 5', lat: 48.609412, long: 42.852731, description: null });
    for (const personal of ['Иванова', 'ivanova@example.ru', 'холодной воды']) expect(own.text).not.toContain(personal);

    const unknown = await call('GET', 'requests/2026-999999.json', { query: { jurisdiction_id: J } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('2026-999999') }]);
  });

  it('an appeal (59-ФЗ) is never read through Open311 without a key, while a token with ITEMS_READ reads it', async () => {
    const created = await t.gql<{ createItem: { number: string } }>(
      `mutation($i: ItemInput!) { createItem(input: $i) { number } }`,
      { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Прошу разобраться с отоплением в моей квартире', categoryCode: 'ZHKH_HEATING', applicant: { name: 'Сидоров Пётр' } } },
      head,
    );
    expect(created.errors).toBeUndefined();
    const number = created.data!.createItem.number;
    const pub = await call('GET', `requests/${number}.json`, { query: { jurisdiction_id: J } });
    expect(pub.status).toBe(404);
    const list = await call('GET', 'requests.json', { query: { jurisdiction_id: J, service_code: 'ZHKH_HEATING' } });
    expect(numbers(requestsOf(list))).not.toContain(number);
    const own = await call('GET', `requests/${number}.json`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(own.status).toBe(200);
    expect(requestsOf(own)[0]).toMatchObject({ service_request_id: number, service_code: 'ZHKH_HEATING', status: 'open' });
    expect(own.text).not.toContain('Сидоров');
  });
});

describe('Open311 GET requests', () => {
  const old: { id?: string } = {};
  const mid: { id?: string } = {};
  const recent: { id?: string } = {};

  beforeAll(async () => {
    // Three requests at three instants: 100, 10 and 1 days before T; the middle one closed.
    t.clock.set('2026-08-12T09:00:00+03:00');
    old.id = (await post({ service_code: 'LAND_LIGHTING', address_string: 'ул. Садовая', description: 'Не горит фонарь уже давно' })).id;
    t.clock.set('2026-11-10T09:00:00+03:00');
    mid.id = (await post({ service_code: 'LAND_LIGHTING', address_string: 'ул. Садовая', description: 'Не горит фонарь у дома' })).id;
    await register(mid.id);
    const it = await itemOf(mid.id);
    const left = await t.gql('mutation($id: ID!, $v: Int!) { leaveWithoutAnswer(id: $id, version: $v, input: { reason: ESSENCE_UNCLEAR }) { status } }', { id: it.id, v: it.version }, head);
    expect(left.errors).toBeUndefined();
    t.clock.set('2026-11-19T09:00:00+03:00');
    recent.id = (await post({ service_code: 'LAND_GREEN', address_string: 'парк Победы', description: 'Сломано дерево в парке' })).id;
    t.clock.set(T);
  });

  const list = async (query: Record<string, string>) => {
    const a = await call('GET', 'requests.json', { query: { jurisdiction_id: J, ...query } });
    expect(a.status, a.text).toBe(200);
    return requestsOf(a);
  };
  const ours = (rs: Request[]) => numbers(rs).filter((n) => [old.id, mid.id, recent.id].includes(n));

  it('without filters the last 90 days are listed, newest first, each request open or closed by its status', async () => {
    const rs = await list({});
    expect(ours(rs)).toEqual([recent.id, mid.id]);
    const times = rs.map((r) => new Date(String(r.requested_datetime)).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.every((x) => x >= new Date(T).getTime() - 90 * 86_400_000)).toBe(true);
    expect(rs.find((r) => r.service_request_id === mid.id)).toMatchObject({ status: 'closed', status_notes: 'Закрыто', updated_datetime: '2026-11-10T09:00:00+03:00' });
    expect(rs.find((r) => r.service_request_id === recent.id)).toMatchObject({ status: 'open', status_notes: 'Поступило, ожидает регистрации', expected_datetime: null });
  });

  it('service_request_id (comma-separated) lists exactly those requests and overrides the window', async () => {
    const rs = await list({ service_request_id: `${old.id},${recent.id}`, start_date: '2026-11-19T00:00:00+03:00' });
    expect(numbers(rs).sort()).toEqual([old.id, recent.id].sort());
  });

  it('service_code lists only that service', async () => {
    const rs = await list({ service_code: 'LAND_GREEN' });
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.every((r) => r.service_code === 'LAND_GREEN')).toBe(true);
    expect(ours(rs)).toEqual([recent.id]);
    const both = await list({ service_code: 'LAND_GREEN,LAND_LIGHTING' });
    expect(ours(both)).toEqual([recent.id, mid.id]);
  });

  it('start_date and end_date bound requested_datetime, at most 90 days apart', async () => {
    const rs = await list({ start_date: '2026-11-09T00:00:00+03:00', end_date: '2026-11-11T00:00:00+03:00' });
    expect(ours(rs)).toEqual([mid.id]);
    expect(rs.every((r) => String(r.requested_datetime) >= '2026-11-09' && String(r.requested_datetime) < '2026-11-11')).toBe(true);
    const oldOnes = await list({ start_date: '2026-08-01T00:00:00Z' });
    expect(ours(oldOnes)).toEqual([old.id]);
    const tooLong = await call('GET', 'requests.json', { query: { jurisdiction_id: J, start_date: '2026-01-01T00:00:00Z', end_date: '2026-11-01T00:00:00Z' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual([{ code: 400, description: expect.stringContaining('90 days') }]);
    const noZone = await call('GET', 'requests.xml', { query: { jurisdiction_id: J, start_date: '2026-11-01T00:00:00' } });
    expect(noZone.status).toBe(400);
    expect(noZone.body).toMatchObject({ errors: { error: [{ code: '400', description: expect.stringContaining('start_date') }] } });
  });

  it('status lists the open or the closed requests, in JSON and XML', async () => {
    const open = await list({ status: 'open' });
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(ours(open)).toEqual([recent.id]);
    const closed = await call('GET', 'requests.xml', { query: { jurisdiction_id: J, status: 'closed' } });
    expect(closed.status).toBe(200);
    const xs = xmlRequests(closed);
    expect(xs.every((r) => r.status === 'closed')).toBe(true);
    expect(numbers(xs).filter((n) => [old.id, mid.id, recent.id].includes(n))).toEqual([mid.id]);
    expect(ours(await list({ status: 'open,closed' }))).toEqual([recent.id, mid.id]);
    const bad = await call('GET', 'requests.json', { query: { jurisdiction_id: J, status: 'pending' } });
    expect(bad.status).toBe(400);
  });

  it('a list of many requests takes as many statements as a list of one', async () => {
    const statements = async (query: Record<string, string>) => {
      let n = 0;
      queryObserver.current = (_sql, pool) => {
        if (pool === 'requests') n += 1;
      };
      try {
        const rs = await list(query);
        return { n, rows: rs.length };
      } finally {
        queryObserver.current = null;
      }
    };
    const one = await statements({ service_request_id: recent.id! });
    const many = await statements({});
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThan(1);
    expect(many.n).toBe(one.n);
    expect(one.n).toBeLessThanOrEqual(3);
  });
});

describe('Open311 media_url', () => {
  it("links an item's first file only for a token that reads items and personal data, whose bearer downloads it", async () => {
    const upload = await fetch(`${t.url}/files?name=photo.jpg`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}`, 'content-type': 'image/jpeg', 'x-otklik-upload': '1' },
      body: Buffer.from('JPEG-BYTES-OF-A-PIT'),
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };
    const created = await t.gql<{ createItem: { number: string } }>(
      `mutation($i: ItemInput!) { createItem(input: $i) { number } }`,
      { i: { kind: 'MESSAGE', channel: 'WEB_WIDGET', identified: false, text: 'Яма во дворе, фото приложено', categoryCode: 'ROADS_REPAIR', attachmentIds: [file.id] } },
      head,
    );
    expect(created.errors).toBeUndefined();
    const number = created.data!.createItem.number;
    const pub = await call('GET', `requests/${number}.json`, { query: { jurisdiction_id: J } });
    expect(requestsOf(pub)[0]!.media_url).toBeNull();
    expect(requestsOf(await call('GET', `requests/${number}.json`, { query: { api_key: readKey } }))[0]!.media_url).toBeNull();
    const pdKey = await token(['ITEMS_READ', 'PERSONAL_DATA_READ']);
    const own = await call('GET', `requests/${number}.json`, { query: { api_key: pdKey } });
    const url = String(requestsOf(own)[0]!.media_url);
    expect(url).toBe(`${t.url}/files/${file.id}`);
    const download = await fetch(url, { headers: { authorization: `Bearer ${pdKey}` } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('JPEG-BYTES-OF-A-PIT');
  });
});

describe('Open311 limits and refusals', () => {
  it('a list holds at most 1,000 requests, the newest', async () => {
    // 1,001 messages of one service received a second apart before T, sent as two batches through ingestItems.
    const items = Array.from({ length: 1001 }, (_, i) => ({
      kind: 'MESSAGE',
      channel: 'POS',
      source: 'pos-open311-cap',
      externalId: `cap-${i}`,
      receivedAt: new Date(new Date(T).getTime() - (i + 1) * 1000).toISOString(),
      text: `Не вывозят мусор, сообщение ${i}`,
      categoryCode: 'LAND_ANIMALS',
    }));
    const ingest = 'mutation($items: [IngestItemInput!]!) { ingestItems(items: $items) { created rejected } }';
    for (const batch of [items.slice(0, 1000), items.slice(1000)]) {
      const r = await t.gql<{ ingestItems: { created: number; rejected: number } }>(ingest, { items: batch }, ingestKey);
      expect(r.data?.ingestItems, JSON.stringify(r.errors)).toEqual({ created: batch.length, rejected: 0 });
    }
    const a = await call('GET', 'requests.json', { query: { jurisdiction_id: J, service_code: 'LAND_ANIMALS' } });
    const rs = requestsOf(a);
    expect(rs.length).toBe(1000);
    expect(rs[0]!.requested_datetime).toBe('2026-11-20T09:59:59+03:00');
    expect(rs[999]!.requested_datetime).toBe('2026-11-20T09:43:20+03:00');
  }, 60_000);

  it('an unknown path is 404 (in XML without a format), another method 405, an unreadable body 400, each in the error format', async () => {
    const noFormat = await call('GET', 'services', { query: { jurisdiction_id: J } });
    expect(noFormat.status).toBe(404);
    expect(noFormat.type).toBe('text/xml; charset=utf-8');
    expect(noFormat.body).toMatchObject({ errors: { error: [{ code: '404' }] } });
    const method = await call('POST', 'services.json', { form: { jurisdiction_id: J } });
    expect(method.status).toBe(405);
    expect(method.body).toEqual([{ code: 405, description: expect.stringContaining('POST') }]);
    const res = await fetch(`${t.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ code: 400, description: expect.stringContaining('body') }]);
  });

  it('past the rate limit a client is answered 429 with Retry-After in the error format', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '0', RATE_LIMIT_CONCURRENT: '0' } });
    try {
      let refused: Response | null = null;
      for (let i = 0; i < 20 && !refused; i++) {
        const res = await fetch(`${limited.url}/open311/v2/services.json?jurisdiction_id=${J}`);
        if (res.status === 429) refused = res;
        else expect(res.status).toBe(200);
      }
      expect(refused).not.toBeNull();
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused!.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    } finally {
      await limited.stop();
    }
  }, 60_000);
});
