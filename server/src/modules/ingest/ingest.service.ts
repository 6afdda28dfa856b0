import { validate, type ValidationError } from 'class-validator';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode } from '../../graphql/errors.js';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../graphql/rate-limit.js';
import { logger, safeError } from '../../shared/logger.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { calendarFor } from '../calendar/calendar.service.js';
import type { Category } from '../organisation/category.entity.js';
import { catalogueOf } from '../organisation/catalogue.js';
import type { Settlement } from '../organisation/settlement.entity.js';
import { Item } from '../items/item.entity.js';
import { groupIncidentPosts, newItemFields, newItemProblem, startFirstClock } from '../items/item.service.js';
import { machineFirstPass } from '../items/item-machine.js';
import type { MachineProposalData } from '../text/proposal.js';
import { randomUUID } from 'node:crypto';
import type { Topics } from '../../graphql/pubsub.js';
import { ItemEvent } from '../items/item-event.entity.js';
import { ClassifiedBy, ItemKind, ItemStatus } from '../items/item.enums.js';
import { actorOf, itemEventPayload } from '../items/item-history.js';
import { itemRowOf, type ItemView } from '../items/item-rows.js';
import { alertFactsOf } from '../live/alerts.js';
import { LiveEvent } from '../live/live-event.entity.js';
import { outboxRows } from '../live/outbox.js';
import { resetItemLoaders } from '../items/item.loaders.js';
import { accessFactsOf, ingestAnswerShowsItem, sendingToken, sendsSource } from '../items/item-access.js';
import { readRows } from '../../db/where-sql.js';
import { bulkRows, insertRows } from '../../db/bulk-insert.js';
import { INGEST_MAX, type IngestError, type IngestItemInput, type IngestItemResult, type IngestResult } from './ingest.types.js';

/** An input that passed its own checks, with what it names. */
type Accepted = {
  index: number;
  input: IngestItemInput;
  source: string;
  externalId: string;
  category: Category | null;
  settlement: Settlement | null;
  classifiedBy?: ClassifiedBy | null;
  machine?: MachineProposalData | null;
};

/** The values a new entity's own initialisers give (defaults the bulk insert must carry), its keys and dates aside. */
function defaultsOf(make: () => object): () => Record<string, unknown> {
  const blank = make() as Record<string, unknown>;
  const keep = Object.entries(blank).filter(([k, v]) => !['id', 'createdAt', 'updatedAt'].includes(k) && (v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v)));
  return () => Object.fromEntries(keep.map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}
const ITEM_DEFAULTS = defaultsOf(() => new Item());
const EVENT_DEFAULTS = defaultsOf(() => new ItemEvent());

/**
 * Ingestion's own budget: items a token may send a minute (`INGEST_ITEMS_PER_MINUTE`), beside the operations every
 * client may start (graphql/rate-limit.ts), since one call carries up to a thousand items. A call over the budget is
 * refused whole (RATE_LIMITED, `retryAfter`) and writes nothing; kept per process, like the other limits.
 */
const budgets = new Map<number, RateLimiterMemory>();
async function spendIngestBudget(ctx: Ctx, items: number): Promise<void> {
  const perMinute = ctx.config.ingestItemsPerMinute;
  if (!perMinute || !items || ctx.viewer?.kind !== 'token') return;
  let limiter = budgets.get(perMinute);
  if (!limiter) budgets.set(perMinute, (limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'ingest' })));
  try {
    await limiter.consume(ctx.viewer.tokenId, items);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    // A refused call spends nothing: its items are given back.
    await limiter.reward(ctx.viewer.tokenId, items);
    const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw rateLimited(retryAfter, `This token may send ${perMinute} items a minute; try again in ${retryAfter} s`);
  }
}

/** Up to this many accepted inputs get the machine's pass without first asking which pairs already name an item. */
const READ_WITHOUT_ASKING = 8;

/** Buckets of (source, externalId) pairs a municipality's ingestion locks by. */
const LOCK_BUCKETS = 64;

const pairKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * Items from another system, a batch at a time (docs/integrators.md, "Ingestion"). Each input is checked on its own:
 * one that fails gets its error at its position and the others go on. The accepted ones are written in one
 * transaction under locks of their pairs, after looking up which (source, externalId) pairs already name an item:
 * those are answered with that item (`created: false`), so a retry, a replay or two workers sending the same batch
 * at once never make a second item. New items are numbered, get their deadlines from their `receivedAt`, and are
 * announced like items made by hand (ITEM_EVENT: the live layer, the counts, the webhooks).
 */
export async function ingestItems(ctx: Ctx, inputs: IngestItemInput[]): Promise<IngestResult> {
  if (inputs.length > INGEST_MAX) throw badInput([{ field: 'items', problems: [`at most ${INGEST_MAX} items per call`] }]);
  const municipalityId = writableMunicipalityId(ctx);
  await spendIngestBudget(ctx, inputs.length);
  const now = ctx.now();
  const results: IngestItemResult[] = inputs.map((_, index) => ({ index, created: false, item: null, error: null }));
  if (!inputs.length) return summary(results);

  // The municipality's categories and settlements, remembered between calls (organisation/catalogue.ts).
  const catalogue = await catalogueOf(ctx.em, municipalityId, now.getTime());
  const categoryBy = catalogue.categoryByCode;
  const settlementBy = catalogue.settlementById;

  const accepted: Accepted[] = [];
  // Within a batch the first input of a pair is the one; a later one is answered with its item.
  const firstOf = new Map<string, number>();
  const repeats: { index: number; of: number }[] = [];
  for (const [index, input] of inputs.entries()) {
    const error = await problemOf(input, now, categoryBy, settlementBy);
    if (error) {
      results[index]!.error = error;
      continue;
    }
    const source = input.source.trim();
    const externalId = input.externalId.trim();
    // A token bound to some sources sends only those (the access policy).
    if (!sendsSource(ctx.viewer, source)) {
      results[index]!.error = sourceRefused(ctx);
      continue;
    }
    const key = pairKey(source, externalId);
    const first = firstOf.get(key);
    if (first !== undefined) {
      repeats.push({ index, of: first });
      continue;
    }
    firstOf.set(key, index);
    accepted.push({
      index,
      input,
      source,
      externalId,
      category: input.categoryCode ? categoryBy.get(input.categoryCode)! : null,
      settlement: input.settlementId ? settlementBy.get(input.settlementId)! : null,
    });
  }

  if (accepted.length) {
    // The machine's first pass, as for an item made by hand (items/item-machine.ts), over the inputs whose pair names
    // no item yet: a retry or a replay is answered with the item it made and reads nothing again. (The pairs are
    // looked up again under their locks when stored; one made meanwhile is answered as existing, its reading unused.)
    // A few inputs are read without asking: reading one costs a fraction of a millisecond, the question a round trip.
    const known =
      accepted.length <= READ_WITHOUT_ASKING
        ? []
        : await readRows<{ source: string; external_id: string }>(
            ctx.em,
            `select source, external_id from item
             where municipality_id = ? and (source, external_id) in (select s, e from unnest(?::text[], ?::text[]) as t(s, e))`,
            [municipalityId, accepted.map((a) => a.source), accepted.map((a) => a.externalId)],
          );
    const knownPairs = new Set(known.map((r) => pairKey(r.source, r.external_id)));
    const unread = accepted.filter((a) => !knownPairs.has(pairKey(a.source, a.externalId)));
    const passed = await machineFirstPass(ctx, municipalityId, unread, catalogue);
    passed.forEach((p, i) => Object.assign(unread[i]!, p));
    try {
      await store(ctx, municipalityId, accepted, results);
    } catch (e) {
      if (e instanceof AppError) throw e;
      // Something the checks above did not foresee failed the batch's transaction, which wrote nothing: each input
      // alone, so that the one at fault is reported at its position and the others are still accepted.
      logger.warn('ingestItems: the batch failed; storing its items one by one', safeError(e));
      for (const a of accepted) {
        try {
          await store(ctx, municipalityId, [a], results);
        } catch (one) {
          if (one instanceof AppError) throw one;
          logger.warn('ingestItems: an item was not stored', { index: a.index, ...safeError(one) });
          results[a.index]!.error = { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The item could not be stored', field: null };
        }
      }
    }
  }
  // Posts of one social-media incident, grouped as they arrive (items/item.service.ts, `groupIncidentPosts`).
  const incidents = results.filter((r) => r.created && r.item?.kind === ItemKind.INCIDENT).map((r) => r.item!.id);
  if (incidents.length) {
    // A post grouped under an earlier one is answered as it now is (MERGED into it), not as it was created.
    const grouped = new Map((await groupIncidentPosts(ctx, incidents)).map((item) => [item.id, item]));
    for (const r of results) if (r.item && grouped.has(r.item.id)) r.item = grouped.get(r.item.id)!;
  }
  for (const r of repeats) {
    const first = results[r.of]!;
    results[r.index] = first.item ? { index: r.index, item: first.item, created: false, error: null } : { ...first, index: r.index };
  }
  resetItemLoaders(ctx);
  return summary(answered(ctx, results));
}

/** Writes the accepted inputs of a batch in one transaction and fills in their results. */
async function store(ctx: Ctx, municipalityId: string, batch: Accepted[], results: IngestItemResult[]): Promise<void> {
  const now = ctx.now();
  const done = await ctx.em.transactional(async (tx) => {
    // The pairs' locks, taken in one order (no deadlock): a transaction sending the same pair waits for this one and
    // its lookup below then sees the pair committed. Pairs are locked by bucket (LOCK_BUCKETS of a municipality), so
    // a batch takes a bounded number of locks and two senders of different items rarely wait for each other.
    await readRows(
      tx,
      `select pg_advisory_xact_lock(k) from (
         select distinct hashtextextended(? || ':' || (abs(hashtext(s || chr(31) || e)) % ${LOCK_BUCKETS})::text, 0) as k
         from unnest(?::text[], ?::text[]) as t(s, e) order by 1) x`,
      [`ingest:${municipalityId}`, batch.map((a) => a.source), batch.map((a) => a.externalId)],
    );
    const found = await readRows<{ id: string; source: string; external_id: string }>(
      tx,
      `select id, source, external_id from item
       where municipality_id = ? and (source, external_id) in (select s, e from unnest(?::text[], ?::text[]) as t(s, e))`,
      [municipalityId, batch.map((a) => a.source), batch.map((a) => a.externalId)],
    );
    const existingId = new Map(found.map((r) => [pairKey(r.source, r.external_id), r.id]));
    const fresh = batch.filter((a) => !existingId.has(pairKey(a.source, a.externalId)));

    const calendar = await calendarFor(tx, municipalityId, now.getTime());
    // The new items, their CREATED events and their announcements are built as rows and written by one statement
    // below, not through the unit of work: a batch's thousand entities and their change sets cost most of its time.
    // The fields are those of any new item (newItemFields, startFirstClock).
    const actor = actorOf(ctx);
    type NewRow = Record<string, unknown> & Pick<Item, 'id' | 'kind' | 'status' | 'urgent' | 'number' | 'receivedAt' | 'registrationDueAt' | 'clockStartedAt' | 'dueAt' | 'dueSoonAt'>;
    const rows = new Map<Accepted, { item: NewRow; facts: Parameters<typeof itemEventPayload>[0] }>();
    const eventRows: Record<string, unknown>[] = [];
    const announced: { payload: Topics['ITEM_EVENT'][0]; at: Date }[] = [];
    const created = { type: 'CREATED', at: now, from: ItemStatus.NEW, to: ItemStatus.NEW };
    const sentByToken = sendingToken(ctx.viewer);
    for (const a of fresh) {
      const fields = newItemFields({ ...a.input, register: false }, {
        municipalityId,
        number: '', // given below
        receivedAt: a.input.receivedAt,
        calendar,
        category: a.category,
        settlement: a.settlement,
        source: a.source,
        externalId: a.externalId,
        classifiedBy: a.classifiedBy,
        machine: a.machine,
        sentByToken,
      });
      const item: NewRow = {
        ...ITEM_DEFAULTS(),
        ...fields,
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        version: 1,
        settlement: fields.settlement?.id,
        category: fields.category?.id,
        sector: fields.sector?.id,
      };
      startFirstClock(item, calendar);
      const facts = { ...item, municipality: { id: municipalityId }, settlement: a.settlement, sector: fields.sector ?? null, department: null, executor: null };
      rows.set(a, { item, facts });
      eventRows.push({
        ...EVENT_DEFAULTS(),
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        item: item.id,
        municipality: municipalityId,
        at: now,
        actor: actor.userId,
        actorLabel: actor.label,
        type: created.type,
        fromStatus: created.from,
        toStatus: created.to,
      });
      announced.push({ payload: itemEventPayload(facts, created), at: now });
    }
    // Everything new is written in one statement, as late as can be: the numbers (the counter's row of each year
    // stays locked until the commit, and every new item of the year waits for it), the items, their CREATED events
    // and their announcements (db/bulk-insert.ts); the new items come back as rows, numbered. A number is by the
    // year the item was received in, in the municipality's time zone.
    const numbered = new Map<string, Record<string, unknown>>();
    const freshRows = [...rows.values()];
    if (freshRows.length) {
      const years = fresh.map((a) => Number(calendar.localDate(a.input.receivedAt).slice(0, 4)));
      const items = bulkRows(tx, Item, freshRows.map((r) => ({ ...r.item, number: undefined })));
      const events = bulkRows(tx, ItemEvent, eventRows);
      const live = bulkRows(tx, LiveEvent, outboxRows('ITEM_EVENT', announced));
      const list = (t: { columns: string[] }, prefix = '') => t.columns.map((c) => prefix + c).join(', ');
      const written = await readRows<{ data: Record<string, unknown> }>(
        tx,
        `with n as (
           insert into item_counter (key, value)
           select ? || ':' || y::text, count(*) from unnest(?::int[]) as t(y) group by y order by y
           on conflict (key) do update set value = item_counter.value + excluded.value
           returning key, value
         ), r as (
           select x.*, y.year, row_number() over (partition by y.year order by x.ordinality) as k, count(*) over (partition by y.year) as c
           from jsonb_populate_recordset(null::${items.table}, ?::jsonb) with ordinality as x
           join unnest(?::int[]) with ordinality as y(year, ord) on y.ord = x.ordinality
         ), i as (
           insert into ${items.table} (${list(items)}, "number")
           select ${list(items, 'r.')}, r.year::text || '-' || lpad((n.value - r.c + r.k)::text, 6, '0')
           from r join n on n.key = ? || ':' || r.year::text
           returning to_jsonb(${items.table}) - 'search' as data
         ), e as (
           insert into ${events.table} (${list(events)}) select ${list(events)} from jsonb_populate_recordset(null::${events.table}, ?::jsonb)
         ), l as (
           insert into ${live.table} (${list(live)}) select ${list(live)} from jsonb_populate_recordset(null::${live.table}, ?::jsonb)
         )
         select data from i`,
        [municipalityId, years, items.json, years, municipalityId, events.json, live.json],
      );
      for (const w of written) numbered.set(String(w.data.id), w.data);
      for (const r of freshRows) r.item.number = String(numbered.get(r.item.id)!.number);
    }
    // An urgent item's alert, as createItem raises it (with its number).
    const alerts = freshRows
      .filter(({ item }) => item.urgent)
      .map(({ item, facts }) => ({
        payload: {
          municipalityId,
          alertType: 'URGENT_ITEM' as const,
          level: 'CRITICAL' as const,
          message: `Срочное: ${item.number}`,
          at: now.toISOString(),
          itemId: item.id,
          ...alertFactsOf(facts as never),
        },
        at: now,
      }));
    await insertRows(tx, LiveEvent, outboxRows('ALERT', alerts));
    return { ids: new Map([...rows].map(([a, r]) => [a, r.item.id])), existingId, numbered };
  });
  // The answers: the new items as the insert returned them, those the pairs already named read after the commit.
  const others = [...done.existingId.values()];
  const read = others.length
    ? await readRows<{ data: Record<string, unknown> }>(ctx.em, `select to_jsonb(i) - 'search' as data from item i where i.id = any(?::uuid[])`, [others])
    : [];
  const rowOf = new Map<string, ItemView>([...done.numbered.values(), ...read.map((r) => r.data)].map((d) => [String(d.id), itemRowOf(ctx.em, d)]));
  for (const a of batch) {
    const id = done.ids.get(a);
    const item = rowOf.get(id ?? done.existingId.get(pairKey(a.source, a.externalId))!) ?? null;
    results[a.index] = { index: a.index, item, created: id !== undefined, error: null };
  }
}

/** What is wrong with one input, as its error, or null: the input type's rules, then those of any new item. */
async function problemOf(
  input: IngestItemInput,
  now: Date,
  categoryBy: ReadonlyMap<string, Category>,
  settlementBy: ReadonlyMap<string, Settlement>,
): Promise<IngestError | null> {
  const invalid = await validate(input, { forbidUnknownValues: false });
  if (invalid.length) {
    const [field, problems] = firstProblem(invalid);
    return { code: ErrorCode.BAD_USER_INPUT, message: `${field}: ${problems.join('; ')}`, field };
  }
  const own = newItemProblem(input, input.receivedAt, now);
  if (own) return { code: ErrorCode.BAD_USER_INPUT, message: `${own.field}: ${own.problems.join('; ')}`, field: own.field };
  const category = input.categoryCode ? categoryBy.get(input.categoryCode) : null;
  if (input.categoryCode && !category) return { code: ErrorCode.BAD_USER_INPUT, message: `categoryCode: unknown category ${input.categoryCode}`, field: 'categoryCode' };
  if (input.settlementId && !settlementBy.has(input.settlementId)) {
    return { code: ErrorCode.BAD_USER_INPUT, message: 'settlementId: unknown settlement', field: 'settlementId' };
  }
  if (input.urgent && category && !category.urgentCapable) {
    return { code: ErrorCode.BAD_USER_INPUT, message: `urgent: items of category ${category.code} cannot be urgent`, field: 'urgent' };
  }
  return null;
}

/** The first failed field of a validation, by its path (`applicant.email`), and what it broke. */
function firstProblem(errors: ValidationError[], prefix = ''): [string, string[]] {
  const e = errors[0]!;
  const path = `${prefix}${e.property}`;
  if (e.constraints && Object.keys(e.constraints).length) return [path, Object.values(e.constraints)];
  if (e.children?.length) return firstProblem(e.children, `${path}.`);
  return [path, ['invalid']];
}

/** The error of an input whose source the token may not send. */
function sourceRefused(ctx: Ctx): IngestError {
  const sources = ctx.viewer?.kind === 'token' ? (ctx.viewer.sources ?? []) : [];
  return { code: ErrorCode.FORBIDDEN, field: 'source', message: `source: this token sends only ${sources.join(', ')}` };
}

/** The results as the access policy lets the viewer see them: every item's identity, the item itself if it reads it. */
function answered(ctx: Ctx, results: IngestItemResult[]): IngestItemResult[] {
  for (const r of results) {
    if (!r.item) continue;
    r.itemId = r.item.id;
    r.number = r.item.number;
    if (!ingestAnswerShowsItem(ctx.viewer, accessFactsOf(r.item))) r.item = null;
  }
  return results;
}

function summary(results: IngestItemResult[]): IngestResult {
  return {
    results,
    created: results.filter((r) => r.created).length,
    existing: results.filter((r) => !r.created && r.itemId).length,
    rejected: results.filter((r) => r.error).length,
  };
}

/**
 * What `ingestItems` would refuse of `inputs`, writing nothing: each input's error at its position (null: it would be
 * accepted), by the same checks and the same catalogue lookups. For bulk import's dry run (modules/imports).
 */
export async function ingestProblems(ctx: Ctx, inputs: IngestItemInput[]): Promise<(IngestError | null)[]> {
  const now = ctx.now();
  const { categoryByCode, settlementById } = await catalogueOf(ctx.em, writableMunicipalityId(ctx), now.getTime());
  return Promise.all(
    inputs.map(async (input) => (await problemOf(input, now, categoryByCode, settlementById)) ?? (sendsSource(ctx.viewer, input.source.trim()) ? null : sourceRefused(ctx))),
  );
}
