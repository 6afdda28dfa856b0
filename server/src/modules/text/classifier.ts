import { createHash } from 'node:crypto';
import { examplesHash } from './corpus.js';
import { extractFeatures, type FeatureOptions } from './features.js';
import type { LabelledText } from './text.types.js';
import { URGENT_PATTERN_REASONS, urgentPatterns, type UrgentReason } from './urgency.js';

/**
 * The text classifier of issue 13: a multinomial logistic regression over Snowball stems, stem bigrams and
 * character n-grams gives the category (the sector is the sector with the most probability); a temperature fitted
 * on out-of-fold answers makes its confidence calibrated; a second, binary logistic regression over the same
 * features scores urgency, and a small regression stacked on out-of-fold answers weighs that score with the predicted
 * category and the reason patterns, with a threshold chosen for recall. Pure functions, no database:
 * `train(examples, options)` gives a model, `classify(model, text)` uses it, `modelToJSON`/`modelFromJSON` store it.
 * Why this model: docs/decisions.md; its figures: docs/text.md.
 */

export type TrainOptions = FeatureOptions & {
  /** A feature seen in fewer training texts than this is dropped. */
  minDf: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Folds (by group) for the out-of-fold answers that fit the temperature and the urgency threshold; 0 for none. */
  folds: number;
  /** The recall of urgency wanted on out-of-fold answers; the threshold is the highest that reaches it. */
  urgentRecall: number;
  /** How much more an urgent example weighs than another in the urgency model. */
  urgentWeight: number;
  /** The L2 penalty of the urgency decision stacked on the urgency model, the category and the patterns. */
  urgentStackL2: number;
  /** The urgency model learns slower than the category model, so that its out-of-fold probabilities stay graded. */
  urgentLearningRate: number;
  seed: number;
  /**
   * How much each kind of feature weighs (multiplies its idf): stems `w`, stem pairs `b`, character n-grams `c`.
   * A word gives one stem and a dozen n-grams; weighing the stem more kept the n-grams from drowning it.
   */
  featureWeights: { w: number; b: number; c: number };
};

export const DEFAULT_OPTIONS: TrainOptions = {
  charNgrams: [3, 5],
  wordBigrams: true,
  minDf: 2,
  epochs: 10,
  learningRate: 3,
  l2: 1e-5,
  folds: 3,
  urgentRecall: 0.95,
  urgentWeight: 3,
  urgentStackL2: 1e-3,
  urgentLearningRate: 0.06,
  seed: 13,
  featureWeights: { w: 4, b: 2, c: 1 },
};

/**
 * A training example; `group` keeps examples written from one seed together when folds are drawn. A `lexicon` example
 * is a term of the lexicon (corpus/lexicon.ts), not a text: it teaches the category model what the term points to and
 * nothing else; the urgency model, the categories' urgent shares and the out-of-fold calibration skip it.
 */
export type TrainingExample = LabelledText & { group?: string; lexicon?: boolean };

export type Classification = {
  sectorCode: string;
  sectorConfidence: number;
  categoryCode: string;
  /** Calibrated probability that the category is right. */
  confidence: number;
  /** The next categories, most probable first, with their probability. */
  alternatives: { categoryCode: string; sectorCode: string; confidence: number }[];
  urgent: boolean;
  /** The urgency model's probability (before the threshold). */
  urgentScore: number;
  urgentReasons: UrgentReason[];
  modelVersion: string;
};

export type TextModel = {
  version: string;
  trainedOnHash: string;
  examples: number;
  options: TrainOptions;
  categories: { code: string; sectorCode: string }[];
  featureIndex: Map<string, number>;
  /** The inverse document frequency of each feature in the training texts. */
  idf: Float32Array;
  /** features × categories, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  temperature: number;
  urgentWeights: Float32Array;
  urgentBias: number;
  /** The share of urgent training examples in each category (same order as `categories`). */
  urgentRate: Float32Array;
  /** The urgency decision's weights over `urgencyInputs` (stacked on out-of-fold answers). */
  urgentStack: Float32Array;
  urgentThreshold: number;
};

