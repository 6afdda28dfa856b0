import { Migration } from '@mikro-orm/migrations';

export class Migration20261203084303_text_model_training_time extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "text_model" alter column "training_ms" drop not null;`);
    // A base model read from a cache was stored with 0 ms: its training was not timed here.
    this.addSql(`update "text_model" set "training_ms" = null where "training_ms" = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "text_model" set "training_ms" = 0 where "training_ms" is null;`);
    this.addSql(`alter table "text_model" alter column "training_ms" set not null;`);
  }

}
