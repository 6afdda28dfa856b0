import type { Ctx } from '../../graphql/context.js';
import { PersonalDataAccess } from '../audit/personal-data-access.entity.js';
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

type Batch = { rows: PersonalDataAccess[]; waiting: { resolve: () => void; reject: (e: unknown) => void }[]; em: Ctx['em'] };
/** Per app instance (its live services), the views of live deliveries waiting for their write. */
const batches = new WeakMap<object, Batch>();

/**
 * A live event reaches every viewer of personal data within the same moment, each of whom must be logged before
 * the delivery leaves: their rows are gathered until the event loop's I/O turn and written in one statement, and
 * each delivery waits for that write (one insert per event, not per viewer).
 */
function logWithOthers(ctx: Ctx, live: object, rows: PersonalDataAccess[]): Promise<void> {
  let batch = batches.get(live);
  if (!batch) {
    const b: Batch = (batch = { rows: [], waiting: [], em: ctx.em });
    batches.set(live, b);
    setImmediate(() => {
      batches.delete(live);
      b.em
        .fork()
        .insertMany(b.rows)
        .then(
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
  const rows = items.map((item) =>
    ctx.em.create(
      PersonalDataAccess,
      {
        municipality: item.municipality.id,
        item: item.id,
        user: v.kind === 'user' ? v.userId : undefined,
        actorLabel: v.kind === 'user' ? v.username : `token:${v.name}`,
        action,
        at: ctx.now(),
      },
      { persist: false },
    ),
  );
  if (ctx.live && ctx.ws) return logWithOthers(ctx, ctx.live, rows);
  await ctx.em.insertMany(rows);
}
