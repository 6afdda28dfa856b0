import type { ReworkReason } from '../items/item.enums.js';
import { stem } from '../text/features.js';
import {
  DATE_PATTERNS,
  EMPTY_OBJECTS,
  FUNCTION_WORDS,
  FUTURE_MARKERS,
  GENERIC_WORDS,
  LAW_PATTERNS,
  NOT_A_MEASURE,
  NONPAST_ENDINGS,
  PAST_ENDINGS,
  STRONG_ACTION_ROOTS,
  VAGUE_TIME_PHRASES,
  WEAK_ACTION_ROOTS,
} from './markers.js';
import { trigramSimilarity } from './similarity.js';

/**
 * The answer check (issue 13): before review, an answer is read for the rework reasons a machine can see. Pure: no
 * database, no clock of its own. Each finding names the check, the rework reason a reviewer would pick for it, a
 * message in Russian for the reviewer, and the words of the answer (or the other answer) it rests on.
 */
export type AnswerCheckCode =
  | 'NO_DATE'
  | 'NO_MEASURE'
  | 'ONLY_LAWS'
  | 'BOILERPLATE'
  | 'OFF_TOPIC'
  | 'PLACE_MISSING'
  | 'DEADLINE_PASSED';

export type AnswerFinding = {
  code: AnswerCheckCode;
  reason: `${ReworkReason}`;
  message: string;
  evidence?: string;
};

export type AnswerPlace = { settlement?: string; locality?: string; street?: string; house?: string };

export type AnswerCheckInput = {
  answer: string;
  /** The citizen's text. */
  question: string;
  /** The place of the item, from the item or the gazetteer. */
  place?: AnswerPlace;
  /** The Russian name of the item's category (rubricator), which adds its words to the question's topic. */
  category?: string;
  /** Other answers (of the same department, recent) to compare with. */
  otherAnswers?: string[];
  /** For deadlines already passed; without it that check is skipped. */
  now?: Date;
  /** IANA zone in which "today" is taken; Europe/Moscow if not given. */
  zone?: string;
};

/** At or above this pg_trgm similarity to another answer the answer is taken as copied (docs/text.md). */
export const BOILERPLATE_SIMILARITY = 0.6;
/** Citations of laws in at least this share of the answer's words, with no measure, make "only laws". */
export const LAW_SHARE = 0.5;

const REASON: Record<AnswerCheckCode, `${ReworkReason}`> = {
  NO_DATE: 'NO_DATE_OR_MEASURES',
  NO_MEASURE: 'NO_DATE_OR_MEASURES',
  DEADLINE_PASSED: 'NO_DATE_OR_MEASURES',
  ONLY_LAWS: 'LAWS_NOT_EXPLAINED',
  BOILERPLATE: 'FORMAL_NOT_ON_MERITS',
  OFF_TOPIC: 'FORMAL_NOT_ON_MERITS',
  PLACE_MISSING: 'FORMAL_NOT_ON_MERITS',
};

