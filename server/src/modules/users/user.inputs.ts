import { ValidateIf, ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../auth/roles.js';

export const PASSWORD_MIN = 8;

@InputType()
export class UserInput {
  @Field({ description: 'Latin letters, digits, dot, dash and underscore; stored in lower case' })
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: 'username must be 2–64 latin letters, digits, ".", "-" or "_"' })
  username!: string;

  @Field()
  @MinTrimmedLength(2)
  @MaxLength(200)
  fullName!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  position?: string;

  @Field(() => String, { nullable: true, description: 'null or "" clears it' })
  @ValidateIf((o: { email?: string | null }) => !!o.email)
  @IsEmail()
  email?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Required for an EXECUTOR' })
  @IsOptional()
  departmentId?: string;

  @Field(() => [String], { description: 'Sector codes; required for a SECTOR_LEAD' })
  @ArrayMaxSize(100)
  sectorCodes: string[] = [];

  @Field()
  @MinLength(PASSWORD_MIN)
  @MaxLength(200)
  password!: string;

  @Field({ defaultValue: 'ru' })
  @IsIn(['ru', 'en'])
  locale: string = 'ru';
}

@InputType()
export class UserUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MinTrimmedLength(2)
  @MaxLength(200)
  fullName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  position?: string;

  @Field(() => String, { nullable: true, description: 'null or "" clears it' })
  @ValidateIf((o: { email?: string | null }) => !!o.email)
  @IsEmail()
  email?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  roles?: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  sectorCodes?: string[];

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['ru', 'en'])
  locale?: string;
}
