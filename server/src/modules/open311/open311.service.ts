import { createHash } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx, TokenViewer } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { withoutTenant } from '../../db/tenant-bypass.js';
import { readRows, tenantJoinSql, whereSql } from '../../db/where-sql.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Item } from '../items/item.entity.js';
import { ApplicantInput } from '../items/item.inputs.js';
import { Channel, ItemKind, ItemStatus } from '../items/item.enums.js';
import { open311View, open311Where, type Subject } from '../items/item-access.js';
import { maskAddress } from '../items/personal-data.js';
import { ingestItems } from '../ingest/ingest.service.js';
import { IngestItemInput } from '../ingest/ingest.types.js';
import { Open311Error, w3, type Fields } from './open311.format.js';

/**
 * Open311 GeoReport v2 over the items (docs/open311.md for the mapping, field by field): the categories of a
 * municipality are its services, its items with a category its service requests. Requests are posted through the
 * ingestion core (`ingestItems`), so that numbering, deadlines, routing, announcements and idempotency are those of
 * any ingested item; they are read as rows in one statement a list, under the access policy's Open311 rule
 * (item-access.ts `open311Where`, `open311View`) and never with the applicant or the item's text.
 */

/** The municipality an Open311 call is about. */
export type Jurisdiction = { id: string; code: string; timezone: string };

/** Requests posted through Open311 are ingested from this source. */
export const OPEN311_SOURCE = 'open311';
/** At most this many requests a list (the specification's "first 1000 requests"). */
export const OPEN311_MAX_REQUESTS = 1000;
/** A list's window of `requested_datetime`: by default the last 90 days, and never longer. */
export const OPEN311_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** Our statuses that are Open311's `closed`: the item was answered or its case ended (docs/open311.md). */
export const OPEN311_CLOSED: readonly ItemStatus[] = [ItemStatus.ANSWERED, ItemStatus.CLOSED, ItemStatus.REDIRECTED, ItemStatus.MERGED];

/** `status_notes`: what the status means, in the words of the dashboard; never an answer's text (it may name people). */
export const STATUS_NOTES: Record<ItemStatus, string> = {
  [ItemStatus.NEW]: 'Поступило, ожидает регистрации',
  [ItemStatus.REGISTERED]: 'Зарегистрировано',
  [ItemStatus.ASSIGNED]: 'Передано исполнителю',
  [ItemStatus.IN_PROGRESS]: 'В работе',
  [ItemStatus.WAITING_CITIZEN]: 'Уточняется у заявителя',
  [ItemStatus.ON_REVIEW]: 'Ответ готовится',
  [ItemStatus.REOPENED]: 'Рассматривается повторно',
  [ItemStatus.ANSWERED]: 'Дан ответ',
  [ItemStatus.CLOSED]: 'Закрыто',
  [ItemStatus.REDIRECTED]: 'Направлено по компетенции в другой орган',
  [ItemStatus.MERGED]: 'Объединено с другим сообщением о том же',
};

// ---------------------------------------------------------------------------------------------------------------
// The jurisdiction

/**
 * The municipality a call names by `jurisdiction_id` (its code, in any case), read without the tenant filter: a
 * public reader is nobody and has no municipality of its own. Without one, the installation's only municipality,
 * or the api_key's. An unknown one is 404; none where several are served is 400; with an api_key, a
 * jurisdiction_id naming another municipality than the key's is 403.
 */
