import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/index.js';
import { freePort } from './ports.js';
import { TextModels } from '../src/modules/text/model-service.js';
import { cacheTrainSplitModel } from '../src/modules/text/report.js';

export const TEMPLATE_DB = 'otklik_template';
export const TEST_PASSWORD = 'demo-password';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    testPassword: string;
  }
}


/**
 * One PostgreSQL for the whole run (DATABASE_URL if given, else embedded). The real migrations and the demo
 * district go once into a template database; every test file gets its own copy (test/db.ts).
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(join(tmpdir(), 'otklik-test-'));
    const server = await startEmbeddedPostgres(dataDir, await freePort());
    stopEmbedded = server.stop;
    adminUrl = server.url.replace(/\/otklik$/, '/postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();

  const orm = await openOrm(adminUrl.replace(/\/[^/]+$/, `/${TEMPLATE_DB}`));
  await migrate(orm);
  await seedDemoIfEmpty(orm, { password: TEST_PASSWORD });
  // The base text model, trained once (or read from the cache of an earlier run) and copied with the template: every
  // test server answers `classifyText` and reads new items from its first request.
  // Beside it, in a second worker thread, the train split's model that the classifier's evaluation test reads.
  const cacheDir = join(tmpdir(), 'otklik-text-models');
  await Promise.all([
    new TextModels(orm, { cacheDir, staffExampleWeight: 5, modelsInMemory: 1, now: () => new Date() }).ensureBase(),
    cacheTrainSplitModel(cacheDir),
  ]);
  await orm.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
  project.provide('testPassword', TEST_PASSWORD);

  return async () => {
    await stopEmbedded?.();
    if (dataDir) {
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((e: unknown) =>
        console.warn(`could not remove ${dataDir}: ${String(e)}`),
      );
    }
  };
}
