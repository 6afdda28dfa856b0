import { stem } from '../text/features.js';
import { adjectiveNominative, editDistance, isAdjective, normalizeWord, wordForms } from './inflect.js';

/**
 * The district gazetteer: settlements, their localities and streets, and `findPlace`, which finds the place a free
 * Russian text names. See docs/text.md, "Places".
 */

/** A settlement (поселение); `key` of the others is its `code`, else its `id`. */
export type SettlementInput = { id?: string; code?: string; name: string; centre?: string };
/** A locality (хутор, станица, город); `settlement` is the key of its settlement, null when not known. */
export type LocalityInput = { name: string; kind: string; settlement: string | null };
/** A street as the reference writes it ("ул. Ленина"), in a locality (by name) and/or a settlement (by key). */
export type StreetInput = { name: string; settlement?: string | null; locality?: string | null };

export type GazetteerInput = {
  settlements: SettlementInput[];
  localities: LocalityInput[];
  streets: StreetInput[];
  /** The district centre, which takes a street found in several places when the text names none: key and name. */
  centre?: { settlement: string; locality: string };
};

export type PlaceMatch = {
  settlement: { id?: string; code?: string; name: string } | null;
  locality: { name: string; kind: string } | null;
  street: string | null;
  house: string | null;
  /** 0–1: how sure the match is (see docs/text.md, "Places"). */
  confidence: number;
};

type Word = { raw: string; forms: Set<string>; stems: Set<string>; fuzzy: boolean };
type Name = Word[];

type Settlement = { input: SettlementInput; key: string; adjective: Name | null; centre: Locality | null };
type Locality = { input: LocalityInput; name: Name; settlement: Settlement | null };
type StreetKind = { abbr: string; gender: 'm' | 'f' | 'n' };
type Street = { name: string; kind: StreetKind | null; core: Name; places: Locality[]; settlements: Settlement[] };

/**
 * Which entries of a list a token may begin, by the first word of their names: the entries one of whose forms the
 * token is, those sharing its stem, and (for words long enough for a typo) those with a form of the same first
 * letter. A text's token is then scored against a handful of names instead of every name of the district.
 */
type FirstWordIndex = { byForm: Map<string, number[]>; byStem: Map<string, number[]>; fuzzyByFirst: Map<string, number[]> };

export type Gazetteer = {
  settlements: Settlement[];
  localities: Locality[];
  streets: Street[];
  centre: Locality | null;
  index: { streets: FirstWordIndex; localities: FirstWordIndex; adjectives: FirstWordIndex };
};

// ---- vocabulary -----------------------------------------------------------------------------------------------

