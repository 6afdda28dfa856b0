import { Migration } from '@mikro-orm/migrations';

export class Migration20261202220000_text_models extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "item_classified_by" as enum ('SOURCE', 'MACHINE', 'STAFF');`);
    this.addSql(`create table "text_model" ("id" uuid not null, "municipality_id" uuid null, "version" text not null, "base_version" text not null, "active" boolean not null default false, "trained_at" timestamptz not null, "trained_by_id" uuid null, "examples" int not null, "staff_examples" int not null default 0, "training_ms" int not null, "data" bytea not null, constraint "text_model_pkey" primary key ("id"));`);
    this.addSql(`create index "text_model_municipality_id_active_index" on "text_model" ("municipality_id", "active");`);
    this.addSql(`alter table "text_model" add constraint "text_model_municipality_id_version_unique" unique ("municipality_id", "version");`);

    this.addSql(`create table "text_example" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "item_id" uuid null, "text" text not null, "sector_code" text not null, "category_code" text not null, "urgent" boolean not null, "machine_category_code" text null, "machine_urgent" boolean null, "corrected" boolean not null, "labelled_by_id" uuid null, "model_version" text null, constraint "text_example_pkey" primary key ("id"));`);
    this.addSql(`create index "text_example_municipality_id_index" on "text_example" ("municipality_id");`);
    this.addSql(`create index "text_example_item_id_index" on "text_example" ("item_id");`);
    this.addSql(`create index "text_example_municipality_id_created_at_index" on "text_example" ("municipality_id", "created_at");`);

    this.addSql(`alter table "text_model" add constraint "text_model_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "text_model" add constraint "text_model_trained_by_id_foreign" foreign key ("trained_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "text_example" add constraint "text_example_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "text_example" add constraint "text_example_labelled_by_id_foreign" foreign key ("labelled_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "item" add column "classified_by" "item_classified_by" null, add column "machine" jsonb null;`);
    this.addSql(`create index "item_text_trgm_index" on "item" using gin ("text" gin_trgm_ops);`);
    // The items classified before the machine read texts were classified when they were entered or sent.
    this.addSql(`update "item" set "classified_by" = 'SOURCE' where "category_id" is not null;`);

    this.addSql(`alter table "item_answer" add column "checks" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "text_model" cascade;`);

    this.addSql(`drop table if exists "text_example" cascade;`);

    this.addSql(`drop index "item_text_trgm_index";`);
    this.addSql(`alter table "item" drop column "classified_by", drop column "machine";`);

    this.addSql(`alter table "item_answer" drop column "checks";`);

    this.addSql(`drop type "item_classified_by";`);
  }

}
