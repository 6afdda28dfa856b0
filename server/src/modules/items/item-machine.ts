import type { Ctx } from '../../graphql/context.js';
import { Category } from '../organisation/category.entity.js';
import type { Catalogue } from '../organisation/catalogue.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { decide, itemText, MachineApplied, type MachineProposalData } from '../text/proposal.js';
import { ClassifiedBy } from './item.enums.js';
import type { NewItemInput } from './item.service.js';

/** What the machine reads of a new item's input and may change. */
export type MachineInput = Pick<NewItemInput, 'text' | 'subject' | 'channel' | 'categoryCode' | 'settlementId' | 'address' | 'urgent'>;

/** A new item's input and the catalogue rows it named, before the machine's pass. */
export type Given<I extends MachineInput> = {
  input: I;
  category: Category | null;
  settlement: Settlement | null;
};

/** The same, after it: what the item is stored with, who classified it and what the machine did. */
export type Passed<I> = {
  input: I;
  category: Category | null;
  settlement: Settlement | null;
  classifiedBy: ClassifiedBy | null;
  machine: MachineProposalData | null;
};

/**
 * The machine's first pass over new items (modules/text/proposal.ts), for `createItem` and `ingestItems` alike: the
 * category it is sure of, the settlement and address of a place it is sure of, urgency when the text is urgent and
 * the item's category may be urgent. The catalogue rows it names are read in one query each for the whole batch, or
 * taken from the municipality's remembered catalogue when one is given (ingestion: organisation/catalogue.ts).
 * Without the text services (a job, a tool), or while no model is ready, items keep what they came with and those
 * without a category wait in the "to classify" queue.
 */
export async function machineFirstPass<I extends MachineInput>(
  ctx: Ctx,
  municipalityId: string,
  given: Given<I>[],
  catalogue?: Catalogue,
): Promise<Passed<I>[]> {
  const text = ctx.text;
  if (!text) return given.map((g) => ({ ...g, classifiedBy: g.category ? ClassifiedBy.SOURCE : null, machine: null }));
  const now = ctx.now();
  const decisions = await Promise.all(
    given.map(async (g) => decide(g.input, await text.understand(municipalityId, itemText(g.input), g.input.channel), text.settings, now)),
  );
  const codes = [...new Set(decisions.map((d) => d.categoryCode).filter((c): c is string => !!c))];
  const ids = [...new Set(decisions.map((d) => d.settlementId).filter((c): c is string => !!c))];
  const { categoryByCode: categoryBy, settlementById: settlementBy } = catalogue ?? (await namedRows(ctx, codes, ids));
  return given.map((g, i) => {
    const d = decisions[i]!;
    const machineCategory = d.categoryCode ? (categoryBy.get(d.categoryCode) ?? null) : null;
    const machineSettlement = d.settlementId ? (settlementBy.get(d.settlementId) ?? null) : null;
    const category = g.category ?? machineCategory;
    const applied = d.data.applied.filter(
      (a) => (a !== MachineApplied.CATEGORY || machineCategory) && (a !== MachineApplied.SETTLEMENT || machineSettlement),
    );
    const raiseUrgent = d.urgent && (category ? category.urgentCapable : true);
    if (raiseUrgent) applied.push(MachineApplied.URGENT);
    return {
      input: {
        ...g.input,
        urgent: g.input.urgent || raiseUrgent,
        address: applied.includes(MachineApplied.ADDRESS) ? d.address! : g.input.address,
      },
      category,
      settlement: g.settlement ?? machineSettlement,
      classifiedBy: g.category ? ClassifiedBy.SOURCE : machineCategory ? ClassifiedBy.MACHINE : null,
      machine: { ...d.data, applied },
    };
  });
}

/** The categories and settlements named, read through the request's EntityManager (their entities may be attached). */
async function namedRows(ctx: Ctx, codes: string[], ids: string[]): Promise<Catalogue> {
  const [categories, settlements] = await Promise.all([
    codes.length ? ctx.em.find(Category, { code: { $in: codes } }) : [],
    ids.length ? ctx.em.find(Settlement, { id: { $in: ids } }) : [],
  ]);
  return { categoryByCode: new Map(categories.map((c) => [c.code, c])), settlementById: new Map(settlements.map((s) => [s.id, s])) };
}
