import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000100_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "report_kind" as enum ('WEEKLY', 'MONTHLY');`);
    this.addSql(`create type "report_status" as enum ('READY');`);
    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "kind" "report_kind" not null, "period_from" date not null, "period_to" date not null, "status" "report_status" not null, "generated_at" timestamptz not null, "generated_by" text not null, "xlsx_key" text not null, "xlsx_size" int not null, "xlsx_sha256" text not null, "pdf_key" text not null, "pdf_size" int not null, "pdf_sha256" text not null, constraint "report_pkey" primary key ("id"));`);
    this.addSql(`create index "report_municipality_id_index" on "report" ("municipality_id");`);
    this.addSql(`alter table "report" add constraint "report_municipality_id_kind_period_from_unique" unique ("municipality_id", "kind", "period_from");`);

    this.addSql(`alter table "report" add constraint "report_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report" cascade;`);

    this.addSql(`drop type "report_kind";`);
    this.addSql(`drop type "report_status";`);
  }

}
