import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classify, train, type TextModel, type TrainingExample } from './classifier.js';
import { readCorpus } from './corpus.js';
import { lexiconExamples } from './corpus/lexicon.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { versionFor } from './model-service.js';
import { trainHere, trainModel, unpackModel } from './model-training.js';
import type { CorpusExample } from './text.types.js';

/** What the measured model trains on: the train split and the lexicon (which is in neither split). */
const trainSplit = (corpus: CorpusExample[]): TrainingExample[] => [
  ...corpus.filter((e) => e.split === 'train').map((e) => ({ ...e, group: e.provenance.seed })),
  ...lexiconExamples(),
];

/** Trains on the corpus's train split and evaluates on its test split: what the evaluation test and text:report run. */
export function trainAndEvaluate(corpus: CorpusExample[] = readCorpus()): { model: TextModel; evaluation: Evaluation; trainMs: number } {
  const started = performance.now();
  const model = train(trainSplit(corpus));
  const trainMs = performance.now() - started;
  return { model, evaluation: evaluate(model, corpus.filter((e) => e.split === 'test')), trainMs };
}

/**
 * The train split's model kept in a cache directory under its version (examples, options and the classifier's code,
 * as the server's models): `cacheTrainSplitModel` trains it in a worker thread unless it is there (the server tests'
 * global setup runs it beside the base model's training, one core each), and `evaluateCached` reads it, training it
 * here only when no run cached it, then evaluates on the test split. The same model as `trainAndEvaluate` trains.
 */
export async function cacheTrainSplitModel(cacheDir: string, corpus: CorpusExample[] = readCorpus()): Promise<void> {
  const examples = trainSplit(corpus);
  const file = join(cacheDir, `${versionFor(examples)}.json.gz`);
  if (await readFile(file).then(() => true, () => false)) return;
  const result = await trainModel({ examples });
  await storeIn(file, result.data);
}

export async function evaluateCached(
  cacheDir: string,
  corpus: CorpusExample[] = readCorpus(),
): Promise<{ model: TextModel; evaluation: Evaluation; trainMs: number | null }> {
  const examples = trainSplit(corpus);
  const file = join(cacheDir, `${versionFor(examples)}.json.gz`);
  let data: Buffer | null = await readFile(file).catch(() => null);
  let trainMs: number | null = null;
  if (!data) {
    const result = trainHere({ examples });
    data = result.data;
    trainMs = result.trainingMs;
    await storeIn(file, data);
  }
  const model = unpackModel(data);
  return { model, evaluation: evaluate(model, corpus.filter((e) => e.split === 'test')), trainMs };
}

