import { readReference, type Rubricator } from '../../../db/reference.js';
import type { TrainingExample } from '../classifier.js';
import { readCorpus } from '../corpus.js';
import { LEXICON_G1 } from './lexicon-g1.js';
import { LEXICON_G2 } from './lexicon-g2.js';
import { LEXICON_G3 } from './lexicon-g3.js';
import { LEXICON_G4 } from './lexicon-g4.js';
import { LEXICON_G5 } from './lexicon-g5.js';
import { LEXICON_G6 } from './lexicon-g6.js';
import { LEXICON_G7 } from './lexicon-g7.js';
import { LEXICON_G8 } from './lexicon-g8.js';
import { LEXICON_G1_2 } from './lexicon-g1-2.js';
import { LEXICON_G2_2 } from './lexicon-g2-2.js';
import { LEXICON_G3_2 } from './lexicon-g3-2.js';
import { LEXICON_G4_2 } from './lexicon-g4-2.js';
import { LEXICON_G5_2 } from './lexicon-g5-2.js';
import { LEXICON_G6_2 } from './lexicon-g6-2.js';
import { LEXICON_G7_2 } from './lexicon-g7-2.js';
import { LEXICON_G8_2 } from './lexicon-g8-2.js';
import { LEXICON_G1_3 } from './lexicon-g1-3.js';
import { LEXICON_G2_3 } from './lexicon-g2-3.js';
import { LEXICON_G3_3 } from './lexicon-g3-3.js';
import { LEXICON_G4_3 } from './lexicon-g4-3.js';
import { LEXICON_G5_3 } from './lexicon-g5-3.js';
import { LEXICON_G6_3 } from './lexicon-g6-3.js';
import { LEXICON_G7_3 } from './lexicon-g7-3.js';
import { LEXICON_G8_3 } from './lexicon-g8-3.js';
import { LEXICON_G1_5 } from './lexicon-g1-5.js';
import { LEXICON_G2_5 } from './lexicon-g2-5.js';
import { LEXICON_G3_5 } from './lexicon-g3-5.js';
import { LEXICON_G4_5 } from './lexicon-g4-5.js';
import { LEXICON_G5_5 } from './lexicon-g5-5.js';
import { LEXICON_G6_5 } from './lexicon-g6-5.js';
import { LEXICON_G7_5 } from './lexicon-g7-5.js';
import { LEXICON_G8_5 } from './lexicon-g8-5.js';
import { LEXICON_R4_A } from './lexicon-r4-a.js';
import { LEXICON_R4_B } from './lexicon-r4-b.js';
import { LEXICON_R4_C } from './lexicon-r4-c.js';
import { LEXICON_R4_D } from './lexicon-r4-d.js';
import { LEXICON_R4_E } from './lexicon-r4-e.js';
import { LEXICON_R4_F } from './lexicon-r4-f.js';
import { LEXICON_R4_G } from './lexicon-r4-g.js';

/**
 * The lexicon (docs/text.md, «The lexicon»): words and short phrases that point to a category, written for this
 * corpus by eight writers at once, each given a group of neighbouring categories and the rules of filing, without
 * seeing the corpus. It teaches the category model what the corpus's situations never named ("экг", "телята",
 * "сервитут"); it is not a text, so it is in neither split and measures nothing.
 */
const FILES: readonly Record<string, readonly string[]>[] = [
  // Round 1: objects, institutions, documents, short states, slang.
  LEXICON_G1, LEXICON_G2, LEXICON_G3, LEXICON_G4, LEXICON_G5, LEXICON_G6, LEXICON_G7, LEXICON_G8,
  // Round 2: situations in a citizen's words, indirect descriptions, people and roles, rarer and rural words.
  LEXICON_G1_2, LEXICON_G2_2, LEXICON_G3_2, LEXICON_G4_2, LEXICON_G5_2, LEXICON_G6_2, LEXICON_G7_2, LEXICON_G8_2,
  // Round 3: what the citizen wants done, consequences, the categories' borders by the rules, seasons and rural life.
  LEXICON_G1_3, LEXICON_G2_3, LEXICON_G3_3, LEXICON_G4_3, LEXICON_G5_3, LEXICON_G6_3, LEXICON_G7_3, LEXICON_G8_3,
  // Round 5: the category told from its nearest neighbours, its plain complaints, the promises citizens quote.
  LEXICON_G1_5, LEXICON_G2_5, LEXICON_G3_5, LEXICON_G4_5, LEXICON_G5_5, LEXICON_G6_5, LEXICON_G7_5, LEXICON_G8_5,
  // Round 4, read last: the seventeen categories of the sectors then weakest on the validation fold, by seven writers.
  LEXICON_R4_A, LEXICON_R4_B, LEXICON_R4_C, LEXICON_R4_D, LEXICON_R4_E, LEXICON_R4_F, LEXICON_R4_G,
];

