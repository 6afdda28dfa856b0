import { parentPort, workerData } from 'node:worker_threads';
import { trainHere, type TrainRequest } from './model-training.js';

// The body of the training worker (model-training.ts): one request in, the packed model out.
try {
  const result = trainHere(workerData as TrainRequest);
  parentPort!.postMessage({ ok: true, result });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
}
