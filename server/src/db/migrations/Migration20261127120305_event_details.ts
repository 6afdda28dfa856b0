import { Migration } from '@mikro-orm/migrations';

export class Migration20261127120305_event_details extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "item_event" add column "details" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item_event" drop column "details";`);
  }

}
