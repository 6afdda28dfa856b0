import { raw, type EntityField, type FilterQuery } from '@mikro-orm/core';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { IANAZone } from 'luxon';
import type { Ctx } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { granted } from '../../graphql/auth-checker.js';
import { Permission } from '../auth/roles.js';
import { itemsWhere } from '../items/item-queries.js';
import { seesPersonalData } from '../items/item-access.js';
import { logPersonalDataAccess } from '../items/personal-data.service.js';
import { maskApplicant, type Applicant } from '../items/personal-data.js';
import { stateOf } from '../items/deadlines.js';
import { Item } from '../items/item.entity.js';
import { ItemSort } from '../items/item.inputs.js';
import type { Channel, ItemKind, ItemStatus, Outcome } from '../items/item.enums.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { User } from '../users/user.entity.js';
import {
  APPLICANT_COLUMNS,
  CHANNEL_RU,
  DEADLINE_STATE_RU,
  ITEM_COLUMNS,
  KIND_RU,
  MUNICIPALITY_COLUMN,
  NO,
  NOT_RATED,
  OUTCOME_RU,
  STATUS_RU,
  wallClock,
  YES,
  type Cell,
  type ExportColumn,
} from './item-export.columns.js';
import type { ItemExportOptions } from './item-export.query.js';

/**
 * A row-level export of the items of any inbox filter (docs/api.md "Exports"). The rows are read in keyset pages
 * of `EXPORT_PAGE` in the inbox's order and handed out page by page, so that memory does not grow with the number
 * of rows: the caller writes each page before it asks for the next. Reach and the filter are the inbox's
 * (`itemsWhere`); the applicant, asked for with `personalData`, is in full on a row only where the access policy
 * says so (`seesPersonalData`), masked otherwise, and every row with an applicant in full is written to the access
 * log (action EXPORT) before its page leaves.
 */

export const EXPORT_PAGE = 1000;

export type ItemExport = {
  columns: ExportColumn[];
  /** One array of rows per page, cells in the order of `columns`. Ask for the next page once this one is written. */
  pages: AsyncGenerator<Cell[][], void, undefined>;
};

// ---------------------------------------------------------------------------------------------------------------
// The order: the inbox's sorts (item-queries.ts), as phases that each page on one column and the id.

type Phase = {
  /** The rows of this phase. */
  where: FilterQuery<Item>;
  /** The column this phase is ordered by before the id (ascending), or none: by id alone. */
  key: { property: 'receivedAt' | 'dueAt'; column: 'received_at' | 'due_at'; dir: 'asc' | 'desc' } | null;
};

const RECEIVED = { property: 'receivedAt', column: 'received_at' } as const;
const DUE = { property: 'dueAt', column: 'due_at', dir: 'asc' } as const;

/** "Due ascending, nulls last": the items with a running clock by it, then the rest. */
const byDue = (where: { urgent?: boolean }): Phase[] => [
  { where: { ...where, dueAt: { $ne: null } }, key: DUE },
  { where: { ...where, dueAt: null }, key: null },
];

/** The same order as the inbox's `items(sort)`: urgent desc, due asc nulls last, received asc or desc; then id. */
function phasesOf(sort: ItemSort): Phase[] {
  switch (sort) {
    case ItemSort.URGENT_FIRST:
      return [...byDue({ urgent: true }), ...byDue({ urgent: false })];
    case ItemSort.DUE_ASC:
      return byDue({});
    case ItemSort.RECEIVED_DESC:
      return [{ where: {}, key: { ...RECEIVED, dir: 'desc' } }];
    case ItemSort.RECEIVED_ASC:
      return [{ where: {}, key: { ...RECEIVED, dir: 'asc' } }];
  }
}

/**
 * The rows after the last one read, in the phase's order. The key of that row is taken from the database by its
 * id, at full (microsecond) precision, not from the entity (milliseconds), so that no row is skipped or repeated.
 * The bound on the column alone (`>=`, `<=`) lets an index on it start where the last page ended. The subquery
 * reads one column of a row just read through the tenant filter; the outer query keeps the filter.
 */
function after(phase: Phase, lastId: string): FilterQuery<Item> {
  const key = phase.key;
  if (!key) return { id: { $gt: lastId } };
  const c = key.column;
  const k = `(select k.${c} from item k where k.id = ?)`;
  const fragment =
    key.dir === 'asc'
      ? raw((a: string) => `${a}.${c} >= ${k} and (${a}.${c}, ${a}.id) > (select k.${c}, k.id from item k where k.id = ?)`, [lastId, lastId])
      : raw((a: string) => `${a}.${c} <= ${k} and (${a}.${c} < ${k} or ${a}.id > ?)`, [lastId, lastId, lastId]);
  return { [fragment]: [] } as FilterQuery<Item>;
}

