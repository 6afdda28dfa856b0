import { calendarFor } from '../modules/calendar/calendar.service.js';
import { measureSpeed } from '../modules/items/deadlines.js';
import { Item } from '../modules/items/item.entity.js';
import { systemEm, type Orm } from './orm.js';

const BATCH = 500;

/**
 * Data that a migration adds but only the domain code can compute: the speed of items answered before the
 * columns existed (working days and hours need the municipality's calendar). Idempotent; runs at start-up and
 * does nothing once done. Returns how many items it measured.
 */
export async function backfillSpeed(orm: Orm, now = new Date()): Promise<number> {
  let done = 0;
  for (;;) {
    const em = systemEm(orm);
    const items = await em.find(
      Item,
      {
        $or: [
          { answeredAt: { $ne: null }, answerWorkingDays: null },
          { firstReactionAt: { $ne: null }, firstReactionWorkingHours: null },
        ],
      },
      { limit: BATCH, orderBy: { id: 'asc' } },
    );
    if (!items.length) return done;
    for (const item of items) measureSpeed(item, await calendarFor(em, item.municipality.id, now.getTime()));
    await em.flush();
    done += items.length;
  }
}
