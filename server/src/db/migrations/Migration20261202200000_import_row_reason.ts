import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200000_import_row_reason extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "import_row_reason" as enum ('EMPTY', 'NOT_A_DATE', 'NOT_A_KIND', 'NO_KIND', 'NOT_A_CHANNEL', 'NO_CHANNEL', 'UNKNOWN_CATEGORY', 'UNKNOWN_SETTLEMENT', 'NOT_A_NUMBER', 'NOT_YES_OR_NO', 'INVALID', 'NOT_STORED');`);
    this.addSql(`alter table "import_row_error" add column "reason" "import_row_reason" not null default 'INVALID';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_row_error" drop column "reason";`);

    this.addSql(`drop type "import_row_reason";`);
  }

}
