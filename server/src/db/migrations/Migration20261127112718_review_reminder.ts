import { Migration } from '@mikro-orm/migrations';

export class Migration20261127112718_review_reminder extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "item" add column "review_overdue_notified_for" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item" drop column "review_overdue_notified_for";`);
  }

}
