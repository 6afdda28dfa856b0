import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm.js';
import { logger, safeError } from '../../shared/logger.js';
import { withoutTenant } from '../../db/tenant-bypass.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_OPTIONS, modelVersion, type TextModel, type TrainingExample, type TrainOptions } from './classifier.js';
import { examplesHash, readCorpus } from './corpus.js';
import { lexiconExamples } from './corpus/lexicon.js';
import { trainModel, TrainingStopped, unpackModel, type TrainResult } from './model-training.js';
import { TextExample, TextModelRecord } from './text-model.entity.js';

/**
 * The text models a server answers with (docs/text.md, "Models"). The base model is trained on the repository's
 * corpus once per corpus and options (its version says which), kept in the database and in a cache directory, and
 * trained in a worker thread at start-up when neither has it: until then nothing is classified (new items wait in
 * the "to classify" queue; `classifyText` answers TEXT_MODEL_NOT_READY). A municipality's retrained model (its staff's
 * examples added) answers for that municipality alone. Each instance keeps the models in memory and checks every
 * minute which one is active, so a retraining on one instance reaches the others.
 */

const RECHECK_MS = 60_000;

/**
 * The corpus as training examples: every example of both splits (the split is for measuring; docs/text.md), and the
 * lexicon's terms.
 */
export function corpusExamples(): TrainingExample[] {
  return [
    ...readCorpus().map((e) => ({ text: e.text, sectorCode: e.sectorCode, categoryCode: e.categoryCode, urgent: e.urgent, group: e.provenance.seed })),
    ...lexiconExamples(),
  ];
}

/**
 * The hash of the classifier's code (its three modules as this process runs them): a model trained by other code is
 * another model, even on the same examples with the same options, and is never loaded in its place.
 */
let codeHashMemo: string | null = null;
export function classifierCodeHash(): string {
  if (codeHashMemo) return codeHashMemo;
  // The TypeScript sources when they are at hand (tests run them, the build runs what was compiled from them: the same
  // model either way), else the compiled modules this process runs.
  const fromSource = import.meta.url.endsWith('.ts') ? new URL('./', import.meta.url) : new URL('../../../src/modules/text/', import.meta.url);
  const sourced = ['classifier', 'features', 'urgency'].every((name) => existsSync(new URL(`${name}.ts`, fromSource)));
  const h = createHash('sha256');
  for (const name of ['classifier', 'features', 'urgency']) {
    h.update(readFileSync(sourced ? new URL(`${name}.ts`, fromSource) : new URL(`./${name}.js`, import.meta.url)));
  }
  codeHashMemo = h.digest('hex').slice(0, 8);
  return codeHashMemo;
}

/** The version a model of these examples and options has, with the code's hash (without training it). */
export function versionFor(examples: TrainingExample[], options: Partial<TrainOptions> = {}): string {
  return `${modelVersion(examplesHash(examples), { ...DEFAULT_OPTIONS, ...options })}.${classifierCodeHash()}`;
}

/** The version the base model of this corpus has. */
export function baseModelVersion(examples: TrainingExample[]): string {
  return versionFor(examples);
}

type Loaded = { model: TextModel; record: { id: string; version: string } };

export type ModelStatus = {
  version: string;
  baseVersion: string;
  trainedAt: Date;
  trainedById: string | null;
  examples: number;
  staffExamples: number;
  trainingMs: number | null;
  municipal: boolean;
};

export class TextModels {
  private base: Loaded | null = null;
  /**
   * Each municipality's own model (null: it has none, the base answers), and when that was last checked; in the order
   * of use, the most recent last. At most `modelsInMemory` hold a model (each some 20 MB of weights and its feature
   * index): the least recently used is dropped and read again from the database when its municipality next asks.
   */
  private readonly municipal = new Map<string, { loaded: Loaded | null; checkedAt: number }>();
  private readonly checking = new Map<string, Promise<TextModel | null>>();
  private baseTraining: Promise<void> | null = null;
  /** Municipal models read from the database since the start (a dropped one is read again). */
  reads = 0;
  private readonly retraining = new Map<string, Promise<ModelStatus>>();
  /** Aborted by `stop`: ends the trainings under way (their worker threads) and refuses new ones. */
  private readonly stopping = new AbortController();
  /** Worker threads training now. */
  trainingsUnderway = 0;

  private async trainInWorker(request: Parameters<typeof trainModel>[0]): Promise<TrainResult> {
    this.trainingsUnderway++;
    try {
      return await trainModel(request, this.stopping.signal);
    } finally {
      this.trainingsUnderway--;
    }
  }

  constructor(
    private readonly orm: Orm,
    private readonly options: { cacheDir: string; staffExampleWeight: number; modelsInMemory: number; now: () => Date },
  ) {}

