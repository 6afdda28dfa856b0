import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, forbidden } from '../../graphql/errors.js';
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
  appealRegistrationDueAt,
  incidentFinalAnswerDueAt,
  clockPauses,
  dueAfterPause,
  qualityReviewDueAt,
  slaPreview,
  SlaRuleError,
  type WorkingCalendar,
} from '../sla/index.js';
import { AnswerKind, AnswerStatus, ItemAnswer } from './item-answer.entity.js';
import { Item } from './item.entity.js';
import { readOnlyRow, type ItemView } from './item-rows.js';
import { readRows, whereSql } from '../../db/where-sql.js';
import { Channel, ClassifiedBy, ItemKind, ItemStatus, Outcome } from './item.enums.js';
import { machineFirstPass } from './item-machine.js';
import { incidentGroups } from './item-duplicates.js';
import { TextExample } from '../text/text-model.entity.js';
import { checkAnswer, type AnswerFinding } from '../answer-check/answer-check.js';
import type { MachineProposalData } from '../text/proposal.js';
import type {
  ClassifyInput,
  AnswerInput,
  ApproveInput,
  AssignInput,
  ExtendInput,
  ItemInput,
  LeaveInput,
  RatingInput,
  RedirectInput,
  ReturnInput,
} from './item.inputs.js';
import { applyRegistrationClocks, measureSpeed, runClock, stopClock } from './deadlines.js';
import { ItemAction, nextStatus, type ItemFacts } from './lifecycle.js';
import { accessFactsOf, actionRefusal, sendingToken, sendsSource, worksItem } from './item-access.js';
import { actorOf, diff, recordEvent, snapshot } from './item-history.js';
import { getItem } from './item-queries.js';
import { notifyItem } from './item.notify.js';
import { emit } from '../live/outbox.js';
import { alertFactsOf } from '../live/alerts.js';
import { resetItemLoaders } from './item.loaders.js';

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
// Who is acting, and what the policy reads of an item

export function factsOf(item: ItemView): ItemFacts {
  return { ...accessFactsOf(item), status: item.status, extended: !!item.extendedAt };
}

// ---------------------------------------------------------------------------------------------------------------
// Creating

/** The first instant an item may have been received: the production calendar's first year. */
const EARLIEST_RECEIVED_AT = Date.UTC(2000, 0, 1);

/**
 * The next `count` numbers of a municipality's year, in one statement (the counter row is locked until the
 * transaction ends, so numbers have no gaps and no repeats): `2026-000124`, `2026-000125`, …
 */
export async function nextNumbers(em: EntityManager, municipalityId: string, year: number, count: number): Promise<string[]> {
  const rows = (await em.execute(
    `insert into item_counter (key, value) values (?, ?)
     on conflict (key) do update set value = item_counter.value + excluded.value returning value`,
    [`${municipalityId}:${year}`, count],
  )) as { value: number }[];
  const last = rows[0]!.value;
  return Array.from({ length: count }, (_, i) => `${year}-${String(last - count + 1 + i).padStart(6, '0')}`);
}

/** The next number of the year, in `em`'s transaction: an item that is not stored gives its number back. */
async function nextNumber(em: EntityManager, municipalityId: string, year: number): Promise<string> {
  return (await nextNumbers(em, municipalityId, year, 1))[0]!;
}

/** What is wrong with a new item's own fields, by the rules of any new item (by hand or ingested), or null. */
export function newItemProblem(
  input: Pick<ItemInput, 'kind' | 'channel' | 'identified'>,
  receivedAt: Date,
  now: Date,
): { field: string; problems: string[] } | null {
  if (receivedAt.getTime() > now.getTime() + 60_000) return { field: 'receivedAt', problems: ['cannot be in the future'] };
  // Deadlines are counted on the production calendar, which begins in 2000 (and PostgreSQL has no year 0).
  if (receivedAt.getTime() < EARLIEST_RECEIVED_AT) return { field: 'receivedAt', problems: ['cannot be before 2000'] };
  if (input.kind === ItemKind.APPEAL && ELECTRONIC.includes(input.channel) && !input.identified) {
    return { field: 'identified', problems: ['an electronic item from a citizen who was not identified is a MESSAGE, not an APPEAL'] };
  }
  return null;
}

