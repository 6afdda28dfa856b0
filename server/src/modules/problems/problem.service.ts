import { OptimisticLockError, ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { reachWhere } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { User } from '../users/user.entity.js';
import { ProblemAction, problemRefusal, type ProblemFacts } from './problem-access.js';
import { ProblemItem } from './problem-item.entity.js';
import { ProblemMeasure } from './problem-measure.entity.js';
import { ProblemReport } from './problem-report.entity.js';
import { findProposal, getProblem, visibleProblems } from './problem-queries.js';
import { MeasureStatus, ProblemStatus } from './problem.enums.js';
import { Problem } from './problem.entity.js';
import type {
  ConfirmProposalInput,
  MeasureInput,
  MeasureUpdateInput,
  ProblemInput,
  ProblemUpdateInput,
  RejectProposalInput,
  SplitProblemInput,
} from './problem.inputs.js';
import { resetProblemLoaders } from './problem.loaders.js';

/** Changing the list of problems (docs/problems.md). Solving is in problem-solve.ts. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

export const factsOf = (p: Problem): ProblemFacts => ({ status: p.status, sectorId: p.sector?.id ?? null });

/** Refuses with INVALID_TRANSITION or FORBIDDEN (nothing changes) unless the viewer may take the step. */
export function check(ctx: Ctx, action: ProblemAction, facts: ProblemFacts): void {
  const refused = problemRefusal(ctx.viewer, action, facts);
  if (refused) throw new AppError(refused.code, refused.message, { action, status: facts.status });
}

/** A problem the viewer reads (else NOT_FOUND), on which it may take `action` now. */
export async function forAction(ctx: Ctx, id: string, action: ProblemAction): Promise<Problem> {
  const problem = await getProblem(ctx, id);
  check(ctx, action, factsOf(problem));
  return problem;
}

export function me(ctx: Ctx) {
  const v = ctx.viewer;
  return v?.kind === 'user' ? ctx.em.getReference(User, v.userId, { wrapped: true }) : undefined;
}

/** Flushes once; a concurrent change is a CONFLICT (STALE_VERSION), an item in another active problem too. */
export async function save(ctx: Ctx): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (e) {
    ctx.em.clear();
    if (e instanceof OptimisticLockError) {
      throw new AppError(ErrorCode.CONFLICT, 'The problem was changed by someone else; reload it', { reason: 'STALE_VERSION' });
    }
    if (e instanceof UniqueConstraintViolationException) {
      throw new AppError(ErrorCode.CONFLICT, 'An item is in another problem already', { field: 'itemIds' });
    }
    throw e;
  } finally {
    resetProblemLoaders(ctx);
  }
}

async function departmentOf(ctx: Ctx, id: string | null | undefined, field = 'departmentId'): Promise<Department | undefined> {
  if (!id) return undefined;
  const d = UUID.test(id) ? await ctx.em.findOne(Department, { id }) : null;
  if (!d || !d.active) throw badInput([{ field, problems: ['unknown or inactive department'] }]);
  return d;
}

async function ownerOf(ctx: Ctx, id: string | null | undefined): Promise<User | undefined> {
  if (!id) return undefined;
  const u = UUID.test(id) ? await ctx.em.findOne(User, { id }) : null;
  if (!u || !u.active || !u.municipality) throw badInput([{ field: 'ownerId', problems: ['unknown or inactive user'] }]);
  return u;
}

/**
 * A department or person that an update names. An empty id names none and is refused like an unknown one (an update
 * that leaves the field out keeps what is there).
 */
async function namedDepartment(ctx: Ctx, id: string): Promise<Department> {
  const d = await departmentOf(ctx, id);
  if (!d) throw badInput([{ field: 'departmentId', problems: ['unknown or inactive department'] }]);
  return d;
}

async function namedOwner(ctx: Ctx, id: string): Promise<User> {
  const u = await ownerOf(ctx, id);
  if (!u) throw badInput([{ field: 'ownerId', problems: ['unknown or inactive user'] }]);
  return u;
}

