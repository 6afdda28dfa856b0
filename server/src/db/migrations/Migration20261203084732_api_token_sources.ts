import { Migration } from '@mikro-orm/migrations';

export class Migration20261203084732_api_token_sources extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "api_token" add column "sources" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop column "sources";`);
  }

}
