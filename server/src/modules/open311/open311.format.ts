import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { ianaZone } from '../sla/zoned-iso.js';

/**
 * Open311 GeoReport v2's two formats (docs/open311.md): JSON, and XML without a namespace, each answer a list of
 * records under its list element (`services`/`service`, `service_requests`/`request`, `errors`/`error`), the JSON
 * the same records as an array ("Spark convention"); a service definition is the one record that is not a list.
 * Values are strings, numbers, booleans or null (JSON null, an empty XML element).
 */
export type Format = 'json' | 'xml';
export type Value = string | number | boolean | null;
export interface Fields {
  [name: string]: Value | Fields[] | Fields;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false, processEntities: true });
const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' } };

/** A list of records as XML: `<list><item>…</item>…</list>`; an empty list is an empty element. */
function xmlList(list: string, item: string, records: Fields[]): Record<string, unknown> {
  return { [list]: records.length ? { [item]: records.map(xmlRecord) } : '' };
}

function xmlRecord(record: Fields): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, Array.isArray(v) ? (v.length ? { [singular(k)]: v.map(xmlRecord) } : '') : v !== null && typeof v === 'object' ? xmlRecord(v) : v]),
  );
}

/** The element of one entry of a nested list (`attributes` → `attribute`, `values` → `value`). */
const singular = (list: string) => list.replace(/s$/, '');

const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** Sends a list of records with its HTTP status. */
export function sendList(res: Response, format: Format, status: number, list: string, item: string, records: Fields[]): void {
  res.status(status).type(TYPES[format]);
  res.send(format === 'json' ? JSON.stringify(records) : builder.build({ ...DECLARATION, ...xmlList(list, item, records) }));
}

/** Sends one record under its element (a service definition). */
export function sendRecord(res: Response, format: Format, element: string, record: Fields): void {
  res.status(200).type(TYPES[format]);
  res.send(format === 'json' ? JSON.stringify(record) : builder.build({ ...DECLARATION, [element]: xmlRecord(record) }));
}

/**
 * A refusal as the specification writes it: `[{ code, description }]` / `<errors><error><code/><description/></error></errors>`,
 * with the HTTP status (404 for what does not exist, 403 for a missing or wrong api_key, 400 for any other request
 * that cannot be served; 429 and 5xx for limits and our own faults). `code` is the HTTP status.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}

export function sendError(res: Response, format: Format, status: number, description: string): void {
  sendList(res, format, status, 'errors', 'error', [{ code: status, description }]);
}

/** An instant as W3C date-time in the municipality's zone, to the second with its offset: 2026-11-19T09:30:00+03:00. */
export function w3(date: Date | string | null | undefined, zone: string): string | null {
  if (!date) return null;
  // A timestamp read by hand-written SQL comes as the driver's text (db/where-sql.ts readRows), an entity's as a Date.
  const ms = (date instanceof Date ? date : new Date(date)).getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid timestamp');
  return DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: ianaZone(zone) }).toISO({ suppressMilliseconds: true, includeOffset: true });
}

/**
 * A W3C date-time a client sent (`start_date`, `end_date`): a date and a time with `Z` or an offset, as the
 * specification requires; anything else is refused, since a time without its zone names no instant.
 */
export function parseW3(value: string, name: string): Date {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  const at = m ? DateTime.fromISO(value, { setZone: true }) : null;
  if (!at?.isValid) throw new Open311Error(400, `${name} must be a W3C date-time with its offset, e.g. 2026-11-01T00:00:00+03:00 or 2026-10-31T21:00:00Z`);
  return at.toJSDate();
}
