import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MinTrimmedLength } from '../../shared/text.js';
import { Item } from '../items/item.entity.js';
import type { ItemView } from '../items/item-rows.js';
import { Channel, ItemKind, Outcome } from '../items/item.enums.js';
import { NewItemFieldsInput } from '../items/item.inputs.js';

/** At most this many items per `ingestItems` call. */
export const INGEST_MAX = 1000;

/**
 * An item as another system sends it (docs/integrators.md): the fields of a new item, with the source system's own
 * id. (source, externalId) is the item's identity: the same pair sent again is the same item.
 */
@InputType({ description: 'An item from another system; (source, externalId) identifies it' })
export class IngestItemInput extends NewItemFieldsInput {
  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => Channel)
  channel!: Channel;

  @Field({ description: 'The sending system, e.g. "pos" (the federal feedback platform) or "region-112"' })
  @MinTrimmedLength(1)
  @MaxLength(100)
  source!: string;

  @Field({ description: "The item's id in the sending system" })
  @MinTrimmedLength(1)
  @MaxLength(200)
  externalId!: string;

  @Field(() => Date, { description: 'When it reached the sending system: the deadlines count from it' })
  receivedAt!: Date;

  @Field({ defaultValue: false, description: 'The citizen was identified (required for an electronic APPEAL)' })
  identified: boolean = false;
}

@ObjectType({ description: 'Why one input of a batch was not accepted' })
export class IngestError {
  @Field({ description: 'An error code of docs/api.md: BAD_USER_INPUT, CONFLICT, …' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'The input field at fault, if one is' })
  field?: string | null;
}

@ObjectType({ description: 'What became of one input of a batch, at its position' })
export class IngestItemResult {
  @Field(() => Int, { description: "The input's position in the batch, from 0" })
  index!: number;

  @Field(() => ID, { nullable: true, description: 'The item the input made or its pair already named (null: refused), whether or not you read items' })
  itemId?: string | null;

  @Field(() => String, { nullable: true, description: 'That item’s registration number (null: refused)' })
  number?: string | null;

  @Field(() => Item, {
    nullable: true,
    description: 'The item: created now, or the one the pair already named. Only to a viewer who reads items (ITEMS_READ); sending is not reading, so a token that only sends gets itemId and number',
  })
  item?: ItemView | null;

  @Field({ description: 'False when (source, externalId) already named an item (a retry, a replay, another worker)' })
  created!: boolean;

  @Field(() => IngestError, { nullable: true })
  error?: IngestError | null;
}

@ObjectType()
export class IngestResult {
  @Field(() => [IngestItemResult], { description: 'One per input, in the order sent' })
  results!: IngestItemResult[];

  @Field(() => Int, { description: 'Items created by this call' })
  created!: number;

  @Field(() => Int, { description: 'Inputs whose (source, externalId) already named an item' })
  existing!: number;

  @Field(() => Int, { description: 'Inputs not accepted (each has its error)' })
  rejected!: number;
}

/**
 * A later change an item's source system reports (docs/integrators.md, "Later changes from the source"): its own
 * status, the answer it gave the citizen, or that it closed the item. Named by (source, externalId); dated by when
 * it happened there, so that a late or repeated update is ignored.
 */
@InputType({ description: "A later change reported by an item's source system, naming the item by (source, externalId)" })
export class IngestedItemUpdateInput {
  @Field()
  @MinTrimmedLength(1)
  @MaxLength(100)
  source!: string;

  @Field()
  @MinTrimmedLength(1)
  @MaxLength(200)
  externalId!: string;

  @Field(() => Date, { description: 'When it happened in the source system; an update not later than the last one applied changes nothing' })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The source's own status (kept as is and shown on the card), e.g. \"Ответ направлен\"" })
  @MinTrimmedLength(1)
  @MaxLength(200)
  sourceStatus?: string | null;

  @Field(() => String, { nullable: true, description: 'The answer the source system gave the citizen: the item becomes ANSWERED, its clock stops at `at`' })
  @MinTrimmedLength(10)
  @MaxLength(20000)
  answer?: string | null;

  @Field(() => Outcome, { nullable: true, description: "The answer's reporting code (SUPPORTED, SUPPORTED_MEASURES_TAKEN, EXPLAINED, NOT_SUPPORTED)" })
  outcome?: Outcome | null;

  @Field({ defaultValue: false, description: 'The source system closed the item (resolved or withdrawn there): it is closed here too' })
  closed: boolean = false;
}

@ObjectType()
export class IngestedItemUpdateResult {
  @Field(() => ID, { description: 'The item the pair names' })
  itemId!: string;

  @Field({ description: 'Its registration number' })
  number!: string;

  @Field(() => Item, { nullable: true, description: 'The item as the update leaves it; only to a viewer who reads items (ITEMS_READ), as in ingestItems' })
  item!: Item | null;

  @Field({ description: 'False when the update changed nothing: not later than the last one applied, or what it says already holds' })
  changed!: boolean;
}
