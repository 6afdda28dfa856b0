import PgBoss from 'pg-boss';
import type { Orm } from '../db/orm.js';
import { systemEm } from '../db/orm.js';
import type { AppPubSub } from '../graphql/pubsub.js';
import { logger, safeError } from '../shared/logger.js';
import { anonymiseExpired, closeUnrated, scanDeadlines } from './deadline-jobs.js';

export const QUEUES = { deadlineScan: 'deadline-scan', closeUnrated: 'close-unrated', anonymise: 'anonymise-expired' } as const;

export type Scheduler = { boss: PgBoss; stop: () => Promise<void> };

/**
 * The durable scheduler: pg-boss keeps its jobs and cron schedules in PostgreSQL (schema `pgboss`), so they
 * survive a restart, and each scheduled run is taken by one server instance only.
 */
export async function startScheduler(deps: { orm: Orm; databaseUrl: string; now: () => Date; pubsub: AppPubSub }): Promise<Scheduler> {
  const boss = new PgBoss({ connectionString: deps.databaseUrl, schema: 'pgboss', max: 4, application_name: 'otklik-jobs' });
  let stopping = false;
  // While the process stops, the embedded PostgreSQL may go first (its own exit hook): those errors are expected.
  boss.on('error', (e) => !stopping && logger.error('scheduler error', safeError(e)));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { name, policy: 'singleton' } as never).catch(() => undefined);
  }
  await boss.schedule(QUEUES.deadlineScan, '* * * * *');
  await boss.schedule(QUEUES.closeUnrated, '*/15 * * * *');
  await boss.schedule(QUEUES.anonymise, '30 2 * * *');
  await boss.work(QUEUES.deadlineScan, async () => {
    const r = await scanDeadlines(systemEm(deps.orm), deps.now(), deps.pubsub);
    if (r.dueSoon || r.overdue) logger.info('deadline scan', r);
  });
  await boss.work(QUEUES.closeUnrated, async () => {
    const n = await closeUnrated(systemEm(deps.orm), deps.now(), deps.pubsub);
    if (n) logger.info(`closed ${n} unrated items`);
  });
  await boss.work(QUEUES.anonymise, async () => {
    const n = await anonymiseExpired(systemEm(deps.orm), deps.now());
    if (n) logger.info(`erased the personal data of ${n} items closed more than 5 years ago`);
  });
  return {
    boss,
    stop: () => {
      stopping = true;
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
