import { LockMode } from '@mikro-orm/core';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { AnswerKind, AnswerStatus, ItemAnswer } from '../items/item-answer.entity.js';
import { accessFactsOf, ingestAnswerShowsItem, sourceUpdateWhere } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { ItemStatus, Outcome } from '../items/item.enums.js';
import { changeFromSource } from '../items/item.service.js';
import { stopClock } from '../items/deadlines.js';
import { resetItemLoaders } from '../items/item.loaders.js';
import type { IngestedItemUpdateInput, IngestedItemUpdateResult } from './ingest.types.js';

/** Statuses in which the source's answer is still news: the item is not answered, closed or gone elsewhere here. */
const ANSWERABLE: readonly ItemStatus[] = [
  ItemStatus.NEW,
  ItemStatus.REGISTERED,
  ItemStatus.ASSIGNED,
  ItemStatus.IN_PROGRESS,
  ItemStatus.WAITING_CITIZEN,
  ItemStatus.ON_REVIEW,
  ItemStatus.REOPENED,
];
const FINISHED: readonly ItemStatus[] = [ItemStatus.CLOSED, ItemStatus.REDIRECTED, ItemStatus.MERGED];
const ANSWER_OUTCOMES: readonly Outcome[] = [Outcome.SUPPORTED, Outcome.SUPPORTED_MEASURES_TAKEN, Outcome.EXPLAINED, Outcome.NOT_SUPPORTED];

/** How far ahead of our clock a source's `at` may be (its clock and ours differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A later change from an item's source system (docs/integrators.md, "Later changes from the source"): its own status,
 * the answer it gave the citizen (the item becomes ANSWERED, its clock stopped at `at`), or that it closed the item.
 * Updates are ordered by `at`: one not later than the last applied (a retry, a replay, one overtaken by a newer)
 * changes nothing and answers `changed: false`, so a sender may always send again. The item is locked while the
 * update is applied, so that two at once are applied one after the other. Which items a viewer may update is the
 * access policy's (`sourceUpdateWhere`); the change goes through the items' one path (history, clocks, live layer).
 */
export async function updateIngestedItem(ctx: Ctx, input: IngestedItemUpdateInput): Promise<IngestedItemUpdateResult> {
  writableMunicipalityId(ctx);
  const now = ctx.now();
  const source = input.source.trim();
  const externalId = input.externalId.trim();
  const sourceStatus = input.sourceStatus?.trim() || null;
  const answer = input.answer?.trim() || null;
  if (!sourceStatus && !answer && !input.closed) {
    throw badInput([{ field: 'sourceStatus', problems: ['say what changed: sourceStatus, answer or closed'] }]);
  }
  if (input.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput([{ field: 'at', problems: ['is in the future'] }]);
  if (input.outcome && !answer) throw badInput([{ field: 'outcome', problems: ['is given with an answer'] }]);
  if (input.outcome && !ANSWER_OUTCOMES.includes(input.outcome)) {
    throw badInput([{ field: 'outcome', problems: [`one of ${ANSWER_OUTCOMES.join(', ')}`] }]);
  }

  const result = await ctx.em.transactional(async (tx) => {
    const item = await tx.findOne(Item, { $and: [{ source, externalId }, sourceUpdateWhere(ctx.viewer)] }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!item) throw notFound('Item', `${source}/${externalId}`);
    if (item.sourceUpdatedAt && item.sourceUpdatedAt.getTime() >= input.at.getTime()) return { item, changed: false };
    if (input.at.getTime() < item.receivedAt.getTime()) throw badInput([{ field: 'at', problems: ['is before the item was received'] }]);

    const answers = answer !== null && !(item.status === ItemStatus.ANSWERED && item.answeredAt);
    if (answer !== null && !ANSWERABLE.includes(item.status) && item.status !== ItemStatus.ANSWERED) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, `The item is ${item.status} here; an answer from the source cannot be recorded`, { status: item.status });
    }
    const closes = input.closed && !FINISHED.includes(item.status);
    const relabels = sourceStatus !== null && sourceStatus !== item.sourceStatus;
    if (!answers && !closes && !relabels) {
      // Nothing new, but the update is the latest the source sent: later ones are compared with it.
      item.sourceUpdatedAt = input.at;
      await tx.flush();
      return { item, changed: false };
    }
    const changed = await changeFromSource({ ...ctx, em: tx }, item, async (it) => {
      it.sourceUpdatedAt = input.at;
      if (relabels) it.sourceStatus = sourceStatus!;
      let status: ItemStatus | undefined;
      if (answers) {
        // An answer still on review here is overtaken by the one the citizen already has.
        const onReview = await tx.find(ItemAnswer, { item: it, status: AnswerStatus.ON_REVIEW });
        for (const a of onReview) a.status = AnswerStatus.RETURNED;
        tx.create(ItemAnswer, {
          municipality: it.municipality,
          item: it,
          kind: AnswerKind.FINAL,
          status: AnswerStatus.PUBLISHED,
          text: answer!,
          // Given in the source system: nobody here wrote or reviewed it.
          submittedAt: input.at,
          reworkReasons: [],
        });
        it.answeredAt = input.at;
        it.firstReactionAt ??= input.at;
        if (input.outcome) it.outcome = input.outcome;
        it.reviewDueAt = undefined;
        stopClock(it);
        status = ItemStatus.ANSWERED;
      }
      if (closes) {
        it.closedAt = input.at;
        stopClock(it);
        status = ItemStatus.CLOSED;
      }
      return {
        event: 'SOURCE_UPDATE',
        status,
        details: { source, at: input.at.toISOString(), sourceStatus, answered: answers, closed: closes },
      };
    });
    return { item: changed, changed: true };
  });
  resetItemLoaders(ctx);
  // The item's identity always; the item itself to a viewer who reads it (the access policy: sending is not reading).
  const { item, changed } = result;
  return { itemId: item.id, number: item.number, item: ingestAnswerShowsItem(ctx.viewer, accessFactsOf(item)) ? item : null, changed };
}
