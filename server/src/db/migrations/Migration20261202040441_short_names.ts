import { Migration } from '@mikro-orm/migrations';

export class Migration20261202040441_short_names extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "settlement" add column "short_name" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "settlement" drop column "short_name";`);
  }

}
