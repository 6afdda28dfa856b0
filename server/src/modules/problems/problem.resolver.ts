import { Arg, Authorized, Ctx as Context, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ref } from '@mikro-orm/core';
import type { Ctx } from '../../graphql/context.js';
import { granted } from '../../graphql/auth-checker.js';
import { Permission } from '../auth/roles.js';
import { Item } from '../items/item.entity.js';
import { Outcome } from '../items/item.enums.js';
import { itemLoaders } from '../items/item.loaders.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import type { User } from '../users/user.entity.js';
import { ProblemMeasure } from './problem-measure.entity.js';
import { ProblemReport } from './problem-report.entity.js';
import { getProblem, listProblems, listProposals } from './problem-queries.js';
import { solveProblem } from './problem-solve.js';
import { MeasureStatus, OPEN_MEASURE_STATUSES, ProblemStatus } from './problem.enums.js';
import { Problem } from './problem.entity.js';
import {
  ConfirmProposalInput,
  DEFAULT_MIN_ITEMS,
  DEFAULT_WINDOW_DAYS,
  MeasureInput,
  MeasureUpdateInput,
  ProblemInput,
  ProblemUpdateInput,
  RejectProposalInput,
  SplitProblemInput,
} from './problem.inputs.js';
import { problemLoaders } from './problem.loaders.js';
import * as service from './problem.service.js';
import { ProblemConnection, ProblemPerson, ProblemProposal, ProblemSolveEntry, ProblemSolveResult } from './problem.types.js';