async function storeIn(file: string, data: Uint8Array): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Milliseconds per classify over the given texts (after one warm-up pass): p50 and p95. */
export function classifyLatency(model: TextModel, texts: string[]): { p50: number; p95: number } {
  for (const t of texts) classify(model, t);
  const times = texts.map((t) => {
    const s = performance.now();
    classify(model, t);
    return performance.now() - s;
  });
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

const f3 = (x: number) => x.toFixed(3);

/** The figures as the markdown of docs/text.md's generated section. */
export function reportMarkdown(
  corpus: CorpusExample[],
  model: TextModel,
  e: Evaluation,
  timing: { trainMs: number | null; p50: number; p95: number },
): string {
  const L: string[] = [];
  const nTrain = corpus.filter((x) => x.split === 'train').length;
  L.push(`Model \`${model.version}\` trained on ${nTrain} examples of the train split and ${model.examples - nTrain} terms of the lexicon${timing.trainMs === null ? '' : ` in ${(timing.trainMs / 1000).toFixed(1)} s`} ` +
    `(${model.featureIndex.size} features, temperature ${model.temperature.toFixed(3)}, urgency threshold ${model.urgentThreshold.toFixed(3)}); ` +
    `evaluated on the ${e.n} examples of the test split. \`classify\`: p50 ${timing.p50.toFixed(3)} ms, p95 ${timing.p95.toFixed(3)} ms per text.`);
  L.push('');
  L.push('| figure | test split | issue 13 floor |');
  L.push('|---|---|---|');
  L.push(`| sector accuracy | ${f3(e.sectorAccuracy)} | 0.90 |`);
  L.push(`| sector macro-F1 | ${f3(e.sectorMacroF1)} | |`);
  L.push(`| category accuracy | ${f3(e.categoryAccuracy)} | 0.80 |`);
  L.push(`| category macro-F1 | ${f3(e.categoryMacroF1)} | |`);
  L.push(`| urgent recall | ${f3(e.urgent.recall)} (${e.urgent.truePositives} of ${e.urgent.support}) | 0.90 |`);
  L.push(`| urgent precision | ${f3(e.urgent.precision)} (${e.urgent.truePositives} of ${e.urgent.predicted} flagged) | |`);
  L.push(`| expected calibration error | ${f3(e.ece)} | |`);
  L.push('');
  L.push('By register:');
  L.push('');
  L.push('| register | examples | category accuracy | urgent recall |');
  L.push('|---|---|---|---|');
  for (const r of e.byRegister) L.push(`| ${r.register} | ${r.n} | ${f3(r.categoryAccuracy)} | ${r.urgentRecall === null ? '—' : f3(r.urgentRecall)} |`);
  L.push('');
  L.push('Calibration (the category\'s confidence against how often it was right):');
  L.push('');
  L.push('| confidence | answers | mean confidence | right |');
  L.push('|---|---|---|---|');
  for (const b of e.calibration) L.push(`| ${b.from.toFixed(2)}–${b.to.toFixed(2)} | ${b.count} | ${b.count ? f3(b.meanConfidence) : '—'} | ${b.count ? f3(b.accuracy) : '—'} |`);
  L.push('');
  L.push('Most confused pairs (actual → answered):');
  L.push('');
  L.push('| actual | answered | times |');
  L.push('|---|---|---|');
  for (const p of e.confusedPairs) L.push(`| ${p.actual} | ${p.predicted} | ${p.count} |`);
  L.push('');
  L.push('Per sector:');
  L.push('');
  L.push('| sector | test examples | precision | recall | F1 |');
  L.push('|---|---|---|---|---|');
  for (const s of e.sectors) L.push(`| ${s.code} | ${s.support} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} |`);
  L.push('');
  L.push('Per category:');
  L.push('');
  L.push('| category | test examples | precision | recall | F1 |');
  L.push('|---|---|---|---|---|');
  for (const c of e.categories) L.push(`| ${c.code} | ${c.support} | ${f3(c.precision)} | ${f3(c.recall)} | ${f3(c.f1)} |`);
  L.push('');
  L.push('The corpus: examples per category and register (train / test), urgent examples, seed clauses:');
  L.push('');
  L.push('| category | formal | operator | social | indirect | urgent | seeds | train | test |');
  L.push('|---|---|---|---|---|---|---|---|---|');
  const codes = [...new Set(corpus.map((x) => x.categoryCode))].sort();
  const count = (xs: CorpusExample[], p: (x: CorpusExample) => boolean) => xs.filter(p).length;
  for (const code of [...codes, 'all']) {
    const mine = code === 'all' ? corpus : corpus.filter((x) => x.categoryCode === code);
    const regs = (['formal', 'operator', 'social', 'indirect'] as const).map((r) => count(mine, (x) => x.register === r));
    const seeds = new Set(mine.map((x) => x.provenance.seed)).size;
    L.push(`| ${code} | ${regs.join(' | ')} | ${count(mine, (x) => x.urgent)} | ${seeds} | ${count(mine, (x) => x.split === 'train')} | ${count(mine, (x) => x.split === 'test')} |`);
  }
  return L.join('\n');
}