/** A value with its objects' keys in order, at every depth: the same options give the same JSON. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** A model's version: the hash of what it was trained on and how, so the same corpus and options give the same one. */
export function modelVersion(trainedOnHash: string, options: TrainOptions): string {
  const canonical = JSON.stringify(sortedKeys(options));
  return `text-${createHash('sha256').update(trainedOnHash).update(canonical).digest('hex').slice(0, 12)}`;
}

// ---- vectors ------------------------------------------------------------------------------------------------------

type Vector = { idx: Int32Array; val: Float32Array };

/** A text's features as a sparse vector: each known feature weighs its idf, and the vector has length 1. */
function vectorize(features: Iterable<string>, index: Map<string, number>, idf: Float32Array): Vector {
  const ids: number[] = [];
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) ids.push(i);
  }
  const idx = Int32Array.from(ids);
  const val = Float32Array.from(idx, (i) => idf[i]!);
  let norm = 0;
  for (const x of val) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k]! /= norm;
  return { idx, val };
}

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

// ---- the two regressions ----------------------------------------------------------------------------------------

function scoresInto(out: Float32Array, v: Vector, weights: Float32Array, bias: Float32Array): void {
  const C = bias.length;
  out.set(bias);
  for (let k = 0; k < v.idx.length; k++) {
    const base = v.idx[k]! * C;
    const x = v.val[k]!;
    for (let c = 0; c < C; c++) out[c]! += weights[base + c]! * x;
  }
}

function softmaxInPlace(s: Float32Array | Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let c = 0; c < s.length; c++) if (s[c]! > max) max = s[c]!;
  let sum = 0;
  for (let c = 0; c < s.length; c++) {
    s[c] = Math.exp((s[c]! - max) / temperature);
    sum += s[c]!;
  }
  for (let c = 0; c < s.length; c++) s[c]! /= sum;
}

/**
 * Multinomial logistic regression by SGD. Each step decays the rows of the text's features (L2) and moves them by
 * the gradient; a row is kept as a scale times stored weights (`scale[j]`), so its decay is one multiplication and
 * not one per category, and the gradient moves only the categories whose probability error is above
 * `GRADIENT_FLOOR` (on the corpus about 6 of the 46 a step, on average). The same steps as the dense form,
 * but for those negligible moves.
 */
const GRADIENT_FLOOR = 1e-3;

function trainSoftmax(vectors: Vector[], labels: Int32Array, F: number, C: number, o: TrainOptions) {
  const weights = new Float32Array(F * C);
  const scale = new Float64Array(F).fill(1);
  const bias = new Float32Array(C);
  const p = new Float32Array(C);
  const moving = new Int32Array(C);
  const random = seededRandom(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / Math.sqrt(1 + epoch);
    const decay = 1 - lr * o.l2;
    for (const d of shuffled(vectors.length, random)) {
      const v = vectors[d]!;
      const idx = v.idx;
      const val = v.val;
      p.set(bias);
      for (let k = 0; k < idx.length; k++) {
        const j = idx[k]!;
        const base = j * C;
        const x = val[k]! * scale[j]!;
        for (let c = 0; c < C; c++) p[c]! += weights[base + c]! * x;
      }
      softmaxInPlace(p);
      p[labels[d]!]! -= 1;
      let n = 0;
      for (let c = 0; c < C; c++) if (p[c]! > GRADIENT_FLOOR || p[c]! < -GRADIENT_FLOOR) moving[n++] = c;
      for (let k = 0; k < idx.length; k++) {
        const j = idx[k]!;
        const base = j * C;
        let s = scale[j]! * decay;
        if (s < 1e-6) {
          // Fold a scale grown too small into the stored row before it loses precision.
          for (let c = 0; c < C; c++) weights[base + c]! *= s;
          s = 1;
        }
        scale[j] = s;
        const step = (lr * val[k]!) / s;
        for (let m = 0; m < n; m++) {
          const c = moving[m]!;
          weights[base + c]! -= step * p[c]!;
        }
      }
      for (let m = 0; m < n; m++) bias[moving[m]!]! -= lr * p[moving[m]!]!;
    }
  }
  for (let j = 0; j < F; j++) {
    const s = scale[j]!;
    if (s === 1) continue;
    const base = j * C;
    for (let c = 0; c < C; c++) weights[base + c]! *= s;
  }
  return { weights, bias };
}

