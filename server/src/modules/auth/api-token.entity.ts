import { Entity, Enum, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Scope, TokenKind } from './roles.js';

/** A token for an integrator or a wall display. The secret is shown once at creation and stored hashed. */
@ObjectType()
@Entity()
export class ApiToken extends TenantEntity {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => TokenKind)
  @Enum({ items: () => TokenKind, nativeEnumName: 'token_kind' })
  kind!: TokenKind;

  @Field(() => [Scope])
  @Enum({ items: () => Scope, array: true, nativeEnumName: 'token_scope' })
  scopes: Scope[] = [];

  @Field(() => [String], {
    nullable: true,
    description: 'The sources (the `source` of ingestItems, createItem and updateIngestedItem) the token may send and update; null: any',
  })
  @Property({ type: 'text[]', nullable: true })
  sources?: string[] | null;

  @Field({ description: 'The first characters of the token, to recognise it in a list' })
  @Property({ type: 'text' })
  prefix!: string;

  @Unique()
  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date;
}
