import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusExample, LabelledText } from './text.types.js';

/** The labelled corpus shipped with the server (built by corpus/build.ts; docs/text.md). */
export const CORPUS_PATH = fileURLToPath(new URL('../../../data/text/corpus.jsonl', import.meta.url));

export function readCorpus(path = CORPUS_PATH): CorpusExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusExample);
}

/**
 * The hash of a training set: of its labelled texts in a canonical order, so the same examples give the same hash
 * whatever their order or extra fields.
 */
export function examplesHash(examples: readonly (LabelledText & { lexicon?: boolean })[]): string {
  const lines = examples.map((e) => JSON.stringify(e.lexicon ? [e.text, e.sectorCode, e.categoryCode, 'lexicon'] : [e.text, e.sectorCode, e.categoryCode, e.urgent])).sort();
  const h = createHash('sha256');
  for (const line of lines) h.update(line).update('\n');
  return h.digest('hex');
}
