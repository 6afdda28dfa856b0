import { Arg, Authorized, Ctx as Context, Mutation, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { ingestItems } from './ingest.service.js';
import { updateIngestedItem } from './ingest-update.js';
import { INGEST_MAX, IngestedItemUpdateInput, IngestedItemUpdateResult, IngestItemInput, IngestResult } from './ingest.types.js';

@Resolver()
export class IngestResolver {
  @Authorized(Permission.ITEMS_INGEST)
  @Mutation(() => IngestResult, {
    description:
      `Items from another system, at most ${INGEST_MAX} per call (docs/integrators.md). Each input is accepted or rejected on ` +
      'its own; the same (source, externalId) sent again answers the item it already named (created: false), never a second one.',
  })
  ingestItems(
    @Context() ctx: Ctx,
    // Checked item by item by the service, so that one bad input does not refuse the others.
    @Arg('items', () => [IngestItemInput], { validate: false }) items: IngestItemInput[],
  ): Promise<IngestResult> {
    return ingestItems(ctx, items);
  }

  @Authorized(Permission.ITEMS_INGEST)
  @Mutation(() => IngestedItemUpdateResult, {
    description:
      "A later change from an item's source system, naming it by (source, externalId): its own status, the answer it gave " +
      'the citizen, or that it closed the item. Ordered by `at`: an update not later than the last one applied changes nothing.',
  })
  updateIngestedItem(@Context() ctx: Ctx, @Arg('input', () => IngestedItemUpdateInput) input: IngestedItemUpdateInput): Promise<IngestedItemUpdateResult> {
    return updateIngestedItem(ctx, input);
  }
}
