import type { Ctx } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { actionRefusal, reachWhere } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { ItemStatus, Outcome } from '../items/item.enums.js';
import { resetItemLoaders } from '../items/item.loaders.js';
import { approveAnswer, assignItem, factsOf as itemFacts, registerItem, startItem, submitAnswer } from '../items/item.service.js';
import { CLOSED_STATUSES, ItemAction, type ItemFacts } from '../items/lifecycle.js';
import { ProblemAction } from './problem-access.js';
import { ProblemItem } from './problem-item.entity.js';
import { ProblemStatus, SolveSkipReason } from './problem.enums.js';
import { Problem } from './problem.entity.js';
import { forAction, me, save } from './problem.service.js';
import type { ProblemSolveEntry } from './problem.types.js';

/**
 * Solving a problem (docs/problems.md, "Solving"): the answer goes to every linked open item through the item
 * lifecycle, by the same service functions a person would call, as the solving person: each step checked by the
 * item policy, recorded in the item's history, with its deadlines and figures kept right. Each item moves in a
 * unit of work of its own, so one that fails leaves the others answered.
 */

/** The reporting codes an approved answer may carry (as approveAnswer). */
const SOLVING_OUTCOMES: readonly Outcome[] = [Outcome.SUPPORTED, Outcome.SUPPORTED_MEASURES_TAKEN, Outcome.EXPLAINED, Outcome.NOT_SUPPORTED];

