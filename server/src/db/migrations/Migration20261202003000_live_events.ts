import { Migration } from '@mikro-orm/migrations';

export class Migration20261202003000_live_events extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "live_event" ("id" bigserial primary key, "cursor" bigint null, "topic" text not null, "municipality_id" uuid null, "payload" jsonb not null, "at" timestamptz not null);`);
    this.addSql(`comment on column "live_event"."cursor" is 'commit order, set by the live_event_numbered trigger';`);
    this.addSql(`create index "live_event_at_index" on "live_event" ("at");`);
    this.addSql(`alter table "live_event" add constraint "live_event_cursor_unique" unique ("cursor");`);

    // Commit order (docs/live.md): at commit, one transaction at a time (a transaction-scoped advisory lock taken
    // after every other statement of the transaction) numbers its events, then announces them; NOTIFY is sent only
    // if the transaction commits. A reader that has seen cursor n has seen every event committed before it.
    this.addSql(`create sequence "live_event_cursor_seq";`);
    this.addSql(`
      create function live_event_number() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(7213540921);
        update live_event set cursor = nextval('live_event_cursor_seq') where id = new.id;
        perform pg_notify('otklik_live', '');
        return null;
      end $$;`);
    this.addSql(`
      create constraint trigger live_event_numbered after insert on live_event
      deferrable initially deferred for each row execute function live_event_number();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_event" cascade;`);
    this.addSql(`drop function if exists live_event_number();`);
    this.addSql(`drop sequence if exists "live_event_cursor_seq";`);
  }

}
