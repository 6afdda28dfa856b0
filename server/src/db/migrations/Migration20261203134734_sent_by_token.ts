import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134734_sent_by_token extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "item" add column "sent_by_token_id" uuid null;`);
    this.addSql(`alter table "item" add constraint "item_sent_by_token_id_foreign" foreign key ("sent_by_token_id") references "api_token" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item" drop constraint "item_sent_by_token_id_foreign";`);

    this.addSql(`alter table "item" drop column "sent_by_token_id";`);
  }

}
