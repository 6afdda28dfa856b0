import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { classify } from '../src/modules/text/classifier.js';
import { TextModels } from '../src/modules/text/model-service.js';
import { TextModelRecord } from '../src/modules/text/text-model.entity.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * A region's server answers for many municipalities, each of which may have its own retrained model (some 20 MB of
 * weights and a feature index each): a process keeps at most TEXT_MODELS_IN_MEMORY of them loaded, the least
 * recently used dropped and read again from the database when its municipality next asks.
 */

let t: TestApp;
const municipalities: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const em = systemEm(t.orm);
  const base = await em.findOneOrFail(TextModelRecord, { municipality: null, active: true }, { populate: ['data'] });
  await em.transactional(async (tx) => {
    const [seeded] = await tx.find(Municipality, {}, { limit: 1 });
    const all = [seeded!];
    for (const code of ['kalach', 'chernyshkov']) {
      all.push(tx.create(Municipality, { code, name: `Район ${code}`, shortName: code, regionName: 'Волгоградская область', timezone: 'Europe/Volgograd' }));
    }
    // Each municipality with a model of its own (the base model's weights under another version, as a retraining stores).
    for (const [k, m] of all.entries()) {
      tx.create(TextModelRecord, {
        municipality: m,
        version: `${base.version}-own-${k}`,
        baseVersion: base.version,
        active: true,
        trainedAt: new Date('2026-11-20T10:00:00Z'),
        examples: base.examples,
        data: base.data,
      });
      municipalities.push(m.id);
    }
  });
}, 180_000);
afterAll(async () => t?.stop());

describe('municipal text models in memory', () => {
  it('keeps at most TEXT_MODELS_IN_MEMORY loaded, drops the least recently used and reads it again when asked, answering the same', async () => {
    const models = new TextModels(t.orm, { cacheDir: join(tmpdir(), 'otklik-text-models'), staffExampleWeight: 5, modelsInMemory: 2, now: () => new Date() });
    await models.ensureBase();
    const [a, b, c] = municipalities as [string, string, string];
    const text = 'третий день нет воды во всём доме';

    const first = classify((await models.model(a))!, text);
    await models.model(b);
    expect([models.loadedCount(), models.reads]).toEqual([2, 2]);

    await models.model(a); // a is used again: b is now the least recently used
    await models.model(c); // a third: b is dropped
    expect([models.loadedCount(), models.reads]).toEqual([2, 3]);

    await models.model(a); // still loaded
    expect(models.reads).toBe(3);
    const again = classify((await models.model(b))!, text); // read again; c is dropped
    expect([models.loadedCount(), models.reads]).toEqual([2, 4]);
    expect(again).toEqual(first);
  }, 120_000);
});