/** The steps that bring an item of each open status to ANSWERED. */
const STEPS: Partial<Record<ItemStatus, ItemAction[]>> = {
  [ItemStatus.NEW]: [ItemAction.REGISTER, ItemAction.ASSIGN, ItemAction.START, ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
  [ItemStatus.REGISTERED]: [ItemAction.ASSIGN, ItemAction.START, ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
  [ItemStatus.REOPENED]: [ItemAction.ASSIGN, ItemAction.START, ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
  [ItemStatus.ASSIGNED]: [ItemAction.START, ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
  [ItemStatus.IN_PROGRESS]: [ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
  [ItemStatus.WAITING_CITIZEN]: [ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER],
};

/** Statuses left as they are, and why. */
const LEFT: Partial<Record<ItemStatus, SolveSkipReason>> = {
  ...Object.fromEntries(CLOSED_STATUSES.map((s) => [s, SolveSkipReason.CLOSED])),
  [ItemStatus.ANSWERED]: SolveSkipReason.ALREADY_ANSWERED,
  [ItemStatus.ON_REVIEW]: SolveSkipReason.ON_REVIEW,
};

/** The facts of the item after a step, as the lifecycle would leave them (for checking every step first). */
function after(f: ItemFacts, step: ItemAction, departmentId: string | null): ItemFacts {
  switch (step) {
    case ItemAction.REGISTER:
      return { ...f, status: ItemStatus.REGISTERED };
    case ItemAction.ASSIGN:
      return { ...f, status: ItemStatus.ASSIGNED, departmentId, executorId: null };
    case ItemAction.START:
      return { ...f, status: ItemStatus.IN_PROGRESS };
    case ItemAction.SUBMIT_ANSWER:
      return { ...f, status: ItemStatus.ON_REVIEW };
    default:
      return { ...f, status: ItemStatus.ANSWERED };
  }
}

type Outcome_ = { list: 'answered' | 'submitted' | 'skipped'; entry: ProblemSolveEntry };

const skip = (itemId: string, reason: SolveSkipReason, message: string, actions: string[] = []): Outcome_ => ({
  list: 'skipped',
  entry: { itemId, reason, message, actions },
});

async function solveItem(ctx: Ctx, problem: Problem, itemId: string, text: string, outcome: Outcome): Promise<Outcome_> {
  const work: Ctx = { ...ctx, em: ctx.em.fork() };
  const item = await work.em.findOne(Item, { $and: [{ id: itemId }, reachWhere(ctx.viewer)] });
  if (!item) return skip(itemId, SolveSkipReason.NOT_REACHED, 'You do not reach this item');
  const left = LEFT[item.status];
  if (left) return skip(itemId, left, `The item is ${item.status}; it was left as it is`);
  const steps = STEPS[item.status] ?? [];
  const departmentId = item.department?.id ?? problem.department?.id ?? null;
  if (steps.includes(ItemAction.ASSIGN) && !departmentId) {
    return skip(itemId, SolveSkipReason.NO_DEPARTMENT, 'Neither the item nor the problem has a department to assign it to');
  }
  // Every step is checked before the first is taken: an item the solver may not bring to the answer is not moved.
  let facts = itemFacts(item);
  const allowed: ItemAction[] = [];
  for (const step of steps) {
    const refused = actionRefusal(ctx.viewer, step, facts);
    if (refused) {
      // Submitting is enough where the solver may not approve: the answer waits for the МЦУ review.
      if (step === ItemAction.APPROVE_ANSWER && allowed.includes(ItemAction.SUBMIT_ANSWER)) break;
      return skip(itemId, refused.code === 'FORBIDDEN' ? SolveSkipReason.FORBIDDEN : SolveSkipReason.FAILED, refused.message);
    }
    allowed.push(step);
    facts = after(facts, step, departmentId);
  }
  const actions: string[] = [];
  let current = { id: item.id, version: item.version };
  const note = `Решение проблемы «${problem.title}»`;
  try {
    for (const step of allowed) {
      let moved: Item;
      if (step === ItemAction.REGISTER) moved = await registerItem(work, current.id, current.version);
      else if (step === ItemAction.ASSIGN) moved = await assignItem(work, current.id, current.version, { departmentId: departmentId!, comment: note });
      else if (step === ItemAction.START) moved = await startItem(work, current.id, current.version);
      else if (step === ItemAction.SUBMIT_ANSWER) moved = await submitAnswer(work, current.id, current.version, { text });
      else moved = await approveAnswer(work, current.id, current.version, { outcome, comment: note });
      current = { id: moved.id, version: moved.version };
      actions.push(step);
    }
  } catch (e) {
    return skip(itemId, SolveSkipReason.FAILED, e instanceof Error ? e.message : String(e), actions);
  }
  const answered = actions.includes(ItemAction.APPROVE_ANSWER);
  return {
    list: answered ? 'answered' : 'submitted',
    entry: { itemId, reason: null, message: answered ? null : 'Your role may not approve the answer: it waits for the review', actions },
  };
}

export type SolveResult = { problem: Problem; answered: ProblemSolveEntry[]; submitted: ProblemSolveEntry[]; skipped: ProblemSolveEntry[] };

/**
 * Solves a problem: records `answerText` with `outcome` on every active linked item that is still open (see
 * solveItem for the rule), then marks the problem SOLVED with the answer. Items already answered or closed are
 * left as they are; items the solver may not work are reported, not moved.
 */
export async function solveProblem(ctx: Ctx, id: string, answerText: string, outcome: Outcome): Promise<SolveResult> {
  const text = answerText?.trim() ?? '';
  const problems = [];
  if (text.length < 10 || text.length > 20000) problems.push({ field: 'answerText', problems: ['10 to 20000 characters'] });
  if (!SOLVING_OUTCOMES.includes(outcome)) problems.push({ field: 'outcome', problems: [`one of ${SOLVING_OUTCOMES.join(', ')}`] });
  if (problems.length) throw badInput(problems);
  const problem = await forAction(ctx, id, ProblemAction.SOLVE);
  const links = await ctx.em.find(ProblemItem, { problem, active: true }, { orderBy: { linkedAt: 'asc', id: 'asc' } });
  const result: SolveResult = { problem, answered: [], submitted: [], skipped: [] };
  for (const link of links) {
    const r = await solveItem(ctx, problem, link.item.id, text, outcome);
    result[r.list].push(r.entry);
  }
  problem.status = ProblemStatus.SOLVED;
  problem.solvedAt = ctx.now();
  problem.solvedBy = me(ctx);
  problem.answerText = text;
  problem.outcome = outcome;
  // The problem leaves the list: its items may join another one (they are not proposed again).
  for (const l of links) l.active = false;
  await save(ctx);
  resetItemLoaders(ctx);
  return result;
}