const LOCALITY_MARKERS: Record<string, string[]> = {
  хутор: ['х', 'хут', 'хутор', 'хутора', 'хутору', 'хутором', 'хуторе', 'хуторок', 'хуторке'],
  станица: ['ст', 'ст-ца', 'ст-цы', 'ст-це', 'ст-цу', 'стц', 'станица', 'станицы', 'станице', 'станицу', 'станицей'],
  город: ['г', 'гор', 'город', 'города', 'городе', 'городу', 'городом'],
  посёлок: ['п', 'пос', 'поселок', 'поселка', 'поселке', 'поселку', 'рп', 'р-п'],
  село: ['с', 'село', 'села', 'селе', 'селу'],
};
const STREET_KINDS: [StreetKind, string[]][] = [
  [{ abbr: 'ул.', gender: 'f' }, ['ул', 'улица', 'улицы', 'улице', 'улицу', 'улицей']],
  [{ abbr: 'пер.', gender: 'm' }, ['пер', 'переулок', 'переулка', 'переулке', 'переулку', 'переулком']],
  [{ abbr: 'пр-т', gender: 'm' }, ['пр', 'пр-т', 'просп', 'проспект', 'проспекта', 'проспекте', 'проспекту']],
  [{ abbr: 'пл.', gender: 'f' }, ['пл', 'площадь', 'площади']],
  [{ abbr: 'мкр.', gender: 'm' }, ['мкр', 'мкрн', 'мкр-н', 'микрорайон', 'микрорайона', 'микрорайоне']],
  [{ abbr: 'проезд', gender: 'm' }, ['проезд', 'проезда', 'проезде', 'пр-д']],
  [{ abbr: 'туп.', gender: 'm' }, ['туп', 'тупик', 'тупика', 'тупике']],
  [{ abbr: 'б-р', gender: 'm' }, ['б-р', 'бульвар', 'бульвара', 'бульваре']],
  [{ abbr: 'ш.', gender: 'n' }, ['ш', 'шоссе']],
  [{ abbr: 'кв-л', gender: 'm' }, ['кв-л', 'квартал', 'квартала', 'квартале']],
];
const localityMarker = new Map<string, string>();
for (const [kind, words] of Object.entries(LOCALITY_MARKERS)) words.forEach((w) => localityMarker.set(w, kind));
const streetMarker = new Map<string, StreetKind>();
for (const [kind, words] of STREET_KINDS) words.forEach((w) => streetMarker.set(w, kind));
const HOUSE_MARKERS = new Set(['д', 'дом', 'дома', 'доме', 'домом', '№']);
/** Words after a number that make it a quantity, not a house ("на Ленина 3 дня нет воды"). */
const QUANTITY = new RegExp(
  '^(дн|дня|дней|день|сут|суток|час|часа|часов|ч|мин|минут|лет|год|года|годы|раз|раза|недел|неделю|недели|' +
    'месяц|месяца|месяцев|км|м|метр|метра|метров|человек|чел|семей|домов|подъезд|подъезда|этаж|этажа|шт)$',
);
/** Settlement-level words after a settlement's adjective ("Лысовское сельское поселение"). */
const SETTLEMENT_WORDS = new Set([
  'сельское',
  'сельского',
  'сельском',
  'сельскому',
  'поселение',
  'поселения',
  'поселении',
  'сп',
]);
/** Words of a settlement's official name that are not its own name. */
const GENERIC = new Set(['сельское', 'городское', 'поселение', 'город', 'муниципальное', 'образование']);

// ---- building -------------------------------------------------------------------------------------------------

// The classifier's stemmer with its memory of words already stemmed: a text's words meet every name of the district.
const stemOf = (w: string) => stem(w);

function nameOf(text: string, fixed = false): Name {
  return text
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => {
      const forms = new Set(wordForms(w, fixed));
      const stems = new Set([...forms].map(stemOf).filter((s) => s.length >= 5));
      return { raw: w, forms, stems, fuzzy: normalizeWord(w).length >= 5 };
    });
}

function indexFirstWords(names: (Name | null)[]): FirstWordIndex {
  const index: FirstWordIndex = { byForm: new Map(), byStem: new Map(), fuzzyByFirst: new Map() };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  names.forEach((name, i) => {
    const word = name?.[0];
    if (!word) return;
    for (const f of word.forms) add(index.byForm, f, i);
    for (const st of word.stems) add(index.byStem, st, i);
    if (word.fuzzy) for (const f of word.forms) if (f) add(index.fuzzyByFirst, f[0]!, i);
  });
  return index;
}

