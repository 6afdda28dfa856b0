import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221247_kpi_targets extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "kpi_figure" as enum ('ON_TIME_SHARE', 'OVERDUE_OPEN', 'MEAN_ANSWER_DAYS', 'MEDIAN_ANSWER_DAYS', 'MEAN_FIRST_REACTION_HOURS', 'EXTENDED_SHARE', 'REDIRECTED_SHARE', 'REWORK_SHARE', 'REOPENED_SHARE', 'SATISFIED_SHARE', 'REPEATS', 'PER_THOUSAND_RESIDENTS');`);
    this.addSql(`create table "kpi_target" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "figure" "kpi_figure" not null, "sector_id" uuid null, "department_id" uuid null, "valid_from" date not null, "valid_to" date null, "value" double precision not null, "at_risk_margin" double precision not null, "approved_by_id" uuid not null, "approved_at" timestamptz not null, "comment" text null, "superseded_at" timestamptz null, "superseded_by_id" uuid null, constraint "kpi_target_pkey" primary key ("id"), constraint kpi_target_validity_check check (valid_to is null or valid_to > valid_from), constraint kpi_target_one_unit_check check (sector_id is null or department_id is null));`);
    this.addSql(`create index "kpi_target_municipality_id_index" on "kpi_target" ("municipality_id");`);
    this.addSql(`create index "kpi_target_sector_id_index" on "kpi_target" ("sector_id");`);
    this.addSql(`create index "kpi_target_department_id_index" on "kpi_target" ("department_id");`);
    this.addSql(`create index "kpi_target_municipality_id_figure_index" on "kpi_target" ("municipality_id", "figure");`);

    this.addSql(`alter table "kpi_target" add constraint "kpi_target_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kpi_target" add constraint "kpi_target_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kpi_target" add constraint "kpi_target_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kpi_target" add constraint "kpi_target_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "kpi_target" add constraint "kpi_target_superseded_by_id_foreign" foreign key ("superseded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kpi_target" cascade;`);

    this.addSql(`drop type "kpi_figure";`);
  }

}