export async function createItem(ctx: Ctx, input: ItemInput): Promise<Item> {
  const municipalityId = writableMunicipalityId(ctx);
  const em = ctx.em;
  const now = ctx.now();
  const receivedAt = input.receivedAt ?? now;
  const problem = newItemProblem(input, receivedAt, now);
  if (problem) throw badInput([problem]);
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
  if (!sendsSource(ctx.viewer, source)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This token sends only the items of its sources, not ${source}`, { field: 'source' });
  }
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
  // The machine's first pass: the category, place and urgency it reads in the text (item-machine.ts).
  const [passed] = await machineFirstPass(ctx, municipalityId, [{ input, category, settlement }]);
  const { classifiedBy, machine } = passed!;
  // The number, the item, its files and its events in one transaction: a refused item changes nothing.
  const item = await ctx.em.transactional((tx) =>
    storeItem({ ...ctx, em: tx }, passed!.input, {
      municipalityId,
      receivedAt,
      year,
      calendar,
      category: passed!.category,
      settlement: passed!.settlement,
      source,
      externalId,
      classifiedBy,
      machine,
      sentByToken: sendingToken(ctx.viewer),
    }),
  );
  resetItemLoaders(ctx);
  if (item.kind === ItemKind.INCIDENT && (await groupIncidentPosts(ctx, [item.id])).length) await ctx.em.refresh(item);
  return item;
}

async function storeItem(
  ctx: Ctx,
  input: ItemInput,
  o: Omit<NewItemContext, 'number'> & { year: number },
): Promise<Item> {
  const item = await newItem(ctx, input, { ...o, number: await nextNumber(ctx.em, o.municipalityId, o.year) });
  try {
    await ctx.em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      ctx.em.clear();
      throw new AppError(ErrorCode.CONFLICT, 'An item with this source and external id exists', { field: 'externalId' });
    }
    throw e;
  }
  return item;
}

/** The stored fields of a new item, from its input (by hand and ingested alike); its relations as the rows read. */
export function newItemFields(input: NewItemInput, o: NewItemContext) {
  const a = input.applicant;
  return {
    municipality: o.municipalityId,
    number: o.number,
    kind: input.kind,
    channel: input.channel,
    source: o.source,
    externalId: o.externalId,
    sentByToken: o.sentByToken ?? undefined,
    identified: input.identified,
    applicantName: a?.name?.trim() || undefined,
    applicantPhone: a?.phone?.trim() || undefined,
    applicantEmail: a?.email?.trim() || undefined,
    applicantAddress: a?.address?.trim() || undefined,
    subject: input.subject?.trim() || undefined,
    text: input.text.trim(),
    address: input.address?.trim() || undefined,
    settlement: o.settlement ?? undefined,
    lat: input.lat,
    lon: input.lon,
    category: o.category ?? undefined,
    sector: o.category?.sector,
    classifiedBy: o.classifiedBy ?? (o.category ? ClassifiedBy.SOURCE : null),
    machine: o.machine ?? null,
    urgent: input.urgent,
    status: ItemStatus.NEW,
    receivedAt: o.receivedAt,
  };
}

/** A new item's first clock: an APPEAL's registration runs from its receipt (docs/domain.md §2). */
export function startFirstClock(item: Pick<Item, 'kind' | 'receivedAt' | 'registrationDueAt' | 'clockStartedAt' | 'dueAt' | 'dueSoonAt'>, calendar: WorkingCalendar): void {
  if (item.kind !== ItemKind.APPEAL) return;
  // Only the registration deadline (slaPreview's, without the later clocks it would also compute).
  item.registrationDueAt = appealRegistrationDueAt(item.receivedAt, calendar);
  runClock(item as Item, item.receivedAt, item.registrationDueAt, calendar);
}

/** A new item's input: the hand-made item's, with or without its files and registration. */
export type NewItemInput = Omit<ItemInput, 'register' | 'attachmentIds'> & { register?: boolean; attachmentIds?: string[] };

/** What a new item needs besides its input: its municipality, number, calendar and the catalogue rows it names. */
export type NewItemContext = {
  municipalityId: string;
  number: string;
  receivedAt: Date;
  calendar: WorkingCalendar;
  category: Category | null;
  settlement: Settlement | null;
  source: string;
  externalId: string | undefined;
  /** Who gave the category (default: the source when it came with one) and what the machine did (item-machine.ts). */
  classifiedBy?: ClassifiedBy | null;
  machine?: MachineProposalData | null;
  /** The integrator token that sends the item (the viewer, when it is one): see `Item.sentByToken`. */
  sentByToken?: string | null;
};

/**
 * A new item in the unit of work, not yet flushed: its clocks from `receivedAt`, its CREATED event (announced as
 * ITEM_EVENT), its files, its registration when asked for, and the alert of an urgent one. By hand (`createItem`)
 * one at a time; ingested (ingest.service.ts) a batch per flush.
 */
export async function newItem(
  ctx: Ctx,
  input: NewItemInput,
  o: NewItemContext,
): Promise<Item> {
  const { calendar, category } = o;
  const em = ctx.em;
  const now = ctx.now();
  const item = em.create(Item, newItemFields(input, o));
  startFirstClock(item, calendar);
  const event = (type: string, from: ItemStatus, to: ItemStatus, details?: Record<string, unknown>) =>
    recordEvent(em, item, { type, at: now, actor: actorOf(ctx), from, to, details });
  event('CREATED', ItemStatus.NEW, ItemStatus.NEW);
  if (input.attachmentIds?.length) {
    const files = await attach(ctx, item, input.attachmentIds);
    event('ATTACHED', ItemStatus.NEW, ItemStatus.NEW, attachedDetails(files));
  }
  if (input.register) {
    const refused = actionRefusal(ctx.viewer, ItemAction.REGISTER, factsOf(item));
    if (refused && ctx.viewer?.kind === 'user') throw new AppError(refused.code, refused.message);
    if (!refused) {
      applyRegistrationClocks(item, now, calendar, category?.messageAnswerDays ?? null);
      item.status = ItemStatus.REGISTERED;
      event(ItemAction.REGISTER, ItemStatus.NEW, ItemStatus.REGISTERED);
    }
  }
  if (item.urgent) {
    emit(em, 'ALERT', {
      municipalityId: item.municipality.id,
      alertType: 'URGENT_ITEM',
      level: 'CRITICAL',
      message: `Срочное: ${item.number}`,
      at: now.toISOString(),
      itemId: item.id,
      ...alertFactsOf(item),
    }, now);
  }
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
// The lifecycle

export type Applied = {
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
  const item = await getItem(ctx, id);
  if (item.version !== version) {
    throw new AppError(ErrorCode.CONFLICT, 'The item was changed by someone else; reload it', {
      reason: 'STALE_VERSION',
      currentVersion: item.version,
    });
  }
  if (action) {
    const refused = actionRefusal(ctx.viewer, action, factsOf(item));
    if (refused) throw new AppError(refused.code, refused.message, { action, status: item.status });
  } else if (!worksItem(ctx.viewer, factsOf(item))) {
    throw forbidden();
  }
  return change(ctx, item, action, apply);
}

/**
 * A change from the item's source system (`updateIngestedItem`, modules/ingest): the item is loaded by the caller
 * under the access policy's `sourceUpdateWhere`, which is the whole right to it; the rest is `transition`'s path —
 * the event with its changes, the clocks' speed, one flush under the optimistic lock, the announcement.
 */
export function changeFromSource(
  ctx: Ctx,
  item: Item,
  apply: (item: Item, calendar: WorkingCalendar) => Promise<Applied> | Applied,
): Promise<Item> {
  return change(ctx, item, null, apply);
}

async function change(
  ctx: Ctx,
  item: Item,
  action: ItemAction | null,
  apply: (item: Item, calendar: WorkingCalendar) => Promise<Applied> | Applied,
): Promise<Item> {
  const em = ctx.em;
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
  measureSpeed(item, calendar);
  recordEvent(em, item, {
    type: applied?.event ?? action ?? 'UPDATED',
    at: ctx.now(),
    actor: actorOf(ctx),
    from,
    to: item.status,
    comment: applied?.comment,
    changes: diff(before, snapshot(item)),
    details: applied?.details,
  });
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
  resetItemLoaders(ctx);
  return item;
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
    const v = ctx.viewer;
    if (!item.executor && v?.kind === 'user' && v.roles.includes(Role.EXECUTOR)) item.executor = ctx.em.getReference(User, v.userId, { wrapped: true });
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
  return transition(ctx, id, version, ItemAction.SUBMIT_ANSWER, async (item, calendar) => {
    const now = ctx.now();
    resume(item, calendar, now);
    item.reviewDueAt = qualityReviewDueAt(now, calendar);
    const v = ctx.viewer;
    const text = input.text.trim();
    ctx.em.create(ItemAnswer, {
      municipality: item.municipality,
      item,
      kind: AnswerKind.FINAL,
      status: AnswerStatus.ON_REVIEW,
      text,
      author: v?.kind === 'user' ? v.userId : undefined,
      submittedAt: now,
      reworkReasons: [],
      checks: await answerChecks(ctx, item, text, calendar.zone),
    });
    return { after: () => notifyItem(ctx, item, 'ON_REVIEW', { reviewers: true }) };
  });
}

/** How many recent answers of the department an answer is compared with for boilerplate. */
const COMPARED_ANSWERS = 30;

/**
 * The answer check before review (modules/answer-check, docs/text.md "Answer check"): the answer against the
 * citizen's text, the item's place (the machine's reading of it, else the settlement and address) and category, and
 * the department's latest answers to other items.
 */
async function answerChecks(ctx: Ctx, item: Item, answer: string, zone: string): Promise<AnswerFinding[]> {
  await ctx.em.populate(item, ['machine']);
  const [settlement, category, others] = await Promise.all([
    item.settlement ? item.settlement.load() : null,
    item.category ? item.category.load() : null,
    item.department
      ? readRows<{ text: string }>(
          ctx.em,
          `select a.text from item_answer a join item i on i.id = a.item_id
           where i.department_id = ? and a.item_id <> ? and a.kind = 'FINAL' and a.municipality_id = ?
           order by a.submitted_at desc nulls last limit ${COMPARED_ANSWERS}`,
          [item.department.id, item.id, item.municipality.id],
        )
      : [],
  ]);
  const place = item.machine?.place;
  return checkAnswer({
    answer,
    question: item.subject?.trim() ? `${item.subject.trim()}\n${item.text}` : item.text,
    place: {
      settlement: settlement?.name,
      locality: place?.locality?.name,
      street: place?.street ?? item.address ?? undefined,
      house: place?.house ?? undefined,
    },
    category: category?.name,
    otherAnswers: others.map((o) => o.text),
    now: ctx.now(),
    zone,
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
      measureSpeed(child, await calendarFor(ctx.em, child.municipality.id, now.getTime()));
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
      recordEvent(ctx.em, child, { type: 'ANSWER_SENT', at: now, actor: actorOf(ctx), from: child.status, to: child.status, details: {
        parentId: item.id,
        parentNumber: item.number,
      } });
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

/** The statuses in which a change of urgency or category moves the answer clock started at registration. */
const RECLOCKED = [ItemStatus.REGISTERED, ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS];

/**
 * A person classifies the item: its category (and so its sector), its urgency, and its settlement and address when
 * given. Every such classification is kept as a labelled example for the text model (modules/text, `TextExample`),
 * with who and when, what the machine had answered and whether the person changed what the item had. When the
 * urgency or the category (a message's answer days) changes while the clock started at registration still runs,
 * that clock is counted again from the registration.
 */
export async function classifyItem(ctx: Ctx, id: string, version: number, input: ClassifyInput): Promise<Item> {
  const [category, settlement] = await Promise.all([
    ctx.em.findOne(Category, { code: input.categoryCode }),
    input.settlementId ? ctx.em.findOne(Settlement, { id: input.settlementId }) : null,
  ]);
  if (!category || !category.active) throw badInput([{ field: 'categoryCode', problems: ['unknown category'] }]);
  if (input.settlementId && !settlement) throw badInput([{ field: 'settlementId', problems: ['unknown settlement'] }]);
  if (input.urgent && !category.urgentCapable) {
    throw badInput([{ field: 'urgent', problems: [`items of category ${category.code} cannot be urgent`] }]);
  }
  const sectorCode = (await category.sector.load())!.code;
  return transition(ctx, id, version, ItemAction.CLASSIFY, async (item, calendar) => {
    await ctx.em.populate(item, ['machine', 'category']);
    const before = { categoryCode: item.category?.getEntity().code ?? null, urgent: item.urgent };
    const machine = item.machine ?? null;
    // What the person changed: what the item had, or, when it had no category, what the machine had proposed.
    const had = before.categoryCode ?? machine?.categoryCode ?? null;
    const corrected = had !== category.code || before.urgent !== input.urgent;
    const reclock = (before.urgent !== input.urgent || before.categoryCode !== category.code) &&
      item.registeredAt && RECLOCKED.includes(item.status) && !item.pausedAt &&
      (item.kind === ItemKind.MESSAGE || (item.kind === ItemKind.INCIDENT && !item.firstReactionAt));
    item.category = ctx.em.getReference(Category, category.id, { wrapped: true });
    item.sector = category.sector;
    item.urgent = input.urgent;
    item.classifiedBy = ClassifiedBy.STAFF;
    if (settlement) item.settlement = ctx.em.getReference(Settlement, settlement.id, { wrapped: true });
    if (input.address != null) item.address = input.address.trim() || undefined;
    if (reclock) applyRegistrationClocks(item, item.registeredAt!, calendar, category.messageAnswerDays ?? null);
    const v = ctx.viewer;
    ctx.em.create(TextExample, {
      municipality: item.municipality,
      itemId: item.id,
      text: item.subject?.trim() ? `${item.subject.trim()}\n${item.text}` : item.text,
      sectorCode,
      categoryCode: category.code,
      urgent: input.urgent,
      machineCategoryCode: machine?.categoryCode ?? null,
      machineUrgent: machine ? machine.urgent : null,
      corrected,
      labelledBy: v?.kind === 'user' ? v.userId : null,
      modelVersion: machine?.modelVersion ?? null,
    });
    return { comment: input.comment, details: { categoryCode: category.code, urgent: input.urgent, corrected, machineCategoryCode: machine?.categoryCode ?? null } };
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
  return transition(ctx, id, version, ItemAction.MERGE, (item) => mergeInto(ctx, item, root));
}

/** The merge itself: the item becomes a duplicate of `root`, and its own duplicates follow it there. */
async function mergeInto(ctx: Ctx, item: Item, root: Item, details: Record<string, unknown> = {}): Promise<Applied> {
  item.parent = ctx.em.getReference(Item, root.id, { wrapped: true });
  stopClock(item);
  const children = await ctx.em.find(Item, { parent: item });
  for (const c of children) c.parent = ctx.em.getReference(Item, root.id, { wrapped: true });
  recordEvent(ctx.em, root, { type: 'DUPLICATE_ADDED', at: ctx.now(), actor: actorOf(ctx), from: root.status, to: root.status, details: {
    childId: item.id,
    childNumber: item.number,
    ...details,
  } });
  return { details: { parentId: root.id, parentNumber: root.number, ...details } };
}

/**
 * Posts of one social-media incident, grouped (issue 13): a new INCIDENT whose text is very like that of an open
 * INCIDENT of the same place received in the hours before it (item-duplicates.ts, `incidentGroups`) becomes its
 * duplicate at once, as a person's one-click merge would make it, with the machine named in its history. Whoever sent
 * the post needs no right to merge: the grouping is the system's, on items it has just accepted. Returns the posts it
 * grouped, as they now are.
 */
export async function groupIncidentPosts(ctx: Ctx, ids: string[]): Promise<Item[]> {
  const groups = await incidentGroups(ctx, ids);
  const grouped: Item[] = [];
  for (const g of groups) {
    const [item, found] = await Promise.all([ctx.em.findOne(Item, { id: g.childId }), ctx.em.findOne(Item, { id: g.parentId })]);
    // A post grouped a moment ago under another takes the others with it to that one.
    const root = found?.status === ItemStatus.MERGED && found.parent ? await found.parent.load() : found;
    if (!item || !root || ![ItemStatus.NEW, ItemStatus.REGISTERED].includes(item.status) || root.id === item.id) continue;
    await change(ctx, item, ItemAction.MERGE, () => mergeInto(ctx, item, root, { byMachine: true, similarity: g.similarity }));
    grouped.push(item);
  }
  if (grouped.length) resetItemLoaders(ctx);
  return grouped;
}

/**
 * Departments that answer for the item's category (first) or sector, serving its settlement (a department that
 * names no settlement serves them all). One statement read as rows (item-rows.ts): what the card shows of them needs
 * no entity, and the ORM's load with two collections populated was the largest part of a card's time.
 */
export async function suggestDepartments(ctx: Ctx, item: ItemView): Promise<Department[]> {
  if (!item.sector) return [];
  const categoryId = item.category?.id ?? null;
  const settlementId = item.settlement?.id ?? null;
  const whereParams: unknown[] = [];
  // Active, and of the viewer's municipality (the tenant filter), through the read path's rendering.
  const active = whereSql(ctx.em, Department.name, 'd', { active: true }, whereParams);
  const rows = await readRows<Record<string, unknown> & { serves_category: boolean; serves_settlement: boolean; settlements: number }>(
    ctx.em,
    `select d.*,
       exists (select 1 from department_category dc where dc.department_id = d.id and dc.category_id = ?) as serves_category,
       exists (select 1 from department_settlement ds where ds.department_id = d.id and ds.settlement_id = ?) as serves_settlement,
       (select count(*) from department_settlement ds where ds.department_id = d.id)::int as settlements
     from department d
     where ${active}
       and (exists (select 1 from department_sector x where x.department_id = d.id and x.sector_id = ?)
         or exists (select 1 from department_category dc where dc.department_id = d.id and dc.category_id = ?))`,
    [categoryId, settlementId, ...whereParams, item.sector.id, categoryId],
  );
  const score = (r: (typeof rows)[number]) => (categoryId && r.serves_category ? 2 : 0) + (settlementId && r.serves_settlement ? 1 : 0);
  return rows
    .filter((r) => r.settlements === 0 || !settlementId || r.serves_settlement)
    .sort((a, b) => score(b) - score(a) || String(a.name).localeCompare(String(b.name), 'ru'))
    .map((r) => readOnlyRow(ctx.em, Department, r));
}
