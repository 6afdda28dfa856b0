import { Field, Int, ObjectType } from 'type-graphql';
import { Item } from './item.entity.js';
import type { ItemView } from './item-rows.js';

@ObjectType({ description: 'The applicant. Masked (И***в И., no phone or e-mail, address cut to the street) unless you work the item.' })
export class Applicant {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field({ description: 'true when the data are masked for you' })
  masked!: boolean;
}

@ObjectType()
export class ItemEdge {
  @Field()
  cursor!: string;

  @Field(() => Item)
  node!: ItemView;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType()
export class ItemConnection {
  /** A number, or a function that counts when the field is asked for (ItemConnectionFieldsResolver). */
  @Field(() => Int)
  totalCount!: number | (() => Promise<number>);

  @Field(() => [ItemEdge])
  edges!: ItemEdge[];

  @Field(() => [Item], { description: 'The same items as edges, for convenience' })
  nodes!: ItemView[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'How many items wait in each queue of the viewer' })
export class ItemQueueCounts {
  @Field(() => Int)
  MINE!: number;

  @Field(() => Int)
  UNASSIGNED!: number;

  @Field(() => Int)
  MY_REVIEW!: number;

  @Field(() => Int)
  OVERDUE_MY_SECTORS!: number;

  @Field(() => Int)
  TO_CLASSIFY!: number;
}
