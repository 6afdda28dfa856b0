import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Failed sign-in attempts per key (sign-in-throttle.ts); read and written only through raw SQL there. */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryKey({ type: 'text', comment: 'pair:<username>|<address>, user:<username> or address:<address>' })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'timestamptz' })
  firstFailureAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  blockedUntil?: Date;
}
