import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The outbox of live events (docs/live.md): a change inserts its events in its own transaction (outbox.ts `emit`),
 * and a deferred trigger numbers them at commit, one transaction at a time, so `cursor` is commit order: a reader
 * that has seen cursor n has seen every event committed before it. Rolled-back changes leave nothing. Kept for
 * `LIVE_RETENTION_HOURS` for clients that reconnect with a cursor. Not a GraphQL type; read only by live-bus.ts.
 */
@Entity({ tableName: 'live_event' })
@Index({ properties: ['at'] })
export class LiveEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'bigint', nullable: true, unique: true, comment: 'commit order, set by the live_event_numbered trigger' })
  cursor?: string;

  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'uuid', nullable: true })
  municipalityId?: string | null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  at!: Date;
}
