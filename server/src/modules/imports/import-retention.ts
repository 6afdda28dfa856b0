import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileStore } from '../files/file-store.js';
import { ImportStatus } from './import.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Files removed per statement: a backlog (a first run, a long pause) is worked off in several. */
const PAGE = 200;

/**
 * Removes the uploaded import files whose retention is over (docs/operations.md, "Retention"): uploaded more than
 * `days` ago, and no job made from them queued, running or ended within those days. An import file is the rows of
 * another system, names, phones and addresses of applicants among them; once its items exist (or it was never
 * imported) nothing needs it, and keeping it would keep those data beyond the items' own erasure. The stored bytes
 * are removed first and the file then marked (`purgedAt`): a failure in between removes them again next time, and a
 * file is never marked while its bytes are still there. Its jobs and their row errors (which never quote a value)
 * stay. Returns how many files were removed.
 */
export async function purgeImportFiles(em: EntityManager, store: FileStore, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS);
  const connection = em.getConnection();
  let purged = 0;
  for (;;) {
    const rows: { id: string; storage_key: string }[] = await connection.execute(
      `select f.id, f.storage_key from import_file f
        where f.purged_at is null and f.created_at < ?
          and not exists (select 1 from import_job j where j.file_id = f.id
                           and (j.status in (?, ?) or j.finished_at >= ?))
        order by f.created_at limit ?`,
      [before, ImportStatus.QUEUED, ImportStatus.RUNNING, before, PAGE],
    );
    if (!rows.length) return purged;
    for (const row of rows) await store.remove(row.storage_key);
    await connection.execute(`update import_file set purged_at = ?, updated_at = ? where id in (?)`, [now, now, rows.map((r) => r.id)]);
    purged += rows.length;
    if (rows.length < PAGE) return purged;
  }
}