function orderOf(phase: Phase): Record<string, 'asc' | 'desc'> {
  return phase.key ? { [phase.key.property]: phase.key.dir, id: 'asc' } : { id: 'asc' };
}

// ---------------------------------------------------------------------------------------------------------------
// Names of the organisation, loaded as pages name them (a few hundred at most), never per row.

type Names = Map<string, string>;

/** A municipality's name and the wall clock of its time zone (offsets cached per quarter hour: zone rules change on one). */
class Municipal {
  private readonly offsets = new Map<number, number>();
  constructor(
    readonly name: string,
    private readonly zone: IANAZone,
  ) {}

  at(d: Date | null | undefined): Date | null {
    if (!d) return null;
    const ms = d.getTime();
    const bucket = Math.floor(ms / 900_000);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size > 100_000) this.offsets.clear();
      offset = this.zone.offset(ms);
      this.offsets.set(bucket, offset);
    }
    return wallClock(d, offset);
  }
}

class Lookups {
  readonly category: Names = new Map();
  readonly sector: Names = new Map();
  readonly settlement: Names = new Map();
  readonly department: Names = new Map();
  readonly executor: Names = new Map();
  readonly municipality = new Map<string, Municipal>();

  constructor(private readonly ctx: Ctx) {}

  private static missing(known: Map<string, unknown>, ids: (string | null | undefined)[]): string[] {
    return [...new Set(ids.filter((id): id is string => !!id && !known.has(id)))];
  }

  private async names<T extends { id: string }>(entity: new () => T, field: keyof T & string, known: Names, ids: (string | null)[]): Promise<void> {
    const missing = Lookups.missing(known, ids);
    if (!missing.length) return;
    const rows = await this.ctx.em.find(entity as never, { id: { $in: missing } } as never, { fields: [field] as never });
    for (const r of rows as T[]) known.set(r.id, String(r[field]));
  }

