import { Migration } from '@mikro-orm/migrations';

export class Migration20261202013717_sign_in_throttle_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_throttle" ("key" text not null, "failures" int not null, "first_failure_at" timestamptz not null, "blocked_until" timestamptz null, constraint "sign_in_throttle_pkey" primary key ("key"));`);
    this.addSql(`comment on column "sign_in_throttle"."key" is 'pair:<username>|<address>, user:<username> or address:<address>';`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid null, "at" timestamptz not null, "actor_id" uuid null, "actor_label" text not null, "action" text not null, "target_type" text null, "target_id" text null, "ip" text null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_municipality_id_at_index" on "audit_event" ("municipality_id", "at");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "app_user" drop column "failed_sign_ins", drop column "locked_until";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`alter table "app_user" add column "failed_sign_ins" int4 not null default 0, add column "locked_until" timestamptz(6) null;`);
  }

}