@Resolver()
export class ProblemResolver {
  @Authorized(Permission.PROBLEMS_READ)
  @Query(() => ProblemConnection, {
    description: 'Problems you read, most linked items awaiting an answer first, then most residents touched; without status: PROPOSED, CONFIRMED, IN_WORK',
  })
  async problems(
    @Context() ctx: Ctx,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('status', () => [ProblemStatus], { nullable: true }) status?: ProblemStatus[],
    @Arg('sectorCode', () => String, { nullable: true }) sectorCode?: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('settlementId', () => ID, { nullable: true }) settlementId?: string,
  ): Promise<ProblemConnection> {
    const page = await listProblems(ctx, { first, after, status, sectorCode, departmentId, settlementId });
    return {
      totalCount: page.totalCount,
      nodes: page.nodes,
      edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Authorized(Permission.PROBLEMS_READ)
  @Query(() => Problem)
  problem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return getProblem(ctx, id);
  }

  @Authorized(Permission.PROBLEMS_READ)
  @Query(() => [ProblemProposal], {
    description: 'Recurring items not yet in a problem, ranked by distinct residents (computed now from the items you reach)',
  })
  problemProposals(
    @Context() ctx: Ctx,
    @Arg('windowDays', () => Int, { defaultValue: DEFAULT_WINDOW_DAYS }) windowDays: number,
    @Arg('minItems', () => Int, { defaultValue: DEFAULT_MIN_ITEMS }) minItems: number,
  ) {
    return listProposals(ctx, { windowDays, minItems });
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Confirms a proposal: a CONFIRMED problem with its items linked' })
  confirmProposal(@Context() ctx: Ctx, @Arg('input') input: ConfirmProposalInput) {
    return service.confirmProposal(ctx, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Rejects a proposal with a reason: its items are not proposed again' })
  rejectProposal(@Context() ctx: Ctx, @Arg('input') input: RejectProposalInput) {
    return service.rejectProposal(ctx, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Enters a problem by hand: PROPOSED until confirmed' })
  createProblem(@Context() ctx: Ctx, @Arg('input') input: ProblemInput) {
    return service.createProblem(ctx, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem)
  confirmProblem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return service.confirmProblem(ctx, id);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Takes a problem off the list, with a reason; its items may join another problem' })
  rejectProblem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return service.rejectProblem(ctx, id, reason);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem)
  updateProblem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: ProblemUpdateInput) {
    return service.updateProblem(ctx, id, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Moves the items, measures and reports of sourceId to targetId; the source is REJECTED, merged' })
  mergeProblems(@Context() ctx: Ctx, @Arg('targetId', () => ID) targetId: string, @Arg('sourceId', () => ID) sourceId: string) {
    return service.mergeProblems(ctx, targetId, sourceId);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Moves some items to a new problem of the same category, settlement and department; returns the new one' })
  splitProblem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: SplitProblemInput) {
    return service.splitProblem(ctx, id, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Links items you reach; an item is in at most one problem on the list' })
  linkProblemItems(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('itemIds', () => [ID]) itemIds: string[]) {
    return service.linkProblemItems(ctx, id, itemIds);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem)
  unlinkProblemItems(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('itemIds', () => [ID]) itemIds: string[]) {
    return service.unlinkProblemItems(ctx, id, itemIds);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => ProblemMeasure)
  addProblemMeasure(@Context() ctx: Ctx, @Arg('problemId', () => ID) problemId: string, @Arg('input') input: MeasureInput) {
    return service.addProblemMeasure(ctx, problemId, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => ProblemMeasure)
  updateProblemMeasure(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: MeasureUpdateInput) {
    return service.updateProblemMeasure(ctx, id, input);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => Problem, { description: 'Approves the plan of measures (the curator or the head): the problem goes IN_WORK' })
  approveProblemPlan(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return service.approveProblemPlan(ctx, id);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => ProblemReport)
  addProblemReport(@Context() ctx: Ctx, @Arg('problemId', () => ID) problemId: string, @Arg('text') text: string) {
    return service.addProblemReport(ctx, problemId, text);
  }

  @Authorized(Permission.PROBLEMS_MANAGE)
  @Mutation(() => ProblemSolveResult, {
    description: 'Records the answer on every linked open item through the item lifecycle, as you; the problem is SOLVED',
  })
  solveProblem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('answerText') answerText: string,
    @Arg('outcome', () => Outcome, { description: 'SUPPORTED, SUPPORTED_MEASURES_TAKEN, EXPLAINED or NOT_SUPPORTED' }) outcome: Outcome,
  ) {
    return solveProblem(ctx, id, answerText, outcome);
  }
}

/** A person named on a problem, measure or report: the name only. */
async function person(ref: Ref<User> | undefined | null): Promise<ProblemPerson | null> {
  const u = ref ? await ref.load({ dataloader: true }) : null;
  return u ? { id: u.id, fullName: u.fullName } : null;
}

/** Relations through MikroORM's dataloader and the problems' per-request loaders: no query per row. */
@Resolver(() => Problem)
export class ProblemFieldsResolver {
  @FieldResolver(() => Category, { nullable: true })
  category(@Root() p: Problem) {
    return p.category?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() p: Problem) {
    return p.sector?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Settlement, { nullable: true })
  settlement(@Root() p: Problem) {
    return p.settlement?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The responsible department' })
  department(@Root() p: Problem) {
    return p.department?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Problem, { nullable: true, description: 'The problem this one was merged into (null when you do not read it)' })
  mergedInto(@Root() p: Problem, @Context() ctx: Ctx) {
    return p.mergedInto ? problemLoaders(ctx).visible.load(p.mergedInto.id) : null;
  }

  @FieldResolver(() => Int, { description: 'Linked items' })
  async itemCount(@Root() p: Problem, @Context() ctx: Ctx) {
    return (await problemLoaders(ctx).stats.load(p.id)).items;
  }

  @FieldResolver(() => Int, { description: 'Linked items waiting for an answer (not answered, closed, redirected or merged)' })
  async openItemCount(@Root() p: Problem, @Context() ctx: Ctx) {
    return (await problemLoaders(ctx).stats.load(p.id)).openItems;
  }

  @FieldResolver(() => Int, { description: 'Distinct residents among the linked items (by phone, else e-mail, else name)' })
  async residentCount(@Root() p: Problem, @Context() ctx: Ctx) {
    return (await problemLoaders(ctx).stats.load(p.id)).residents;
  }

  @FieldResolver(() => [Item], { description: 'The linked items you reach (as the items themselves say), oldest first' })
  items(@Root() p: Problem, @Context() ctx: Ctx) {
    return problemLoaders(ctx).items.load(p.id);
  }

  @FieldResolver(() => [ProblemMeasure], { description: 'The plan, by due date' })
  measures(@Root() p: Problem, @Context() ctx: Ctx) {
    return problemLoaders(ctx).measures.load(p.id);
  }

  @FieldResolver(() => [ProblemReport], { description: 'Progress reports, oldest first' })
  reports(@Root() p: Problem, @Context() ctx: Ctx) {
    return problemLoaders(ctx).reports.load(p.id);
  }

  @FieldResolver(() => ProblemPerson, { nullable: true })
  createdBy(@Root() p: Problem) {
    return person(p.createdBy);
  }

  @FieldResolver(() => ProblemPerson, { nullable: true })
  confirmedBy(@Root() p: Problem) {
    return person(p.confirmedBy);
  }

  @FieldResolver(() => ProblemPerson, { nullable: true })
  planApprovedBy(@Root() p: Problem) {
    return person(p.planApprovedBy);
  }

  @FieldResolver(() => ProblemPerson, { nullable: true })
  solvedBy(@Root() p: Problem) {
    return person(p.solvedBy);
  }

  @FieldResolver(() => ProblemPerson, { nullable: true })
  rejectedBy(@Root() p: Problem) {
    return person(p.rejectedBy);
  }
}

@Resolver(() => ProblemMeasure)
export class ProblemMeasureFieldsResolver {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() m: ProblemMeasure) {
    return m.department?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => ProblemPerson, { nullable: true, description: 'The person who answers for it' })
  owner(@Root() m: ProblemMeasure) {
    return person(m.owner);
  }

  @FieldResolver(() => Boolean, { description: 'Not done or cancelled, and its due date has passed' })
  overdue(@Root() m: ProblemMeasure, @Context() ctx: Ctx): boolean {
    return OPEN_MEASURE_STATUSES.includes(m.status as MeasureStatus) && m.dueAt.getTime() < ctx.now().getTime();
  }
}

@Resolver(() => ProblemReport)
export class ProblemReportFieldsResolver {
  @FieldResolver(() => ProblemPerson, { nullable: true })
  author(@Root() r: ProblemReport) {
    return person(r.author);
  }
}

@Resolver(() => ProblemSolveEntry)
export class ProblemSolveEntryFieldsResolver {
  @FieldResolver(() => Item, { nullable: true, description: 'The item, while you reach it' })
  item(@Root() e: ProblemSolveEntry, @Context() ctx: Ctx) {
    return itemLoaders(ctx).reachable.load(e.itemId);
  }
}

@Resolver(() => Item)
export class ItemProblemFieldResolver {
  @FieldResolver(() => Problem, { nullable: true, description: 'The problem the item is gathered in (the one on the list, else the latest), if you read problems' })
  problem(@Root() item: Item, @Context() ctx: Ctx) {
    if (!ctx.viewer || !granted(ctx.viewer, [Permission.PROBLEMS_READ])) return null;
    return problemLoaders(ctx).ofItem.load(item.id);
  }
}
