import { createHash } from 'node:crypto';
import { train, type TrainOptions } from './classifier.js';
import { readCorpus } from './corpus.js';
import { lexiconExamples } from './corpus/lexicon.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { CorpusExample } from './text.types.js';

/**
 * A validation fold of the train split, for choosing options without the test split: a fifth of the train split's
 * seed clauses, chosen by the SHA-256 of the clause's id (so every example of a clause is on one side), the other
 * four fifths to fit. Adding a clause moves no other clause between the two.
 */
export function validationFold(corpus: readonly CorpusExample[]): { fit: CorpusExample[]; validation: CorpusExample[] } {
  const fit: CorpusExample[] = [];
  const validation: CorpusExample[] = [];
  for (const e of corpus) {
    if (e.split !== 'train') continue;
    const h = createHash('sha256').update(e.provenance.seed).digest().readUInt32LE(0);
    (h % 5 === 0 ? validation : fit).push(e);
  }
  return { fit, validation };
}

/**
 * Trains with the given options on the fit part (without the out-of-fold runs, which only calibrate) and evaluates
 * on the validation fold: what docs/text.md's "chosen on a validation fold" figures come from.
 */
export function validate(options: Partial<TrainOptions> = {}, corpus: CorpusExample[] = readCorpus()): { evaluation: Evaluation; trainMs: number } {
  const { fit, validation } = validationFold(corpus);
  const started = performance.now();
  const model = train([...fit.map((e) => ({ ...e, group: e.provenance.seed })), ...lexiconExamples()], { folds: 0, ...options });
  return { trainMs: performance.now() - started, evaluation: evaluate(model, validation) };
}
