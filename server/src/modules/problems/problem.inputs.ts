import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MeasureStatus } from './problem.enums.js';

export const DEFAULT_WINDOW_DAYS = 60;
export const DEFAULT_MIN_ITEMS = 3;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Confirms a proposal: a CONFIRMED problem with the proposal’s items linked' })
export class ConfirmProposalInput {
  @Field({ description: 'The key of a proposal of problemProposals' })
  @MinTrimmedLength(1)
  @MaxLength(2000)
  key!: string;

  @Field(() => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: 'The window of problemProposals' })
  @Min(1)
  @Max(366)
  windowDays!: number;

  @Field(() => Int, { defaultValue: DEFAULT_MIN_ITEMS, description: 'The minItems of problemProposals' })
  @Min(2)
  @Max(1000)
  minItems!: number;

  @Field({ nullable: true, description: 'Default: the category, settlement and street of the proposal' })
  @IsOptional()
  @MinTrimmedLength(3)
  @MaxLength(300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field({ nullable: true, description: 'Default: the street of the proposal' })
  @IsOptional()
  @MaxLength(500)
  area?: string;

  @Field(() => ID, { nullable: true, description: 'The responsible department' })
  @IsOptional()
  departmentId?: string;
}

@InputType({ description: 'Rejects a proposal: its items are not proposed again' })
export class RejectProposalInput {
  @Field({ description: 'The key of a proposal of problemProposals' })
  @MinTrimmedLength(1)
  @MaxLength(2000)
  key!: string;

  @Field(() => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: 'The window of problemProposals' })
  @Min(1)
  @Max(366)
  windowDays!: number;

  @Field(() => Int, { defaultValue: DEFAULT_MIN_ITEMS, description: 'The minItems of problemProposals' })
  @Min(2)
  @Max(1000)
  minItems!: number;

  @Field()
  @MinTrimmedLength(5)
  @MaxLength(2000)
  reason!: string;
}

@InputType({ description: 'A problem entered by hand: it is PROPOSED until confirmed' })
export class ProblemInput {
  @Field()
  @MinTrimmedLength(3)
  @MaxLength(300)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  categoryCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  settlementId?: string;

  @Field({ nullable: true, description: 'Address or area, free text' })
  @IsOptional()
  @MaxLength(500)
  area?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => [ID], { nullable: true, description: 'Items to link' })
  @IsOptional()
  @ArrayMaxSize(500)
  itemIds?: string[];
}

@InputType({ description: 'What to change; a field left out stays as it is' })
export class ProblemUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(3)
  @MaxLength(300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  area?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;
}

@InputType({ description: 'Moves some items of a problem to a new problem' })
export class SplitProblemInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  itemIds!: string[];

  @Field()
  @MinTrimmedLength(3)
  @MaxLength(300)
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  area?: string;
}

@InputType({ description: 'A measure of the plan: what, who (a department and/or a person), by when' })
export class MeasureInput {
  @Field()
  @MinTrimmedLength(3)
  @MaxLength(2000)
  text!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'The person who answers for it' })
  @IsOptional()
  ownerId?: string;

  @Field({ description: 'YYYY-MM-DD, the municipality’s date' })
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate!: string;
}

@InputType({ description: 'What to change in a measure; a field left out stays as it is' })
export class MeasureUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(3)
  @MaxLength(2000)
  text?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  ownerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate?: string;

  @Field(() => MeasureStatus, { nullable: true, description: 'DONE records when; back to PLANNED or IN_PROGRESS clears it' })
  @IsOptional()
  status?: MeasureStatus;
}
