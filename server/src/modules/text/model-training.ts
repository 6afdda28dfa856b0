import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { modelFromJSON, modelToJSON, train, type TextModel, type TextModelJSON, type TrainingExample, type TrainOptions } from './classifier.js';

/**
 * Training off the event loop: a model takes seconds to tens of seconds to train, and a server that trained on its own thread
 * would answer nobody meanwhile. `trainModel` runs `train` in a worker thread (model-train-worker.ts) and gives the
 * model back gzipped, as it is stored (text-model.entity.ts).
 */

/** What a retrained model keeps of the base model: its calibration (see docs/text.md, "Retraining"). */
export type Calibration = Pick<TextModel, 'temperature' | 'urgentStack' | 'urgentThreshold'>;

export type TrainRequest = {
  examples: TrainingExample[];
  options?: Partial<TrainOptions>;
  /** Carried into the trained model instead of fitting its own (a retraining trains without folds). */
  calibration?: Calibration;
  /** The version the model is stored under (model-service.ts adds the code's hash to the classifier's own). */
  version?: string;
};

export type TrainResult = { data: Buffer; version: string; examples: number; trainingMs: number };

/** A training ended because its server stopped (`trainModel`'s signal). */
export class TrainingStopped extends Error {
  constructor() {
    super('text model training stopped: the server is stopping');
    this.name = 'TrainingStopped';
  }
}

/** Trains in this thread (the worker's body; also for one-off tools that have nothing else to do). */
export function trainHere(request: TrainRequest): TrainResult {
  const started = performance.now();
  let model = train(request.examples, request.options);
  if (request.calibration) {
    model = {
      ...model,
      temperature: request.calibration.temperature,
      urgentStack: request.calibration.urgentStack,
      urgentThreshold: request.calibration.urgentThreshold,
    };
  }
  if (request.version) model = { ...model, version: request.version };
  const data = packModel(model);
  return { data, version: model.version, examples: model.examples, trainingMs: Math.round(performance.now() - started) };
}

export function packModel(model: TextModel): Buffer {
  return gzipSync(JSON.stringify(modelToJSON(model)));
}

export function unpackModel(data: Buffer): TextModel {
  return modelFromJSON(JSON.parse(gunzipSync(data).toString('utf8')) as TextModelJSON);
}

/**
 * The worker's file beside this one: `.js` when the server runs compiled, `.ts` when it runs from its sources (the
 * tests), which the worker then loads through the same TypeScript loader the scripts use.
 */
function workerTarget(): { url: URL; execArgv: string[] } {
  const own = import.meta.url;
  if (own.endsWith('.ts')) {
    return { url: new URL('./model-train-worker.ts', own), execArgv: ['--import', '@swc-node/register/esm-register'] };
  }
  return { url: new URL('./model-train-worker.js', own), execArgv: [] };
}

/**
 * Trains in a worker thread. An aborted `signal` (the server stopping) ends the worker at once and rejects with
 * `TrainingStopped`: nothing of that training is kept.
 */
export function trainModel(request: TrainRequest, signal?: AbortSignal): Promise<TrainResult> {
  const { url, execArgv } = workerTarget();
  if (signal?.aborted) return Promise.reject(new TrainingStopped());
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: request, execArgv });
    let settled = false;
    const abort = () => {
      if (settled) return;
      settled = true;
      reject(new TrainingStopped());
      void worker.terminate();
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', abort));
    worker.once('message', (m: { ok: true; result: TrainResult } | { ok: false; error: string }) => {
      settled = true;
      if (m.ok) resolve({ ...m.result, data: Buffer.from(m.result.data) });
      else reject(new Error(`text model training failed: ${m.error}`));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`text model training stopped (exit code ${code})`));
      settled = true;
    });
  });
}
