import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Item } from '../items/item.entity.js';
import { Category } from '../organisation/category.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { PageInfo } from '../items/item.types.js';
import { SolveSkipReason } from './problem.enums.js';
import { Problem } from './problem.entity.js';

@ObjectType({ description: 'A member of staff named on a problem: the name only, never contacts' })
export class ProblemPerson {
  @Field(() => ID)
  id!: string;

  @Field()
  fullName!: string;
}

@ObjectType()
export class ProblemEdge {
  @Field()
  cursor!: string;

  @Field(() => Problem)
  node!: Problem;
}

@ObjectType()
export class ProblemConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ProblemEdge])
  edges!: ProblemEdge[];

  @Field(() => [Problem], { description: 'The same problems as edges, for convenience' })
  nodes!: Problem[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description:
    'Items that recur: one category on one street of a settlement, or in a settlement, within the window (docs/problems.md). Computed on the fly from the items you reach.',
})
export class ProblemProposal {
  @Field({ description: 'Pass it to confirmProposal or rejectProposal, with the same window' })
  key!: string;

  @Field(() => ID)
  categoryId!: string;

  @Field(() => ID, { nullable: true })
  settlementId!: string | null;

  @Field(() => Category)
  category!: Category;

  @Field(() => Settlement, { nullable: true })
  settlement!: Settlement | null;

  @Field(() => String, { nullable: true, description: 'The street, normalised from the items’ addresses (e.g. "ул. Ленина"); null: the settlement' })
  street!: string | null;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => Int, { description: 'Distinct residents (by phone, else e-mail, else name) among the items' })
  residentCount!: number;

  @Field(() => Date)
  firstReceivedAt!: Date;

  @Field(() => Date)
  lastReceivedAt!: Date;

  @Field()
  suggestedTitle!: string;

  @Field(() => [Item], { description: 'Its items, oldest first' })
  items!: Item[];
}

@ObjectType({ description: 'One linked item in the result of solveProblem' })
export class ProblemSolveEntry {
  @Field(() => ID)
  itemId!: string;

  @Field(() => SolveSkipReason, { nullable: true, description: 'Why the item did not get the answer (null when it did)' })
  reason!: SolveSkipReason | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => [String], { description: 'The lifecycle actions taken on it, in order' })
  actions!: string[];
}

@ObjectType({ description: 'What solving a problem did to its linked items' })
export class ProblemSolveResult {
  @Field(() => Problem)
  problem!: Problem;

  @Field(() => [ProblemSolveEntry], { description: 'Items now ANSWERED with the problem’s answer' })
  answered!: ProblemSolveEntry[];

  @Field(() => [ProblemSolveEntry], { description: 'Items whose answer waits for the МЦУ review (you may not approve it)' })
  submitted!: ProblemSolveEntry[];

  @Field(() => [ProblemSolveEntry], { description: 'Items left without the answer, with the reason' })
  skipped!: ProblemSolveEntry[];
}
