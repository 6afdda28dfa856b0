import { OptimisticLockError, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { Role } from '../auth/roles.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { User } from '../users/user.entity.js';
import { Attachment } from '../files/attachment.entity.js';
import {
  appealExtendedDueAt,
  incidentFinalAnswerDueAt,
  clockPauses,
  dueAfterPause,
  qualityReviewDueAt,
  slaPreview,
  SlaRuleError,
  type WorkingCalendar,
} from '../sla/index.js';
import { AnswerKind, AnswerStatus, ItemAnswer } from './item-answer.entity.js';
import { ItemEvent } from './item-event.entity.js';
import { Item } from './item.entity.js';
import { Channel, DeadlineState, ItemKind, ItemStatus, Outcome } from './item.enums.js';
import type {
  AnswerInput,
  ApproveInput,
  AssignInput,
  ExtendInput,
  ItemFilter,
  ItemInput,
  LeaveInput,
  RatingInput,
  RedirectInput,
  ReturnInput,
} from './item.inputs.js';
import { ItemQueue, ItemSort } from './item.inputs.js';
import { applyRegistrationClocks, runClock, stopClock } from './deadlines.js';
import { CLOSED_STATUSES, ItemAction, nextStatus, refusal, type ActorFacts, type ItemFacts } from './lifecycle.js';
import { notifyItem, publishNotifications } from './item.notify.js';
import { resetItemLoaders } from './item.loaders.js';

export const MAX_PAGE = 100;

/** Channels through which an item arrives electronically: such an APPEAL needs an identified citizen (law). */
const ELECTRONIC: readonly Channel[] = [
  Channel.EPGU,
  Channel.WEB_FORM,
  Channel.POS,
  Channel.EMAIL,
  Channel.WEB_WIDGET,
  Channel.MESSENGER,
  Channel.SOCIAL_VK,
  Channel.SOCIAL_OK,
  Channel.SOCIAL_TELEGRAM,
];

// ---------------------------------------------------------------------------------------------------------------
// Who is acting

export function actorOf(ctx: Ctx): ActorFacts {
  const v = ctx.viewer;
  if (v?.kind !== 'user') return { userId: '', roles: [], departmentId: null, sectorIds: [] };
  return { userId: v.userId, roles: v.roles, departmentId: v.departmentId, sectorIds: v.sectorIds };
}

export function factsOf(item: Item): ItemFacts {
  return {
    kind: item.kind,
    status: item.status,
    sectorId: item.sector?.id ?? null,
    departmentId: item.department?.id ?? null,
    executorId: item.executor?.id ?? null,
    extended: !!item.extendedAt,
  };
}

/** An executor (with no broader role) sees only the items of their department. */
function visibilityScope(ctx: Ctx): FilterQuery<Item> {
  const v = ctx.viewer;
  if (v?.kind !== 'user') return {};
  const broader = v.roles.some((r) => r !== Role.EXECUTOR);
  if (broader) return {};
  return { department: v.departmentId ?? '00000000-0000-0000-0000-000000000000' };
}

function actorLabel(ctx: Ctx): string {
  const v = ctx.viewer;
  if (!v) return 'system';
  return v.kind === 'user' ? v.username : `token:${v.name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// History

type Snapshot = Record<string, unknown>;

function snapshot(item: Item): Snapshot {
  const iso = (d?: Date) => (d ? d.toISOString() : null);
  return {
    status: item.status,
    categoryId: item.category?.id ?? null,
    departmentId: item.department?.id ?? null,
    executorId: item.executor?.id ?? null,
    urgent: item.urgent,
    dueAt: iso(item.dueAt),
    answerDueAt: iso(item.answerDueAt),
    finalAnswerDueAt: iso(item.finalAnswerDueAt),
    pausedAt: iso(item.pausedAt),
    extendedAt: iso(item.extendedAt),
    outcome: item.outcome ?? null,
    satisfied: item.satisfied ?? null,
    parentId: item.parent?.id ?? null,
    redirectedTo: item.redirectedTo ?? null,
    noAnswerReason: item.noAnswerReason ?? null,
  };
}

function diff(before: Snapshot, after: Snapshot): Record<string, { before: unknown; after: unknown }> | undefined {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return Object.keys(changes).length ? changes : undefined;
}

export function recordEvent(
  em: EntityManager,
  ctx: Ctx,
  item: Item,
  type: string,
  from: ItemStatus | undefined,
  to: ItemStatus | undefined,
  comment?: string,
  changes?: Record<string, { before: unknown; after: unknown }>,
  details?: Record<string, unknown>,
): ItemEvent {
  const v = ctx.viewer;
  return em.create(ItemEvent, {
    municipality: item.municipality,
    item,
    at: ctx.now(),
    actor: v?.kind === 'user' ? v.userId : undefined,
    actorLabel: actorLabel(ctx),
    type,
    fromStatus: from,
    toStatus: to,
    comment: comment?.trim() || undefined,
    changes,
    details,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Creating

async function nextNumber(em: EntityManager, municipalityId: string, year: number): Promise<string> {
  const rows: { value: number }[] = await em
    .getConnection()
    .execute(
      `insert into item_counter (key, value) values (?, 1)
       on conflict (key) do update set value = item_counter.value + 1 returning value`,
      [`${municipalityId}:${year}`],
    );
  return `${year}-${String(rows[0]!.value).padStart(6, '0')}`;
}

export async function createItem(ctx: Ctx, input: ItemInput): Promise<Item> {
  const municipalityId = writableMunicipalityId(ctx);
  const em = ctx.em;
  const now = ctx.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw badInput([{ field: 'receivedAt', problems: ['cannot be in the future'] }]);
  }
  if (input.kind === ItemKind.APPEAL && ELECTRONIC.includes(input.channel) && !input.identified) {
    throw badInput([
      { field: 'identified', problems: ['an electronic item from a citizen who was not identified is a MESSAGE, not an APPEAL'] },
    ]);
  }
  const [category, settlement] = await Promise.all([
    input.categoryCode ? em.findOne(Category, { code: input.categoryCode }) : null,
    input.settlementId ? em.findOne(Settlement, { id: input.settlementId }) : null,
  ]);
  if (input.categoryCode && !category) throw badInput([{ field: 'categoryCode', problems: ['unknown category'] }]);
  if (input.settlementId && !settlement) throw badInput([{ field: 'settlementId', problems: ['unknown settlement'] }]);
  if (input.urgent && category && !category.urgentCapable) {
    throw badInput([{ field: 'urgent', problems: [`items of category ${category.code} cannot be urgent`] }]);
  }
  const source = input.source?.trim() || 'dashboard';
  const externalId = input.externalId?.trim() || undefined;
  if (externalId) {
    const existing = await em.findOne(Item, { source, externalId });
    if (existing) {
      throw new AppError(ErrorCode.CONFLICT, 'An item with this source and external id exists', {
        field: 'externalId',
        existingId: existing.id,
      });
    }
  }
  const calendar = await calendarFor(em, municipalityId, now.getTime());
  const year = Number(calendar.localDate(receivedAt).slice(0, 4));
  const a = input.applicant;
  const item = em.create(Item, {
    municipality: municipalityId,
    number: await nextNumber(em, municipalityId, year),
    kind: input.kind,
    channel: input.channel,
    source,
    externalId,
    identified: input.identified,
    applicantName: a?.name?.trim() || undefined,
    applicantPhone: a?.phone?.trim() || undefined,
    applicantEmail: a?.email?.trim() || undefined,
    applicantAddress: a?.address?.trim() || undefined,
    subject: input.subject?.trim() || undefined,
    text: input.text.trim(),
    address: input.address?.trim() || undefined,
    settlement: settlement ?? undefined,
    lat: input.lat,
    lon: input.lon,
    category: category ?? undefined,
    sector: category?.sector,
    urgent: input.urgent,
    status: ItemStatus.NEW,
    receivedAt,
  });
  if (input.kind === ItemKind.APPEAL) {
    item.registrationDueAt = slaPreview(ItemKind.APPEAL, receivedAt, { receivedAt }, calendar).registrationDueAt ?? undefined;
    runClock(item, receivedAt, item.registrationDueAt, calendar);
  }
  recordEvent(em, ctx, item, 'CREATED', undefined, ItemStatus.NEW);
  if (input.attachmentIds?.length) {
    const files = await attach(ctx, item, input.attachmentIds);
    recordEvent(em, ctx, item, 'ATTACHED', ItemStatus.NEW, ItemStatus.NEW, undefined, undefined, attachedDetails(files));
  }
  if (input.register) {
    const refused = refusal(ItemAction.REGISTER, factsOf(item), actorOf(ctx));
    if (refused && ctx.viewer?.kind === 'user') throw new AppError(refused.code, refused.message);
    if (!refused) {
      applyRegistrationClocks(item, now, calendar, category?.messageAnswerDays ?? null);
      item.status = ItemStatus.REGISTERED;
      recordEvent(em, ctx, item, ItemAction.REGISTER, ItemStatus.NEW, ItemStatus.REGISTERED);
    }
  }
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      em.clear();
      throw new AppError(ErrorCode.CONFLICT, 'An item with this source and external id exists', { field: 'externalId' });
    }
    throw e;
  }
  publishItem(ctx, item);
  return item;
}

async function attach(ctx: Ctx, item: Item, ids: string[]): Promise<Attachment[]> {
  const files = await ctx.em.find(Attachment, { id: { $in: ids } });
  const missing = ids.filter((id) => !files.some((f) => f.id === id));
  if (missing.length) throw badInput([{ field: 'attachmentIds', problems: [`unknown: ${missing.join(', ')}`] }]);
  for (const f of files) {
    if (f.item && f.item.id !== item.id) throw badInput([{ field: 'attachmentIds', problems: [`${f.id} belongs to another item`] }]);
    f.item = ctx.em.getReference(Item, item.id, { wrapped: true });
  }
  return files;
}

const attachedDetails = (files: Attachment[]) => ({ attachmentIds: files.map((f) => f.id), fileNames: files.map((f) => f.fileName) });

export async function attachFiles(ctx: Ctx, id: string, version: number, attachmentIds: string[]): Promise<Item> {
  return transition(ctx, id, version, null, async (item) => {
    const files = await attach(ctx, item, attachmentIds);
    return { event: 'ATTACHED', details: attachedDetails(files) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export async function getItem(ctx: Ctx, id: string): Promise<Item> {
  const item = await ctx.em.findOne(Item, { $and: [{ id }, visibilityScope(ctx)] });
  if (!item) throw notFound('Item', id);
  return item;
}

type Cursor = { k: string | null; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor;
    if (typeof c.id !== 'string') throw new Error();
    return c;
  } catch {
    throw badInput([{ field: 'after', problems: ['not a cursor of this list'] }]);
  }
}

function queueWhere(ctx: Ctx, queue: ItemQueue, now: Date): FilterQuery<Item> {
  const v = ctx.viewer;
  if (v?.kind !== 'user') return { id: null };
  const open = { status: { $nin: [...CLOSED_STATUSES] } };
  const leads = v.roles.includes(Role.HEAD) ? {} : { sector: { $in: v.sectorIds } };
  switch (queue) {
    case ItemQueue.MINE:
      return v.roles.includes(Role.EXECUTOR) && v.departmentId
        ? { ...open, $or: [{ executor: v.userId }, { executor: null, department: v.departmentId }] }
        : { ...open, executor: v.userId };
    case ItemQueue.UNASSIGNED: {
      const kinds = v.roles.includes(Role.HEAD) || v.roles.includes(Role.SECTOR_LEAD)
        ? undefined
        : [...(v.roles.includes(Role.POS_OPERATOR) ? [ItemKind.MESSAGE] : []), ...(v.roles.includes(Role.INCIDENT_MANAGER) ? [ItemKind.INCIDENT] : [])];
      return {
        status: { $in: [ItemStatus.NEW, ItemStatus.REGISTERED, ItemStatus.REOPENED] },
        ...(kinds ? { kind: { $in: kinds } } : {}),
        ...(v.roles.includes(Role.SECTOR_LEAD) && !v.roles.includes(Role.HEAD) ? { $or: [{ sector: { $in: v.sectorIds } }, { sector: null }] } : {}),
      };
    }
    case ItemQueue.MY_REVIEW:
      if (v.roles.includes(Role.HEAD)) return { status: ItemStatus.ON_REVIEW };
      return {
        status: ItemStatus.ON_REVIEW,
        $or: [
          { sector: { $in: v.roles.includes(Role.SECTOR_LEAD) ? v.sectorIds : [] } },
          ...(v.roles.includes(Role.INCIDENT_MANAGER) ? [{ kind: ItemKind.INCIDENT }] : []),
        ],
      };
    case ItemQueue.OVERDUE_MY_SECTORS:
      return { ...open, ...leads, dueAt: { $lt: now }, pausedAt: null };
  }
}

function filterWhere(ctx: Ctx, f: ItemFilter | undefined, now: Date): FilterQuery<Item>[] {
  if (!f) return [];
  const w: FilterQuery<Item>[] = [];
  if (f.queue) w.push(queueWhere(ctx, f.queue, now));
  if (f.kinds?.length) w.push({ kind: { $in: f.kinds } });
  if (f.statuses?.length) w.push({ status: { $in: f.statuses } });
  if (f.channels?.length) w.push({ channel: { $in: f.channels } });
  if (f.sectorCode) w.push({ sector: { code: f.sectorCode } });
  if (f.categoryCode) w.push({ category: { code: f.categoryCode } });
  if (f.departmentId) w.push({ department: f.departmentId });
  if (f.executorId) w.push({ executor: f.executorId });
  if (f.settlementId) w.push({ settlement: f.settlementId });
  if (f.urgent !== undefined && f.urgent !== null) w.push({ urgent: f.urgent });
  if (f.receivedFrom) w.push({ receivedAt: { $gte: f.receivedFrom } });
  if (f.receivedTo) w.push({ receivedAt: { $lt: f.receivedTo } });
  if (f.openOnly) w.push({ status: { $nin: [...CLOSED_STATUSES] } });
  // A paused clock (a MESSAGE waiting for the citizen) is judged at the instant it stopped.
  if (f.deadlineState === DeadlineState.OVERDUE) w.push({ dueAt: { $lt: now }, pausedAt: null });
  if (f.deadlineState === DeadlineState.DUE_SOON) w.push({ dueAt: { $gte: now }, dueSoonAt: { $lte: now }, pausedAt: null });
  if (f.deadlineState === DeadlineState.ON_TRACK) w.push({ $or: [{ dueAt: { $gte: now }, dueSoonAt: { $gt: now } }, { pausedAt: { $ne: null } }] });
  const q = f.search?.trim();
  if (q) {
    if (/^\d{4}-\d{1,6}$/.test(q)) w.push({ number: { $like: `${q}%` } });
    // Russian stemming (the column is a russian tsvector): "качелями" finds "качели".
    else w.push({ search: { $fulltext: q } } as FilterQuery<Item>);
  }
  return w;
}

export async function listItems(
  ctx: Ctx,
  filter: ItemFilter | undefined,
  first: number,
  after: string | undefined,
  sort: ItemSort,
): Promise<{ nodes: Item[]; totalCount: number; endCursor: string | null; hasNextPage: boolean }> {
  if (first < 1 || first > MAX_PAGE) throw badInput([{ field: 'first', problems: [`1 to ${MAX_PAGE}`] }]);
  const now = ctx.now();
  const base: FilterQuery<Item>[] = [visibilityScope(ctx), ...filterWhere(ctx, filter, now)];
  const page = [...base];
  if (after) {
    const c = decodeCursor(after);
    const dueAfter = (k: string | null, id: string): FilterQuery<Item> =>
      k === null
        ? { dueAt: null, id: { $gt: id } }
        : { $or: [{ dueAt: { $gt: new Date(k) } }, { dueAt: null }, { dueAt: new Date(k), id: { $gt: id } }] };
    if (sort === ItemSort.URGENT_FIRST) {
      // The cursor is "u|due" where u is 1 for an urgent item: urgent ones come first.
      const [u, ...rest] = (c.k ?? '0|').split('|');
      const due = rest.join('|') || null;
      page.push(
        u === '1'
          ? { $or: [{ urgent: false }, { urgent: true, $and: [dueAfter(due, c.id)] }] }
          : { urgent: false, $and: [dueAfter(due, c.id)] },
      );
    } else if (sort === ItemSort.DUE_ASC) {
      page.push(dueAfter(c.k, c.id));
    } else {
      const at = new Date(c.k ?? 0);
      page.push(
        sort === ItemSort.RECEIVED_DESC
          ? { $or: [{ receivedAt: { $lt: at } }, { receivedAt: at, id: { $gt: c.id } }] }
          : { $or: [{ receivedAt: { $gt: at } }, { receivedAt: at, id: { $gt: c.id } }] },
      );
    }
  }
  const orderBy =
    sort === ItemSort.URGENT_FIRST
      ? { urgent: 'desc', dueAt: 'asc nulls last', id: 'asc' }
      : sort === ItemSort.DUE_ASC
        ? { dueAt: 'asc nulls last', id: 'asc' }
        : sort === ItemSort.RECEIVED_ASC
          ? { receivedAt: 'asc', id: 'asc' }
          : { receivedAt: 'desc', id: 'asc' };
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(Item, { $and: page }, { orderBy: orderBy as never, limit: first + 1 }),
    ctx.em.count(Item, { $and: base }),
  ]);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  const key = (i: Item) =>
    sort === ItemSort.URGENT_FIRST
      ? `${i.urgent ? 1 : 0}|${i.dueAt?.toISOString() ?? ''}`
      : sort === ItemSort.DUE_ASC
        ? (i.dueAt?.toISOString() ?? null)
        : i.receivedAt.toISOString();
  return {
    nodes,
    totalCount,
    endCursor: last ? encodeCursor({ k: key(last), id: last.id }) : null,
    hasNextPage: rows.length > first,
  };
}

export async function queueCounts(ctx: Ctx): Promise<Record<ItemQueue, number>> {
  const now = ctx.now();
  const scope = visibilityScope(ctx);
  const entries = await Promise.all(
    Object.values(ItemQueue).map(async (q) => [q, await ctx.em.count(Item, { $and: [scope, queueWhere(ctx, q, now)] })] as const),
  );
  return Object.fromEntries(entries) as Record<ItemQueue, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// The lifecycle

type Applied = {
  event?: string;
  comment?: string;
  details?: Record<string, unknown>;
  status?: ItemStatus;
  after?: (em: EntityManager) => Promise<void> | void;
} | void;

/**
 * The one path by which an item changes: load it in the viewer's scope, check the version the client saw, ask
 * the lifecycle whether this viewer may take `action` now, apply, record the event, flush once (atomic, with the
 * optimistic lock), then publish. A refused action changes nothing.
 */
async function transition(
  ctx: Ctx,
  id: string,
  version: number,
  action: ItemAction | null,
  apply: (item: Item, calendar: WorkingCalendar) => Promise<Applied> | Applied,
): Promise<Item> {
  const em = ctx.em;
  const item = await getItem(ctx, id);
  if (item.version !== version) {
    throw new AppError(ErrorCode.CONFLICT, 'The item was changed by someone else; reload it', {
      reason: 'STALE_VERSION',
      currentVersion: item.version,
    });
  }
  if (action) {
    const refused = refusal(action, factsOf(item), actorOf(ctx));
    if (refused) throw new AppError(refused.code, refused.message, { action, status: item.status });
  } else if (!actorOf(ctx).roles.length) {
    throw forbidden();
  }
  const calendar = await calendarFor(em, item.municipality.id, ctx.now().getTime());
  const before = snapshot(item);
  const from = item.status;
  let applied: Applied;
  try {
    applied = await apply(item, calendar);
  } catch (e) {
    em.clear();
    if (e instanceof SlaRuleError) throw new AppError(ErrorCode.BAD_USER_INPUT, e.message, { reason: e.code });
    throw e;
  }
  if (applied?.status) item.status = applied.status;
  else if (action) item.status = nextStatus(action, from);
  recordEvent(em, ctx, item, applied?.event ?? action ?? 'UPDATED', from, item.status, applied?.comment, diff(before, snapshot(item)), applied?.details);
  await applied?.after?.(em);
  try {
    await em.flush();
  } catch (e) {
    em.clear();
    if (e instanceof OptimisticLockError) {
      throw new AppError(ErrorCode.CONFLICT, 'The item was changed by someone else; reload it', { reason: 'STALE_VERSION' });
    }
    throw e;
  }
  publishItem(ctx, item);
  publishNotifications(em, ctx.pubsub, ctx.now());
  return item;
}

function publishItem(ctx: Ctx, item: Item): void {
  resetItemLoaders(ctx);
  ctx.pubsub.publish('ITEM_UPDATED', {
    municipalityId: item.municipality.id,
    itemId: item.id,
    status: item.status,
    version: item.version,
    at: ctx.now().toISOString(),
  });
}

export function registerItem(ctx: Ctx, id: string, version: number): Promise<Item> {
  return transition(ctx, id, version, ItemAction.REGISTER, async (item, calendar) => {
    const category = item.category ? await item.category.load() : null;
    applyRegistrationClocks(item, ctx.now(), calendar, category?.messageAnswerDays ?? null);
  });
}

export async function assignItem(ctx: Ctx, id: string, version: number, input: AssignInput): Promise<Item> {
  const department = await ctx.em.findOne(Department, { id: input.departmentId });
  if (!department || !department.active) throw badInput([{ field: 'departmentId', problems: ['unknown or inactive department'] }]);
  let executor: User | null = null;
  if (input.executorId) {
    executor = await ctx.em.findOne(User, { id: input.executorId });
    if (!executor || !executor.active || executor.department?.id !== department.id) {
      throw badInput([{ field: 'executorId', problems: ['not an active member of the department'] }]);
    }
  }
  return transition(ctx, id, version, ItemAction.ASSIGN, (item) => {
    const reopened = item.status === ItemStatus.REOPENED;
    item.department = ctx.em.getReference(Department, department.id, { wrapped: true });
    item.executor = executor ? ctx.em.getReference(User, executor.id, { wrapped: true }) : undefined;
    return {
      comment: input.comment,
      after: () =>
        notifyItem(ctx, item, 'ASSIGNED', executor ? [executor.id] : { departmentExecutors: department.id }, reopened ? 'reopened' : undefined),
    };
  });
}

export function startItem(ctx: Ctx, id: string, version: number): Promise<Item> {
  return transition(ctx, id, version, ItemAction.START, (item) => {
    // An executor who starts an item of the department without a named executor takes it.
    const actor = actorOf(ctx);
    if (!item.executor && actor.roles.includes(Role.EXECUTOR)) item.executor = ctx.em.getReference(User, actor.userId, { wrapped: true });
  });
}

export function askCitizen(ctx: Ctx, id: string, version: number, comment: string): Promise<Item> {
  if (!comment?.trim()) throw badInput([{ field: 'comment', problems: ['say what the citizen should clarify'] }]);
  return transition(ctx, id, version, ItemAction.ASK_CITIZEN, (item) => {
    // Only the answer clock of a MESSAGE pauses; an APPEAL's runs on (law), an INCIDENT's too.
    if (clockPauses(item.kind)) item.pausedAt = ctx.now();
    return { comment };
  });
}

/** Ends a pause: the answer clock of a MESSAGE resumes with the working time it had left. */
function resume(item: Item, calendar: WorkingCalendar, now: Date): void {
  if (!item.pausedAt) return;
  if (item.answerDueAt) {
    const due = dueAfterPause(item.kind, item.answerDueAt, item.pausedAt, now, calendar);
    if (due.getTime() !== item.answerDueAt.getTime()) {
      const total = item.clockStartedAt ? calendar.workingTimeBetween(item.clockStartedAt, item.answerDueAt) : undefined;
      item.answerDueAt = due;
      if (item.kind !== ItemKind.INCIDENT) runClock(item, item.clockStartedAt ?? now, due, calendar, total);
    }
  }
  item.pausedAt = undefined;
}

export function citizenReplied(ctx: Ctx, id: string, version: number, comment?: string): Promise<Item> {
  return transition(ctx, id, version, ItemAction.CITIZEN_REPLIED, (item, calendar) => {
    resume(item, calendar, ctx.now());
    return { comment };
  });
}

export function submitAnswer(ctx: Ctx, id: string, version: number, input: AnswerInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.SUBMIT_ANSWER, (item, calendar) => {
    const now = ctx.now();
    resume(item, calendar, now);
    item.reviewDueAt = qualityReviewDueAt(now, calendar);
    const v = ctx.viewer;
    ctx.em.create(ItemAnswer, {
      municipality: item.municipality,
      item,
      kind: AnswerKind.FINAL,
      status: AnswerStatus.ON_REVIEW,
      text: input.text.trim(),
      author: v?.kind === 'user' ? v.userId : undefined,
      submittedAt: now,
      reworkReasons: [],
    });
    return { after: () => notifyItem(ctx, item, 'ON_REVIEW', { reviewers: true }) };
  });
}

export function publishInterimAnswer(ctx: Ctx, id: string, version: number, input: AnswerInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.PUBLISH_INTERIM, (item, calendar) => {
    const now = ctx.now();
    const v = ctx.viewer;
    ctx.em.create(ItemAnswer, {
      municipality: item.municipality,
      item,
      kind: AnswerKind.INTERIM,
      status: AnswerStatus.PUBLISHED,
      text: input.text.trim(),
      author: v?.kind === 'user' ? v.userId : undefined,
      submittedAt: now,
      reworkReasons: [],
    });
    item.firstReactionAt ??= now;
    item.finalAnswerDueAt = incidentFinalAnswerDueAt(now, calendar);
    runClock(item, now, item.finalAnswerDueAt, calendar);
  });
}

async function answerOnReview(ctx: Ctx, item: Item): Promise<ItemAnswer> {
  const answer = await ctx.em.findOne(ItemAnswer, { item, status: AnswerStatus.ON_REVIEW }, { orderBy: { submittedAt: 'desc' } });
  if (!answer) throw new AppError(ErrorCode.CONFLICT, 'No answer is waiting for review');
  return answer;
}

export async function returnForRework(ctx: Ctx, id: string, version: number, input: ReturnInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.RETURN_FOR_REWORK, async (item) => {
    const answer = await answerOnReview(ctx, item);
    const v = ctx.viewer;
    answer.status = AnswerStatus.RETURNED;
    answer.reworkReasons = [...new Set(input.reasons)];
    answer.reviewComment = input.comment?.trim() || undefined;
    answer.reviewer = v?.kind === 'user' ? ctx.em.getReference(User, v.userId, { wrapped: true }) : undefined;
    answer.reviewedAt = ctx.now();
    item.reworkCount += 1;
    item.reviewDueAt = undefined;
    return {
      comment: input.comment,
      details: { reasons: answer.reworkReasons },
      after: () => notifyItem(ctx, item, 'RETURNED', answer.author ? [answer.author.id] : { departmentExecutors: item.department?.id ?? null }),
    };
  });
}

export async function approveAnswer(ctx: Ctx, id: string, version: number, input: ApproveInput): Promise<Item> {
  const allowed = [Outcome.SUPPORTED, Outcome.SUPPORTED_MEASURES_TAKEN, Outcome.EXPLAINED, Outcome.NOT_SUPPORTED];
  if (!allowed.includes(input.outcome)) throw badInput([{ field: 'outcome', problems: [`one of ${allowed.join(', ')}`] }]);
  return transition(ctx, id, version, ItemAction.APPROVE_ANSWER, async (item) => {
    const now = ctx.now();
    const answer = await answerOnReview(ctx, item);
    const v = ctx.viewer;
    answer.status = AnswerStatus.PUBLISHED;
    answer.reviewer = v?.kind === 'user' ? ctx.em.getReference(User, v.userId, { wrapped: true }) : undefined;
    answer.reviewedAt = now;
    answer.reviewComment = input.comment?.trim() || undefined;
    item.outcome = input.outcome;
    item.answeredAt = now;
    item.reviewDueAt = undefined;
    item.firstReactionAt ??= now;
    stopClock(item);
    // The answer to the parent reaches every merged duplicate.
    const children = await ctx.em.find(Item, { parent: item, status: ItemStatus.MERGED });
    for (const child of children) {
      child.answeredAt = now;
      child.outcome = input.outcome;
      ctx.em.create(ItemAnswer, {
        municipality: child.municipality,
        item: child,
        kind: AnswerKind.FINAL,
        status: AnswerStatus.PUBLISHED,
        text: answer.text,
        author: answer.author,
        submittedAt: answer.submittedAt,
        reviewer: answer.reviewer,
        reviewedAt: now,
        reworkReasons: [],
      });
      recordEvent(ctx.em, ctx, child, 'ANSWER_SENT', child.status, child.status, undefined, undefined, {
        parentId: item.id,
        parentNumber: item.number,
      });
    }
    return { comment: input.comment, details: { outcome: input.outcome } };
  });
}

export function rateItem(ctx: Ctx, id: string, version: number, input: RatingInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.RATE, (item, calendar) => {
    const now = ctx.now();
    const status = nextStatus(ItemAction.RATE, item.status, { satisfied: input.satisfied, reopenCount: item.reopenCount });
    item.satisfied = input.satisfied;
    item.ratingComment = input.comment?.trim() || undefined;
    item.ratedAt = now;
    if (status === ItemStatus.REOPENED) {
      // Re-examination: a new answer clock of the item's kind, from now.
      item.reopenCount += 1;
      item.answeredAt = undefined;
      const due =
        item.kind === ItemKind.INCIDENT
          ? incidentFinalAnswerDueAt(now, calendar)
          : slaPreview(item.kind, now, { urgent: item.urgent }, calendar).answerDueAt;
      if (item.kind === ItemKind.INCIDENT) item.finalAnswerDueAt = due ?? undefined;
      else item.answerDueAt = due ?? undefined;
      runClock(item, now, due, calendar);
    } else {
      item.closedAt = now;
    }
    return {
      status,
      comment: input.comment,
      details: { satisfied: input.satisfied },
      after: status === ItemStatus.REOPENED ? () => notifyItem(ctx, item, 'REOPENED', { reviewers: true }) : undefined,
    };
  });
}

/** Closes an answered item; `outcome` corrects the reporting code given at approval. */
export function closeItem(ctx: Ctx, id: string, version: number, comment?: string, outcome?: Outcome): Promise<Item> {
  return transition(ctx, id, version, ItemAction.CLOSE, (item) => {
    item.closedAt = ctx.now();
    if (outcome) item.outcome = outcome;
    return { comment };
  });
}

export function extendItem(ctx: Ctx, id: string, version: number, input: ExtendInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.EXTEND, (item, calendar) => {
    if (!item.answerDueAt) throw badInput([{ field: 'id', problems: ['the item has no answer deadline yet'] }]);
    item.answerDueAt = appealExtendedDueAt(
      { kind: item.kind, answerDueAt: item.answerDueAt, days: input.days, alreadyExtended: !!item.extendedAt },
      calendar,
    );
    item.extendedAt = ctx.now();
    item.extensionReason = input.reason.trim();
    runClock(item, item.clockStartedAt ?? item.registeredAt ?? ctx.now(), item.answerDueAt, calendar);
    return { comment: input.reason, details: { days: input.days } };
  });
}

export function redirectItem(ctx: Ctx, id: string, version: number, input: RedirectInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.REDIRECT, (item) => {
    item.redirectedTo = input.to.trim();
    item.outcome = Outcome.REDIRECTED;
    item.closedAt = ctx.now();
    stopClock(item);
    return { comment: input.comment, details: { to: item.redirectedTo } };
  });
}

export function leaveWithoutAnswer(ctx: Ctx, id: string, version: number, input: LeaveInput): Promise<Item> {
  return transition(ctx, id, version, ItemAction.LEAVE_WITHOUT_ANSWER, (item) => {
    item.noAnswerReason = input.reason;
    item.outcome = Outcome.LEFT_WITHOUT_ANSWER;
    item.closedAt = ctx.now();
    stopClock(item);
    return { comment: input.comment, details: { reason: input.reason } };
  });
}

export async function mergeItem(ctx: Ctx, id: string, version: number, parentId: string): Promise<Item> {
  if (parentId === id) throw badInput([{ field: 'parentId', problems: ['an item cannot be its own duplicate'] }]);
  let parent = await ctx.em.findOne(Item, { id: parentId });
  if (!parent) throw badInput([{ field: 'parentId', problems: ['unknown item'] }]);
  // Merging into a merged item joins its parent.
  for (let hops = 0; parent.status === ItemStatus.MERGED && parent.parent && hops < 10; hops++) {
    parent = await parent.parent.load();
    if (!parent) throw badInput([{ field: 'parentId', problems: ['unknown item'] }]);
  }
  if (parent.id === id) throw badInput([{ field: 'parentId', problems: ['that item is a duplicate of this one'] }]);
  if ([ItemStatus.REDIRECTED, ItemStatus.MERGED].includes(parent.status)) {
    throw badInput([{ field: 'parentId', problems: [`cannot merge into an item in status ${parent.status}`] }]);
  }
  const root = parent;
  return transition(ctx, id, version, ItemAction.MERGE, async (item) => {
    item.parent = ctx.em.getReference(Item, root.id, { wrapped: true });
    stopClock(item);
    // Duplicates of this item follow it to the new parent.
    const children = await ctx.em.find(Item, { parent: item });
    for (const c of children) c.parent = ctx.em.getReference(Item, root.id, { wrapped: true });
    recordEvent(ctx.em, ctx, root, 'DUPLICATE_ADDED', root.status, root.status, undefined, undefined, {
      childId: item.id,
      childNumber: item.number,
    });
    return { details: { parentId: root.id, parentNumber: root.number } };
  });
}

/** Departments that answer for the item's category (first) or sector, serving its settlement. */
export async function suggestDepartments(ctx: Ctx, item: Item): Promise<Department[]> {
  if (!item.sector) return [];
  const candidates = await ctx.em.find(
    Department,
    { active: true, $or: [{ sectors: item.sector.id }, ...(item.category ? [{ categories: item.category.id }] : [])] },
    { populate: ['categories', 'settlements'] },
  );
  const settlementId = item.settlement?.id;
  const serves = (d: Department) => d.settlements.length === 0 || (settlementId ? d.settlements.getItems().some((s) => s.id === settlementId) : true);
  const score = (d: Department) =>
    (item.category && d.categories.getItems().some((c) => c.id === item.category!.id) ? 2 : 0) +
    (settlementId && d.settlements.getItems().some((s) => s.id === settlementId) ? 1 : 0);
  return candidates.filter(serves).sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name, 'ru'));
}
