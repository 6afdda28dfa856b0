import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235900_problems extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "problem_status" as enum ('PROPOSED', 'CONFIRMED', 'IN_WORK', 'SOLVED', 'REJECTED');`);
    this.addSql(`create type "problem_measure_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');`);
    this.addSql(`create table "problem" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "title" text not null, "description" text null, "category_id" uuid null, "sector_id" uuid null, "settlement_id" uuid null, "area" text null, "department_id" uuid null, "status" "problem_status" not null, "proposal_key" text null, "created_by_id" uuid null, "confirmed_at" timestamptz null, "confirmed_by_id" uuid null, "plan_approved_at" timestamptz null, "plan_approved_by_id" uuid null, "solved_at" timestamptz null, "solved_by_id" uuid null, "answer_text" text null, "outcome" "item_outcome" null, "rejected_at" timestamptz null, "rejected_by_id" uuid null, "rejection_reason" text null, "merged_into_id" uuid null, "version" int not null default 1, constraint "problem_pkey" primary key ("id"));`);
    this.addSql(`create index "problem_municipality_id_index" on "problem" ("municipality_id");`);
    this.addSql(`create index "problem_category_id_index" on "problem" ("category_id");`);
    this.addSql(`create index "problem_sector_id_index" on "problem" ("sector_id");`);
    this.addSql(`create index "problem_settlement_id_index" on "problem" ("settlement_id");`);
    this.addSql(`create index "problem_department_id_index" on "problem" ("department_id");`);
    this.addSql(`create index "problem_municipality_id_status_index" on "problem" ("municipality_id", "status");`);

    this.addSql(`create table "problem_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "problem_id" uuid not null, "text" text not null, "author_id" uuid null, "at" timestamptz not null, constraint "problem_report_pkey" primary key ("id"));`);
    this.addSql(`create index "problem_report_municipality_id_index" on "problem_report" ("municipality_id");`);
    this.addSql(`create index "problem_report_problem_id_index" on "problem_report" ("problem_id");`);

    this.addSql(`create table "problem_measure" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "problem_id" uuid not null, "text" text not null, "department_id" uuid null, "owner_id" uuid null, "due_date" date not null, "due_at" timestamptz not null, "status" "problem_measure_status" not null, "done_at" timestamptz null, "overdue_notified_for" timestamptz null, "created_by_id" uuid null, constraint "problem_measure_pkey" primary key ("id"));`);
    this.addSql(`create index "problem_measure_municipality_id_index" on "problem_measure" ("municipality_id");`);
    this.addSql(`create index "problem_measure_problem_id_index" on "problem_measure" ("problem_id");`);
    this.addSql(`create index "problem_measure_status_due_at_index" on "problem_measure" ("status", "due_at");`);

    this.addSql(`create table "problem_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "problem_id" uuid not null, "item_id" uuid not null, "active" boolean not null default true, "linked_at" timestamptz not null, "linked_by_id" uuid null, constraint "problem_item_pkey" primary key ("id"));`);
    this.addSql(`create index "problem_item_municipality_id_index" on "problem_item" ("municipality_id");`);
    this.addSql(`create index "problem_item_item_id_index" on "problem_item" ("item_id");`);
    this.addSql(`create unique index "problem_item_active_unique" on "problem_item" ("item_id") where "active";`);
    this.addSql(`alter table "problem_item" add constraint "problem_item_problem_id_item_id_unique" unique ("problem_id", "item_id");`);

    this.addSql(`alter table "problem" add constraint "problem_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem" add constraint "problem_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_plan_approved_by_id_foreign" foreign key ("plan_approved_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_solved_by_id_foreign" foreign key ("solved_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_rejected_by_id_foreign" foreign key ("rejected_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem" add constraint "problem_merged_into_id_foreign" foreign key ("merged_into_id") references "problem" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "problem_report" add constraint "problem_report_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_report" add constraint "problem_report_problem_id_foreign" foreign key ("problem_id") references "problem" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_report" add constraint "problem_report_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "problem_measure" add constraint "problem_measure_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_measure" add constraint "problem_measure_problem_id_foreign" foreign key ("problem_id") references "problem" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_measure" add constraint "problem_measure_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem_measure" add constraint "problem_measure_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "problem_measure" add constraint "problem_measure_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "problem_item" add constraint "problem_item_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_item" add constraint "problem_item_problem_id_foreign" foreign key ("problem_id") references "problem" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_item" add constraint "problem_item_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "problem_item" add constraint "problem_item_linked_by_id_foreign" foreign key ("linked_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "problem" drop constraint "problem_merged_into_id_foreign";`);

    this.addSql(`alter table "problem_report" drop constraint "problem_report_problem_id_foreign";`);

    this.addSql(`alter table "problem_measure" drop constraint "problem_measure_problem_id_foreign";`);

    this.addSql(`alter table "problem_item" drop constraint "problem_item_problem_id_foreign";`);

    this.addSql(`drop table if exists "problem" cascade;`);

    this.addSql(`drop table if exists "problem_report" cascade;`);

    this.addSql(`drop table if exists "problem_measure" cascade;`);

    this.addSql(`drop table if exists "problem_item" cascade;`);

    this.addSql(`drop type "problem_status";`);
    this.addSql(`drop type "problem_measure_status";`);
  }

}
