import type { Orm } from '../orm.js';
import { systemEm } from '../orm.js';
import { Municipality } from '../../modules/organisation/municipality.entity.js';
import { logger } from '../../shared/logger.js';
import { seedDemoAccounts, seedDistrict } from './district.js';
import { seedDemoItems } from './demo-items.js';

/**
 * Seeds the demo district on an empty database (no municipality yet), in one transaction. Later issues add
 * demo items here, after the accounts. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(orm: Orm, options: { password: string; items?: number; now?: Date }): Promise<boolean> {
  const em = systemEm(orm);
  if ((await em.count(Municipality, {})) > 0) return false;
  await em.transactional(async (tx) => {
    const district = seedDistrict(tx);
    await seedDemoAccounts(tx, district, options.password);
    await tx.flush();
    if (options.items) await seedDemoItems(tx, district.municipality, { count: options.items, now: options.now ?? new Date() });
  });
  logger.info('seeded the demo district');
  return true;
}
