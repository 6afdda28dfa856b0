import { Migration } from '@mikro-orm/migrations';

export class Migration20261127111233_items extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "calendar_status" as enum ('OFFICIAL', 'PROVISIONAL');`);
    this.addSql(`create type "item_kind" as enum ('APPEAL', 'MESSAGE', 'INCIDENT');`);
    this.addSql(`create type "item_channel" as enum ('LETTER', 'WALK_IN', 'PHONE', 'EPGU', 'WEB_FORM', 'POS', 'EMAIL', 'WEB_WIDGET', 'MESSENGER', 'SOCIAL_VK', 'SOCIAL_OK', 'SOCIAL_TELEGRAM', 'OTHER');`);
    this.addSql(`create type "item_status" as enum ('NEW', 'REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CITIZEN', 'ON_REVIEW', 'ANSWERED', 'REOPENED', 'REDIRECTED', 'CLOSED', 'MERGED');`);
    this.addSql(`create type "no_answer_reason" as enum ('ANONYMOUS', 'COURT_DECISION', 'OBSCENE_OR_THREATS', 'UNREADABLE', 'ESSENCE_UNCLEAR', 'REPEATED_NO_NEW_ARGUMENTS', 'ANSWERED_PUBLICLY', 'STATE_SECRET');`);
    this.addSql(`create type "item_outcome" as enum ('SUPPORTED', 'SUPPORTED_MEASURES_TAKEN', 'EXPLAINED', 'NOT_SUPPORTED', 'LEFT_WITHOUT_ANSWER', 'REDIRECTED');`);
    this.addSql(`create type "answer_kind" as enum ('INTERIM', 'FINAL');`);
    this.addSql(`create type "answer_status" as enum ('DRAFT', 'ON_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED');`);
    this.addSql(`create type "rework_reason" as enum ('FORMAL_NOT_ON_MERITS', 'NO_DATE_OR_MEASURES', 'NO_EVIDENCE', 'LAWS_NOT_EXPLAINED', 'CONTRADICTORY');`);
    this.addSql(`create table "item_counter" ("key" text not null, "value" int not null, constraint "item_counter_pkey" primary key ("key"));`);

    this.addSql(`create table "calendar_year" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "year" int not null, "status" "calendar_status" not null, "basis" text null, "non_working_weekdays" jsonb not null, "working_weekends" jsonb not null, "shortened" jsonb not null, constraint "calendar_year_pkey" primary key ("id"));`);
    this.addSql(`create index "calendar_year_municipality_id_index" on "calendar_year" ("municipality_id");`);
    this.addSql(`alter table "calendar_year" add constraint "calendar_year_municipality_id_year_unique" unique ("municipality_id", "year");`);

    this.addSql(`create table "answer_template" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "category_id" uuid null, "title" text not null, "body" text not null, "active" boolean not null default true, constraint "answer_template_pkey" primary key ("id"));`);
    this.addSql(`create index "answer_template_municipality_id_index" on "answer_template" ("municipality_id");`);
    this.addSql(`create index "answer_template_category_id_index" on "answer_template" ("category_id");`);

    this.addSql(`create table "item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "number" text not null, "kind" "item_kind" not null, "channel" "item_channel" not null, "source" text not null, "external_id" text null, "identified" boolean not null, "applicant_name" text null, "applicant_phone" text null, "applicant_email" text null, "applicant_address" text null, "subject" text null, "text" text not null, "address" text null, "settlement_id" uuid null, "lat" double precision null, "lon" double precision null, "category_id" uuid null, "sector_id" uuid null, "department_id" uuid null, "executor_id" uuid null, "urgent" boolean not null default false, "status" "item_status" not null, "received_at" timestamptz not null, "registered_at" timestamptz null, "registration_due_at" timestamptz null, "redirect_due_at" timestamptz null, "answer_due_at" timestamptz null, "first_reaction_due_at" timestamptz null, "final_answer_due_at" timestamptz null, "review_due_at" timestamptz null, "due_at" timestamptz null, "due_soon_at" timestamptz null, "clock_started_at" timestamptz null, "due_soon_notified_for" timestamptz null, "overdue_notified_for" timestamptz null, "paused_at" timestamptz null, "extended_at" timestamptz null, "extension_reason" text null, "first_reaction_at" timestamptz null, "answered_at" timestamptz null, "closed_at" timestamptz null, "redirected_to" text null, "no_answer_reason" "no_answer_reason" null, "outcome" "item_outcome" null, "satisfied" boolean null, "rating_comment" text null, "rated_at" timestamptz null, "reopen_count" int not null default 0, "rework_count" int not null default 0, "parent_id" uuid null, "version" int not null default 1, "search" tsvector generated always as (to_tsvector('russian', coalesce(subject, '') || ' ' || text || ' ' || coalesce(address, ''))) stored null, constraint "item_pkey" primary key ("id"));`);
    this.addSql(`create index "item_municipality_id_index" on "item" ("municipality_id");`);
    this.addSql(`create index "item_settlement_id_index" on "item" ("settlement_id");`);
    this.addSql(`create index "item_category_id_index" on "item" ("category_id");`);
    this.addSql(`create index "item_sector_id_index" on "item" ("sector_id");`);
    this.addSql(`create index "item_parent_id_index" on "item" ("parent_id");`);
    this.addSql(`create index "item_search_index" on "public"."item" using gin("search");`);
    this.addSql(`create index "item_executor_id_status_index" on "item" ("executor_id", "status");`);
    this.addSql(`create index "item_department_id_status_index" on "item" ("department_id", "status");`);
    this.addSql(`create index "item_municipality_id_received_at_index" on "item" ("municipality_id", "received_at");`);
    this.addSql(`create index "item_open_due_index" on "item" ("municipality_id", "due_at", "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED');`);
    this.addSql(`create index "item_municipality_id_status_due_at_index" on "item" ("municipality_id", "status", "due_at");`);
    this.addSql(`alter table "item" add constraint "item_municipality_id_number_unique" unique ("municipality_id", "number");`);
    this.addSql(`alter table "item" add constraint "item_source_external_id_unique" unique ("municipality_id", "source", "external_id");`);

    this.addSql(`create table "personal_data_access" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "item_id" uuid not null, "user_id" uuid null, "actor_label" text not null, "action" text not null, "at" timestamptz not null, constraint "personal_data_access_pkey" primary key ("id"));`);
    this.addSql(`create index "personal_data_access_municipality_id_index" on "personal_data_access" ("municipality_id");`);
    this.addSql(`create index "personal_data_access_user_id_at_index" on "personal_data_access" ("user_id", "at");`);
    this.addSql(`create index "personal_data_access_item_id_at_index" on "personal_data_access" ("item_id", "at");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "user_id" uuid not null, "item_id" uuid null, "type" text not null, "message" text not null, "key" text not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_municipality_id_index" on "notification" ("municipality_id");`);
    this.addSql(`alter table "notification" add constraint "notification_key_unique" unique ("key");`);
    this.addSql(`create index "notification_user_id_read_at_created_at_index" on "notification" ("user_id", "read_at", "created_at");`);

    this.addSql(`create table "item_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "item_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_label" text not null, "type" text not null, "from_status" "item_status" null, "to_status" "item_status" null, "comment" text null, "changes" jsonb null, constraint "item_event_pkey" primary key ("id"));`);
    this.addSql(`create index "item_event_municipality_id_index" on "item_event" ("municipality_id");`);
    this.addSql(`create index "item_event_item_id_at_index" on "item_event" ("item_id", "at");`);

    this.addSql(`create table "item_answer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "item_id" uuid not null, "kind" "answer_kind" not null, "status" "answer_status" not null, "text" text not null, "author_id" uuid null, "submitted_at" timestamptz null, "reviewer_id" uuid null, "reviewed_at" timestamptz null, "rework_reasons" "rework_reason"[] not null, "review_comment" text null, constraint "item_answer_pkey" primary key ("id"));`);
    this.addSql(`create index "item_answer_municipality_id_index" on "item_answer" ("municipality_id");`);
    this.addSql(`create index "item_answer_item_id_index" on "item_answer" ("item_id");`);

    this.addSql(`create table "attachment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "item_id" uuid null, "file_name" text not null, "mime_type" text not null, "size" int not null, "sha256" text not null, "storage_key" text not null, "uploaded_by_id" uuid null, constraint "attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "attachment_municipality_id_index" on "attachment" ("municipality_id");`);
    this.addSql(`create index "attachment_item_id_index" on "attachment" ("item_id");`);

    this.addSql(`alter table "calendar_year" add constraint "calendar_year_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "answer_template" add constraint "answer_template_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "answer_template" add constraint "answer_template_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "item" add constraint "item_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item" add constraint "item_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item" add constraint "item_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item" add constraint "item_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item" add constraint "item_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item" add constraint "item_executor_id_foreign" foreign key ("executor_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item" add constraint "item_parent_id_foreign" foreign key ("parent_id") references "item" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "personal_data_access" add constraint "personal_data_access_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "personal_data_access" add constraint "personal_data_access_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "personal_data_access" add constraint "personal_data_access_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "notification" add constraint "notification_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "item_event" add constraint "item_event_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item_event" add constraint "item_event_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item_event" add constraint "item_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "item_answer" add constraint "item_answer_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item_answer" add constraint "item_answer_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "item_answer" add constraint "item_answer_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "item_answer" add constraint "item_answer_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attachment" add constraint "attachment_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_item_id_foreign" foreign key ("item_id") references "item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item" drop constraint "item_parent_id_foreign";`);

    this.addSql(`alter table "personal_data_access" drop constraint "personal_data_access_item_id_foreign";`);

    this.addSql(`alter table "notification" drop constraint "notification_item_id_foreign";`);

    this.addSql(`alter table "item_event" drop constraint "item_event_item_id_foreign";`);

    this.addSql(`alter table "item_answer" drop constraint "item_answer_item_id_foreign";`);

    this.addSql(`alter table "attachment" drop constraint "attachment_item_id_foreign";`);

    this.addSql(`drop table if exists "item_counter" cascade;`);

    this.addSql(`drop table if exists "calendar_year" cascade;`);

    this.addSql(`drop table if exists "answer_template" cascade;`);

    this.addSql(`drop table if exists "item" cascade;`);

    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "item_event" cascade;`);

    this.addSql(`drop table if exists "item_answer" cascade;`);

    this.addSql(`drop table if exists "attachment" cascade;`);

    this.addSql(`drop type "calendar_status";`);
    this.addSql(`drop type "item_kind";`);
    this.addSql(`drop type "item_channel";`);
    this.addSql(`drop type "item_status";`);
    this.addSql(`drop type "no_answer_reason";`);
    this.addSql(`drop type "item_outcome";`);
    this.addSql(`drop type "answer_kind";`);
    this.addSql(`drop type "answer_status";`);
    this.addSql(`drop type "rework_reason";`);
  }

}
