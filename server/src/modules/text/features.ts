import { stemmer } from '@orama/stemmers/russian';

/**
 * Text to features, the same for training and classifying. The text is lower-cased, ё becomes е, digits and
 * punctuation are dropped (a house number says nothing about the topic); each word gives its Snowball stem (`w:`),
 * each pair of neighbouring stems a bigram (`b:`, so "нет воды" differs from "вода"), and each word its character
 * n-grams with word boundaries (`c:`), which still match a word with a typo or an ending the stemmer does not know.
 */
export type FeatureOptions = {
  /** Shortest and longest character n-gram; [0, 0] for none. */
  charNgrams: [number, number];
  wordBigrams: boolean;
};

export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я]+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  const norm = normalizeText(text);
  return norm ? norm.split(' ') : [];
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The distinct features of a text (a set: each counts once). */
export function extractFeatures(text: string, options: FeatureOptions): Set<string> {
  const ws = words(text);
  const out = new Set<string>();
  let prev: string | undefined;
  const [nMin, nMax] = options.charNgrams;
  for (const w of ws) {
    const s = stem(w);
    out.add('w:' + s);
    if (options.wordBigrams && prev !== undefined) out.add('b:' + prev + ' ' + s);
    prev = s;
    if (nMin > 0 && w.length >= 2) {
      const padded = ' ' + w + ' ';
      for (let n = nMin; n <= nMax; n++) {
        for (let i = 0; i + n <= padded.length; i++) out.add('c:' + padded.slice(i, i + n));
      }
    }
  }
  return out;
}
