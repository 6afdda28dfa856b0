import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221328_kpi_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kpi_day" ("id" bigserial primary key, "municipality_id" uuid not null, "day" date not null, "grain" text not null, "dim" text null, "received" int not null, "answered" int not null, "answered_on_time" int not null, "speed_sum" double precision not null, "speed_n" int not null, "speed_hist" jsonb not null, "first_reaction_sum" double precision not null, "first_reaction_n" int not null, "extended" int not null, "reworked" int not null, "reopened" int not null, "redirected" int not null, "left_without_answer" int not null, "rated" int not null, "satisfied" int not null, "repeats" int not null);`);
    this.addSql(`comment on column "kpi_day"."dim" is 'the grain’s value: an id, a channel or a kind';`);
    this.addSql(`comment on column "kpi_day"."speed_hist" is 'answers by speed in tenths of a day: {"100": 3}';`);
    this.addSql(`create index "kpi_day_municipality_id_grain_day_index" on "kpi_day" ("municipality_id", "grain", "day");`);

    this.addSql(`create table "kpi_dirty" ("municipality_id" uuid not null, "day" date not null, constraint "kpi_dirty_pkey" primary key ("municipality_id", "day"));`);

    // Days whose rollups a change makes stale, marked in the same transaction (docs/kpi.md): they cannot be missed.
    this.addSql(`create function kpi_mark_dirty(m uuid, ts timestamptz) returns void language plpgsql as $$
      begin
        if ts is null then return; end if;
        insert into kpi_dirty (municipality_id, day)
        values (m, (ts at time zone (select timezone from municipality where id = m))::date)
        on conflict do nothing;
      end $$;`);
    this.addSql(`create function kpi_item_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          perform kpi_mark_dirty(old.municipality_id, old.received_at);
          perform kpi_mark_dirty(old.municipality_id, old.answered_at);
          perform kpi_mark_dirty(old.municipality_id, old.first_reaction_at);
          perform kpi_mark_dirty(old.municipality_id, old.closed_at);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform kpi_mark_dirty(new.municipality_id, new.received_at);
          perform kpi_mark_dirty(new.municipality_id, new.answered_at);
          perform kpi_mark_dirty(new.municipality_id, new.first_reaction_at);
          perform kpi_mark_dirty(new.municipality_id, new.closed_at);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger kpi_item_inserted_or_deleted after insert or delete on item for each row execute function kpi_item_changed();`);
    this.addSql(`create trigger kpi_item_updated after update on item for each row when (
        old.received_at is distinct from new.received_at or old.answered_at is distinct from new.answered_at
        or old.first_reaction_at is distinct from new.first_reaction_at or old.closed_at is distinct from new.closed_at
        or old.registered_at is distinct from new.registered_at or old.status is distinct from new.status
        or old.kind is distinct from new.kind or old.channel is distinct from new.channel
        or old.sector_id is distinct from new.sector_id or old.department_id is distinct from new.department_id
        or old.settlement_id is distinct from new.settlement_id or old.category_id is distinct from new.category_id
        or old.answer_due_at is distinct from new.answer_due_at or old.first_reaction_due_at is distinct from new.first_reaction_due_at
        or old.extended_at is distinct from new.extended_at or old.rework_count is distinct from new.rework_count
        or old.reopen_count is distinct from new.reopen_count or old.outcome is distinct from new.outcome
        or old.answer_working_days is distinct from new.answer_working_days
        or old.first_reaction_working_hours is distinct from new.first_reaction_working_hours
        or old.applicant_name is distinct from new.applicant_name or old.applicant_phone is distinct from new.applicant_phone
        or old.applicant_email is distinct from new.applicant_email or old.applicant_address is distinct from new.applicant_address
      ) execute function kpi_item_changed();`);
    this.addSql(`create function kpi_rating_added() returns trigger language plpgsql as $$
      begin
        perform kpi_mark_dirty(new.municipality_id, new.at);
        return null;
      end $$;`);
    this.addSql(`create trigger kpi_rating_added after insert on item_event for each row when (new.type = 'RATE') execute function kpi_rating_added();`);
    // Every day that holds an item already is stale until the first refresh builds it.
    this.addSql(`insert into kpi_dirty (municipality_id, day)
      select distinct i.municipality_id, (t.ts at time zone m.timezone)::date
      from item i join municipality m on m.id = i.municipality_id
      cross join lateral (values (i.received_at), (i.answered_at), (i.first_reaction_at), (i.closed_at)) as t(ts)
      where t.ts is not null
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists kpi_rating_added on item_event;`);
    this.addSql(`drop trigger if exists kpi_item_updated on item;`);
    this.addSql(`drop trigger if exists kpi_item_inserted_or_deleted on item;`);
    this.addSql(`drop function if exists kpi_rating_added(); drop function if exists kpi_item_changed(); drop function if exists kpi_mark_dirty(uuid, timestamptz);`);
    this.addSql(`drop table if exists "kpi_day" cascade;`);

    this.addSql(`drop table if exists "kpi_dirty" cascade;`);
  }

}
