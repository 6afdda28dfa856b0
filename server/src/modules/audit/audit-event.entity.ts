import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { User } from '../users/user.entity.js';

/**
 * The audit log (docs/security.md, "Audit"): sign-ins (and failed ones), sign-outs, password changes, and every
 * administrative change (users, tokens, the organisation, the calendar, KPI targets), by whom, from where, when.
 * Append-only. Read by the head (`auditEvents`). No applicant's personal data is ever written here.
 */
@ObjectType({ description: 'A sign-in or an administrative change, by whom and when' })
@Entity()
@Index({ properties: ['municipality', 'at'] })
export class AuditEvent extends BaseEntity {
  /** null: an event of a regional reader, or of an attempt that named no known user */
  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'cascade' })
  municipality?: Ref<Municipality>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User>;

  @Field({ description: 'A username, an API token as token:<name>, or an attempted username' })
  @Property({ type: 'text' })
  actorLabel!: string;

  @Field({ description: 'SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_OUT, PASSWORD_CHANGED, USER_CREATED, …' })
  @Property({ type: 'text' })
  action!: string;

  @Field({ nullable: true, description: 'What was changed: User, ApiToken, Department, Category, Sector, CalendarYear, KpiTarget' })
  @Property({ type: 'text', nullable: true })
  targetType?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  targetId?: string;

  @Field({ nullable: true, description: 'The client address' })
  @Property({ type: 'text', nullable: true })
  ip?: string;
}