/** The entries (their positions, in the list's order) whose name's first word the token may be (see wordScore). */
function candidates(index: FirstWordIndex, token: Token | undefined): number[] {
  if (!token || token.num) return [];
  const found = new Set(index.byForm.get(token.norm));
  if (token.norm.length >= 5) {
    for (const i of index.byStem.get(stemOf(token.norm)) ?? []) found.add(i);
    for (const i of index.fuzzyByFirst.get(token.norm[0]!) ?? []) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

function parseStreetName(name: string): { kind: StreetKind | null; core: string } {
  const m = /^\s*([а-яё-]+)\.?\s+(.+)$/i.exec(name);
  const kind = m ? streetMarker.get(normalizeWord(m[1]!)) : undefined;
  return kind && m ? { kind, core: m[2]!.trim() } : { kind: null, core: name.trim() };
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const settlements: Settlement[] = input.settlements.map((s) => {
    const own = s.name.split(/\s+/).filter((w) => !GENERIC.has(normalizeWord(w)));
    const adjective = own.length === 1 && isAdjective(own[0]!) ? nameOf(own[0]!) : null;
    return { input: s, key: s.code ?? s.id ?? s.name, adjective, centre: null };
  });
  const byKey = new Map(settlements.map((s) => [s.key, s]));
  const localities: Locality[] = input.localities.map((l) => ({
    input: l,
    name: nameOf(l.name),
    settlement: l.settlement ? (byKey.get(l.settlement) ?? null) : null,
  }));
  for (const s of settlements) {
    const centreName = s.input.centre;
    const own = (l: Locality) => l.settlement === s && normalizeWord(l.input.name) === normalizeWord(centreName ?? '');
    s.centre = centreName ? (localities.find(own) ?? null) : null;
  }
  const findLocality = (name: string | null | undefined, settlement: Settlement | undefined) => {
    if (!name) return undefined;
    const n = normalizeWord(name.replace(/^\s*[а-яё-]+\.\s*/i, ''));
    return localities.find((l) => normalizeWord(l.input.name) === n && (!settlement || l.settlement === settlement));
  };
  const streets = new Map<string, Street>();
  for (const st of input.streets) {
    const { kind, core } = parseStreetName(st.name);
    const settlement = st.settlement ? byKey.get(st.settlement) : undefined;
    const locality = findLocality(st.locality, settlement);
    const key = `${kind?.abbr ?? ''} ${normalizeWord(core)}`;
    let street = streets.get(key);
    if (!street) {
      const fixed = !core.split(/\s+/).every(isAdjective);
      street = { name: st.name.trim(), kind, core: nameOf(core, fixed), places: [], settlements: [] };
      streets.set(key, street);
    }
    if (locality && !street.places.includes(locality)) street.places.push(locality);
    const s = settlement ?? locality?.settlement ?? undefined;
    if (s && !street.settlements.includes(s)) street.settlements.push(s);
  }
  const centre = input.centre
    ? (findLocality(input.centre.locality, byKey.get(input.centre.settlement)) ?? null)
    : (localities.filter((l) => l.input.kind === 'город').length === 1
        ? localities.find((l) => l.input.kind === 'город')!
        : null);
  const streetList = [...streets.values()];
  const index = {
    streets: indexFirstWords(streetList.map((st) => st.core)),
    localities: indexFirstWords(localities.map((l) => l.name)),
    adjectives: indexFirstWords(settlements.map((st) => st.adjective)),
  };
  return { settlements, localities, streets: streetList, centre, index };
}

// ---- the text -------------------------------------------------------------------------------------------------

type Token = { norm: string; raw: string; num: boolean; cap: boolean; dot: boolean };

const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а', o: 'о', e: 'е', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[a-zа-яё]+(?:-[a-zа-яё]+)*|\d+(?:-?[а-яё](?![а-яё]))?(?:\/\d+[а-яё]?)?|№/giu;
  for (const m of text.matchAll(re)) {
    let raw = m[0];
    // A Latin letter inside a Russian word is a look-alike typed by mistake ("Суровикинo").
    if (/[а-яё]/i.test(raw) && /[a-z]/i.test(raw)) raw = raw.replace(/[a-z]/gi, (c) => {
      const r = LATIN_LOOKALIKES[c.toLowerCase()];
      return r ? (c === c.toLowerCase() ? r : r.toUpperCase()) : c;
    });
    const num = /^\d/.test(raw);
    tokens.push({
      raw,
      norm: num ? raw.replace(/-/g, '').toLowerCase() : normalizeWord(raw),
      num,
      cap: /^[А-ЯЁ]/.test(raw),
      dot: text[m.index + m[0].length] === '.',
    });
  }
  return tokens;
}

/** How well a token is one word of a name: 1 a generated form, 0.95 the same Snowball stem, 0.8 one typo; else 0. */
function wordScore(token: Token, word: Word): number {
  if (token.num) return 0;
  if (word.forms.has(token.norm)) return 1;
  if (token.norm.length >= 5 && word.stems.has(stemOf(token.norm))) return 0.95;
  if (word.fuzzy && token.norm.length >= 5) {
    for (const f of word.forms) if (f[0] === token.norm[0] && editDistance(token.norm, f, 1) <= 1) return 0.8;
  }
  return 0;
}

function nameScore(tokens: Token[], i: number, name: Name): number {
  let score = 1;
  for (let j = 0; j < name.length; j++) {
    const t = tokens[i + j];
    const s = t ? wordScore(t, name[j]!) : 0;
    if (!s) return 0;
    score = Math.min(score, s);
  }
  return score;
}

function houseAt(tokens: Token[], j: number): { house: string; end: number } | null {
  let k = j;
  if (tokens[k] && HOUSE_MARKERS.has(tokens[k]!.norm)) k++;
  const t = tokens[k];
  if (!t?.num) return null;
  const next = tokens[k + 1];
  if (next && !next.num && QUANTITY.test(next.norm) && k === j) return null;
  if (t.norm.length > 6) return null;
  // "10 корп. 2", "10 к 2": the building of a house.
  const block = tokens[k + 2];
  if (next && /^(к|корп|корпус)$/.test(next.norm) && block?.num) {
    return { house: `${t.norm} корп. ${block.norm}`, end: k + 3 };
  }
  return { house: t.norm, end: k + 1 };
}

function streetMarkerBefore(tokens: Token[], i: number): StreetKind | null {
  let k = i - 1;
  if (tokens[k] && /^(им|имени)$/.test(tokens[k]!.norm)) k--;
  return (tokens[k] && streetMarker.get(tokens[k]!.norm)) ?? null;
}

type LocalityHit = { locality: Locality; score: number; at: number };
type SettlementHit = {
  settlement: Settlement;
  locality: Locality | null;
  score: number;
  at: number;
  official: boolean;
};
type StreetHit = { street: Street | null; name: string; house: string | null; score: number; at: number };

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The place a text names, or null when it names none. */
export function findPlace(gazetteer: Gazetteer, text: string): PlaceMatch | null {
  const tokens = tokenize(text);
  const localities: LocalityHit[] = [];
  const settlements: SettlementHit[] = [];
  const streets: StreetHit[] = [];
  const used = new Set<number>();

  // Streets first: a name after "ул." or before a house number is a street even when it is a locality's name too.
  for (let i = 0; i < tokens.length; i++) {
    const marker = streetMarkerBefore(tokens, i);
    let best: StreetHit | null = null;
    for (const k of candidates(gazetteer.index.streets, tokens[i])) {
      const street = gazetteer.streets[k]!;
      if (marker && street.kind && marker !== street.kind) continue;
      const s = nameScore(tokens, i, street.core);
      if (!s) continue;
      const end = i + street.core.length;
      const h = houseAt(tokens, end);
      const prev = tokens[i - 1]?.norm;
      const plainGenitive = !isAdjective(street.core[0]!.raw) && tokens[i]!.cap;
      let score: number;
      if (marker) score = 0.8;
      else if (h) score = 0.7;
      else if ((prev === 'на' || prev === 'по') && plainGenitive) score = 0.55;
      else continue;
      score *= s === 1 ? 1 : s === 0.95 ? 0.95 : 0.85;
      if (!best || score > best.score) best = { street, name: street.name, house: h?.house ?? null, score, at: i };
    }
    if (!best && marker && tokens[i]) {
      // A street the gazetteer does not know, written with its kind: kept as written, in the nominative.
      const t = tokens[i]!;
      if (t.num) {
        const h = houseAt(tokens, i + 1);
        best = { street: null, name: `${marker.abbr} ${t.norm}`, house: h?.house ?? null, score: 0.6, at: i };
      } else if (t.norm.length >= 3 && !localityMarker.has(t.norm)) {
        // Only a capitalised word or an adjective: "на улице темно" names no street.
        const adjective = isAdjective(t.norm) || /.{4}(ой|ом|ую|ей|ого|ему|ому)$/.test(t.norm);
        if (t.cap || adjective) {
          const h = houseAt(tokens, i + 1);
          const core = adjective ? capitalise(adjectiveNominative(t.norm, marker.gender)) : t.raw;
          const score = t.cap ? 0.55 : 0.45;
          best = { street: null, name: `${marker.abbr} ${core}`, house: h?.house ?? null, score, at: i };
        }
      }
    }
    if (best) {
      streets.push(best);
      const len = best.street ? best.street.core.length : 1;
      for (let j = i; j < i + len; j++) used.add(j);
      i += len - 1;
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const prev = tokens[i - 1];
    const markerKind = prev ? localityMarker.get(prev.norm) : undefined;
    for (const k of candidates(gazetteer.index.localities, tokens[i])) {
      const locality = gazetteer.localities[k]!;
      const s = nameScore(tokens, i, locality.name);
      if (!s) continue;
      const multi = locality.name.length > 1;
      let score: number;
      if (markerKind) score = markerKind === locality.input.kind ? 0.95 : 0.85;
      else if (multi) score = 0.85;
      else if (tokens[i]!.cap) score = s === 1 ? 0.8 : 0.6;
      else score = s === 1 ? 0.4 : 0;
      if (markerKind || multi) score *= s;
      if (score) localities.push({ locality, score, at: i });
    }
    for (const k of candidates(gazetteer.index.adjectives, tokens[i])) {
      const settlement = gazetteer.settlements[k]!;
      if (!settlement.adjective) continue;
      const s = nameScore(tokens, i, settlement.adjective);
      if (!s) continue;
      const next = tokens[i + 1]?.norm ?? '';
      const official = SETTLEMENT_WORDS.has(next) || (next === 'с' && tokens[i + 2]?.norm === 'п');
      const centre = markerKind && settlement.centre?.input.kind === markerKind ? settlement.centre : null;
      const score = (official ? 0.9 : centre ? 0.85 : 0.7) * (s === 1 ? 1 : s);
      settlements.push({ settlement, locality: centre, score, at: i, official });
    }
  }

  if (!localities.length && !settlements.length && !streets.length) return null;

  // A locality named by its own name beats a settlement's adjective at the same words, unless "поселение" follows.
  const named = localities
    .filter((l) => !settlements.some((s) => s.at === l.at && s.official))
    .sort((a, b) => b.score - a.score || a.at - b.at);
  const adjectives = settlements
    .filter((s) => s.official || !localities.some((l) => l.at === s.at))
    .sort((a, b) => b.score - a.score || a.at - b.at);
  const streetHit = streets.sort((a, b) => b.score - a.score || a.at - b.at)[0] ?? null;

  let locality: Locality | null = null;
  let settlement: Settlement | null = null;
  let placeScore = 0;
  let consistent = false;
  const street = streetHit?.street ?? null;

  const inStreet = street ? named.find((l) => street.places.includes(l.locality)) : undefined;
  const pick = inStreet ?? named[0];
  if (pick) {
    locality = pick.locality;
    settlement = pick.locality.settlement;
    placeScore = pick.score;
    consistent = !!inStreet;
  } else if (adjectives[0]) {
    const a = adjectives.find((x) => street?.settlements.includes(x.settlement)) ?? adjectives[0];
    settlement = a.settlement;
    locality = a.locality;
    placeScore = a.score;
    if (street?.settlements.includes(a.settlement)) {
      consistent = true;
      const here = street.places.filter((p) => p.settlement === a.settlement);
      if (!locality && here.length === 1) locality = here[0]!;
    }
  }

  let streetScore = streetHit?.score ?? 0;
  if (street && !locality && !settlement) {
    // The street alone: its only place, else the district centre if it has the street, else no place.
    if (street.places.length === 1) {
      locality = street.places[0]!;
      settlement = locality.settlement;
    } else if (street.places.length > 1 && gazetteer.centre && street.places.includes(gazetteer.centre)) {
      locality = gazetteer.centre;
      settlement = locality.settlement;
      streetScore *= 0.7;
    } else if (street.places.length > 1) {
      streetScore *= 0.5;
    }
  }

  let confidence: number;
  if (placeScore && streetHit) {
    confidence = Math.max(placeScore, streetScore) + (consistent ? 0.04 : 0);
    if (!consistent && street) confidence -= 0.05;
  } else {
    confidence = Math.max(placeScore, streetScore);
  }
  if (streetHit?.house) confidence += 0.02;
  confidence = Math.round(Math.min(0.99, Math.max(0, confidence)) * 100) / 100;

  return {
    settlement: settlement
      ? {
          ...(settlement.input.id !== undefined ? { id: settlement.input.id } : {}),
          ...(settlement.input.code !== undefined ? { code: settlement.input.code } : {}),
          name: settlement.input.name,
        }
      : null,
    locality: locality ? { name: locality.input.name, kind: locality.input.kind } : null,
    street: streetHit?.name ?? null,
    house: streetHit?.house ?? null,
    confidence,
  };
}
