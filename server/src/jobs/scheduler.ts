import { createRequire } from 'node:module';
import type { TextUnderstanding } from '../modules/text/proposal.js';
import PgBoss from 'pg-boss';
import type { Orm } from '../db/orm.js';
import { systemEm } from '../db/orm.js';
import { logger, safeError } from '../shared/logger.js';
import { anonymiseExpired, closeUnrated, RETENTION_YEARS, scanDeadlines } from './deadline-jobs.js';
import { purgeAttachments } from '../modules/files/attachment-retention.js';
import { retrainWithNewExamples } from '../modules/text/text-jobs.js';
import { scanProblemMeasures } from '../modules/problems/problem-jobs.js';
import { scanSpikes } from '../modules/spikes/spike-scan.js';
import { DEFAULT_SPIKE_SETTINGS } from '../modules/spikes/spike-model.js';
import { refreshDays, refreshMonths } from '../modules/kpi/kpi-rollup.js';
import { purgeLiveEvents } from '../modules/live/live-bus.js';
import { purgeThrottle } from '../modules/auth/sign-in-throttle.js';
import { runScheduledReports } from '../modules/reports/report.service.js';
import type { Config } from '../config.js';
import { startImportJobs } from '../modules/imports/import-job.js';
import { startWebhookJobs, type WebhookJobs } from '../modules/webhooks/webhook-jobs.js';
import { purgeImportFiles } from '../modules/imports/import-retention.js';
import { purgeWebhookDeliveries } from '../modules/webhooks/webhook-retention.js';
import { LocalFileStore } from '../modules/files/file-store.js';

export const QUEUES = {
  deadlineScan: 'deadline-scan',
  closeUnrated: 'close-unrated',
  anonymise: 'anonymise-expired',
  kpiRollups: 'kpi-rollups',
  liveEventsPurge: 'live-events-purge',
  problemMeasureScan: 'problem-measure-scan',
  reports: 'scheduled-reports',
  importSweep: 'import-sweep',
  spikeScan: 'spike-scan',
  retention: 'retention-purge',
  textRetrain: 'text-retrain',
} as const;

export type Scheduler = { boss: PgBoss; webhooks: WebhookJobs | null; stop: () => Promise<void> };

const HANDLED = Symbol.for('otklik.pg-boss.job-ends-handled');

/**
 * pg-boss 10 records the end of a job it ran (`complete`, or `fail` when the handler threw) without awaiting it
 * (its manager's `watch`): when the database goes away just then — a job running as PostgreSQL shuts down or is
 * killed — that rejection is unhandled and Node ends the whole server ("terminating connection due to
 * administrator command", "the database system is shutting down"; timgit/pg-boss#577). Here such a failure is
 * emitted as the scheduler's 'error' instead (logged below); callers that await these still get the rejection.
 * The job stays active until it expires and is then retried, as after any lost connection.
 */
function handleUnawaitedJobEnds(): void {
  const Manager = createRequire(import.meta.url)('pg-boss/src/manager.js') as { prototype: Record<string | symbol, unknown> };
  const proto = Manager.prototype;
  if (proto[HANDLED]) return;
  for (const name of ['complete', 'fail']) {
    const original = proto[name];
    if (typeof original !== 'function') {
      logger.warn(`scheduler: pg-boss has no ${name} to guard; a database lost under a job may end the process`);
      continue;
    }
    proto[name] = function (this: { emit: (event: string, e: unknown) => boolean }, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      result.catch((e: unknown) => this.emit('error', e));
      return result;
    };
  }
  proto[HANDLED] = true;
}

/**
 * The durable scheduler: pg-boss keeps its jobs and cron schedules in PostgreSQL (schema `pgboss`), so they
 * survive a restart, and each scheduled run is taken by one server instance only.
 */
