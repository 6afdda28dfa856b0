import {
  Arg,
  Authorized,
  Ctx as Context,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Ctx } from '../../graphql/context.js';
import { asksFor } from '../../graphql/selection.js';
import { Permission } from '../auth/roles.js';
import { Attachment } from '../files/attachment.entity.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { User } from '../users/user.entity.js';
import { ItemAnswer } from './item-answer.entity.js';
import { ItemEvent } from './item-event.entity.js';
import { Item } from './item.entity.js';
import { DeadlineState, ItemKind, Outcome, ReworkReason } from './item.enums.js';
import {
  AnswerInput,
  ApproveInput,
  AssignInput,
  ClassifyInput,
  ExtendInput,
  ItemFilter,
  ItemInput,
  ItemSort,
  LeaveInput,
  RatingInput,
  RedirectInput,
  ReturnInput,
} from './item.inputs.js';
import { Applicant, ItemConnection, ItemQueueCounts } from './item.types.js';
import { ItemAction } from './lifecycle.js';
import { availableActions } from './item-access.js';
import { applicantFor } from './personal-data.service.js';
import { stateOf } from './deadlines.js';
import * as items from './item.service.js';
import { getItemRow, listItems, queueCounts } from './item-queries.js';
import { itemLoaders } from './item.loaders.js';
import { related, type ItemView } from './item-rows.js';
import { DuplicateCandidate, likelyDuplicates } from './item-duplicates.js';
import { badInput } from '../../graphql/errors.js';
import { AnswerCheckCode, AnswerCheckFinding } from '../answer-check/answer-check.graphql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
import { MachineProposal, machineProposalOf } from '../text/text.graphql.js';

@Resolver()
export class ItemResolver {
  @Authorized(Permission.ITEMS_READ)
  @Query(() => Item)
  item(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return getItemRow(ctx, id);
  }

  @Authorized(Permission.TEXT_CLASSIFY)
  @Query(() => [DuplicateCandidate], {
    description: 'Open items of the last 30 days likely about the same matter as a text being registered, most alike first (docs/text.md)',
  })
  likelyDuplicates(
    @Context() ctx: Ctx,
    @Arg('text') text: string,
    @Arg('settlementId', () => ID, { nullable: true }) settlementId?: string,
    @Arg('categoryCode', { nullable: true }) categoryCode?: string,
    @Arg('excludeId', () => ID, { nullable: true }) excludeId?: string,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number = 5,
  ): Promise<DuplicateCandidate[]> {
    if (text.length > 20_000) throw badInput([{ field: 'text', problems: ['at most 20000 characters'] }]);
    if (settlementId && !UUID.test(settlementId)) throw badInput([{ field: 'settlementId', problems: ['not an id'] }]);
    if (excludeId && !UUID.test(excludeId)) throw badInput([{ field: 'excludeId', problems: ['not an id'] }]);
    return likelyDuplicates(ctx, { text, settlementId, categoryCode, excludeIds: excludeId ? [excludeId] : [], first });
  }

