import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Item } from '../items/item.entity.js';
import { ItemKind } from '../items/item.enums.js';
import { KpiTargetState } from '../kpi/kpi-target.types.js';
import { KpiFigures } from '../kpi/kpi.types.js';

export enum ItemEventType {
  CREATED = 'CREATED',
  REGISTERED = 'REGISTERED',
  ASSIGNED = 'ASSIGNED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  DEADLINE_STATE_CHANGED = 'DEADLINE_STATE_CHANGED',
  ANSWERED = 'ANSWERED',
  RATED = 'RATED',
  MERGED = 'MERGED',
  REOPENED = 'REOPENED',
  UPDATED = 'UPDATED',
}
registerEnumType(ItemEventType, {
  name: 'ItemEventType',
  description: 'What a committed change of an item was (docs/live.md)',
  valuesConfig: {
    DEADLINE_STATE_CHANGED: { description: 'became due soon or overdue, or its deadline moved (an extension)' },
    ANSWERED: { description: 'the answer was sent to the applicant' },
    REOPENED: { description: 'the applicant was not satisfied: the item is worked again' },
    UPDATED: { description: 'any other change (attachments, a duplicate added, an interim answer)' },
  },
});

@ObjectType({ description: 'A committed change of an item, with the item as you may see it (masked as in queries)' })
export class ItemChange {
  @Field({ description: 'Commit order; subscribe with after: cursor to receive what you missed' })
  cursor!: string;

  @Field(() => ItemEventType)
  type!: ItemEventType;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID)
  itemId!: string;

  @Field(() => ID)
  municipalityId!: string;

  @Field(() => Item)
  item!: Item;
}

@InputType({ description: 'Which item changes to receive (all given conditions hold); you hear only items you reach' })
export class ItemEventFilter {
  @Field(() => [ItemKind], { nullable: true })
  kinds?: ItemKind[];

  @Field(() => [String], { nullable: true, description: 'Sector codes' })
  sectorCodes?: string[];

  @Field(() => [ID], { nullable: true })
  departmentIds?: string[];

  @Field(() => [ID], { nullable: true })
  settlementIds?: string[];

  @Field({ nullable: true })
  urgent?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these items (an open card)' })
  itemIds?: string[];

  @Field(() => [ItemEventType], { nullable: true })
  types?: ItemEventType[];

  @Field(() => ID, { nullable: true, description: 'A regional reader: one municipality' })
  municipalityId?: string;
}

@ObjectType({ description: "A sector's live figures now (sectorUpdated)" })
export class SectorLive {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => ID)
  sectorId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Open items (not closed, redirected or merged)' })
  open!: number;

  @Field(() => Int, { description: 'Open items past their running deadline' })
  overdue!: number;

  @Field(() => Int, { description: 'Open items whose deadline is near' })
  dueSoon!: number;

  @Field(() => Int, { description: 'Received since the start of the municipality’s day' })
  receivedToday!: number;

  @Field(() => Int)
  answeredToday!: number;

  @Field(() => Int)
  answeredOnTimeToday!: number;

  @Field(() => KpiTargetState, { nullable: true, description: 'The worst state of the running month’s figures against the targets (null: no targets)' })
  state!: KpiTargetState | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({ description: 'A scope’s KPI figures for today and the running month, pushed when they change (kpiUpdated)' })
export class KpiLive {
  @Field(() => Date)
  at!: Date;

  @Field(() => KpiFigures)
  today!: KpiFigures;

  @Field(() => KpiFigures)
  month!: KpiFigures;
}

export enum AlertType {
  URGENT_ITEM = 'URGENT_ITEM',
  OVERDUE = 'OVERDUE',
  SPIKE = 'SPIKE',
}
registerEnumType(AlertType, { name: 'AlertType', description: 'Why the МЦУ is alerted' });

export enum AlertLevel {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertLevel, { name: 'AlertLevel' });

@ObjectType({ description: 'An urgent item, an item overdue, a spike of similar items' })
export class Alert {
  @Field()
  cursor!: string;

  @Field(() => AlertType)
  type!: AlertType;

  @Field(() => AlertLevel)
  level!: AlertLevel;

  @Field({ description: 'What happened, in Russian' })
  message!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID, { nullable: true })
  itemId?: string;

  @Field(() => ID, { nullable: true })
  problemId?: string;

  @Field(() => Item, { nullable: true, description: 'The item it is about, as you may see it' })
  item?: Item | null;
}

@ObjectType({ description: "A settlement's open and overdue items now, for the map of the district" })
export class SettlementLoad {
  @Field(() => ID)
  settlementId!: string;

  @Field()
  name!: string;

  @Field({ description: 'For the map\'s labels ("г. Суровикино"): the short name kept, else one derived from the name' })
  shortName!: string;

  @Field(() => Number, { nullable: true })
  lat!: number | null;

  @Field(() => Number, { nullable: true })
  lon!: number | null;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType({ description: 'How maps are drawn on this installation' })
export class MapSettings {
  @Field(() => String, { nullable: true, description: 'A tile URL template ({z}/{x}/{y}); null: draw from the shipped coordinates alone (no internet needed)' })
  tileUrl!: string | null;
}
