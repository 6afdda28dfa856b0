import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarStatus } from './calendar-year.entity.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CalendarYearInput {
  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => CalendarStatus)
  status!: CalendarStatus;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  basis?: string;

  @Field(() => [String])
  @ArrayMaxSize(200)
  @Matches(DATE, { each: true, message: 'dates are YYYY-MM-DD' })
  nonWorkingWeekdays!: string[];

  @Field(() => [String])
  @ArrayMaxSize(60)
  @Matches(DATE, { each: true, message: 'dates are YYYY-MM-DD' })
  workingWeekends!: string[];

  @Field(() => [String])
  @ArrayMaxSize(60)
  @Matches(DATE, { each: true, message: 'dates are YYYY-MM-DD' })
  shortened!: string[];
}

export enum CalendarWarningStatus {
  PROVISIONAL = 'PROVISIONAL',
  MISSING = 'MISSING',
}
registerEnumType(CalendarWarningStatus, { name: 'CalendarWarningStatus' });

@ObjectType({ description: 'A year that deadlines depend on is not confirmed in the production calendar' })
export class CalendarWarning {
  @Field(() => Int)
  year!: number;

  @Field(() => CalendarWarningStatus)
  status!: CalendarWarningStatus;
}