  @Authorized(Permission.ITEMS_READ)
  @Query(() => ItemConnection, { description: 'Items in your scope; `first` at most 100' })
  async items(
    @Context() ctx: Ctx,
    @Arg('filter', () => ItemFilter, { nullable: true }) filter?: ItemFilter,
    @Arg('first', () => Int, { defaultValue: 25 }) first = 25,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('sort', () => ItemSort, { defaultValue: ItemSort.URGENT_FIRST }) sort = ItemSort.URGENT_FIRST,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ItemConnection> {
    const page = await listItems(ctx, filter, first, after ?? undefined, sort, { withCount: !!info && asksFor(info, 'totalCount') });
    return {
      totalCount: page.totalCount,
      nodes: page.nodes,
      edges: page.nodes.map((node, i) => ({ node, cursor: i === page.nodes.length - 1 && page.endCursor ? page.endCursor : `${node.id}` })),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Authorized(Permission.ITEMS_WORK)
  @Query(() => ItemQueueCounts)
  itemQueueCounts(@Context() ctx: Ctx) {
    return queueCounts(ctx);
  }

  @Authorized(Permission.ITEMS_CREATE)
  @Mutation(() => Item, { description: 'Registers an item entered by hand (phone, walk-in, letter)' })
  createItem(@Context() ctx: Ctx, @Arg('input') input: ItemInput) {
    return items.createItem(ctx, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, {
    description: 'Sets the category (and sector), urgency and place by hand; kept as a labelled example for the text model',
  })
  classifyItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ClassifyInput,
  ) {
    return items.classifyItem(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item)
  registerItem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return items.registerItem(ctx, id, version);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item)
  assignItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: AssignInput,
  ) {
    return items.assignItem(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item)
  startItem(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return items.startItem(ctx, id, version);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Asks the citizen to clarify; the answer clock of a MESSAGE pauses' })
  askCitizen(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment') comment: string,
  ) {
    return items.askCitizen(ctx, id, version, comment);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'The citizen answered; the paused clock resumes with the time it had left' })
  citizenReplied(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return items.citizenReplied(ctx, id, version, comment ?? undefined);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Sends the answer draft to the МЦУ quality review' })
  submitAnswer(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: AnswerInput,
  ) {
    return items.submitAnswer(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'INCIDENT: publishes an interim answer; the final answer is due in 7 working days' })
  publishInterimAnswer(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: AnswerInput,
  ) {
    return items.publishInterimAnswer(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item)
  returnForRework(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ReturnInput,
  ) {
    return items.returnForRework(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Approves the answer on review and sends it (also to merged duplicates)' })
  approveAnswer(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ApproveInput,
  ) {
    return items.approveAnswer(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Records the citizen’s rating: satisfied closes; a first "not satisfied" reopens' })
  rateItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: RatingInput,
  ) {
    return items.rateItem(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item)
  closeItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
    @Arg('outcome', () => Outcome, { nullable: true, description: 'Corrects the reporting code given at approval' }) outcome?: Outcome,
  ) {
    return items.closeItem(ctx, id, version, comment ?? undefined, outcome ?? undefined);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'APPEAL: extends the answer deadline once, by up to 30 calendar days' })
  extendItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ExtendInput,
  ) {
    return items.extendItem(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Forwards an item outside the municipality’s competence' })
  redirectItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: RedirectInput,
  ) {
    return items.redirectItem(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Leaves an item without an answer for a reason of 59-ФЗ art. 11' })
  leaveWithoutAnswer(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: LeaveInput,
  ) {
    return items.leaveWithoutAnswer(ctx, id, version, input);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Marks the item a duplicate of `parentId`; the parent’s answer reaches it' })
  mergeItem(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('parentId', () => ID) parentId: string,
  ) {
    return items.mergeItem(ctx, id, version, parentId);
  }

  @Authorized(Permission.ITEMS_WORK)
  @Mutation(() => Item, { description: 'Attaches uploaded files (POST /files) to an item' })
  attachFiles(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('attachmentIds', () => [ID]) attachmentIds: string[],
  ) {
    return items.attachFiles(ctx, id, version, attachmentIds);
  }
}

/** Relations through MikroORM's dataloader: one query per relation per request, not per row. */
@Resolver(() => Item)
export class ItemFieldsResolver {
  @FieldResolver(() => Applicant, { description: 'Masked unless your role works the item; every full view is logged' })
  applicant(@Root() item: ItemView, @Context() ctx: Ctx) {
    return applicantFor(ctx, item);
  }

  @FieldResolver(() => Boolean, { description: 'An APPEAL without a surname or an address for the answer gets no answer (59-ФЗ)' })
  anonymous(@Root() item: ItemView): boolean {
    return item.kind === ItemKind.APPEAL && (!item.applicantName?.trim() || (!item.applicantAddress?.trim() && !item.applicantEmail?.trim()));
  }

  @FieldResolver(() => DeadlineState, { nullable: true, description: 'State of the clock that runs now' })
  deadlineState(@Root() item: ItemView, @Context() ctx: Ctx): DeadlineState | null {
    return stateOf(item, ctx.now());
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seconds until dueAt (negative when overdue)' })
  secondsLeft(@Root() item: ItemView, @Context() ctx: Ctx): number | null {
    const at = item.pausedAt ?? ctx.now();
    return item.dueAt ? Math.round((item.dueAt.getTime() - at.getTime()) / 1000) : null;
  }

  @FieldResolver(() => [ItemAction], { description: 'What you may do with the item now' })
  availableActions(@Root() item: ItemView, @Context() ctx: Ctx): ItemAction[] {
    return availableActions(ctx.viewer, items.factsOf(item));
  }

  @FieldResolver(() => MachineProposal, {
    nullable: true,
    description: 'The text classifier’s first pass over the item when it arrived, and what of it the item took (null: none)',
  })
  async machine(@Root() item: ItemView, @Context() ctx: Ctx): Promise<MachineProposal | null> {
    const data = await itemLoaders(ctx).machine.load(item.id);
    return data ? machineProposalOf(data) : null;
  }

  @FieldResolver(() => [DuplicateCandidate], {
    description: 'Open items of the last 30 days likely about the same matter (similar text; same place and category rank higher), among those you reach',
  })
  likelyDuplicates(
    @Root() item: ItemView,
    @Context() ctx: Ctx,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
  ): Promise<DuplicateCandidate[]> {
    return likelyDuplicates(ctx, {
      text: item.text,
      settlementId: item.settlement?.id ?? null,
      categoryCode: null,
      categoryId: item.category?.id ?? null,
      excludeIds: [item.id, ...(item.parent ? [item.parent.id] : [])],
      excludeChildrenOf: item.id,
      first,
    });
  }

  @FieldResolver(() => Settlement, { nullable: true })
  settlement(@Root() item: ItemView) {
    return related(item.settlement);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() item: ItemView) {
    return related(item.category);
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() item: ItemView) {
    return related(item.sector);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() item: ItemView) {
    return related(item.department);
  }

  @FieldResolver(() => User, { nullable: true })
  executor(@Root() item: ItemView) {
    return related(item.executor);
  }

  @FieldResolver(() => Item, { nullable: true, description: 'The item this one is a duplicate of (null when you do not reach it)' })
  parent(@Root() item: ItemView, @Context() ctx: Ctx) {
    return item.parent ? itemLoaders(ctx).reachable.load(item.parent.id) : null;
  }

  @FieldResolver(() => [Item], { description: 'Items merged into this one (those you reach)' })
  duplicates(@Root() item: ItemView, @Context() ctx: Ctx) {
    return itemLoaders(ctx).duplicates.load(item.id);
  }

  @FieldResolver(() => [ItemAnswer])
  answers(@Root() item: ItemView, @Context() ctx: Ctx) {
    return itemLoaders(ctx).answers.load(item.id);
  }

  @FieldResolver(() => [ItemEvent], { description: 'Every change, oldest first' })
  history(@Root() item: ItemView, @Context() ctx: Ctx) {
    return itemLoaders(ctx).history.load(item.id);
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() item: ItemView, @Context() ctx: Ctx) {
    return itemLoaders(ctx).attachments.load(item.id);
  }

  @FieldResolver(() => [Department], { description: 'Departments suggested for the item, from its category, sector and settlement' })
  suggestedDepartments(@Root() item: ItemView, @Context() ctx: Ctx) {
    return items.suggestDepartments(ctx, item);
  }
}

/** The count of a list, run only when asked for (listItems gives it as a function). */
@Resolver(() => ItemConnection)
export class ItemConnectionFieldsResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() c: ItemConnection): number | Promise<number> {
    return typeof c.totalCount === 'function' ? c.totalCount() : c.totalCount;
  }
}

@Resolver(() => ItemAnswer)
export class ItemAnswerFieldsResolver {
  @FieldResolver(() => User, { nullable: true })
  author(@Root() a: ItemAnswer) {
    return a.author?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => User, { nullable: true })
  reviewer(@Root() a: ItemAnswer) {
    return a.reviewer?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => [AnswerCheckFinding], {
    description: 'What the answer check found when the answer was submitted for review (empty: nothing, or not checked)',
  })
  checks(@Root() a: ItemAnswer): AnswerCheckFinding[] {
    return (a.checks ?? []).map((f) => ({ ...f, code: f.code as AnswerCheckCode, reason: f.reason as ReworkReason, evidence: f.evidence ?? null }));
  }
}

@Resolver(() => ItemEvent)
export class ItemEventFieldsResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() e: ItemEvent) {
    return e.actor?.load({ dataloader: true }) ?? null;
  }
}

@Resolver(() => Attachment)
export class AttachmentFieldsResolver {
  @FieldResolver(() => String, { description: 'Download address (GET, with the same authentication as GraphQL)' })
  url(@Root() a: Attachment): string {
    return `/files/${a.id}`;
  }
}
