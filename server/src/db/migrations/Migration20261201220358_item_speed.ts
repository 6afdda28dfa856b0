import { Migration } from '@mikro-orm/migrations';

export class Migration20261201220358_item_speed extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "item" add column "answer_working_days" double precision null, add column "first_reaction_working_hours" double precision null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "item" drop column "answer_working_days", drop column "first_reaction_working_hours";`);
  }

}
