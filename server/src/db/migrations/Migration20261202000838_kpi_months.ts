import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000838_kpi_months extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kpi_month" ("id" bigserial primary key, "municipality_id" uuid not null, "month" date not null, "grain" text not null, "dim" text null, "received" int not null, "answered" int not null, "answered_on_time" int not null, "speed_sum" double precision not null, "speed_n" int not null, "speed_hist" jsonb not null, "first_reaction_sum" double precision not null, "first_reaction_n" int not null, "extended" int not null, "reworked" int not null, "reopened" int not null, "redirected" int not null, "left_without_answer" int not null, "rated" int not null, "satisfied" int not null, "repeats" int not null);`);
    this.addSql(`comment on column "kpi_month"."month" is 'the first day of the month';`);
    this.addSql(`create index "kpi_month_municipality_id_grain_month_index" on "kpi_month" ("municipality_id", "grain", "month");`);

    this.addSql(`create table "kpi_month_dirty" ("municipality_id" uuid not null, "month" date not null, constraint "kpi_month_dirty_pkey" primary key ("municipality_id", "month"));`);
    // Every month that has daily rollups is built by the next run of the kpi-rollups job; until then it is read from its days.
    this.addSql(`insert into kpi_month_dirty (municipality_id, month)
      select distinct municipality_id, date_trunc('month', day::timestamp)::date from kpi_day on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kpi_month" cascade;`);

    this.addSql(`drop table if exists "kpi_month_dirty" cascade;`);
  }

}
