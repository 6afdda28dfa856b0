import { Migration } from '@mikro-orm/migrations';

export class Migration20261127103542_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "department_kind" as enum ('LOCAL_GOVERNMENT', 'REPRESENTATIVE_BODY', 'SETTLEMENT_GOVERNMENT', 'ADMIN_UNIT', 'MUNICIPAL_INSTITUTION', 'REGIONAL_INSTITUTION', 'UTILITY', 'MEDIA', 'OTHER');`);
    this.addSql(`create type "settlement_kind" as enum ('URBAN', 'RURAL');`);
    this.addSql(`create type "role" as enum ('CURATOR', 'HEAD', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'EXECUTOR', 'ANALYST', 'REGION');`);
    this.addSql(`create type "token_kind" as enum ('INTEGRATOR', 'WALL_DISPLAY');`);
    this.addSql(`create type "token_scope" as enum ('ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ', 'WALL_READ');`);
    this.addSql(`create table "municipality" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" text not null, "name" text not null, "short_name" text not null, "name_en" text null, "region_name" text not null, "timezone" text not null, "population" int null, "oktmo" text null, "lat" double precision null, "lon" double precision null, constraint "municipality_pkey" primary key ("id"));`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);

    this.addSql(`create table "department" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "code" text not null, "name" text not null, "short_name" text null, "kind" "department_kind" not null, "email" text null, "phone" text null, "active" boolean not null default true, constraint "department_pkey" primary key ("id"));`);
    this.addSql(`create index "department_municipality_id_index" on "department" ("municipality_id");`);
    this.addSql(`alter table "department" add constraint "department_municipality_id_code_unique" unique ("municipality_id", "code");`);

    this.addSql(`create table "sector" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "code" text not null, "name" text not null, "name_en" text null, "position" int not null default 0, constraint "sector_pkey" primary key ("id"));`);
    this.addSql(`create index "sector_municipality_id_index" on "sector" ("municipality_id");`);
    this.addSql(`alter table "sector" add constraint "sector_municipality_id_code_unique" unique ("municipality_id", "code");`);

    this.addSql(`create table "department_sector" ("department_id" uuid not null, "sector_id" uuid not null, constraint "department_sector_pkey" primary key ("department_id", "sector_id"));`);

    this.addSql(`create table "category" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "code" text not null, "name" text not null, "name_en" text null, "sector_id" uuid not null, "urgent_capable" boolean not null default false, "message_answer_days" int null, "active" boolean not null default true, "position" int not null default 0, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`create index "category_municipality_id_index" on "category" ("municipality_id");`);
    this.addSql(`create index "category_sector_id_index" on "category" ("sector_id");`);
    this.addSql(`alter table "category" add constraint "category_municipality_id_code_unique" unique ("municipality_id", "code");`);

    this.addSql(`create table "department_category" ("department_id" uuid not null, "category_id" uuid not null, constraint "department_category_pkey" primary key ("department_id", "category_id"));`);

    this.addSql(`create table "settlement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "code" text not null, "name" text not null, "kind" "settlement_kind" not null, "centre" text null, "population" int null, "oktmo" text null, "lat" double precision null, "lon" double precision null, "localities" jsonb not null, "streets" jsonb not null, constraint "settlement_pkey" primary key ("id"));`);
    this.addSql(`create index "settlement_municipality_id_index" on "settlement" ("municipality_id");`);
    this.addSql(`alter table "settlement" add constraint "settlement_municipality_id_code_unique" unique ("municipality_id", "code");`);

    this.addSql(`create table "department_settlement" ("department_id" uuid not null, "settlement_id" uuid not null, constraint "department_settlement_pkey" primary key ("department_id", "settlement_id"));`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid null, "username" text not null, "full_name" text not null, "position" text null, "email" text null, "phone" text null, "password_hash" text not null, "roles" "role"[] not null, "department_id" uuid null, "active" boolean not null default true, "locale" text not null default 'ru', "last_sign_in_at" timestamptz null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create index "app_user_municipality_id_index" on "app_user" ("municipality_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_department_id_index" on "app_user" ("department_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "name" text not null, "kind" "token_kind" not null, "scopes" "token_scope"[] not null, "prefix" text not null, "token_hash" text not null, "created_by_id" uuid null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`create index "api_token_municipality_id_index" on "api_token" ("municipality_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "user_sector" ("user_id" uuid not null, "sector_id" uuid not null, constraint "user_sector_pkey" primary key ("user_id", "sector_id"));`);

    this.addSql(`create table "user_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_seen_at" timestamptz not null, "user_agent" text null, "ip" text null, constraint "user_session_pkey" primary key ("id"));`);
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "department" add constraint "department_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sector" add constraint "sector_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "department_sector" add constraint "department_sector_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_sector" add constraint "department_sector_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "category" add constraint "category_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "category" add constraint "category_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade;`);

    this.addSql(`alter table "department_category" add constraint "department_category_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_category" add constraint "department_category_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "settlement" add constraint "settlement_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "department_settlement" add constraint "department_settlement_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_settlement" add constraint "department_settlement_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "api_token" add constraint "api_token_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_sector" add constraint "user_sector_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_sector" add constraint "user_sector_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "department" drop constraint "department_municipality_id_foreign";`);

    this.addSql(`alter table "sector" drop constraint "sector_municipality_id_foreign";`);

    this.addSql(`alter table "category" drop constraint "category_municipality_id_foreign";`);

    this.addSql(`alter table "settlement" drop constraint "settlement_municipality_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_municipality_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_municipality_id_foreign";`);

    this.addSql(`alter table "department_sector" drop constraint "department_sector_department_id_foreign";`);

    this.addSql(`alter table "department_category" drop constraint "department_category_department_id_foreign";`);

    this.addSql(`alter table "department_settlement" drop constraint "department_settlement_department_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_department_id_foreign";`);

    this.addSql(`alter table "department_sector" drop constraint "department_sector_sector_id_foreign";`);

    this.addSql(`alter table "category" drop constraint "category_sector_id_foreign";`);

    this.addSql(`alter table "user_sector" drop constraint "user_sector_sector_id_foreign";`);

    this.addSql(`alter table "department_category" drop constraint "department_category_category_id_foreign";`);

    this.addSql(`alter table "department_settlement" drop constraint "department_settlement_settlement_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_created_by_id_foreign";`);

    this.addSql(`alter table "user_sector" drop constraint "user_sector_user_id_foreign";`);

    this.addSql(`alter table "user_session" drop constraint "user_session_user_id_foreign";`);

    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "sector" cascade;`);

    this.addSql(`drop table if exists "department_sector" cascade;`);

    this.addSql(`drop table if exists "category" cascade;`);

    this.addSql(`drop table if exists "department_category" cascade;`);

    this.addSql(`drop table if exists "settlement" cascade;`);

    this.addSql(`drop table if exists "department_settlement" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "user_sector" cascade;`);

    this.addSql(`drop table if exists "user_session" cascade;`);

    this.addSql(`drop type "department_kind";`);
    this.addSql(`drop type "settlement_kind";`);
    this.addSql(`drop type "role";`);
    this.addSql(`drop type "token_kind";`);
    this.addSql(`drop type "token_scope";`);
  }

}
