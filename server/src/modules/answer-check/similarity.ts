/**
 * Trigram similarity computed the way PostgreSQL's pg_trgm does it, so a figure here means the same as
 * `similarity(a, b)` there: the text is lower-cased (ё as е), every run of letters and digits is a word, each word is
 * padded with two spaces before and one after, and its three-character windows are the trigrams. The similarity is
 * the Jaccard index of the two sets: shared trigrams over all distinct trigrams.
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  const norm = text.toLowerCase().replace(/ё/g, 'е');
  for (const word of norm.split(/[^a-zа-я0-9]+/)) {
    if (!word) continue;
    const padded = '  ' + word + ' ';
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
