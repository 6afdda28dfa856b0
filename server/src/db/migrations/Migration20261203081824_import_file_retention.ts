import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081824_import_file_retention extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "import_file" add column "purged_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_file" drop column "purged_at";`);
  }

}
