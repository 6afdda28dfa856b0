import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221657_kpi_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "item_applicant_phone_index" on "item" ("municipality_id", "applicant_phone") where "applicant_phone" is not null;`);
    this.addSql(`create index "item_applicant_email_index" on "item" ("municipality_id", lower("applicant_email")) where "applicant_email" is not null;`);
    this.addSql(`create index "item_applicant_name_address_index" on "item" ("municipality_id", lower("applicant_name"), lower("applicant_address")) where "applicant_name" is not null and "applicant_address" is not null;`);
    this.addSql(`create index "item_unresolved_until_index" on "item" ("municipality_id", (coalesce(least("answered_at", "closed_at"), 'infinity'::timestamptz)));`);
    this.addSql(`create index "item_municipality_id_closed_at_index" on "item" ("municipality_id", "closed_at");`);
    this.addSql(`create index "item_municipality_id_first_reaction_at_index" on "item" ("municipality_id", "first_reaction_at");`);
    this.addSql(`create index "item_municipality_id_answered_at_index" on "item" ("municipality_id", "answered_at");`);

    this.addSql(`create index "item_event_municipality_id_type_at_index" on "item_event" ("municipality_id", "type", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "item_applicant_phone_index";`);
    this.addSql(`drop index "item_applicant_email_index";`);
    this.addSql(`drop index "item_applicant_name_address_index";`);
    this.addSql(`drop index "item_unresolved_until_index";`);
    this.addSql(`drop index "item_municipality_id_closed_at_index";`);
    this.addSql(`drop index "item_municipality_id_first_reaction_at_index";`);
    this.addSql(`drop index "item_municipality_id_answered_at_index";`);

    this.addSql(`drop index "item_event_municipality_id_type_at_index";`);
  }

}
