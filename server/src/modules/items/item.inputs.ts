import { KpiDrillInput } from '../kpi/kpi.types.js';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Channel, DeadlineState, ItemKind, ItemStatus, NoAnswerReason, Outcome, ReworkReason } from './item.enums.js';
import { registerEnumType } from 'type-graphql';

@InputType()
export class ApplicantInput {
  @Field({ nullable: true, description: 'Surname, name, patronymic' })
  @IsOptional()
  @MaxLength(300)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true, description: 'Postal address for the answer' })
  @IsOptional()
  @MaxLength(500)
  address?: string;
}

/** The fields of a new item that an item made by hand and an ingested one share (`ItemInput`, `IngestItemInput`). */
@InputType()
export class NewItemFieldsInput {
  @Field(() => ApplicantInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  applicant?: ApplicantInput;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  subject?: string;

  @Field()
  @MinTrimmedLength(3)
  @MaxLength(20000)
  text!: string;

  @Field({ nullable: true, description: 'Where the problem is' })
  @IsOptional()
  @MaxLength(500)
  address?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  settlementId?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  lat?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  lon?: number;

  @Field({ nullable: true, description: 'A category code of the rubricator (`categories`)' })
  @IsOptional()
  categoryCode?: string;

  @Field({ defaultValue: false })
  urgent: boolean = false;
}

@InputType()
export class ItemInput extends NewItemFieldsInput {
  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => Channel)
  channel!: Channel;

  @Field({ nullable: true, description: 'Source system; "dashboard" for items entered by hand' })
  @IsOptional()
  @MaxLength(100)
  source?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  externalId?: string;

  @Field({ description: 'The citizen was identified (required for an electronic APPEAL)' })
  identified!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it reached the municipality; default now' })
  @IsOptional()
  receivedAt?: Date;

  @Field({ defaultValue: true, description: 'Register at once (an operator entering an item by hand)' })
  register: boolean = true;

  @Field(() => [ID], { nullable: true, description: 'Uploaded attachments (POST /files) to attach' })
  @IsOptional()
  @ArrayMaxSize(20)
  attachmentIds?: string[];
}

@InputType()
export class AssignInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  executorId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class AnswerInput {
  @Field()
  @MinTrimmedLength(10)
  @MaxLength(20000)
  text!: string;
}

@InputType()
export class ReturnInput {
  @Field(() => [ReworkReason])
  @ArrayMinSize(1)
  reasons!: ReworkReason[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class ApproveInput {
  @Field(() => Outcome, { description: 'SUPPORTED, SUPPORTED_MEASURES_TAKEN, EXPLAINED or NOT_SUPPORTED' })
  outcome!: Outcome;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class RatingInput {
  @Field()
  satisfied!: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class ExtendInput {
  @Field(() => Int, { description: '1 to 30 calendar days' })
  @Min(1)
  @Max(30)
  days!: number;

  @Field()
  @MinTrimmedLength(5)
  @MaxLength(2000)
  reason!: string;
}

@InputType()
export class RedirectInput {
  @Field({ description: 'The body the item goes to' })
  @MinTrimmedLength(3)
  @MaxLength(500)
  to!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class LeaveInput {
  @Field(() => NoAnswerReason)
  reason!: NoAnswerReason;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}

export enum ItemQueue {
  MINE = 'MINE',
  UNASSIGNED = 'UNASSIGNED',
  MY_REVIEW = 'MY_REVIEW',
  OVERDUE_MY_SECTORS = 'OVERDUE_MY_SECTORS',
  TO_CLASSIFY = 'TO_CLASSIFY',
}
registerEnumType(ItemQueue, {
  name: 'ItemQueue',
  valuesConfig: {
    MINE: { description: 'assigned to me, or to my department when nobody in it is named' },
    UNASSIGNED: { description: 'registered or reopened, waiting for a department' },
    MY_REVIEW: { description: 'answers waiting for my review' },
    OVERDUE_MY_SECTORS: { description: 'overdue in the sectors I lead (all sectors for the head)' },
    TO_CLASSIFY: { description: 'open items without a category (the machine was not sure) that I may classify' },
  },
});

export enum ItemSort {
  /** Urgent items first, then by the nearest deadline: the inbox's default. */
  URGENT_FIRST = 'URGENT_FIRST',
  DUE_ASC = 'DUE_ASC',
  RECEIVED_DESC = 'RECEIVED_DESC',
  RECEIVED_ASC = 'RECEIVED_ASC',
}
registerEnumType(ItemSort, { name: 'ItemSort' });

@InputType()
export class ItemFilter {
  @Field(() => ItemQueue, { nullable: true })
  @IsOptional()
  queue?: ItemQueue;

  @Field(() => [ItemKind], { nullable: true })
  @IsOptional()
  kinds?: ItemKind[];

  @Field(() => [ItemStatus], { nullable: true })
  @IsOptional()
  statuses?: ItemStatus[];

  @Field(() => [Channel], { nullable: true })
  @IsOptional()
  channels?: Channel[];

  @Field({ nullable: true })
  @IsOptional()
  sectorCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  categoryCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  executorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  settlementId?: string;

  @Field({ nullable: true })
  @IsOptional()
  urgent?: boolean;

  @Field(() => DeadlineState, { nullable: true })
  @IsOptional()
  deadlineState?: DeadlineState;

  @Field(() => Date, { nullable: true, description: 'Received at or after' })
  @IsOptional()
  receivedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Received before' })
  @IsOptional()
  receivedTo?: Date;

  @Field({
    nullable: true,
    description: 'Full-text search in Russian over subject, text and address, and the applicant\'s name, e-mail and phone where you see the applicant in full; or a number',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true, description: 'Open items only (not closed, redirected or merged)' })
  @IsOptional()
  openOnly?: boolean;

  @Field(() => KpiDrillInput, { nullable: true, description: 'Exactly the items behind a KPI figure (needs KPI_READ)' })
  @IsOptional()
  kpi?: KpiDrillInput;
}

@InputType()
export class ClassifyInput {
  @Field({ description: 'A category code of the rubricator; the sector follows from it' })
  @MaxLength(100)
  categoryCode!: string;

  @Field()
  urgent!: boolean;

  @Field(() => ID, { nullable: true, description: 'The settlement; unchanged when absent' })
  @IsOptional()
  settlementId?: string;

  @Field({ nullable: true, description: 'Where the problem is; unchanged when absent' })
  @IsOptional()
  @MaxLength(500)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string;
}
