import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import type { ModelStatus } from '../src/modules/text/model-service.js';
import { retrainWithNewExamples } from '../src/modules/text/text-jobs.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * The nightly retraining's choice (modules/text/text-jobs.ts) over the real database: a municipality is retrained when
 * its staff classified more texts than its model learnt from. The training itself is the model service's (its own
 * test, text.test.ts, retrains for real); here it is recorded, not run.
 */

let t: TestApp;
let municipalityId: string;

beforeAll(async () => {
  t = await startTestApp();
  const pos = await t.signInAs('pos_operator');
  const created = await t.gql<{ createItem: { id: string; version: number } }>(
    'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
    { i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, text: 'во дворе третий день не горят фонари, темно и страшно ходить' } },
    pos,
  );
  const { id, version } = created.data!.createItem;
  const classified = await t.gql('mutation($id: ID!, $v: Int!) { classifyItem(id: $id, version: $v, input: { categoryCode: "LAND_LIGHTING", urgent: false }) { id } }', { id, v: version }, pos);
  expect(classified.errors).toBeUndefined();
  const [row] = await systemEm(t.orm).getConnection().execute<{ municipality_id: string }[]>('select municipality_id from text_example limit 1');
  municipalityId = row!.municipality_id;
});
afterAll(async () => t?.stop());

const status = (staffExamples: number): ModelStatus => ({
  version: 'v',
  baseVersion: 'v',
  trainedAt: new Date('2026-11-30T00:00:00Z'),
  trainedById: null,
  examples: 16_000,
  staffExamples,
  trainingMs: 1,
  municipal: staffExamples > 0,
});

describe('the nightly retraining', () => {
  it('retrains a municipality whose staff classified a text since its model, and only it', async () => {
    const retrain = vi.fn(async () => status(1));
    const done = await retrainWithNewExamples(systemEm(t.orm), { status: async () => status(0), retrain, isRetraining: () => false });
    expect(done).toEqual([municipalityId]);
    expect(retrain).toHaveBeenCalledTimes(1);
    expect(retrain).toHaveBeenCalledWith(municipalityId, null);
  });

  it('leaves a municipality whose model learnt every example, one being retrained now, and one without a model yet', async () => {
    const retrain = vi.fn(async () => status(1));
    const em = systemEm(t.orm);
    expect(await retrainWithNewExamples(em, { status: async () => status(1), retrain, isRetraining: () => false })).toEqual([]);
    expect(await retrainWithNewExamples(em, { status: async () => status(0), retrain, isRetraining: () => true })).toEqual([]);
    expect(await retrainWithNewExamples(em, { status: async () => null, retrain, isRetraining: () => false })).toEqual([]);
    expect(retrain).not.toHaveBeenCalled();
  });

  it('logs a failed retraining and does not count it as done, without failing the job', async () => {
    const retrain = vi.fn(async () => {
      throw new Error('out of memory');
    });
    expect(await retrainWithNewExamples(systemEm(t.orm), { status: async () => status(0), retrain, isRetraining: () => false })).toEqual([]);
    expect(retrain).toHaveBeenCalledTimes(1);
  });
});
