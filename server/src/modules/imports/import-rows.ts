import { DateTime } from 'luxon';
import { ApplicantInput } from '../items/item.inputs.js';
import { Channel, ItemKind } from '../items/item.enums.js';
import { IngestItemInput } from '../ingest/ingest.types.js';
import { ImportField, ImportRowReason, type ImportColumn } from './import.entity.js';
import { ErrorCode } from '../../graphql/errors.js';
import { cellText, type Cell } from './import-reader.js';

/**
 * A row of an imported file as an item for ingestion (modules/ingest): pure functions, no database. The values a
 * file writes in its own way (dates in the municipality's zone, kinds and channels in Russian, да/нет) are read here;
 * everything else about the item is checked by ingestion itself.
 */

/** Where each mapped field is in the row (by the header's position). */
export type CompiledMapping = Map<ImportField, { column: string; at: number }>;

/** What a row needs besides its cells. */
export type RowContext = {
  source: string;
  /** The municipality's time zone (IANA). */
  zone: string;
  kind?: ItemKind | null;
  channel?: Channel | null;
  /** Category codes by their code and name (lower case). */
  categories: Map<string, string>;
  /** Settlement ids by their name and short name (lower case). */
  settlements: Map<string, string>;
};

export type RowProblem = { column: string | null; field: string | null; reason: ImportRowReason; message: string };

/** Fields a mapping must name. */
export const REQUIRED_FIELDS = [ImportField.EXTERNAL_ID, ImportField.RECEIVED_AT, ImportField.TEXT] as const;

/**
 * A mapping against a file's header: the problems (a column the file lacks, a field named twice, a required field
 * not named, no kind or channel at all), or where each field is.
 */
export function compileMapping(headers: string[], columns: ImportColumn[], defaults: { kind?: ItemKind | null; channel?: Channel | null }): { mapping: CompiledMapping; problems: string[] } {
  const mapping: CompiledMapping = new Map();
  const problems: string[] = [];
  const position = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.trim();
    if (key && !position.has(key)) position.set(key, i);
  });
  for (const c of columns) {
    const at = position.get(c.column.trim());
    if (at === undefined) problems.push(`the file has no column "${c.column}"`);
    else if (mapping.has(c.field)) problems.push(`${c.field} is mapped twice`);
    else mapping.set(c.field, { column: c.column.trim(), at });
  }
  for (const f of REQUIRED_FIELDS) if (!columns.some((c) => c.field === f)) problems.push(`map a column to ${f}`);
  if (!mapping.has(ImportField.KIND) && !defaults.kind) problems.push('map a column to KIND or choose a kind');
  if (!mapping.has(ImportField.CHANNEL) && !defaults.channel) problems.push('map a column to CHANNEL or choose a channel');
  return { mapping, problems };
}

const KINDS: Record<string, ItemKind> = {
  appeal: ItemKind.APPEAL,
  обращение: ItemKind.APPEAL,
  message: ItemKind.MESSAGE,
  сообщение: ItemKind.MESSAGE,
  incident: ItemKind.INCIDENT,
  инцидент: ItemKind.INCIDENT,
};

const CHANNELS: Record<string, Channel> = {
  ...Object.fromEntries(Object.values(Channel).map((c) => [c.toLowerCase(), c])),
  письмо: Channel.LETTER,
  почта: Channel.LETTER,
  'личный приём': Channel.WALK_IN,
  'личный прием': Channel.WALK_IN,
  телефон: Channel.PHONE,
  'горячая линия': Channel.PHONE,
  епгу: Channel.EPGU,
  госуслуги: Channel.EPGU,
  'форма на сайте': Channel.WEB_FORM,
  пос: Channel.POS,
  'платформа обратной связи': Channel.POS,
  'электронная почта': Channel.EMAIL,
  'e-mail': Channel.EMAIL,
  email: Channel.EMAIL,
  'виджет на сайте': Channel.WEB_WIDGET,
  мессенджер: Channel.MESSENGER,
  вконтакте: Channel.SOCIAL_VK,
  vk: Channel.SOCIAL_VK,
  одноклассники: Channel.SOCIAL_OK,
  telegram: Channel.SOCIAL_TELEGRAM,
  телеграм: Channel.SOCIAL_TELEGRAM,
  другое: Channel.OTHER,
};

const YES = new Set(['да', 'д', 'yes', 'y', 'true', '1', '+', 'истина']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', '0', '-', 'ложь']);

const RU_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * When an item was received, from a cell: `dd.MM.yyyy HH:mm[:ss]`, `dd.MM.yyyy`, `dd.MM.yy HH:mm`, `dd/MM/yyyy HH:mm`,
 * `yyyy-MM-dd[ HH:mm[:ss]]` in the municipality's zone; ISO 8601 with an offset as it says; an Excel date (a
 * wall-clock time, its fields given as UTC) in the municipality's zone. Null when it is none of these.
 */
