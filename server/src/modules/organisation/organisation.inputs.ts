import { ValidateIf, ArrayMaxSize, IsEmail, IsOptional, Matches, MaxLength, Min, Max, ValidateNested } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DepartmentKind } from './department.entity.js';

const CODE = /^[A-Za-z][A-Za-z0-9_]*$/;

@InputType()
export class DepartmentInput {
  @Field({ description: 'Stable code, unique in the municipality: latin letters, digits and _' })
  @Matches(CODE, { message: 'code must start with a letter and hold only latin letters, digits and _' })
  @MaxLength(64)
  code!: string;

  @Field()
  @MinTrimmedLength(2)
  @MaxLength(500)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  shortName?: string;

  @Field(() => DepartmentKind)
  kind!: DepartmentKind;

  @Field(() => String, { nullable: true, description: 'null or "" clears it' })
  @ValidateIf((o: { email?: string | null }) => !!o.email)
  @IsEmail()
  email?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string;

  @Field(() => [String], { description: 'Codes of the sectors it answers for' })
  @ArrayMaxSize(100)
  sectorCodes: string[] = [];

  @Field(() => [String], { description: 'Codes of the categories it answers for' })
  @ArrayMaxSize(500)
  categoryCodes: string[] = [];

  @Field(() => [ID], { description: 'Settlements it serves (empty: the whole municipality)' })
  @ArrayMaxSize(500)
  settlementIds: string[] = [];
}

@InputType()
export class DepartmentUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(2)
  @MaxLength(500)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  shortName?: string;

  @Field(() => DepartmentKind, { nullable: true })
  @IsOptional()
  kind?: DepartmentKind;

  @Field(() => String, { nullable: true, description: 'null or "" clears it' })
  @ValidateIf((o: { email?: string | null }) => !!o.email)
  @IsEmail()
  email?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  sectorCodes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  categoryCodes?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  settlementIds?: string[];
}

@InputType()
export class CategoryInput {
  @Field()
  @Matches(CODE, { message: 'code must start with a letter and hold only latin letters, digits and _' })
  @MaxLength(64)
  code!: string;

  @Field()
  sectorCode!: string;

  @Field()
  @MinTrimmedLength(2)
  @MaxLength(300)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  nameEn?: string;

  @Field({ defaultValue: false })
  urgentCapable: boolean = false;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(60)
  messageAnswerDays?: number;
}

@InputType()
export class CategoryUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  sectorCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(2)
  @MaxLength(300)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  nameEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  urgentCapable?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(60)
  messageAnswerDays?: number;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;
}

@InputType()
export class SectorUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(2)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  nameEn?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  position?: number;
}

@InputType({ description: 'A locality (населённый пункт) of a settlement' })
export class LocalityInput {
  @Field()
  @MinTrimmedLength(2)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'город, хутор, станица, посёлок, село, …' })
  @MinTrimmedLength(1)
  @MaxLength(50)
  kind!: string;
}

@InputType({ description: 'The gazetteer of a settlement (docs/text.md, "Places"): what the machine finds in texts' })
export class SettlementGazetteerInput {
  @Field(() => [LocalityInput], { nullable: true, description: 'Every locality of the settlement (replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  localities?: LocalityInput[];

  @Field(() => [String], { nullable: true, description: 'Every street, as written on signs ("ул. Ленина"; replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(5000)
  @MaxLength(200, { each: true })
  streets?: string[];
}
