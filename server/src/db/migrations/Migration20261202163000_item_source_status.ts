import { Migration } from '@mikro-orm/migrations';

export class Migration20261202163000_item_source_status extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "item" add column "source_status" text null, add column "source_updated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item" drop column "source_status", drop column "source_updated_at";`);
  }

}
