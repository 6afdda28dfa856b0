import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { Scope, TokenKind } from './roles.js';

@ObjectType({ description: 'A signed-in session. Send `token` as `Authorization: Bearer <token>`.' })
export class Session {
  @Field()
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@InputType()
export class ApiTokenInput {
  @Field()
  @MinTrimmedLength(2)
  @MaxLength(200)
  name!: string;

  @Field(() => TokenKind)
  kind!: TokenKind;

  @Field(() => [Scope])
  @ArrayMinSize(1)
  scopes!: Scope[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  expiresAt?: Date;

  @Field(() => [String], {
    nullable: true,
    description: 'With ITEMS_INGEST: the only sources (`source` of the items) the token may send and update, e.g. ["pos"]; none: any',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  sources?: string[] | null;
}

@ObjectType({ description: 'A new API token. `token` is shown only here, once; the server keeps its hash.' })
export class CreatedApiToken {
  @Field()
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