function trainBinary(vectors: Vector[], labels: Uint8Array, F: number, o: TrainOptions) {
  const weights = new Float32Array(F);
  let bias = 0;
  const random = seededRandom(o.seed + 1);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const d of shuffled(vectors.length, random)) {
      const lr = o.urgentLearningRate / Math.sqrt(1 + epoch);
      const v = vectors[d]!;
      const z = binaryScore(v, weights, bias);
      const y = labels[d]!;
      const g = (1 / (1 + Math.exp(-z)) - y) * (y ? o.urgentWeight : 1);
      for (let k = 0; k < v.idx.length; k++) {
        const i = v.idx[k]!;
        weights[i]! -= lr * (g * v.val[k]! + o.l2 * weights[i]!);
      }
      bias -= lr * g;
    }
  }
  return { weights, bias };
}

function binaryScore(v: Vector, weights: Float32Array, bias: number): number {
  let z = bias;
  for (let k = 0; k < v.idx.length; k++) z += weights[v.idx[k]!]! * v.val[k]!;
  return z;
}

// ---- calibration ----------------------------------------------------------------------------------------------------

/** The temperature that minimises the log-loss of out-of-fold scores (golden-section search over log T). */
function fitTemperature(scores: Float32Array[], labels: Int32Array): number {
  const nll = (t: number) => {
    let sum = 0;
    const p = new Float64Array(scores[0]!.length);
    for (let i = 0; i < scores.length; i++) {
      p.set(scores[i]!);
      softmaxInPlace(p, t);
      sum -= Math.log(Math.max(p[labels[i]!]!, 1e-12));
    }
    return sum;
  };
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** The highest threshold at which the out-of-fold urgency probabilities reach the wanted recall. */
function urgentThresholdFor(probabilities: number[], labels: Uint8Array, recall: number): number {
  const positives = probabilities.filter((_, i) => labels[i]).sort((a, b) => b - a);
  if (!positives.length) return 0.5;
  const k = Math.min(positives.length - 1, Math.ceil(recall * positives.length) - 1);
  return Math.min(0.5, positives[Math.max(0, k)]!);
}

// ---- the urgency decision ------------------------------------------------------------------------------------------

/**
 * What the urgency decision weighs: the urgency model's score (as a logit), how likely the predicted categories are
 * to be urgent (Σ p(category) × the category's share of urgent training texts, as a log), whether the text speaks of
 * planned work, a past outage or a bill, and which reason patterns occur. A small logistic regression over these,
 * fitted on out-of-fold answers, lets the category vouch for urgency: "горит" in a fire and in a street lamp.
 */
function urgencyInputs(urgentScore: number, p: Float32Array, urgentRate: Float32Array, patterns: ReturnType<typeof urgentPatterns>): Float64Array {
  const x = new Float64Array(4 + URGENT_PATTERN_REASONS.length);
  const u = Math.min(1 - 1e-6, Math.max(1e-6, urgentScore));
  let rate = 0;
  for (let c = 0; c < p.length; c++) rate += p[c]! * urgentRate[c]!;
  x[0] = 1;
  x[1] = Math.log(u / (1 - u));
  x[2] = Math.log(rate + 1e-3);
  x[3] = patterns.mitigated ? 1 : 0;
  URGENT_PATTERN_REASONS.forEach((r, k) => (x[4 + k] = patterns.reasons.includes(r) ? 1 : 0));
  return x;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: Float32Array | Float64Array, x: Float64Array) => x.reduce((s, v, k) => s + v * w[k]!, 0);

/** Full-batch gradient descent of a weighted logistic regression over a few dense inputs. */
function fitStack(xs: Float64Array[], labels: Uint8Array, positiveWeight: number, l2: number): Float32Array {
  const D = xs[0]!.length;
  const w = new Float64Array(D);
  const total = labels.reduce((s, y) => s + (y ? positiveWeight : 1), 0);
  for (let it = 0; it < 400; it++) {
    const g = new Float64Array(D);
    xs.forEach((x, i) => {
      const y = labels[i]!;
      const d = (sigmoid(dot(w, x)) - y) * (y ? positiveWeight : 1);
      for (let k = 0; k < D; k++) g[k]! += d * x[k]!;
    });
    for (let k = 0; k < D; k++) w[k]! -= 0.5 * (g[k]! / total + (k ? l2 * w[k]! : 0));
  }
  return Float32Array.from(w);
}

// ---- training -----------------------------------------------------------------------------------------------------

export function train(examples: readonly TrainingExample[], options: Partial<TrainOptions> = {}): TextModel {
  const o: TrainOptions = { ...DEFAULT_OPTIONS, ...options };
  if (!examples.length) throw new Error('train: no examples');
  const categoryCodes = [...new Set(examples.map((e) => e.categoryCode))].sort();
  const sectorOf = new Map(examples.map((e) => [e.categoryCode, e.sectorCode]));
  const classOf = new Map(categoryCodes.map((c, i) => [c, i]));
  const featureSets = examples.map((e) => extractFeatures(e.text, o));
  const labels = Int32Array.from(examples, (e) => classOf.get(e.categoryCode)!);
  const urgentLabels = Uint8Array.from(examples, (e) => (e.urgent ? 1 : 0));
  const C = categoryCodes.length;

  const fit = (rows: number[]) => {
    const df = new Map<string, number>();
    for (const r of rows) for (const f of featureSets[r]!) df.set(f, (df.get(f) ?? 0) + 1);
    const index = new Map<string, number>();
    const idfs: number[] = [];
    for (const [f, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (n < o.minDf) continue;
      index.set(f, index.size);
      idfs.push((Math.log((rows.length + 1) / (n + 1)) + 1) * o.featureWeights[f[0] as 'w' | 'b' | 'c']);
    }
    const idf = Float32Array.from(idfs);
    const vectors = rows.map((r) => vectorize(featureSets[r]!, index, idf));
    const soft = trainSoftmax(vectors, Int32Array.from(rows, (r) => labels[r]!), index.size, C, o);
    const texts = rows.flatMap((r, k) => (examples[r]!.lexicon ? [] : [k]));
    const bin = trainBinary(texts.map((k) => vectors[k]!), Uint8Array.from(texts, (k) => urgentLabels[rows[k]!]!), index.size, o);
    return { index, idf, ...soft, urgentWeights: bin.weights, urgentBias: bin.bias };
  };

  // Out-of-fold answers, folds drawn by group so that texts of one seed are never on both sides.
  const urgentRate = new Float32Array(C);
  const perClass = new Float32Array(C);
  examples.forEach((e, i) => {
    if (e.lexicon) return;
    perClass[labels[i]!]! += 1;
    if (e.urgent) urgentRate[labels[i]!]! += 1;
  });
  for (let c = 0; c < C; c++) urgentRate[c] = perClass[c] ? urgentRate[c]! / perClass[c]! : 0;
  let temperature = 1;
  let urgentThreshold = 0.5;
  // Without folds: the urgency model's score alone decides, at 0.5.
  let urgentStack: Float32Array = Float32Array.from({ length: 4 + URGENT_PATTERN_REASONS.length }, (_, k) => (k === 1 ? 1 : 0));
  if (o.folds >= 2) {
    const foldOf = examples.map((e) => createHash('sha256').update(e.group ?? e.text).digest().readUInt32LE(0) % o.folds);
    const oofScores: Float32Array[] = new Array(examples.length);
    const oofUrgent: number[] = new Array(examples.length);
    for (let f = 0; f < o.folds; f++) {
      const trainRows: number[] = [];
      const heldRows: number[] = [];
      foldOf.forEach((k, i) => (k === f && !examples[i]!.lexicon ? heldRows : trainRows).push(i));
      if (!heldRows.length || !trainRows.length) continue;
      const m = fit(trainRows);
      for (const r of heldRows) {
        const v = vectorize(featureSets[r]!, m.index, m.idf);
        const s = new Float32Array(C);
        scoresInto(s, v, m.weights, m.bias);
        oofScores[r] = s;
        oofUrgent[r] = 1 / (1 + Math.exp(-binaryScore(v, m.urgentWeights, m.urgentBias)));
      }
    }
    const rows = [...oofScores.keys()].filter((i) => oofScores[i]);
    temperature = fitTemperature(rows.map((i) => oofScores[i]!), Int32Array.from(rows, (i) => labels[i]!));
    const stackInputs = rows.map((i) => {
      const p = new Float32Array(oofScores[i]!);
      softmaxInPlace(p, temperature);
      return urgencyInputs(oofUrgent[i]!, p, urgentRate, urgentPatterns(examples[i]!.text));
    });
    const stackLabels = Uint8Array.from(rows, (i) => urgentLabels[i]!);
    urgentStack = fitStack(stackInputs, stackLabels, o.urgentWeight, o.urgentStackL2);
    urgentThreshold = urgentThresholdFor(stackInputs.map((x) => sigmoid(dot(urgentStack, x))), stackLabels, o.urgentRecall);
  }

  const all = fit(examples.map((_, i) => i));
  const trainedOnHash = examplesHash(examples);
  return {
    version: modelVersion(trainedOnHash, o),
    trainedOnHash,
    examples: examples.length,
    options: o,
    categories: categoryCodes.map((code) => ({ code, sectorCode: sectorOf.get(code)! })),
    featureIndex: all.index,
    idf: all.idf,
    weights: all.weights,
    bias: all.bias,
    temperature,
    urgentWeights: all.urgentWeights,
    urgentBias: all.urgentBias,
    urgentRate,
    urgentStack,
    urgentThreshold,
  };
}

// ---- classifying ------------------------------------------------------------------------------------------------

/**
 * Classifies one text. `channel` is accepted so callers pass it already; the corpus's registers are spread evenly
 * over the categories, so a channel feature would learn nothing yet and the model does not use it.
 */
export function classify(model: TextModel, text: string, channel?: string): Classification {
  void channel;
  const C = model.categories.length;
  const v = vectorize(extractFeatures(text, model.options), model.featureIndex, model.idf);
  const p = new Float32Array(C);
  scoresInto(p, v, model.weights, model.bias);
  softmaxInPlace(p, model.temperature);

  const bySector = new Map<string, number>();
  model.categories.forEach((c, i) => bySector.set(c.sectorCode, (bySector.get(c.sectorCode) ?? 0) + p[i]!));
  let sectorCode = model.categories[0]!.sectorCode;
  for (const [s, q] of bySector) if (q > bySector.get(sectorCode)!) sectorCode = s;
  let best = -1;
  for (let c = 0; c < C; c++) if (model.categories[c]!.sectorCode === sectorCode && (best < 0 || p[c]! > p[best]!)) best = c;

  const alternatives = [...p.keys()]
    .filter((c) => c !== best)
    .sort((a, b) => p[b]! - p[a]!)
    .slice(0, 3)
    .filter((c) => p[c]! >= 0.01)
    .map((c) => ({ categoryCode: model.categories[c]!.code, sectorCode: model.categories[c]!.sectorCode, confidence: round(p[c]!) }));

  const patterns = urgentPatterns(text);
  const urgentScore = sigmoid(dot(model.urgentStack, urgencyInputs(sigmoid(binaryScore(v, model.urgentWeights, model.urgentBias)), p, model.urgentRate, patterns)));
  // A category no urgent training text has, answered with confidence, vouches against urgency ("на улице не горят
  // фонари" is street lighting, never an emergency): only a forcing pattern (a gas smell, a fire...) overrides it.
  const vouchedCalm = model.urgentRate[best] === 0 && p[best]! >= CALM_CATEGORY_CONFIDENCE;
  const urgent = patterns.forced || (urgentScore >= model.urgentThreshold && !patterns.mitigated && !vouchedCalm);
  return {
    sectorCode,
    sectorConfidence: round(bySector.get(sectorCode)!),
    categoryCode: model.categories[best]!.code,
    confidence: round(p[best]!),
    alternatives,
    urgent,
    urgentScore: round(urgentScore),
    urgentReasons: urgent ? (patterns.reasons.length ? patterns.reasons : ['MODEL']) : [],
    modelVersion: model.version,
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The confidence at which a category that is never urgent in training keeps the model's doubt from flagging a text. */
const CALM_CATEGORY_CONFIDENCE = 0.9;

// ---- storing --------------------------------------------------------------------------------------------------------

/** The stored form of a model: plain JSON, the weights as base64 of little-endian float32. */
export type TextModelJSON = {
  format: 'otklik-text-model';
  formatVersion: 2;
  version: string;
  trainedOnHash: string;
  examples: number;
  options: TrainOptions;
  categories: { code: string; sectorCode: string }[];
  features: string[];
  idf: string;
  weights: string;
  bias: number[];
  temperature: number;
  urgent: { weights: string; bias: number; rate: number[]; stack: number[]; threshold: number };
};

const toBase64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromBase64(s: string, length: number): Float32Array {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength !== length * 4) throw new Error(`model weights: ${buf.byteLength} bytes, expected ${length * 4}`);
  const out = new Float32Array(length);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

export function modelToJSON(model: TextModel): TextModelJSON {
  const features = new Array<string>(model.featureIndex.size);
  for (const [f, i] of model.featureIndex) features[i] = f;
  return {
    format: 'otklik-text-model',
    formatVersion: 2,
    version: model.version,
    trainedOnHash: model.trainedOnHash,
    examples: model.examples,
    options: model.options,
    categories: model.categories,
    features,
    idf: toBase64(model.idf),
    weights: toBase64(model.weights),
    bias: [...model.bias],
    temperature: model.temperature,
    urgent: {
      weights: toBase64(model.urgentWeights),
      bias: model.urgentBias,
      rate: [...model.urgentRate],
      stack: [...model.urgentStack],
      threshold: model.urgentThreshold,
    },
  };
}

export function modelFromJSON(json: TextModelJSON): TextModel {
  if (json.format !== 'otklik-text-model' || json.formatVersion !== 2) throw new Error('not an otklik text model (format 2)');
  const F = json.features.length;
  const C = json.categories.length;
  return {
    version: json.version,
    trainedOnHash: json.trainedOnHash,
    examples: json.examples,
    options: json.options,
    categories: json.categories,
    featureIndex: new Map(json.features.map((f, i) => [f, i])),
    idf: fromBase64(json.idf, F),
    weights: fromBase64(json.weights, F * C),
    bias: Float32Array.from(json.bias),
    temperature: json.temperature,
    urgentWeights: fromBase64(json.urgent.weights, F),
    urgentBias: json.urgent.bias,
    urgentRate: Float32Array.from(json.urgent.rate),
    urgentStack: Float32Array.from(json.urgent.stack),
    urgentThreshold: json.urgent.threshold,
  };
}
