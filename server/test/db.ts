import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openOrm, type Orm } from '../src/db/orm.js';

/** A fresh database for one test file, copied from the migrated and seeded template. */
export async function createTestDatabase(): Promise<{ url: string; orm: Orm; drop: () => Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `otklik_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]+$/, `/${name}`);
  const orm = await openOrm(url);
  return {
    url,
    orm,
    drop: async () => {
      await orm.close();
      const a = new pg.Client({ connectionString: adminUrl });
      a.on('error', () => undefined);
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