export async function startScheduler(deps: { orm: Orm; databaseUrl: string; now: () => Date; text?: TextUnderstanding; config?: Pick<Config, 'filesDir'> & Partial<Pick<Config, 'liveRetentionHours' | 'webhooks' | 'spikes' | 'importFileRetentionDays' | 'webhookDeliveryRetentionDays' | 'unattachedFileRetentionHours'>> }): Promise<Scheduler> {
  handleUnawaitedJobEnds();
  const boss = new PgBoss({ connectionString: deps.databaseUrl, schema: 'pgboss', max: 4, application_name: 'otklik-jobs' });
  let stopping = false;
  // Every error of pg-boss (its polling, its cron, a job's end it could not record) is logged, never thrown: the
  // database being away is noticed and answered elsewhere (db/db-watch.ts). While stopping, none is worth a line.
  boss.on('error', (e) => !stopping && logger.error('scheduler error', safeError(e)));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // The nightly retraining may take a while (seconds per municipality, more on a slow machine): not given up as
    // stuck after pg-boss's default quarter of an hour.
    const expiry = name === QUEUES.textRetrain ? { expireInSeconds: 4 * 3600 } : {};
    await boss.createQueue(name, { name, policy: 'singleton', ...expiry } as never).catch(() => undefined);
  }
  await boss.schedule(QUEUES.deadlineScan, '* * * * *');
  await boss.schedule(QUEUES.closeUnrated, '*/15 * * * *');
  await boss.schedule(QUEUES.anonymise, '30 2 * * *');
  await boss.schedule(QUEUES.problemMeasureScan, '*/5 * * * *');
  await boss.schedule(QUEUES.kpiRollups, '* * * * *');
  await boss.schedule(QUEUES.liveEventsPurge, '*/10 * * * *');
  // Hourly: each municipality's weekly report once its Monday 06:00 local has passed, the monthly once the 1st 06:00.
  await boss.schedule(QUEUES.reports, '7 * * * *');
  // Imports nobody holds (a worker stopped or died) are sent again (modules/imports/import-job.ts).
  await boss.schedule(QUEUES.importSweep, '* * * * *');
  await boss.schedule(QUEUES.spikeScan, '* * * * *');
  await boss.schedule(QUEUES.retention, '50 2 * * *');
  await boss.schedule(QUEUES.textRetrain, '40 23 * * *');
  await boss.work(QUEUES.deadlineScan, async () => {
    const r = await scanDeadlines(systemEm(deps.orm), deps.now());
    if (r.dueSoon || r.overdue) logger.info('deadline scan', r);
  });
  await boss.work(QUEUES.closeUnrated, async () => {
    const n = await closeUnrated(systemEm(deps.orm), deps.now());
    if (n) logger.info(`closed ${n} unrated items`);
  });
  await boss.work(QUEUES.anonymise, async () => {
    const n = await anonymiseExpired(systemEm(deps.orm), deps.now());
    if (n) logger.info(`erased the personal data of ${n} items closed more than 5 years ago`);
  });
  // Readers rebuild the stale days of their period themselves; this keeps the backlog small (a minute's worth).
  await boss.work(QUEUES.kpiRollups, async () => {
    const em = systemEm(deps.orm);
    let days = 0;
    for (let n = -1; n !== 0 && days < 20_000; days += n) n = await refreshDays(em, { limit: 31 });
    let months = 0;
    for (let n = -1; n !== 0 && months < 1_000; months += n) n = await refreshMonths(em, { limit: 3 });
    if (days || months) logger.debug(`rebuilt the KPI rollups of ${days} days and ${months} months`);
  });
  // Webhooks (modules/webhooks): deliveries made from the live events, sent by their own workers.
  const webhooks: WebhookJobs | null = deps.config?.webhooks ? await startWebhookJobs({ boss, orm: deps.orm, now: deps.now, settings: deps.config.webhooks }) : null;
  // Live events are kept for clients that reconnect with a cursor (modules/live), then dropped; so are old sign-in failures.
  // Those not yet made into webhook deliveries are kept until they are.
  await boss.work(QUEUES.liveEventsPurge, async () => {
    const n = await purgeLiveEvents(systemEm(deps.orm), deps.now(), deps.config?.liveRetentionHours ?? 3, webhooks ? 'webhook_dispatch' : undefined);
    if (n) logger.debug(`dropped ${n} live events older than the retention`);
    // Sign-in failures are forgotten after an hour (modules/auth/sign-in-throttle.ts).
    await purgeThrottle(systemEm(deps.orm), deps.now());
  });
  // What is kept only for a while (docs/operations.md, "Retention"): uploaded import files and attachments (with a
  // configured file store) and finished webhook deliveries.
  await boss.work(QUEUES.retention, async () => {
    const em = systemEm(deps.orm);
    const store = deps.config ? new LocalFileStore(deps.config.filesDir) : null;
    const files = store ? await purgeImportFiles(em, store, deps.now(), deps.config!.importFileRetentionDays ?? 30) : 0;
    const attachments = store
      ? await purgeAttachments(em, store, deps.now(), { unattachedHours: deps.config!.unattachedFileRetentionHours ?? 24, retentionYears: RETENTION_YEARS })
      : { unattached: 0, expired: 0 };
    const deliveries = await purgeWebhookDeliveries(em, deps.now(), deps.config?.webhookDeliveryRetentionDays ?? 30);
    if (files || attachments.unattached || attachments.expired || deliveries) {
      logger.info('retention', { importFiles: files, unattachedFiles: attachments.unattached, expiredAttachments: attachments.expired, webhookDeliveries: deliveries });
    }
  });
  // Every night (02:40 in Moscow's time), the text models of the municipalities whose staff corrected the machine
  // since, retrained with those corrections (modules/text/text-jobs.ts). Only where the server reads texts.
  await boss.work(QUEUES.textRetrain, async () => {
    if (!deps.text) return;
    const retrained = await retrainWithNewExamples(systemEm(deps.orm), deps.text.models);
    if (retrained.length) logger.info(`retrained the text models of ${retrained.length} municipalities with their staff's corrections`);
  });
  // Measures of the problems' plans past their due date: once per measure and due date (modules/problems).
  await boss.work(QUEUES.problemMeasureScan, async () => {
    const r = await scanProblemMeasures(systemEm(deps.orm), deps.now());
    if (r.overdue) logger.info('problem measure scan', r);
  });
  // Spikes of one category in one settlement against its history: alerted once, their items to a problem (modules/spikes).
  await boss.work(QUEUES.spikeScan, async () => {
    const r = await scanSpikes(systemEm(deps.orm), deps.now(), deps.config?.spikes ?? DEFAULT_SPIKE_SETTINGS);
    if (r.alerted || r.linked) logger.info('spike scan', r);
  });
  // Weekly and monthly reports (modules/reports): idempotent, one per municipality, kind and period.
  await boss.work(QUEUES.reports, async () => {
    // Reports are files: without a configured file store (a scheduler started on its own, as in tests) none is made.
    if (!deps.config) return;
    const r = await runScheduledReports({ orm: deps.orm, now: deps.now, config: deps.config });
    if (r.generated) logger.info(`generated ${r.generated} scheduled reports`);
  });
  // Bulk imports (modules/imports): they read their files from the file store, so only with a configured one.
  const imports = deps.config ? await startImportJobs({ boss, orm: deps.orm, now: deps.now, config: deps.config, sweepQueue: QUEUES.importSweep, text: deps.text }) : null;
  return {
    boss,
    webhooks,
    stop: async () => {
      stopping = true;
      imports?.stop();
      await webhooks?.stop();
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
