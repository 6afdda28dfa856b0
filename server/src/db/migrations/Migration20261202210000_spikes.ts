import { Migration } from '@mikro-orm/migrations';

export class Migration20261202210000_spikes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "spike" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "municipality_id" uuid not null, "category_id" uuid not null, "settlement_id" uuid not null, "day" date not null, "count" int not null, "reference_days" int not null, "baseline" double precision not null, "season_ratio" double precision not null, "expected" double precision not null, "threshold" int not null, "alerted_at" timestamptz null, "problem_id" uuid null, "proposed" boolean not null default false, "item_ids" text[] not null default '{}', constraint "spike_pkey" primary key ("id"));`);
    this.addSql(`create index "spike_municipality_id_index" on "spike" ("municipality_id");`);
    this.addSql(`create index "spike_problem_id_index" on "spike" ("problem_id");`);
    this.addSql(`alter table "spike" add constraint "spike_municipality_id_category_id_settlement_id_day_unique" unique ("municipality_id", "category_id", "settlement_id", "day");`);

    this.addSql(`alter table "spike" add constraint "spike_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spike" add constraint "spike_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade;`);
    this.addSql(`alter table "spike" add constraint "spike_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade;`);
    this.addSql(`alter table "spike" add constraint "spike_problem_id_foreign" foreign key ("problem_id") references "problem" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "spike" cascade;`);
  }

}