export async function jurisdictionOf(em: EntityManager, requested: string | undefined, token: TokenViewer | null): Promise<Jurisdiction> {
  const all = await em.find(Municipality, {}, { ...withoutTenant('PUBLIC_JURISDICTION'), fields: ['id', 'code', 'timezone'], orderBy: { code: 'asc' } });
  const as = (m: Pick<Municipality, 'id' | 'code' | 'timezone'>): Jurisdiction => ({ id: m.id, code: m.code, timezone: m.timezone });
  if (requested) {
    const m = all.find((x) => x.code.toLowerCase() === requested.toLowerCase());
    if (!m) throw new Open311Error(404, `jurisdiction_id ${requested} was not found`);
    if (token && token.municipalityId !== m.id) throw new Open311Error(403, `This api_key belongs to another jurisdiction than ${requested}`);
    return as(m);
  }
  if (token) {
    const own = all.find((x) => x.id === token.municipalityId);
    if (own) return as(own);
  }
  if (all.length === 1) return as(all[0]!);
  throw new Open311Error(400, `jurisdiction_id was not provided; this endpoint serves ${all.map((m) => m.code).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Services: the categories

type ServiceRow = { code: string; name: string; name_en: string | null; sector_name: string; sector_name_en: string | null };

/** The active categories of the municipality (`em` is scoped to it), in the rubricator's order, or the one named. */
async function serviceRows(em: EntityManager, code?: string): Promise<ServiceRow[]> {
  const params: unknown[] = [];
  const join = tenantJoinSql(em, 'Sector', 's', params);
  const where = whereSql(em, 'Category', 'c', code ? { active: true, code } : { active: true }, params);
  return readRows<ServiceRow>(
    em,
    `select c.code, c.name, c.name_en, s.name as sector_name, s.name_en as sector_name_en
     from category c join sector s on s.id = c.sector_id${join}
     where ${where} order by s.position, c.position, c.code`,
    params,
  );
}

/** GET services: each active category as a service, its sector as the group. */
export async function listServices(em: EntityManager): Promise<Fields[]> {
  return (await serviceRows(em)).map((r) => ({
    service_code: r.code,
    service_name: r.name,
    description: `${r.sector_name}: ${r.name}`,
    metadata: false,
    type: 'realtime',
    keywords: [r.name_en, r.sector_name_en].filter(Boolean).join(', ') || null,
    group: r.sector_name,
  }));
}

/** GET services/{code}: no service has attributes (`metadata: false`), so its definition lists none. */
export async function serviceDefinition(em: EntityManager, code: string): Promise<Fields> {
  const [row] = await serviceRows(em, code);
  if (!row) throw new Open311Error(404, `service_code ${code} was not found`);
  return { service_code: row.code, attributes: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Service requests: the items

export type RequestsQuery =
  | { numbers: string[] }
  | { codes: string[] | null; from: Date; to: Date; statuses: ('open' | 'closed')[] | null };

type RequestRow = {
  id: string;
  number: string;
  kind: ItemKind;
  status: ItemStatus;
  received_at: string;
  updated_at: string;
  closed_at: string | null;
  answered_at: string | null;
  answer_due_at: string | null;
  final_answer_due_at: string | null;
  first_reaction_due_at: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  service_code: string;
  service_name: string;
  agency: string | null;
  settlement_code: string | null;
};

/** The window of a list: the specification's 90 days, ending now unless the client names its ends. */
export function requestWindow(start: Date | null, end: Date | null, now: Date): { from: Date; to: Date } {
  const span = OPEN311_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from.getTime() > to.getTime()) throw new Open311Error(400, 'start_date is after end_date');
  if (to.getTime() - from.getTime() > span) throw new Open311Error(400, `start_date and end_date may not span more than ${OPEN311_WINDOW_DAYS} days`);
  return { from, to };
}

/**
 * GET requests and GET requests/{id}: the items the reader may read through Open311 (the access policy), that have
 * a category, as service requests, newest first, at most OPEN311_MAX_REQUESTS: one statement for the page with its
 * category, department, settlement and last change (the newest history event, by the (item, at) index), and one for
 * the files when the reader is given their links.
 */
export async function readRequests(em: EntityManager, j: Jurisdiction, reader: Subject | null, q: RequestsQuery, filesUrl: string): Promise<Fields[]> {
  const conds: FilterQuery<Item>[] = [open311Where(reader), { category: { $ne: null } }];
  if ('numbers' in q) {
    conds.push({ number: { $in: q.numbers } });
  } else {
    conds.push({ receivedAt: { $gte: q.from, $lte: q.to } });
    if (q.codes) conds.push({ category: { code: { $in: q.codes } } });
    const statuses = new Set(q.statuses ?? []);
    if (statuses.size === 1) conds.push({ status: { [statuses.has('closed') ? '$in' : '$nin']: [...OPEN311_CLOSED] } });
  }
  const params: unknown[] = [];
  // When the item last changed: its newest history event (every change writes one, dated by the service's clock).
  const changed = `(select max(e.at) from item_event e where e.item_id = i.id${tenantJoinSql(em, 'ItemEvent', 'e', params)})`;
  const joins = [
    `join category c on c.id = i.category_id${tenantJoinSql(em, 'Category', 'c', params)}`,
    `left join department d on d.id = i.department_id${tenantJoinSql(em, 'Department', 'd', params)}`,
    `left join settlement t on t.id = i.settlement_id${tenantJoinSql(em, 'Settlement', 't', params)}`,
  ];
  const where = whereSql(em, 'Item', 'i', { $and: conds } as FilterQuery<object>, params);
  const rows = await readRows<RequestRow>(
    em,
    `select i.id, i.number, i.kind, i.status, i.received_at, coalesce(${changed}, i.updated_at) as updated_at, i.closed_at, i.answered_at, i.answer_due_at,
            i.final_answer_due_at, i.first_reaction_due_at, i.address, i.lat, i.lon,
            c.code as service_code, c.name as service_name, d.name as agency, t.code as settlement_code
     from item i ${joins.join(' ')}
     where ${where} order by i.received_at desc, i.id desc limit ?`,
    [...params, OPEN311_MAX_REQUESTS],
  );
  const view = open311View(reader);
  const files = view.files && rows.length ? await firstFiles(em, rows.map((r) => r.id)) : new Map<string, string>();
  return rows.map((r) => {
    const closed = OPEN311_CLOSED.includes(r.status);
    const zone = j.timezone;
    return {
      service_request_id: r.number,
      status: closed ? 'closed' : 'open',
      status_notes: STATUS_NOTES[r.status],
      service_name: r.service_name,
      service_code: r.service_code,
      description: null,
      agency_responsible: r.agency,
      service_notice: null,
      requested_datetime: w3(r.received_at, zone),
      updated_datetime: w3(closed ? (r.closed_at ?? r.answered_at ?? r.updated_at) : r.updated_at, zone),
      expected_datetime: w3(r.kind === ItemKind.INCIDENT ? (r.final_answer_due_at ?? r.first_reaction_due_at) : r.answer_due_at, zone),
      address: view.exactPlace ? r.address : maskAddress(r.address),
      address_id: r.settlement_code,
      zipcode: null,
      lat: place(r.lat, view.exactPlace),
      long: place(r.lon, view.exactPlace),
      media_url: files.has(r.id) ? `${filesUrl}/${files.get(r.id)}` : null,
    };
  });
}

/** A coordinate as stored, or rounded to three decimals (about 110 m of latitude) for the public. */
function place(v: number | null, exact: boolean): number | null {
  if (v === null || v === undefined) return null;
  return exact ? v : Math.round(v * 1000) / 1000;
}

/** The first file of each item, in one statement. */
async function firstFiles(em: EntityManager, itemIds: string[]): Promise<Map<string, string>> {
  const params: unknown[] = [itemIds];
  const where = whereSql(em, 'Attachment', 'a', {}, params);
  const rows = await readRows<{ item_id: string; id: string }>(
    em,
    `select distinct on (a.item_id) a.item_id, a.id from attachment a where a.item_id = any(?::uuid[]) and ${where} order by a.item_id, a.created_at, a.id`,
    params,
  );
  return new Map(rows.map((r) => [r.item_id, r.id]));
}

/** GET tokens/{token}: the request a POST's token names, if the reader may read it. */
export async function requestOfToken(em: EntityManager, reader: Subject | null, token: string): Promise<Fields[]> {
  const params: unknown[] = [];
  const where = whereSql(em, 'Item', 'i', { $and: [open311Where(reader), { source: OPEN311_SOURCE, externalId: token }] } as FilterQuery<object>, params);
  const [row] = await readRows<{ number: string }>(em, `select i.number from item i where ${where}`, params);
  if (!row) throw new Open311Error(404, `token ${token} was not found`);
  return [{ service_request_id: row.number, token }];
}

// ---------------------------------------------------------------------------------------------------------------
// POST requests

/** The arguments of POST requests that we read (`attribute[…]`, `device_id` and `account_id` are not kept). */
export type PostedRequest = Partial<
  Record<'service_code' | 'lat' | 'long' | 'address_string' | 'address_id' | 'email' | 'first_name' | 'last_name' | 'phone' | 'description' | 'media_url', string>
>;

/** Where an input field of the item comes from among the Open311 arguments (for the errors ingestion reports). */
const ARGUMENT_OF: Record<string, string> = {
  text: 'description',
  lat: 'lat',
  lon: 'long',
  address: 'address_string',
  settlementId: 'address_id',
  categoryCode: 'service_code',
  'applicant.email': 'email',
  'applicant.phone': 'phone',
  'applicant.name': 'first_name/last_name',
};

const DESCRIPTION_MAX = 4000;

/**
 * The request's id in our items (its `externalId`, with source `open311`), and the POST's `token`: from the client's
 * `Idempotency-Key` if it sent one, else from the request's content; either way with the api_key's token id, so that
 * two integrators never share one. The same key, or the same content without a key, answers the request it first
 * made (docs/open311.md).
 */
export function requestKey(tokenId: string, j: Jurisdiction, idempotencyKey: string | undefined, r: PostedRequest): string {
  const basis = idempotencyKey
    ? ['key', idempotencyKey]
    : [
        'content',
        j.code,
        ...(['service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'first_name', 'last_name', 'phone', 'description', 'media_url'] as const).map(
          (k) => r[k]?.trim() || null,
        ),
      ];
  return `o311-${createHash('sha256').update(JSON.stringify([tokenId, ...basis])).digest('hex')}`;
}

/**
 * POST requests: the request as an ingested MESSAGE of the api_key's municipality (channel WEB_WIDGET, source
 * `open311`), received now; the same request again answers the item it made. `ctx` is the token's.
 */
export async function postRequest(ctx: Ctx & { viewer: TokenViewer }, j: Jurisdiction, r: PostedRequest, idempotencyKey: string | undefined): Promise<Fields> {
  const text = (k: keyof PostedRequest) => r[k]?.trim() || undefined;
  const code = text('service_code');
  if (!code) throw new Open311Error(400, 'service_code was not provided');
  const [service] = await serviceRows(ctx.em, code);
  if (!service) throw new Open311Error(404, `service_code ${code} was not found`);

  const lat = text('lat');
  const long = text('long');
  if (!!lat !== !!long) throw new Open311Error(400, 'lat and long are sent together');
  const number = (v: string, name: string) => {
    const n = Number(v);
    if (!/^[+-]?\d+(\.\d+)?$/.test(v) || !Number.isFinite(n)) throw new Open311Error(400, `${name} must be a number (WGS84 degrees)`);
    return n;
  };
  const addressId = text('address_id');
  let settlementId: string | undefined;
  if (addressId) {
    const params: unknown[] = [];
    const where = whereSql(ctx.em, 'Settlement', 's', { code: addressId }, params);
    const [s] = await readRows<{ id: string }>(ctx.em, `select s.id from settlement s where ${where}`, params);
    if (!s) throw new Open311Error(400, `address_id ${addressId} is not a settlement of ${j.code} (the settlements' codes are the address ids)`);
    settlementId = s.id;
  }
  if (!lat && !text('address_string') && !addressId) throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');

  const description = text('description');
  if (description && description.length > DESCRIPTION_MAX) throw new Open311Error(400, `description is longer than ${DESCRIPTION_MAX} characters`);
  const media = text('media_url');
  if (media && (!/^https?:\/\/\S+$/i.test(media) || media.length > 2000)) throw new Open311Error(400, 'media_url must be an http(s) URL');

  const name = [text('last_name'), text('first_name')].filter(Boolean).join(' ') || undefined;
  const applicant = name || text('email') || text('phone') ? Object.assign(new ApplicantInput(), { name, email: text('email'), phone: text('phone') }) : undefined;
  const externalId = requestKey(ctx.viewer.tokenId, j, idempotencyKey, r);
  const input = Object.assign(new IngestItemInput(), {
    kind: ItemKind.MESSAGE,
    channel: Channel.WEB_WIDGET,
    source: OPEN311_SOURCE,
    externalId,
    receivedAt: ctx.now(),
    identified: false,
    urgent: false,
    categoryCode: service.code,
    settlementId,
    lat: lat ? number(lat, 'lat') : undefined,
    lon: long ? number(long, 'long') : undefined,
    address: text('address_string'),
    // Without a description, the service's name says what the request is about (an item needs a text).
    text: [description ?? service.name, media ? `Медиа: ${media}` : null].filter(Boolean).join('\n\n'),
    applicant,
  });
  const [result] = (await ingestItems(ctx, [input])).results;
  if (result?.error) {
    if (result.error.code === ErrorCode.INTERNAL_SERVER_ERROR) throw new Open311Error(500, 'The request could not be stored; try again');
    const field = result.error.field ?? '';
    const argument = ARGUMENT_OF[field] ?? field;
    throw new Open311Error(400, `${argument}: ${result.error.message.replace(/^[^:]*:\s*/, '')}`);
  }
  return { service_request_id: result!.number!, token: externalId, service_notice: null, account_id: null };
}
