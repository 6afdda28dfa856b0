import { Migration } from '@mikro-orm/migrations';

export class Migration20261202072949_inbox_order_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "item_open_sector_urgent_due_index" on "item" ("sector_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED');`);
    this.addSql(`create index "item_open_department_urgent_due_index" on "item" ("department_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED');`);
    this.addSql(`create index "item_open_urgent_due_index" on "item" ("municipality_id", "urgent" desc, "due_at" asc nulls last, "id") where "status" not in ('CLOSED', 'REDIRECTED', 'MERGED');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "item_open_sector_urgent_due_index";`);
    this.addSql(`drop index "item_open_department_urgent_due_index";`);
    this.addSql(`drop index "item_open_urgent_due_index";`);
  }

}