export type LexiconTerm = { term: string; categoryCode: string };

/**
 * The most terms a category brings to training, the first in the rounds' order. The fourth round was written for the
 * weakest categories only; with every term of it in, those categories' share of the lexicon grew, the model leaned
 * to them and the sector accuracy on the validation fold fell (0.881 → 0.880); balanced at 650 terms a category it
 * rose to 0.885. With the fifth round, for every category, read before the fourth: 650 0.882, 700 0.884, 800 0.886,
 * 900 0.886 (docs/text.md, «The lexicon»).
 */
export const LEXICON_PER_CATEGORY = 800;

const normal = (term: string) => term.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

const words = (text: string) => text.toLowerCase().replace(/ё/g, 'е').split(/[^а-яa-z0-9-]+/).filter(Boolean);

/**
 * The entries of three words or more that some text contains word for word: the corpus's own phrases. In a train
 * text they add nothing; in a test text they would teach the test what it measures.
 */
function foundInTexts(entries: readonly string[], texts: readonly string[]): Set<string> {
  const byFirst = new Map<string, string[][]>();
  for (const entry of entries) {
    const w = words(entry);
    if (w.length < 3) continue;
    const list = byFirst.get(w[0]!) ?? [];
    list.push(w);
    byFirst.set(w[0]!, list);
  }
  const found = new Set<string>();
  for (const text of texts) {
    const w = words(text);
    for (let i = 0; i < w.length; i++) {
      for (const entry of byFirst.get(w[i]!) ?? []) {
        if (i + entry.length <= w.length && entry.every((x, k) => w[i + k] === x)) found.add(entry.join(' '));
      }
    }
  }
  return found;
}

/**
 * Every term once, with its category, in the files' order. A term that two writers put under different categories
 * points to neither and is left out, as is a code the rubricator does not have (an error the lexicon test reports),
 * and an entry of three words or more that one of `texts` (the corpus) contains word for word (`inTexts`).
 */
export function lexiconTerms(
  files: readonly Record<string, readonly string[]>[] = FILES,
  texts: readonly string[] = [],
  perCategory = LEXICON_PER_CATEGORY,
): { terms: LexiconTerm[]; ambiguous: string[]; unknownCodes: string[]; inTexts: string[] } {
  const known = new Set(readReference<Rubricator>('rubricator.json').sectors.flatMap((s) => s.categories.map((c) => c.code)));
  const categoriesOf = new Map<string, Set<string>>();
  const order: string[] = [];
  const unknownCodes = new Set<string>();
  for (const file of files) {
    for (const [code, terms] of Object.entries(file)) {
      if (!known.has(code)) {
        unknownCodes.add(code);
        continue;
      }
      for (const raw of terms) {
        const term = normal(raw);
        if (!term) continue;
        let codes = categoriesOf.get(term);
        if (!codes) categoriesOf.set(term, (codes = new Set())), order.push(term);
        codes.add(code);
      }
    }
  }
  const terms: LexiconTerm[] = [];
  const ambiguous: string[] = [];
  const found = foundInTexts(order, texts);
  const inTexts: string[] = [];
  const taken = new Map<string, number>();
  for (const term of order) {
    const codes = [...categoriesOf.get(term)!];
    if (codes.length > 1) ambiguous.push(term);
    else if (found.has(words(term).join(' '))) inTexts.push(term);
    else {
      const n = taken.get(codes[0]!) ?? 0;
      taken.set(codes[0]!, n + 1);
      if (n < perCategory) terms.push({ term, categoryCode: codes[0]! });
    }
  }
  return { terms, ambiguous, unknownCodes: [...unknownCodes], inTexts };
}

let memo: TrainingExample[] | null = null;

/** The lexicon as training examples of the category model (`lexicon: true`: classifier.ts's `TrainingExample`). */
export function lexiconExamples(): TrainingExample[] {
  if (!memo) {
    const sectorOf = new Map(readReference<Rubricator>('rubricator.json').sectors.flatMap((s) => s.categories.map((c) => [c.code, s.code] as const)));
    memo = lexiconTerms(FILES, readCorpus().map((e) => e.text)).terms.map(({ term, categoryCode }) => ({
      text: term,
      sectorCode: sectorOf.get(categoryCode)!,
      categoryCode,
      urgent: false,
      lexicon: true,
      group: `lexicon:${term}`,
    }));
  }
  return memo.map((e) => ({ ...e }));
}
