import { Migration } from '@mikro-orm/migrations';

export class Migration20261203120343_notification_problem extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "problem_id" uuid null;`);
    this.addSql(`alter table "notification" add constraint "notification_problem_id_foreign" foreign key ("problem_id") references "problem" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint "notification_problem_id_foreign";`);

    this.addSql(`alter table "notification" drop column "problem_id";`);
  }

}
