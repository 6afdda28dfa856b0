import { Migration } from '@mikro-orm/migrations';

export class Migration20261202060000_notification_digests_applicant_search extends Migration {

  override async up(): Promise<void> {
    // Notifications: one per person, item and kind (the newest of each is kept), and digests of many.
    this.addSql(`alter table "notification" add column "item_count" integer not null default 1;`);
    this.addSql(`delete from "notification" n using "notification" m
      where n."item_id" is not null and m."item_id" = n."item_id" and m."user_id" = n."user_id" and m."type" = n."type"
        and (m."created_at", m."id") > (n."created_at", n."id");`);
    this.addSql(`update "notification" set "key" = "type" || ':' || "item_id" || ':' || "user_id" where "item_id" is not null;`);

    // The inbox search by applicant (a fragment of a name, an e-mail or a phone), for those who see them.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "item_applicant_search_index" on "item" using gin ((lower(coalesce("applicant_name", '') || ' ' || coalesce("applicant_email", '') || ' ' || regexp_replace(coalesce("applicant_phone", ''), '\\D', '', 'g'))) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "item_applicant_search_index";`);
    this.addSql(`alter table "notification" drop column "item_count";`);
  }

}
