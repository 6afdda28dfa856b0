import { Migration } from '@mikro-orm/migrations';

/**
 * Stale-day marks of the KPI rollups are only ever added: a writer's `insert … on conflict do nothing` waited for a
 * refresher that was deleting the same (municipality, day) until it committed, so a rollup of many busy days held
 * every write of those days (a large import stood still for minutes). Inserted items mark their days once per
 * statement (a batch of a thousand items, one mark per day), not once per row.
 */
export class Migration20261202190000_kpi_marks_added_only extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "kpi_dirty" drop constraint "kpi_dirty_pkey";`);
    this.addSql(`alter table "kpi_dirty" add column "id" bigserial primary key;`);
    this.addSql(`create index "kpi_dirty_municipality_id_day_index" on "kpi_dirty" ("municipality_id", "day");`);
    this.addSql(`create or replace function kpi_mark_dirty(m uuid, ts timestamptz) returns void language plpgsql as $$
      begin
        if ts is null then return; end if;
        insert into kpi_dirty (municipality_id, day)
        values (m, (ts at time zone (select timezone from municipality where id = m))::date);
      end $$;`);
    this.addSql(`create function kpi_items_inserted() returns trigger language plpgsql as $$
      begin
        insert into kpi_dirty (municipality_id, day)
        select distinct n.municipality_id, (t.ts at time zone m.timezone)::date
        from new_items n join municipality m on m.id = n.municipality_id
        cross join lateral (values (n.received_at), (n.answered_at), (n.first_reaction_at), (n.closed_at)) as t(ts)
        where t.ts is not null;
        return null;
      end $$;`);
    this.addSql(`drop trigger kpi_item_inserted_or_deleted on item;`);
    this.addSql(`create trigger kpi_items_inserted after insert on item referencing new table as new_items for each statement execute function kpi_items_inserted();`);
    this.addSql(`create trigger kpi_item_deleted after delete on item for each row execute function kpi_item_changed();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger kpi_item_deleted on item;`);
    this.addSql(`drop trigger kpi_items_inserted on item;`);
    this.addSql(`drop function kpi_items_inserted();`);
    this.addSql(`create trigger kpi_item_inserted_or_deleted after insert or delete on item for each row execute function kpi_item_changed();`);
    this.addSql(`create or replace function kpi_mark_dirty(m uuid, ts timestamptz) returns void language plpgsql as $$
      begin
        if ts is null then return; end if;
        insert into kpi_dirty (municipality_id, day)
        values (m, (ts at time zone (select timezone from municipality where id = m))::date)
        on conflict do nothing;
      end $$;`);
    this.addSql(`drop index "kpi_dirty_municipality_id_day_index";`);
    this.addSql(`alter table "kpi_dirty" drop constraint "kpi_dirty_pkey";`);
    this.addSql(`alter table "kpi_dirty" drop column "id";`);
    this.addSql(`delete from kpi_dirty a using kpi_dirty b where a.ctid > b.ctid and a.municipality_id = b.municipality_id and a.day = b.day;`);
    this.addSql(`alter table "kpi_dirty" add constraint "kpi_dirty_pkey" primary key ("municipality_id", "day");`);
  }

}