const required = (text: string | null | undefined, field: string, min: number, max: number): string => {
  const t = text?.trim() ?? '';
  if (t.length < min || t.length > max) throw badInput([{ field, problems: [`${min} to ${max} characters`] }]);
  return t;
};

/**
 * Links items the viewer reaches to a problem. An item already in another active problem is a CONFLICT that
 * names it (`itemIds`, `problemIds`); an item linked here already is left as it is.
 */
async function linkItems(ctx: Ctx, problem: Problem, itemIds: string[], field: string, active = true): Promise<number> {
  const ids = [...new Set(itemIds)];
  if (!ids.length) return 0;
  const malformed = ids.filter((id) => !UUID.test(id));
  const items = malformed.length ? [] : await ctx.em.find(Item, { $and: [{ id: { $in: ids } }, reachWhere(ctx.viewer)] });
  const missing = ids.filter((id) => !items.some((i) => i.id === id));
  if (missing.length) throw badInput([{ field, problems: [`unknown items: ${missing.join(', ')}`] }]);
  const links = await ctx.em.find(ProblemItem, { item: { $in: ids }, $or: [{ active: true }, { problem }] });
  const elsewhere = links.filter((l) => l.active && l.problem.id !== problem.id);
  if (active && elsewhere.length) {
    throw new AppError(ErrorCode.CONFLICT, 'An item is in another problem already; unlink it there first', {
      field,
      itemIds: elsewhere.map((l) => l.item.id),
      problemIds: [...new Set(elsewhere.map((l) => l.problem.id))],
    });
  }
  let added = 0;
  for (const item of items) {
    if (links.some((l) => l.problem.id === problem.id && l.item.id === item.id)) continue;
    ctx.em.create(ProblemItem, { municipality: problem.municipality, problem, item, active, linkedAt: ctx.now(), linkedBy: me(ctx) });
    added += 1;
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals

/** The department most of the items are assigned to (the default responsible department of a proposal). */
function commonDepartment(items: Item[]): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) if (i.department) counts.set(i.department.id, (counts.get(i.department.id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Confirms a proposal: a CONFIRMED problem of its category and settlement with its items linked. */
export async function confirmProposal(ctx: Ctx, input: ConfirmProposalInput): Promise<Problem> {
  const municipalityId = writableMunicipalityId(ctx);
  const { proposal, key, itemIds } = await findProposal(ctx, input.key, input);
  const category = await ctx.em.findOneOrFail(Category, { id: key.c });
  check(ctx, ProblemAction.CONFIRM, { status: null, sectorId: category.sector.id });
  const department = await departmentOf(ctx, input.departmentId ?? commonDepartment(proposal.items));
  const now = ctx.now();
  const problem = ctx.em.create(Problem, {
    municipality: municipalityId,
    title: input.title?.trim() || proposal.suggestedTitle,
    description: input.description?.trim() || undefined,
    category,
    sector: category.sector,
    settlement: key.s ? ctx.em.getReference(Settlement, key.s, { wrapped: true }) : undefined,
    area: input.area?.trim() || proposal.street || undefined,
    department,
    status: ProblemStatus.CONFIRMED,
    proposalKey: input.key,
    createdBy: me(ctx),
    confirmedAt: now,
    confirmedBy: me(ctx),
  });
  await linkItems(ctx, problem, itemIds, 'key');
  await save(ctx);
  return problem;
}

/**
 * Rejects a proposal: a REJECTED problem with the reason, its items linked inactive. Items once linked to a
 * problem are never proposed again, so the cluster returns only if enough new items recur.
 */
export async function rejectProposal(ctx: Ctx, input: RejectProposalInput): Promise<Problem> {
  const municipalityId = writableMunicipalityId(ctx);
  const { proposal, key, itemIds } = await findProposal(ctx, input.key, input);
  const category = await ctx.em.findOneOrFail(Category, { id: key.c });
  check(ctx, ProblemAction.REJECT, { status: null, sectorId: category.sector.id });
  const now = ctx.now();
  const problem = ctx.em.create(Problem, {
    municipality: municipalityId,
    title: proposal.suggestedTitle,
    category,
    sector: category.sector,
    settlement: key.s ? ctx.em.getReference(Settlement, key.s, { wrapped: true }) : undefined,
    area: proposal.street ?? undefined,
    status: ProblemStatus.REJECTED,
    proposalKey: input.key,
    createdBy: me(ctx),
    rejectedAt: now,
    rejectedBy: me(ctx),
    rejectionReason: required(input.reason, 'reason', 5, 2000),
  });
  await linkItems(ctx, problem, itemIds, 'key', false);
  await save(ctx);
  return problem;
}

// ---------------------------------------------------------------------------------------------------------------
// Problems entered by hand, confirmed, rejected, edited

export async function createProblem(ctx: Ctx, input: ProblemInput): Promise<Problem> {
  const municipalityId = writableMunicipalityId(ctx);
  const category = input.categoryCode ? await ctx.em.findOne(Category, { code: input.categoryCode }) : null;
  if (input.categoryCode && !category) throw badInput([{ field: 'categoryCode', problems: ['unknown category'] }]);
  check(ctx, ProblemAction.CONFIRM, { status: null, sectorId: category?.sector.id ?? null });
  const settlement = input.settlementId && UUID.test(input.settlementId) ? await ctx.em.findOne(Settlement, { id: input.settlementId }) : null;
  if (input.settlementId && !settlement) throw badInput([{ field: 'settlementId', problems: ['unknown settlement'] }]);
  const problem = ctx.em.create(Problem, {
    municipality: municipalityId,
    title: required(input.title, 'title', 3, 300),
    description: input.description?.trim() || undefined,
    category: category ?? undefined,
    sector: category?.sector,
    settlement: settlement ?? undefined,
    area: input.area?.trim() || undefined,
    department: await departmentOf(ctx, input.departmentId),
    status: ProblemStatus.PROPOSED,
    createdBy: me(ctx),
  });
  await linkItems(ctx, problem, input.itemIds ?? [], 'itemIds');
  await save(ctx);
  return problem;
}

export async function confirmProblem(ctx: Ctx, id: string): Promise<Problem> {
  const problem = await forAction(ctx, id, ProblemAction.CONFIRM);
  problem.status = ProblemStatus.CONFIRMED;
  problem.confirmedAt = ctx.now();
  problem.confirmedBy = me(ctx);
  await save(ctx);
  return problem;
}

/** Ends links so that the items may join another problem (they are still never proposed again). */
async function deactivateLinks(ctx: Ctx, problem: Problem): Promise<ProblemItem[]> {
  const links = await ctx.em.find(ProblemItem, { problem, active: true });
  for (const l of links) l.active = false;
  return links;
}

export async function rejectProblem(ctx: Ctx, id: string, reason: string): Promise<Problem> {
  const text = required(reason, 'reason', 5, 2000);
  const problem = await forAction(ctx, id, ProblemAction.REJECT);
  problem.status = ProblemStatus.REJECTED;
  problem.rejectedAt = ctx.now();
  problem.rejectedBy = me(ctx);
  problem.rejectionReason = text;
  await deactivateLinks(ctx, problem);
  await save(ctx);
  return problem;
}

export async function updateProblem(ctx: Ctx, id: string, input: ProblemUpdateInput): Promise<Problem> {
  const problem = await forAction(ctx, id, ProblemAction.EDIT);
  if (input.title != null) problem.title = required(input.title, 'title', 3, 300);
  if (input.description != null) problem.description = input.description.trim() || undefined;
  if (input.area != null) problem.area = input.area.trim() || undefined;
  if (input.departmentId != null) problem.department = ctx.em.getReference(Department, (await namedDepartment(ctx, input.departmentId)).id, { wrapped: true });
  await save(ctx);
  return problem;
}

// ---------------------------------------------------------------------------------------------------------------
// Merge, split, link, unlink

/** Merges `sourceId` into `targetId`: its items, measures and reports move; it is REJECTED, merged into the target. */
export async function mergeProblems(ctx: Ctx, targetId: string, sourceId: string): Promise<Problem> {
  if (targetId === sourceId) throw badInput([{ field: 'sourceId', problems: ['a problem cannot be merged into itself'] }]);
  const target = await forAction(ctx, targetId, ProblemAction.EDIT);
  const source = await forAction(ctx, sourceId, ProblemAction.EDIT);
  const em = ctx.em;
  const [links, measures, reports] = await Promise.all([
    em.find(ProblemItem, { problem: source }),
    em.find(ProblemMeasure, { problem: source }),
    em.find(ProblemReport, { problem: source }),
  ]);
  for (const x of [...links, ...measures, ...reports]) x.problem = ref(target);
  source.status = ProblemStatus.REJECTED;
  source.mergedInto = ref(target);
  source.rejectedAt = ctx.now();
  source.rejectedBy = me(ctx);
  source.rejectionReason = `Объединена с проблемой «${target.title}»`;
  // Touch the target so that a concurrent change of it is caught by its version.
  target.updatedAt = ctx.now();
  await save(ctx);
  return target;
}

/** Moves some items of a problem to a new problem of the same category, settlement and department. */
export async function splitProblem(ctx: Ctx, id: string, input: SplitProblemInput): Promise<Problem> {
  const source = await forAction(ctx, id, ProblemAction.EDIT);
  const ids = [...new Set(input.itemIds)];
  const links = ids.every((x) => UUID.test(x)) ? await ctx.em.find(ProblemItem, { problem: source, item: { $in: ids } }) : [];
  const missing = ids.filter((x) => !links.some((l) => l.item.id === x));
  if (missing.length) throw badInput([{ field: 'itemIds', problems: [`not linked to this problem: ${missing.join(', ')}`] }]);
  const now = ctx.now();
  const confirmed = source.status !== ProblemStatus.PROPOSED;
  const problem = ctx.em.create(Problem, {
    municipality: source.municipality,
    title: required(input.title, 'title', 3, 300),
    category: source.category,
    sector: source.sector,
    settlement: source.settlement,
    area: input.area?.trim() || source.area,
    department: source.department,
    status: confirmed ? ProblemStatus.CONFIRMED : ProblemStatus.PROPOSED,
    createdBy: me(ctx),
    confirmedAt: confirmed ? now : undefined,
    confirmedBy: confirmed ? me(ctx) : undefined,
  });
  for (const l of links) l.problem = ref(problem);
  source.updatedAt = now;
  await save(ctx);
  return problem;
}

export async function linkProblemItems(ctx: Ctx, id: string, itemIds: string[]): Promise<Problem> {
  const problem = await forAction(ctx, id, ProblemAction.EDIT);
  if (await linkItems(ctx, problem, itemIds, 'itemIds')) problem.updatedAt = ctx.now();
  await save(ctx);
  return problem;
}

export async function unlinkProblemItems(ctx: Ctx, id: string, itemIds: string[]): Promise<Problem> {
  const problem = await forAction(ctx, id, ProblemAction.EDIT);
  const ids = [...new Set(itemIds)];
  const links = ids.every((x) => UUID.test(x)) ? await ctx.em.find(ProblemItem, { problem, item: { $in: ids } }) : [];
  const missing = ids.filter((x) => !links.some((l) => l.item.id === x));
  if (missing.length || !ids.length) throw badInput([{ field: 'itemIds', problems: [`not linked to this problem: ${missing.join(', ')}`] }]);
  // Unlinked, an item is a candidate for proposals again: the staff said it does not belong here.
  for (const l of links) ctx.em.remove(l);
  problem.updatedAt = ctx.now();
  await save(ctx);
  return problem;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan and the reports

/** The last second (23:59:59) of a local date in the municipality's zone: a measure is overdue after it. */
async function endOfLocalDay(ctx: Ctx, problem: Problem, date: string): Promise<Date> {
  const municipality = await problem.municipality.load();
  const d = DateTime.fromISO(date, { zone: municipality?.timezone ?? 'Europe/Moscow' });
  // PostgreSQL has no year 0, and a plan runs in the years the production calendar holds.
  if (!d.isValid || d.toISODate() !== date || d.year < 2000 || d.year > 2100) throw badInput([{ field: 'dueDate', problems: ['not a date from 2000 to 2100'] }]);
  return d.endOf('day').startOf('second').toJSDate();
}

export async function addProblemMeasure(ctx: Ctx, problemId: string, input: MeasureInput): Promise<ProblemMeasure> {
  const problem = await forAction(ctx, problemId, ProblemAction.PLAN);
  const [department, owner] = await Promise.all([departmentOf(ctx, input.departmentId), ownerOf(ctx, input.ownerId)]);
  const measure = ctx.em.create(ProblemMeasure, {
    municipality: problem.municipality,
    problem,
    text: required(input.text, 'text', 3, 2000),
    department,
    owner,
    dueDate: input.dueDate,
    dueAt: await endOfLocalDay(ctx, problem, input.dueDate),
    status: MeasureStatus.PLANNED,
    createdBy: me(ctx),
  });
  problem.updatedAt = ctx.now();
  await save(ctx);
  return measure;
}

export async function updateProblemMeasure(ctx: Ctx, id: string, input: MeasureUpdateInput): Promise<ProblemMeasure> {
  const measure = UUID.test(id) ? await ctx.em.findOne(ProblemMeasure, { id }) : null;
  if (!measure) throw notFound('ProblemMeasure', id);
  const [problem] = await visibleProblems(ctx, [measure.problem.id]);
  if (!problem) throw notFound('ProblemMeasure', id);
  check(ctx, ProblemAction.PLAN, factsOf(problem));
  if (input.text != null) measure.text = required(input.text, 'text', 3, 2000);
  if (input.departmentId != null) measure.department = ctx.em.getReference(Department, (await namedDepartment(ctx, input.departmentId)).id, { wrapped: true });
  if (input.ownerId != null) measure.owner = ctx.em.getReference(User, (await namedOwner(ctx, input.ownerId)).id, { wrapped: true });
  if (input.dueDate != null) {
    measure.dueDate = input.dueDate;
    measure.dueAt = await endOfLocalDay(ctx, problem, input.dueDate);
  }
  if (input.status != null && input.status !== measure.status) {
    measure.status = input.status;
    measure.doneAt = input.status === MeasureStatus.DONE ? ctx.now() : undefined;
  }
  problem.updatedAt = ctx.now();
  await save(ctx);
  return measure;
}

/** The curator (or the head) approves the plan: the problem goes IN_WORK. A plan needs a measure. */
export async function approveProblemPlan(ctx: Ctx, id: string): Promise<Problem> {
  const problem = await forAction(ctx, id, ProblemAction.APPROVE_PLAN);
  const measures = await ctx.em.count(ProblemMeasure, { problem, status: { $ne: MeasureStatus.CANCELLED } });
  if (!measures) throw new AppError(ErrorCode.INVALID_TRANSITION, 'The plan has no measures yet', { action: ProblemAction.APPROVE_PLAN, status: problem.status });
  problem.status = ProblemStatus.IN_WORK;
  problem.planApprovedAt = ctx.now();
  problem.planApprovedBy = me(ctx);
  await save(ctx);
  return problem;
}

export async function addProblemReport(ctx: Ctx, problemId: string, text: string): Promise<ProblemReport> {
  const body = required(text, 'text', 5, 10000);
  const problem = await forAction(ctx, problemId, ProblemAction.PLAN);
  const report = ctx.em.create(ProblemReport, { municipality: problem.municipality, problem, text: body, author: me(ctx), at: ctx.now() });
  problem.updatedAt = ctx.now();
  await save(ctx);
  return report;
}
