import type { Ctx } from '../../graphql/context.js';
import { randomUUID } from 'node:crypto';
import { readRows } from '../../db/where-sql.js';
import { accessFactsOf, seesPersonalData } from './item-access.js';
import type { ItemView } from './item-rows.js';
import { maskApplicant, type Applicant } from './personal-data.js';

/**
 * The applicant of an item as this viewer may see it: in full for the roles that work the item (the access
 * policy decides), masked for everyone else. Every view in full is written to the access log (152-ФЗ,
 * docs/domain.md §6) before the data leave the server.
 */
export async function applicantFor(ctx: Ctx, item: ItemView): Promise<Applicant & { masked: boolean }> {
  const raw: Applicant = {
    name: item.applicantName ?? null,
    phone: item.applicantPhone ?? null,
    email: item.applicantEmail ?? null,
    address: item.applicantAddress ?? null,
  };
  const v = ctx.viewer;
  if (!v || !seesPersonalData(v, accessFactsOf(item))) return { ...maskApplicant(raw), masked: true };
  if (raw.name || raw.phone || raw.email || raw.address) {
    await logPersonalDataAccess(ctx, [item], 'VIEW');
  }
  return { ...raw, masked: false };
}

/** One row of the access log, as written. */
type AccessRow = { municipalityId: string; itemId: string; userId: string | null; actorLabel: string; action: string; at: Date };
type Batch = { rows: AccessRow[]; waiting: { resolve: () => void; reject: (e: unknown) => void }[]; em: Ctx['em'] };
/** Per request (its entity manager) or per live delivery (the instance's live services), the rows waiting for their write. */
const batches = new WeakMap<object, Batch>();

/** The rows in one statement (arrays unnested; an append-only log needs no entity). */
async function insertRows(em: Ctx['em'], rows: AccessRow[]): Promise<void> {
  const written = new Date();
  await readRows(
    em,
    `insert into "personal_data_access" ("id", "created_at", "updated_at", "municipality_id", "item_id", "user_id", "actor_label", "action", "at")
     select * from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[])`,
    [
      rows.map(() => randomUUID()),
      rows.map(() => written),
      rows.map(() => written),
      rows.map((r) => r.municipalityId),
      rows.map((r) => r.itemId),
      rows.map((r) => r.userId),
      rows.map((r) => r.actorLabel),
      rows.map((r) => r.action),
      rows.map((r) => r.at),
    ],
  );
}

/**
 * The views of one moment are written together: the applicants of a page's items (one request), or every viewer a
 * live event reaches. Their rows are gathered until the event loop's I/O turn and written in one statement, and
 * each field waits for that write before its data leave the server (one insert per request or event, not per row).
 */
function logTogether(key: object, em: Ctx['em'], rows: AccessRow[]): Promise<void> {
  let batch = batches.get(key);
  if (!batch) {
    const b: Batch = (batch = { rows: [], waiting: [], em });
    batches.set(key, b);
    setImmediate(() => {
      batches.delete(key);
      insertRows(b.em, b.rows).then(
        () => b.waiting.forEach((w) => w.resolve()),
        (e: unknown) => b.waiting.forEach((w) => w.reject(e)),
      );
    });
  }
  batch.rows.push(...rows);
  return new Promise((resolve, reject) => batch.waiting.push({ resolve, reject }));
}

/** Writes one access-log row per item (a view or an export of its applicant's data). */
export async function logPersonalDataAccess(ctx: Ctx, items: readonly ItemView[], action: 'VIEW' | 'EXPORT' | 'DOWNLOAD'): Promise<void> {
  const v = ctx.viewer;
  if (!v || !items.length) return;
  const at = ctx.now();
  const rows = items.map((item) => ({
    municipalityId: item.municipality.id,
    itemId: item.id,
    userId: v.kind === 'user' ? v.userId : null,
    actorLabel: v.kind === 'user' ? v.username : `token:${v.name}`,
    action,
    at,
  }));
  // A live delivery's viewers share one write per event; a request's fields one per request.
  if (ctx.live && ctx.ws) return logTogether(ctx.live, ctx.em, rows);
  return logTogether(ctx.em, ctx.em, rows);
}