export function parseReceivedAt(v: Cell, zone: string): Date | null {
  if (v instanceof Date) {
    const d = DateTime.fromObject(
      { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate(), hour: v.getUTCHours(), minute: v.getUTCMinutes(), second: v.getUTCSeconds() },
      { zone },
    );
    return d.isValid ? d.toJSDate() : null;
  }
  const s = cellText(v);
  if (!s) return null;
  let m = RU_DATE.exec(s);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return local(year, Number(m[2]), Number(m[1]), m[4], m[5], m[6], zone);
  }
  m = ISO_LOCAL.exec(s);
  if (m) return local(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], zone);
  // ISO 8601 with an offset or Z.
  if (/^\d{4}-\d{2}-\d{2}T.+([+-]\d{2}:?\d{2}|Z)$/.test(s)) {
    const d = DateTime.fromISO(s, { zone });
    return d.isValid ? d.toJSDate() : null;
  }
  return null;
}

function local(year: number, month: number, day: number, h: string | undefined, min: string | undefined, sec: string | undefined, zone: string): Date | null {
  const d = DateTime.fromObject({ year, month, day, hour: Number(h ?? 0), minute: Number(min ?? 0), second: Number(sec ?? 0) }, { zone });
  // fromObject refuses 31.02 and 25:00; a local time skipped by a clock change is moved forward by luxon.
  return d.isValid ? d.toJSDate() : null;
}

