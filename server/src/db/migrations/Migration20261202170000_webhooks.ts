import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170000_webhooks extends Migration {

  override async up(): Promise<void> {
    // The token scope of webhooks (the ORM's diff does not see a value added to a native enum).
    this.addSql(`alter type "token_scope" add value if not exists 'WEBHOOKS';`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED');`);
    this.addSql(`create table "webhook" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "url" text not null, "secret" text not null, "secret_hint" text not null, "event_types" text[] not null, "description" text null, "active" boolean not null default true, "owner_token_id" uuid null, "owner_user_id" uuid null, "from_cursor" bigint not null, "lease_until" timestamptz null, constraint "webhook_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_municipality_id_index" on "webhook" ("municipality_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "webhook_id" uuid not null, "event_type" text not null, "item_id" uuid null, "event_cursor" bigint null, "body" text not null, "status" "webhook_delivery_status" not null default 'PENDING', "tries" int not null default 0, "attempts" jsonb not null default '[]', "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_municipality_id_index" on "webhook_delivery" ("municipality_id");`);
    this.addSql(`create index "webhook_delivery_webhook_id_created_at_index" on "webhook_delivery" ("webhook_id", "created_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_event_cursor_unique" unique ("webhook_id", "event_cursor");`);

    this.addSql(`create table "webhook_dispatch" ("id" int not null, "cursor" bigint not null, constraint "webhook_dispatch_pkey" primary key ("id"));`);
    // The dispatcher starts from the events committed after this migration (modules/webhooks/webhook-dispatch.ts).
    this.addSql(`insert into "webhook_dispatch" ("id", "cursor") select 1, coalesce(max("cursor"), 0) from "live_event";`);
    // A webhook is a token's or a person's, never both or neither.
    this.addSql(`alter table "webhook" add constraint "webhook_one_owner_check" check (("owner_token_id" is null) <> ("owner_user_id" is null));`);
    this.addSql(`create index "webhook_owner_token_id_index" on "webhook" ("owner_token_id");`);
    this.addSql(`create index "webhook_owner_user_id_index" on "webhook" ("owner_user_id");`);
    // What the dispatcher looks for every WEBHOOK_POLL_MS: a webhook's pending deliveries that are due.
    this.addSql(`create index "webhook_delivery_due_index" on "webhook_delivery" ("webhook_id", "next_attempt_at") where "status" = 'PENDING';`);

    this.addSql(`alter table "webhook" add constraint "webhook_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook" add constraint "webhook_owner_token_id_foreign" foreign key ("owner_token_id") references "api_token" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook" add constraint "webhook_owner_user_id_foreign" foreign key ("owner_user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "webhook" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_webhook_id_foreign";`);

    this.addSql(`drop table if exists "webhook" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_dispatch" cascade;`);

    this.addSql(`drop type "webhook_delivery_status";`);
  }

}
