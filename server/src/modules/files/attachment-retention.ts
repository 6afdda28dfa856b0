import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileStore } from './file-store.js';

/** Attachments removed per statement: a backlog (a first run, a long pause) is worked off in several. */
const PAGE = 200;

/**
 * Removes the attachments nothing may keep (docs/operations.md, "Retention"): a file uploaded for an item that never
 * got it (`POST /files` from a form left unsent) after `unattachedHours`, and the files of items closed more than
 * `retentionYears` ago, whose applicants' personal data the nightly erasure has removed (a citizen's letter, a photo
 * of their yard: the item, its text and its history stay for the statistics). The stored bytes go first and the row
 * after, so a failure in between removes them again next time and no row is left without its bytes for long.
 * Returns how many of each were removed.
 */
export async function purgeAttachments(
  em: EntityManager,
  store: FileStore,
  now: Date,
  options: { unattachedHours: number; retentionYears: number },
): Promise<{ unattached: number; expired: number }> {
  const unattachedBefore = new Date(now.getTime() - options.unattachedHours * 60 * 60 * 1000);
  const closedBefore = new Date(now);
  closedBefore.setUTCFullYear(closedBefore.getUTCFullYear() - options.retentionYears);
  const connection = em.getConnection();
  const removed = { unattached: 0, expired: 0 };
  for (;;) {
    const rows: { id: string; storage_key: string; expired: boolean }[] = await connection.execute(
      `select a.id, a.storage_key, a.item_id is not null as expired from attachment a
         left join item i on i.id = a.item_id
        where (a.item_id is null and a.created_at < ?) or i.closed_at < ?
        limit ?`,
      [unattachedBefore, closedBefore, PAGE],
    );
    if (!rows.length) return removed;
    for (const row of rows) await store.remove(row.storage_key);
    await connection.execute(`delete from attachment where id in (?)`, [rows.map((r) => r.id)]);
    for (const row of rows) removed[row.expired ? 'expired' : 'unattached']++;
    if (rows.length < PAGE) return removed;
  }
}
