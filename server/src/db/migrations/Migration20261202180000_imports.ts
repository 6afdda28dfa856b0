import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180000_imports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "import_format" as enum ('CSV', 'XLSX');`);
    this.addSql(`create type "import_encoding" as enum ('UTF_8', 'WINDOWS_1251');`);
    this.addSql(`create type "import_status" as enum ('QUEUED', 'RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create table "import_mapping" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "name" text not null, "source" text not null, "columns" jsonb not null, "kind" "item_kind" null, "channel" "item_channel" null, "saved_by_id" uuid null, constraint "import_mapping_pkey" primary key ("id"));`);
    this.addSql(`create index "import_mapping_municipality_id_index" on "import_mapping" ("municipality_id");`);
    this.addSql(`alter table "import_mapping" add constraint "import_mapping_municipality_id_name_unique" unique ("municipality_id", "name");`);

    this.addSql(`create table "import_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "file_name" text not null, "format" "import_format" not null, "size" bigint not null, "sha256" text not null, "storage_key" text not null, "uploaded_by_id" uuid not null, constraint "import_file_pkey" primary key ("id"));`);
    this.addSql(`create index "import_file_municipality_id_index" on "import_file" ("municipality_id");`);

    this.addSql(`create table "import_job" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "file_id" uuid not null, "file_name" text not null, "source" text not null, "columns" jsonb not null, "kind" "item_kind" null, "channel" "item_channel" null, "encoding" "import_encoding" null, "delimiter" text null, "dry_run" boolean not null, "status" "import_status" not null default 'QUEUED', "total" int null, "processed" int not null default 0, "created" int not null default 0, "existing" int not null default 0, "rejected" int not null default 0, "error" text null, "started_by_id" uuid not null, "finished_at" timestamptz null, "worker" text null, "lease_until" timestamptz null, constraint "import_job_pkey" primary key ("id"));`);
    this.addSql(`create index "import_job_municipality_id_index" on "import_job" ("municipality_id");`);
    this.addSql(`create index "import_job_municipality_id_created_at_index" on "import_job" ("municipality_id", "created_at");`);

    this.addSql(`create table "import_row_error" ("job_id" uuid not null, "line" int not null, "column" text null, "field" text null, "code" text not null, "message" text not null, constraint "import_row_error_pkey" primary key ("job_id", "line"));`);

    this.addSql(`alter table "import_mapping" add constraint "import_mapping_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "import_mapping" add constraint "import_mapping_saved_by_id_foreign" foreign key ("saved_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "import_file" add constraint "import_file_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "import_file" add constraint "import_file_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "import_job" add constraint "import_job_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "import_job" add constraint "import_job_file_id_foreign" foreign key ("file_id") references "import_file" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "import_job" add constraint "import_job_started_by_id_foreign" foreign key ("started_by_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "import_row_error" add constraint "import_row_error_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_job" drop constraint "import_job_file_id_foreign";`);

    this.addSql(`alter table "import_row_error" drop constraint "import_row_error_job_id_foreign";`);

    this.addSql(`drop table if exists "import_mapping" cascade;`);

    this.addSql(`drop table if exists "import_file" cascade;`);

    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop table if exists "import_row_error" cascade;`);

    this.addSql(`drop type "import_format";`);
    this.addSql(`drop type "import_encoding";`);
    this.addSql(`drop type "import_status";`);
  }

}