  async load(rows: ItemRow[]): Promise<void> {
    await this.names(Category, 'name', this.category, rows.map((r) => r.category));
    await this.names(Sector, 'name', this.sector, rows.map((r) => r.sector));
    await this.names(Settlement, 'name', this.settlement, rows.map((r) => r.settlement));
    await this.names(Department, 'name', this.department, rows.map((r) => r.department));
    await this.names(User, 'fullName', this.executor, rows.map((r) => r.executor));
    const municipalities = Lookups.missing(this.municipality, rows.map((r) => r.municipality));
    if (municipalities.length) {
      for (const m of await this.ctx.em.find(Municipality, { id: { $in: municipalities } }, { fields: ['name', 'timezone'] })) {
        this.municipality.set(m.id, new Municipal(m.name, IANAZone.create(m.timezone)));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

const FIELDS = [
  'id',
  'number',
  'kind',
  'channel',
  'municipality',
  'category',
  'sector',
  'settlement',
  'department',
  'executor',
  'urgent',
  'status',
  'receivedAt',
  'registeredAt',
  'answerDueAt',
  'firstReactionDueAt',
  'dueAt',
  'dueSoonAt',
  'pausedAt',
  'answeredAt',
  'closedAt',
  'outcome',
  'satisfied',
] as const satisfies readonly EntityField<Item>[];

const APPLICANT_FIELDS = ['applicantName', 'applicantPhone', 'applicantEmail', 'applicantAddress'] as const satisfies readonly EntityField<Item>[];

/** A row as the query builder maps it: columns by property name, a relation as its id. */
type ItemRow = {
  id: string;
  number: string;
  kind: ItemKind;
  channel: Channel;
  municipality: string;
  category: string | null;
  sector: string | null;
  settlement: string | null;
  department: string | null;
  executor: string | null;
  urgent: boolean;
  status: ItemStatus;
  receivedAt: Date;
  registeredAt: Date | null;
  answerDueAt: Date | null;
  firstReactionDueAt: Date | null;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  pausedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  outcome: Outcome | null;
  satisfied: boolean | null;
  applicantName?: string | null;
  applicantPhone?: string | null;
  applicantEmail?: string | null;
  applicantAddress?: string | null;
};

const name = (names: Names, id: string | null): string | null => (id ? (names.get(id) ?? null) : null);

/**
 * Opens an export for the viewer. Refuses (FORBIDDEN) a viewer without ITEMS_READ; a `kpi` drill-down needs
 * KPI_READ as in the inbox. Nothing is read until the first page is asked for; the database's refusal of a
 * malformed value (e.g. an id that is not a UUID) comes with the first page, so ask for it before answering.
 */
export async function exportItems(ctx: Ctx, options: ItemExportOptions, pageSize = EXPORT_PAGE): Promise<ItemExport> {
  const viewer = ctx.viewer;
  if (!viewer || !granted(viewer, [Permission.ITEMS_READ])) throw forbidden('Reading items is not allowed for your role');
  const now = ctx.now();
  const base = await itemsWhere(ctx, options.filter);
  const regional = viewer.municipalityId === null;
  const columns = [...(regional ? [MUNICIPALITY_COLUMN] : []), ...ITEM_COLUMNS, ...(options.personalData ? APPLICANT_COLUMNS : [])];
  const fields = [...FIELDS, ...(options.personalData ? APPLICANT_FIELDS : [])];
  const lookups = new Lookups(ctx);

  async function cellsOf(rows: ItemRow[]): Promise<Cell[][]> {
    await lookups.load(rows);
    const inFull: Item[] = [];
    const cells = rows.map((r): Cell[] => {
      const m = lookups.municipality.get(r.municipality)!;
      const state = stateOf({ dueAt: r.dueAt ?? undefined, dueSoonAt: r.dueSoonAt ?? undefined, pausedAt: r.pausedAt ?? undefined }, now);
      const row: Cell[] = [
        ...(regional ? [m.name] : []),
        r.number,
        KIND_RU[r.kind] ?? r.kind,
        CHANNEL_RU[r.channel] ?? r.channel,
        name(lookups.category, r.category),
        name(lookups.sector, r.sector),
        name(lookups.settlement, r.settlement),
        name(lookups.department, r.department),
        name(lookups.executor, r.executor),
        r.urgent ? YES : NO,
        m.at(r.receivedAt),
        m.at(r.registeredAt),
        m.at(r.answerDueAt),
        m.at(r.firstReactionDueAt),
        m.at(r.dueAt),
        state ? DEADLINE_STATE_RU[state] : null,
        m.at(r.answeredAt),
        m.at(r.closedAt),
        STATUS_RU[r.status] ?? r.status,
        r.outcome ? (OUTCOME_RU[r.outcome] ?? r.outcome) : null,
        r.satisfied === true ? YES : r.satisfied === false ? NO : NOT_RATED,
      ];
      if (options.personalData) {
        const applicant: Applicant = {
          name: r.applicantName ?? null,
          phone: r.applicantPhone ?? null,
          email: r.applicantEmail ?? null,
          address: r.applicantAddress ?? null,
        };
        const full = seesPersonalData(viewer, { kind: r.kind, sectorId: r.sector, departmentId: r.department, executorId: r.executor });
        // As for a view (personal-data.service.ts): a row is logged when it carries personal data in full.
        if (full && (applicant.name || applicant.phone || applicant.email || applicant.address)) {
          const item = ctx.em.getReference(Item, r.id);
          item.municipality = ctx.em.getReference(Municipality, r.municipality, { wrapped: true });
          inFull.push(item);
        }
        const shown = full ? applicant : maskApplicant(applicant);
        row.push(shown.name, shown.phone, shown.email, shown.address, full ? NO : YES);
      }
      return row;
    });
    // Written to the access log before the page leaves the server (152-ФЗ, docs/domain.md §6).
    await logPersonalDataAccess(ctx, inFull, 'EXPORT');
    return cells;
  }

  async function* pages(): AsyncGenerator<Cell[][], void, undefined> {
    for (const phase of phasesOf(options.sort)) {
      let lastId: string | null = null;
      for (;;) {
        const where: FilterQuery<Item> = { $and: [base(), phase.where, ...(lastId ? [after(phase, lastId)] : [])] };
        // Plain rows, not entities: hydrating and tracking a thousand items per page costs more than reading them.
        const qb: QueryBuilder<Item> = ctx.em
          .createQueryBuilder(Item, 'i')
          .select(fields as never)
          .where(where)
          .orderBy(orderOf(phase))
          .limit(pageSize);
        // A query builder does not apply the ORM's filters by itself: the tenant filter (db/tenant-filter.ts), with the
        // viewer's parameters, is ANDed here (it fails closed without them, as for any query).
        await qb.applyFilters();
        const rows: ItemRow[] = await qb.execute('all', true);
        if (!rows.length) break;
        const cells = await cellsOf(rows);
        const next: string = rows[rows.length - 1]!.id;
        if (!next || next === lastId) throw new Error('item export: a page did not advance');
        lastId = next;
        // Forget the page's references and names: the identity map would otherwise keep them for the whole export.
        ctx.em.clear();
        yield cells;
        if (rows.length < pageSize) break;
      }
    }
  }

  return { columns, pages: pages() };
}