  /**
   * Makes the base model ready: from the database, else from the cache directory (stored in the database then), else
   * trained (in a worker thread) and stored in both. Resolves when it is ready; callers at start-up do not wait.
   */
  ensureBase(): Promise<void> {
    this.baseTraining ??= this.loadOrTrainBase().catch((e: unknown) => {
      this.lookedUp();
      this.baseTraining = null;
      if (e instanceof TrainingStopped) logger.info('text model: the base model was not trained: the server stopped');
      else logger.error('text model: the base model could not be made ready', safeError(e));
      throw e;
    });
    return this.baseTraining;
  }

  private async loadOrTrainBase(): Promise<void> {
    const examples = corpusExamples();
    const version = baseModelVersion(examples);
    const em = this.orm.em.fork();
    const stored = await em.findOne(TextModelRecord, { municipality: null, version }, { populate: ['data'] });
    if (stored) {
      this.base = { model: unpackModel(stored.data), record: { id: stored.id, version: stored.version } };
      this.lookedUp();
      await this.activateBase(em, stored.id);
      return;
    }
    this.lookedUp();
    // No row of this version: trained by other code or on another corpus; a row of an older one stays, inactive.
    const cacheFile = join(this.options.cacheDir, `${version}.json.gz`);
    let result: (Omit<TrainResult, 'trainingMs'> & { trainingMs: number | null }) | null = null;
    // A model read from the cache was trained when its file was written, in a time not known here.
    let trainedAt = this.options.now();
    try {
      const data = await readFile(cacheFile);
      const model = unpackModel(data);
      if (model.version === version) {
        result = { data, version, examples: model.examples, trainingMs: null };
        trainedAt = (await stat(cacheFile)).mtime;
      }
    } catch {
      // Not cached: train.
    }
    if (!result) {
      logger.info('text model: training the base model on the corpus', { version, examples: String(examples.length) });
      result = await this.trainInWorker({ examples, version });
      await mkdir(this.options.cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(tmp, result.data);
      await rename(tmp, cacheFile);
      logger.info('text model: base model trained', { version, ms: String(result.trainingMs) });
    }
    em.create(TextModelRecord, {
      municipality: null,
      version,
      baseVersion: version,
      trainedAt,
      examples: result.examples,
      trainingMs: result.trainingMs,
      data: result.data,
    });
    try {
      await em.flush();
    } catch {
      // Another instance stored it first.
      em.clear();
    }
    const row = await em.findOneOrFail(TextModelRecord, { municipality: null, version });
    await this.activateBase(em, row.id);
    this.base = { model: unpackModel(result.data), record: { id: row.id, version: row.version } };
  }

  private async activateBase(em: EntityManager, id: string): Promise<void> {
    await em.nativeUpdate(TextModelRecord, { municipality: null, id: { $ne: id }, active: true }, { active: false });
    await em.nativeUpdate(TextModelRecord, { id }, { active: true });
  }

  /** Resolved once the database was asked for the base model (found or not): a stored model is read at start. */
  private lookedUp: () => void = () => undefined;
  private readonly baseLookup = new Promise<void>((resolve) => (this.lookedUp = resolve));

  /** The model that answers for a municipality now, or null while the base model is not ready (being trained). */
  async model(municipalityId: string): Promise<TextModel | null> {
    if (!this.base && this.baseTraining) await this.baseLookup;
    const cached = this.municipal.get(municipalityId);
    if (cached && Date.now() - cached.checkedAt < RECHECK_MS) {
      this.remember(municipalityId, cached);
      return cached.loaded?.model ?? this.base?.model ?? null;
    }
    let pending = this.checking.get(municipalityId);
    if (!pending) {
      pending = this.check(municipalityId, cached?.loaded ?? null).finally(() => this.checking.delete(municipalityId));
      this.checking.set(municipalityId, pending);
    }
    return pending;
  }

  private async check(municipalityId: string, loaded: Loaded | null): Promise<TextModel | null> {
    const em = this.orm.em.fork();
    const active = await em.findOne(TextModelRecord, { municipality: municipalityId, active: true }, { fields: ['id', 'version'] });
    if (!active) {
      this.remember(municipalityId, { loaded: null, checkedAt: Date.now() });
      return this.base?.model ?? null;
    }
    if (loaded?.record.id !== active.id) {
      const full = await em.findOneOrFail(TextModelRecord, { id: active.id }, { populate: ['data'] });
      // Only the weights are kept, not the stored (gzipped) copy they were read from.
      loaded = { model: unpackModel(full.data), record: { id: full.id, version: full.version } };
      this.reads++;
    }
    this.remember(municipalityId, { loaded, checkedAt: Date.now() });
    return loaded.model;
  }

  /** How many municipalities' own models are loaded now. */
  loadedCount(): number {
    let n = 0;
    for (const e of this.municipal.values()) if (e.loaded) n++;
    return n;
  }

  /** Records a municipality's entry as the most recently used, dropping the least recently used models over the bound. */
  private remember(municipalityId: string, entry: { loaded: Loaded | null; checkedAt: number }): void {
    this.municipal.delete(municipalityId);
    this.municipal.set(municipalityId, entry);
    let over = this.loadedCount() - this.options.modelsInMemory;
    for (const [id, e] of this.municipal) {
      if (over <= 0) break;
      if (e.loaded && id !== municipalityId) {
        this.municipal.delete(id);
        over--;
      }
    }
  }

  /** The base model, when ready (its calibration is what a retrained model carries). */
  baseModel(): TextModel | null {
    return this.base?.model ?? null;
  }

  /**
   * Retrains the municipality's model: the corpus and every staff example of the municipality (each counted
   * `staffExampleWeight` times, so that one correction weighs against thousands of corpus texts), without folds, with
   * the base model's calibration. The new model becomes the municipality's active one. One retraining at a time per
   * municipality: a second request joins the running one.
   */
  retrain(municipalityId: string, userId: string | null): Promise<ModelStatus> {
    const running = this.retraining.get(municipalityId);
    if (running) return running;
    const run = this.doRetrain(municipalityId, userId).finally(() => this.retraining.delete(municipalityId));
    this.retraining.set(municipalityId, run);
    return run;
  }

  /**
   * The server is stopping: a training under way (the base model's first, a municipality's retraining) ends now, its
   * worker thread with it, and stores nothing; the models already held keep answering until the process ends.
   */
  stop(): void {
    this.stopping.abort();
  }

  isRetraining(municipalityId: string): boolean {
    return this.retraining.has(municipalityId);
  }

  private async doRetrain(municipalityId: string, userId: string | null): Promise<ModelStatus> {
    await this.ensureBase();
    const base = this.base!;
    const em = this.orm.em.fork();
    const staff = await em.find(TextExample, { municipality: municipalityId }, { orderBy: { createdAt: 'asc' }, ...withoutTenant('TEXT_RETRAINING') });
    const examples = corpusExamples();
    for (const s of staff) {
      for (let k = 0; k < this.options.staffExampleWeight; k++) {
        examples.push({ text: s.text, sectorCode: s.sectorCode, categoryCode: s.categoryCode, urgent: s.urgent, group: `staff:${s.id}` });
      }
    }
    const result = await this.trainInWorker({
      examples,
      options: { folds: 0 },
      version: versionFor(examples, { folds: 0 }),
      calibration: { temperature: base.model.temperature, urgentStack: base.model.urgentStack, urgentThreshold: base.model.urgentThreshold },
    });
    const record = await em.transactional(async (tx) => {
      await tx.nativeUpdate(TextModelRecord, { municipality: municipalityId, active: true }, { active: false });
      const existing = await tx.findOne(TextModelRecord, { municipality: municipalityId, version: result.version });
      const row =
        existing ??
        tx.create(TextModelRecord, {
          municipality: municipalityId,
          version: result.version,
          baseVersion: base.record.version,
          trainedAt: this.options.now(),
          trainedBy: userId,
          examples: result.examples,
          staffExamples: staff.length,
          trainingMs: result.trainingMs,
          data: result.data,
        });
      row.active = true;
      return row;
    });
    this.remember(municipalityId, { loaded: { model: unpackModel(result.data), record: { id: record.id, version: record.version } }, checkedAt: Date.now() });
    logger.info('text model: retrained', { version: result.version, staffExamples: String(staff.length), ms: String(result.trainingMs) });
    return statusOf(record, true);
  }

  /** What answers for the municipality: its own model when it has one, else the base (null while none is ready). */
  async status(municipalityId: string): Promise<ModelStatus | null> {
    const em = this.orm.em.fork();
    const own = await em.findOne(TextModelRecord, { municipality: municipalityId, active: true });
    if (own) return statusOf(own, true);
    const base = await em.findOne(TextModelRecord, { municipality: null, active: true });
    return base && this.base ? statusOf(base, false) : null;
  }
}

function statusOf(r: TextModelRecord, municipal: boolean): ModelStatus {
  return {
    version: r.version,
    baseVersion: r.baseVersion,
    trainedAt: r.trainedAt,
    trainedById: r.trainedBy?.id ?? null,
    examples: r.examples,
    staffExamples: r.staffExamples,
    trainingMs: r.trainingMs ?? null,
    municipal,
  };
}
