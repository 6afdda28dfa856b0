/**
 * Case forms of Russian toponyms, generated from the nominative by the ending of each word. The paradigms are the
 * usual ones for place names: adjectives (Ближнеосиновский, Нижний, Суворовская, Нижнечирское, Октябрьская) get
 * every case of every gender, since a settlement's adjective also appears with another noun ("станицы
 * Нижнечирской", "в Лысовском поселении"); nouns in a consonant (Лысов, Качалин, Чир) decline like Ростов
 * (-а, -у, -ом/-ым, -е); nouns in -а/-я like Добринка; names in -о/-е (Суровикино) keep their form, and the
 * colloquial declension ("в Суровикине") is added. Street names that are a genitive (Ленина, Мира, Победы,
 * Орджоникидзе) do not decline: the caller asks for `fixed`.
 */

const ADJECTIVE_NOMINATIVE = /(ый|ий|ой|ая|яя|ое|ее)$/;
const ADJECTIVE_ENDINGS = [
  'ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ей', 'ую', 'юю',
  'ые', 'ие', 'ых', 'их', 'ыми', 'ими', 'ою', 'ею',
];

/** Lower case, ё as е: the form every comparison uses. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

export function isAdjective(word: string): boolean {
  const w = normalizeWord(word);
  return w.length > 4 && ADJECTIVE_NOMINATIVE.test(w);
}

/** Every case form of one word of a name (normalised), the nominative first. */
export function wordForms(word: string, fixed = false): string[] {
  const w = normalizeWord(word);
  if (fixed || w.length < 3) return [w];
  const forms = new Set<string>([w]);
  const add = (stem: string, endings: string[]) => endings.forEach((e) => forms.add(stem + e));
  if (isAdjective(w)) {
    add(w.slice(0, -2), ADJECTIVE_ENDINGS);
  } else if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    add(w, ['а', 'у', 'ом', 'е', 'ым']);
  } else if (w.endsWith('ь')) {
    add(w.slice(0, -1), ['я', 'ю', 'ем', 'е', 'и']);
  } else if (w.endsWith('а')) {
    add(w.slice(0, -1), ['ы', 'и', 'е', 'у', 'ой', 'ою', 'ей']);
  } else if (w.endsWith('я')) {
    add(w.slice(0, -1), ['и', 'е', 'ю', 'ей', 'ею']);
  } else if (/[ое]$/.test(w)) {
    add(w.slice(0, -1), ['а', 'у', 'ом', 'е']);
  }
  return [...forms];
}

/**
 * The nominative of an adjective written in another case ("Садовом" → "садовый"), for a street that is not in the
 * gazetteer; `gender` is that of the street's kind (переулок: m, улица: f, шоссе: n). Other words are kept.
 */
export function adjectiveNominative(word: string, gender: 'm' | 'f' | 'n'): string {
  const w = normalizeWord(word);
  const m = /^(.{3,}?)(ыми|ими|ого|его|ому|ему|ою|ею|ый|ий|ой|ая|яя|ое|ее|ым|им|ом|ем|ей|ую|юю|ые|ие|ых|их)$/.exec(w);
  if (!m) return w;
  const stem = m[1]!;
  const soft = /^(ий|яя|ее|его|ему|им|ем|ей|юю|ие|их|ими|ею)$/.test(m[2]!) && !/[гкхжшчщ]$/.test(stem);
  const velar = /[гкхжшчщ]$/.test(stem);
  if (gender === 'f') return stem + (soft ? 'яя' : 'ая');
  if (gender === 'n') return stem + (soft ? 'ее' : 'ое');
  return stem + (soft || velar ? 'ий' : 'ый');
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
