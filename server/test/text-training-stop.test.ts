import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { TextModels } from '../src/modules/text/model-service.js';
import { TrainingStopped } from '../src/modules/text/model-training.js';
import { TextModelRecord } from '../src/modules/text/text-model.entity.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * A model trains in a worker thread for tens of seconds. A server that stops (a deploy, SIGTERM) must not leave it
 * running: the training ends with the server and stores nothing.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 180_000);
afterAll(async () => t?.stop());

describe('a training when the server stops', () => {
  it('a retraining under way ends when the text models stop: the call rejects with TrainingStopped, nothing trains any more and no model is stored', async () => {
    const models = new TextModels(t.orm, { cacheDir: join(tmpdir(), 'otklik-text-models'), staffExampleWeight: 5, modelsInMemory: 2, now: () => new Date() });
    await models.ensureBase();
    const [municipality] = await systemEm(t.orm).find(Municipality, {}, { limit: 1 });

    const retraining = models.retrain(municipality!.id, null);
    const outcome = retraining.then(() => 'stored', (e: unknown) => e);
    await vi.waitFor(() => expect(models.trainingsUnderway).toBe(1), { timeout: 30_000 });
    models.stop();

    expect(await outcome).toBeInstanceOf(TrainingStopped);
    expect(models.trainingsUnderway).toBe(0);
    expect(models.isRetraining(municipality!.id)).toBe(false);
    expect(await systemEm(t.orm).count(TextModelRecord, { municipality: municipality!.id })).toBe(0);
    // And a retraining asked for after the stop is refused at once.
    await expect(models.retrain(municipality!.id, null)).rejects.toBeInstanceOf(TrainingStopped);
  }, 120_000);
});