function yesNo(s: string): boolean | undefined | null {
  const v = s.trim().toLowerCase();
  if (!v) return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

function number(s: string): number | undefined | null {
  const v = s.trim().replace(',', '.');
  if (!v) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The item a row makes, or what is wrong with the row's own values (ingestion checks the item afterwards). */
export function rowToInput(cells: Cell[], mapping: CompiledMapping, ctx: RowContext): { input: IngestItemInput } | { problem: RowProblem } {
  const cell = (f: ImportField): Cell => {
    const at = mapping.get(f)?.at;
    return at === undefined ? null : (cells[at] ?? null);
  };
  const text = (f: ImportField) => cellText(cell(f));
  const problem = (f: ImportField, message: string, reason: ImportRowReason) => ({ problem: { column: mapping.get(f)?.column ?? null, field: f, reason, message } });

  const externalId = text(ImportField.EXTERNAL_ID);
  if (!externalId) return problem(ImportField.EXTERNAL_ID, 'externalId: empty', ImportRowReason.EMPTY);
  const receivedAtCell = cell(ImportField.RECEIVED_AT);
  if (!cellText(receivedAtCell)) return problem(ImportField.RECEIVED_AT, 'receivedAt: empty', ImportRowReason.EMPTY);
  const receivedAt = parseReceivedAt(receivedAtCell, ctx.zone);
  if (!receivedAt) return problem(ImportField.RECEIVED_AT, 'receivedAt: not a date (dd.MM.yyyy HH:mm, dd.MM.yyyy or ISO 8601)', ImportRowReason.NOT_A_DATE);

  let kind = ctx.kind ?? undefined;
  const kindText = text(ImportField.KIND);
  if (kindText) {
    kind = KINDS[normal(kindText)] ?? (Object.values(ItemKind).includes(kindText.toUpperCase() as ItemKind) ? (kindText.toUpperCase() as ItemKind) : undefined);
    if (!kind) return problem(ImportField.KIND, 'kind: not a kind (обращение, сообщение, инцидент or APPEAL, MESSAGE, INCIDENT)', ImportRowReason.NOT_A_KIND);
  }
  if (!kind) return problem(ImportField.KIND, 'kind: empty, and the import has no default kind', ImportRowReason.NO_KIND);
  let channel = ctx.channel ?? undefined;
  const channelText = text(ImportField.CHANNEL);
  if (channelText) {
    channel = CHANNELS[normal(channelText)];
    if (!channel) return problem(ImportField.CHANNEL, 'channel: not a channel (a Channel value or its Russian name)', ImportRowReason.NOT_A_CHANNEL);
  }
  if (!channel) return problem(ImportField.CHANNEL, 'channel: empty, and the import has no default channel', ImportRowReason.NO_CHANNEL);

  const input = new IngestItemInput();
  input.source = ctx.source;
  input.externalId = externalId;
  input.receivedAt = receivedAt;
  input.kind = kind;
  input.channel = channel;
  input.text = text(ImportField.TEXT);
  const optional = (f: ImportField) => text(f) || undefined;
  input.subject = optional(ImportField.SUBJECT);
  input.address = optional(ImportField.ADDRESS);

  const category = text(ImportField.CATEGORY);
  if (category) {
    const code = ctx.categories.get(normal(category));
    if (!code) return problem(ImportField.CATEGORY, 'category: no category has this code or name', ImportRowReason.UNKNOWN_CATEGORY);
    input.categoryCode = code;
  }
  const settlement = text(ImportField.SETTLEMENT);
  if (settlement) {
    const id = ctx.settlements.get(normal(settlement));
    if (!id) return problem(ImportField.SETTLEMENT, 'settlement: no settlement of the municipality has this name', ImportRowReason.UNKNOWN_SETTLEMENT);
    input.settlementId = id;
  }
  for (const [f, key] of [
    [ImportField.LAT, 'lat'],
    [ImportField.LON, 'lon'],
  ] as const) {
    const n = number(text(f));
    if (n === null) return problem(f, `${key}: not a number`, ImportRowReason.NOT_A_NUMBER);
    if (n !== undefined) input[key] = n;
  }
  for (const [f, key] of [
    [ImportField.URGENT, 'urgent'],
    [ImportField.IDENTIFIED, 'identified'],
  ] as const) {
    const b = yesNo(text(f));
    if (b === null) return problem(f, `${key}: not yes or no (да/нет, 1/0)`, ImportRowReason.NOT_YES_OR_NO);
    input[key] = b ?? false;
  }
  const applicant = {
    name: optional(ImportField.APPLICANT_NAME),
    email: optional(ImportField.APPLICANT_EMAIL),
    phone: optional(ImportField.APPLICANT_PHONE),
    address: optional(ImportField.APPLICANT_ADDRESS),
  };
  if (Object.values(applicant).some((v) => v !== undefined)) input.applicant = Object.assign(new ApplicantInput(), applicant);
  return { input };
}

/** The import field behind a field ingestion names in its error (`applicant.email`, `categoryCode`, …). */
const FIELD_OF: Record<string, ImportField> = {
  externalId: ImportField.EXTERNAL_ID,
  receivedAt: ImportField.RECEIVED_AT,
  kind: ImportField.KIND,
  channel: ImportField.CHANNEL,
  subject: ImportField.SUBJECT,
  text: ImportField.TEXT,
  categoryCode: ImportField.CATEGORY,
  settlementId: ImportField.SETTLEMENT,
  address: ImportField.ADDRESS,
  lat: ImportField.LAT,
  lon: ImportField.LON,
  urgent: ImportField.URGENT,
  identified: ImportField.IDENTIFIED,
  'applicant.name': ImportField.APPLICANT_NAME,
  'applicant.email': ImportField.APPLICANT_EMAIL,
  'applicant.phone': ImportField.APPLICANT_PHONE,
  'applicant.address': ImportField.APPLICANT_ADDRESS,
};

/** An error of ingestion about a row, told by the import's field and the file's column. */
export function ingestProblem(mapping: CompiledMapping, error: { code?: string; field?: string | null; message: string }): RowProblem {
  const f = error.field ? FIELD_OF[error.field] : undefined;
  const reason = error.code === ErrorCode.INTERNAL_SERVER_ERROR ? ImportRowReason.NOT_STORED : ImportRowReason.INVALID;
  return { column: f ? (mapping.get(f)?.column ?? null) : null, field: f ?? error.field ?? null, reason, message: error.message };
}

/** Header words that suggest a field, tried in this order (each header and each field taken once). */
const SUGGESTIONS: [ImportField, RegExp][] = [
  [ImportField.EXTERNAL_ID, /^(id|ид|№|n|no|номер|external.?id|идентификатор|номер (обращения|сообщения|заявки)|рег.*номер)$/i],
  [ImportField.RECEIVED_AT, /(дата|date|received|поступ|создан|время)/i],
  [ImportField.APPLICANT_EMAIL, /(e-?mail|эл.*почт)/i],
  [ImportField.APPLICANT_PHONE, /(телефон|phone)/i],
  [ImportField.APPLICANT_ADDRESS, /(адрес заявител|почтовый адрес|applicant.?address)/i],
  [ImportField.APPLICANT_NAME, /(фио|заявитель|applicant|^имя$|^name$)/i],
  [ImportField.KIND, /(^вид|^тип|kind|^type)/i],
  [ImportField.CHANNEL, /(канал|channel|способ)/i],
  [ImportField.SUBJECT, /(тема|subject|заголов)/i],
  [ImportField.TEXT, /(текст|содержан|суть|описан|text|description|^message$)/i],
  [ImportField.CATEGORY, /(категор|рубрик|category)/i],
  [ImportField.SETTLEMENT, /(поселен|населённ|населен|settlement)/i],
  [ImportField.ADDRESS, /(адрес|address|место)/i],
  [ImportField.LAT, /(широта|^lat)/i],
  [ImportField.LON, /(долгота|^lon|^lng)/i],
  [ImportField.URGENT, /(срочн|urgent)/i],
  [ImportField.IDENTIFIED, /(идентифиц|identified|подтвержд)/i],
];

/** A mapping guessed from the headers' words; a person checks it before the import. */
export function suggestMapping(headers: string[]): ImportColumn[] {
  const taken = new Set<number>();
  const out: ImportColumn[] = [];
  for (const [field, pattern] of SUGGESTIONS) {
    const at = headers.findIndex((h, i) => !taken.has(i) && h.trim() && pattern.test(h.trim()));
    if (at >= 0) {
      taken.add(at);
      out.push({ column: headers[at]!.trim(), field });
    }
  }
  return out;
}