export function checkAnswer(input: AnswerCheckInput): AnswerFinding[] {
  const text = normalize(input.answer);
  const findings: AnswerFinding[] = [];
  const add = (code: AnswerCheckCode, message: string, evidence?: string) =>
    findings.push({ code, reason: REASON[code], message, ...(evidence !== undefined ? { evidence } : {}) });

  const dates = findDates(text);
  const measures = findMeasures(text);
  const laws = lawShare(text);
  const vague = VAGUE_TIME_PHRASES.filter((p) => text.includes(p));

  if (laws.citations >= 2 && laws.share >= LAW_SHARE && measures.length === 0) {
    add(
      'ONLY_LAWS',
      'Ответ состоит из ссылок на законы и акты без разъяснения, что это значит для заявителя и что сделано.',
      laws.examples.slice(0, 3).join('; '),
    );
  } else {
    if (measures.length === 0) {
      add('NO_MEASURE', 'В ответе не названа конкретная мера: что сделано или будет сделано и с чем.');
    }
    const onlyDone = measures.length > 0 && measures.every((m) => m.past) && !FUTURE_MARKERS.test(text);
    if (dates.length === 0 && (!onlyDone || vague.length > 0)) {
      add(
        'NO_DATE',
        vague.length > 0
          ? `Срок не назван: «${vague[0]}» — не дата. Укажите дату или срок выполнения.`
          : 'В ответе нет даты или срока выполнения.',
        vague.length > 0 ? vague.join('; ') : undefined,
      );
    }
  }

  if (input.now) {
    const passed = passedDeadline(text, input.now, input.zone ?? 'Europe/Moscow');
    if (passed) add('DEADLINE_PASSED', `Обещанный срок уже прошёл: «${passed}».`, passed);
  }

  let best: { i: number; sim: number } | undefined;
  (input.otherAnswers ?? []).forEach((other, i) => {
    const sim = trigramSimilarity(input.answer, other);
    if (sim >= BOILERPLATE_SIMILARITY && (!best || sim > best.sim)) best = { i, sim };
  });
  if (best) {
    const other = input.otherAnswers![best.i]!;
    add(
      'BOILERPLATE',
      `Ответ почти совпадает с другим ответом (сходство ${best.sim.toFixed(2)}): похоже на шаблон, а не ответ на это обращение.`,
      other.length > 120 ? other.slice(0, 117) + '…' : other,
    );
  }

  const placeStems = placeWordStems(input.place);
  const topic = topicStems(input.question + ' ' + (input.category ?? ''), placeStems);
  const answerStems = new Set(contentWords(input.answer).map(stem));
  const shared = [...topic].filter((s) => [...answerStems].some((a) => sameStem(s, a)));
  if (topic.size > 0 && shared.length === 0) {
    add('OFF_TOPIC', 'Ответ не касается темы обращения: в нём нет ни одного слова о предмете вопроса.',
      [...topic].slice(0, 6).join(', '));
  }

  const missing = missingPlace(input.place, text);
  if (missing) add('PLACE_MISSING', `В ответе не назван адрес из обращения: «${missing}».`, missing);

  return findings;
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** The dates and deadlines the answer names, without the dates of documents ("обращение от 12.11.2026"). */
export function findDates(text: string): string[] {
  const out: string[] = [];
  for (const { re, document } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (document && /(?:от|№)\s*$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
      out.push(m[0]);
    }
  }
  return out;
}

type Measure = { word: string; object?: string; past: boolean };

function tokens(text: string): string[] {
  return text.split(/[^а-яa-z0-9-]+/).filter(Boolean);
}

function verbForm(word: string, roots: string[]): { past: boolean } | undefined {
  for (const root of roots) {
    if (!word.startsWith(root)) continue;
    const ending = word.slice(root.length);
    if (PAST_ENDINGS.includes(ending)) return { past: true };
    if (NONPAST_ENDINGS.includes(ending)) return { past: false };
  }
  return undefined;
}

const EMPTY_STEMS = new Set(EMPTY_OBJECTS.map((w) => stem(w)));
const ADJECTIVE = /(?:ая|яя|ое|ее|ые|ие|ый|ий|ой|ого|его|ому|ему|ую|юю|ых|их|ым|им|ыми|ими)$/;
const AUXILIARY = new Set(['был', 'была', 'было', 'были', 'будет', 'будут', 'быть', 'уже', 'вновь', 'также', 'оперативно']);

/** The next word that could be the object: past up to two adjectives; none at a function word. */
function objectAt(ws: string[], from: number, step: 1 | -1): string | undefined {
  let i = from;
  for (let skipped = 0; i >= 0 && i < ws.length; i += step) {
    const w = ws[i]!;
    if (AUXILIARY.has(w) && step === -1) continue;
    if (FUNCTION_WORDS.has(w) || /^\d/.test(w)) return undefined;
    if (ADJECTIVE.test(w) && w.length > 4 && skipped < 2 && i + step >= 0 && i + step < ws.length) {
      skipped++;
      continue;
    }
    return w;
  }
  return undefined;
}

function concreteObject(ws: string[], i: number): string | undefined {
  for (const step of [1, -1] as const) {
    let obj = objectAt(ws, i + step, step);
    if (!obj) continue;
    const s = stem(obj);
    // "работы по замене труб": the work is named by what follows "по"
    if ((s === stem('работы') || s === stem('мероприятия')) && step === 1) {
      const j = ws.indexOf(obj, i + 1);
      if (ws[j + 1] === 'по') obj = objectAt(ws, j + 2, 1);
      if (!obj) continue;
    }
    if (!EMPTY_STEMS.has(stem(obj))) return obj;
  }
  return undefined;
}

/** The verbs of a concrete measure in the answer, with their object where one was needed. */
export function findMeasures(text: string): Measure[] {
  const ws = tokens(text.replace(NOT_A_MEASURE, ' '));
  const out: Measure[] = [];
  ws.forEach((w, i) => {
    let before = i - 1;
    while (before >= 0 && AUXILIARY.has(ws[before]!)) before--;
    if (ws[before] === 'не') return;
    const strong = verbForm(w, STRONG_ACTION_ROOTS);
    if (strong) {
      out.push({ word: w, past: strong.past });
      return;
    }
    const weak = verbForm(w, WEAK_ACTION_ROOTS);
    if (!weak) return;
    const object = concreteObject(ws, i);
    if (object) out.push({ word: w, object, past: weak.past });
  });
  return out;
}

/** Sentences, not split after the abbreviations of addresses and acts ("ул. Ленина", "ст. 161", "г. Суровикино"). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]+\s+/g;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(start, m.index - 5), m.index);
    if (/(?:^|[^а-я])(?:ул|ст|п|пп|ч|г|д|х|пос|мкр|им|тел|руб|кв|стр|рф)$/.test(before)) continue;
    if (/^\d/.test(text.slice(m.index + m[0].length))) continue;
    out.push(text.slice(start, m.index + 1));
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function lawShare(text: string): { citations: number; share: number; examples: string[] } {
  let citations = 0;
  let cited = 0;
  let total = 0;
  const examples: string[] = [];
  for (const s of sentences(text)) {
    const n = tokens(s).length;
    total += n;
    let here = 0;
    for (const re of LAW_PATTERNS) {
      for (const m of s.matchAll(re)) {
        here++;
        if (examples.length < 5) examples.push(m[0]);
      }
    }
    citations += here;
    if (here > 0) cited += n;
  }
  return { citations, share: total ? cited / total : 0, examples };
}

const GENERIC_STEMS = new Set(GENERIC_WORDS.map((w) => stem(w)));

function contentWords(text: string): string[] {
  return normalize(text)
    .replace(/[^а-яa-z]+/g, ' ')
    .split(' ')
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w));
}

function topicStems(text: string, placeStems: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of contentWords(text)) {
    const s = stem(w);
    if (GENERIC_STEMS.has(s) || placeStems.some((p) => sameStem(p, s))) continue;
    out.add(s);
  }
  return out;
}

/**
 * Two stems of one word family: equal; one begins the other ("газ", "газопровод"; "ям", "ямочн"); they differ only in
 * the shorter one's last letter, an alternation ("дорог", "дорожн"); or a stem of five letters or more lies inside
 * the other ("ремонт", "отремонтирова"). Not a shared prefix alone: "переполн" and "перекрестк" are no family.
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short)) return true;
  if (short.length >= 5 && long.includes(short)) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 4 && common >= short.length - 1;
}

const PLACE_PREFIXES = /^(?:ул|улица|пер|переулок|пр|проспект|пл|площадь|мкр|микрорайон|х|хутор|ст|станица|ст-ца|п|пос|поселок|г|город|с|село|д|дом|кв|им)$/;

function placeWords(name: string | undefined): string[] {
  if (!name) return [];
  return normalize(name)
    .split(/[^а-яa-z0-9-]+/)
    .filter((w) => w && !PLACE_PREFIXES.test(w) && !/^\d/.test(w) && w.length >= 3);
}

function placeWordStems(place: AnswerPlace | undefined): string[] {
  if (!place) return [];
  return [place.street, place.locality, place.settlement].flatMap(placeWords).map((w) => stem(w));
}

/** The most specific part of the place (street, then locality, then settlement) when the answer names none of it. */
function missingPlace(place: AnswerPlace | undefined, text: string): string | undefined {
  if (!place) return undefined;
  const name = place.street ?? place.locality ?? place.settlement;
  const ws = placeWords(name);
  if (ws.length === 0) return undefined;
  const answerWords = tokens(text);
  // a proper name's stem may be short ("Лысов" → "лыс"): the answer's word must begin with it
  const found = ws.every((w) => {
    const s = stem(w);
    const root = s.length >= 3 ? s : w;
    return answerWords.some((a) => a.startsWith(root));
  });
  return found ? undefined : name;
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** The first promised deadline ("до 01.12.2025", "не позднее 15 ноября 2025 г.") that lies before today in the zone. */
function passedDeadline(text: string, now: Date, zone: string): string | undefined {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now); // YYYY-MM-DD
  const re = new RegExp(
    `(?<![а-я])(?:до|к|не позднее|в срок до)\\s+(?:(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})|(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4}))`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const [day, month, year] = m[1]
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : [Number(m[4]), MONTHS.indexOf(m[5]!) + 1, Number(m[6])];
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (iso < today) return m[0];
  }
  return undefined;
}
