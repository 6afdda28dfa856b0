import { createHash } from 'node:crypto';
import { readReference, type DistrictReference, type Rubricator } from '../../../db/reference.js';
import type { CorpusExample, Register } from '../text.types.js';
import { CITY_SEEDS } from './seeds-city.js';
import { COMMON_SEEDS } from './seeds-common.js';
import { MORE_SEEDS, MORE_SEEDS_2, MORE_SEEDS_3, MORE_SEEDS_4, MORE_SEEDS_5 } from './seeds-more.js';
import { OTHER_SEEDS } from './seeds-other.js';
import { ROUND10_SEEDS } from './seeds-round10.js';
import { ROUND11_SEEDS } from './seeds-round11.js';
import { ROUND9_SEEDS } from './seeds-round9.js';
import { SECTOR_SEEDS } from './seeds-sectors.js';
import { SOCIAL_SEEDS } from './seeds-social.js';
import { ZHKH_SEEDS } from './seeds-zhkh.js';

/**
 * Builds the labelled corpus (server/data/text/corpus.jsonl) from the hand-written seed clauses: each clause is put
 * into frames of its registers, with places of the district and, for posts, typos, slang, lost punctuation and
 * capitals. Everything is seeded by the clause itself, so the same seeds give the same corpus byte for byte, and a
 * new clause changes no other clause's examples. How and why: docs/text.md.
 */
export const GENERATOR = 'corpus/generate.ts v1';

/**
 * Clauses an earlier round filed against the corpus's own rules (docs/text.md, "How it was checked"), found by the
 * writers of the tenth to twelfth rounds among the clauses the classifier got wrong: the clause (without its
 * markers) and the category it belongs to. They stay in their seed files as written and are filed here, so that the
 * files keep what each round wrote.
 */
export const REFILED: Readonly<Record<string, string>> = {
  // A lift, a ramp or a wheelchair anywhere is accessibility.
  'в больнице нет лифта, больных носят на руках': 'SOCIAL_ACCESSIBLE',
  'в больнице нет лифта, пациентов поднимают по лестнице': 'SOCIAL_ACCESSIBLE',
  'в больнице нет пандуса к приёмному покою, каталку несут по ступеням': 'SOCIAL_ACCESSIBLE',
  'в поликлинике нет лифта и пандуса для пожилых': 'SOCIAL_ACCESSIBLE',
  'инвалидную коляску отказались брать в автобус': 'SOCIAL_ACCESSIBLE',
  'водитель автобуса отказался везти человека на коляске': 'SOCIAL_ACCESSIBLE',
  // A building in danger, a collapse or a flood is an emergency.
  'школа в аварийном состоянии, стены в трещинах': 'SAFETY_EMERGENCY',
  'школьники учатся в аварийном здании': 'SAFETY_EMERGENCY',
  'у музея обвалилось крыльцо': 'SAFETY_EMERGENCY',
  'огород затопило с оросительного канала': 'SAFETY_EMERGENCY',
  // Snow anywhere is snow clearing; the ambulance is its own category; a common pasture taken is a matter of land
  // (as "кто-то огородил общий выгон" is); animals in an apartment block's basement are the block's upkeep.
  'дорогу к кладбищу не чистят от снега': 'ROADS_SNOW',
  'скорая едет из района больше часа': 'HEALTH_FAP',
  'фермер занял общий выгон': 'PROP_LAND',
  'кошки в подвале многоквартирного дома, вонь и блохи': 'ZHKH_MKD',
  // A school's own drinking fountain is the school's; a farm's waste water in a river is pollution by an enterprise.
  'в школе ребятам нечего пить, питьевой фонтанчик не работает': 'EDU_SCHOOL',
  'сточные воды от фермы текут в речку через хутор': 'ECO_POLLUTION',
  // Found by the eleventh round's writers: a rehabilitation aid is social care (as a wheelchair or a hearing aid
  // is), a sanatorium voucher or a compensation a benefit (as "отказали в бесплатной путёвке в санаторий" is), no
  // heating heating, a хутор cut off by snow snow clearing.
  'инвалиду по зрению не выдали трость': 'SOCIAL_CARE',
  'просим путёвку в санаторий для одинокой пенсионерки': 'SOCIAL_BENEFITS',
  'в муниципальном жилье не работает отопление': 'ZHKH_HEATING',
  'после паводка не выплатили компенсацию': 'SOCIAL_BENEFITS',
  'снежная буря, хутор отрезан, люди без помощи': 'ROADS_SNOW',
  'в метель хутор отрезан, к людям не пробиться': 'ROADS_SNOW',
  // Found by the twelfth round's writers: a ramp anywhere; an apartment block's mailboxes are its common property.
  'в почтовом отделении нет пандуса и всегда очередь': 'SOCIAL_ACCESSIBLE',
  'в многоэтажке почтовые ящики взломаны, письма валяются на полу': 'ZHKH_MKD',
  // A collapse in a classroom is an emergency; a school bus kept off uncleared roads is snow clearing.
  'в классе обвалилась часть потолка прямо во время урока, детей вывели, но занятия продолжаются рядом': 'SAFETY_EMERGENCY',
  'зимой школьный автобус не ходит, дороги не чищены': 'ROADS_SNOW',
  // Declaring a house unfit and resettling its people is housing (named by writers of two rounds).
  'жилой дом в аварийном состоянии, расселение переносят': 'PROP_HOUSING',
  'просим признать наш дом аварийным': 'PROP_HOUSING',
  // Named by writers of three rounds: a road broken by farm machines is a road to repair; a road to the plots
  // ploughed up is a matter of land.
  'сельхозтехника ездит по улице и разбивает дорогу': 'ROADS_REPAIR',
  'фермер распахал дорогу к нашим участкам': 'PROP_LAND',
};

const clauseOf = (line: string) => line.replace(/^[!~]+/, '').split(' | ')[0]!.trim();

function refile(seeds: Record<string, readonly string[]>): Record<string, readonly string[]> {
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(seeds).map((code) => [code, []]));
  const found = new Set<string>();
  for (const [code, lines] of Object.entries(seeds)) {
    for (const line of lines) {
      const to = REFILED[clauseOf(line)];
      if (to) found.add(clauseOf(line));
      out[to ?? code]!.push(line);
    }
  }
  const missing = Object.keys(REFILED).filter((c) => !found.has(c));
  if (missing.length) throw new Error(`refiled clauses not in the seeds: ${missing.join('; ')}`);
  return out;
}

export const ALL_SEEDS: Record<string, readonly string[]> = refile(
  Object.fromEntries(
    Object.entries({ ...ZHKH_SEEDS, ...CITY_SEEDS, ...SOCIAL_SEEDS, ...OTHER_SEEDS }).map(([code, seeds]) => [
      code,
      [
        ...seeds,
        ...(COMMON_SEEDS[code] ?? []),
        ...(MORE_SEEDS[code] ?? []),
        ...(MORE_SEEDS_2[code] ?? []),
        ...(MORE_SEEDS_3[code] ?? []),
        ...(MORE_SEEDS_4[code] ?? []),
        ...(MORE_SEEDS_5[code] ?? []),
        ...(SECTOR_SEEDS[code] ?? []),
        ...(ROUND9_SEEDS[code] ?? []),
        ...(ROUND10_SEEDS[code] ?? []),
        ...(ROUND11_SEEDS[code] ?? []),
      ],
    ]),
  ),
);

export type Seed = {
  id: string;
  categoryCode: string;
  sectorCode: string;
  clause: string;
  ask: string | undefined;
  urgent: boolean;
  indirect: boolean;
  question: boolean;
  hash: string;
};

export function parseSeeds(rubricator: Rubricator, seeds: Record<string, readonly string[]> = ALL_SEEDS): Seed[] {
  const sectorOf = new Map<string, string>();
  for (const s of rubricator.sectors) for (const c of s.categories) sectorOf.set(c.code, s.code);
  for (const code of sectorOf.keys()) if (!seeds[code]?.length) throw new Error(`no seeds for category ${code}`);
  const out: Seed[] = [];
  for (const [categoryCode, lines] of Object.entries(seeds)) {
    const sectorCode = sectorOf.get(categoryCode);
    if (!sectorCode) throw new Error(`seeds for an unknown category ${categoryCode}`);
    for (const line of lines) {
      let rest = line;
      let urgent = false;
      let indirect = false;
      for (;;) {
        if (rest.startsWith('!')) urgent = true;
        else if (rest.startsWith('~')) indirect = true;
        else break;
        rest = rest.slice(1);
      }
      const [clause, ask] = rest.split(' | ').map((s) => s.trim());
      const hash = createHash('sha256').update(clause!).digest('hex');
      out.push({
        id: `${categoryCode}/${hash.slice(0, 8)}`,
        categoryCode,
        sectorCode,
        clause: clause!,
        ask,
        urgent,
        indirect,
        question: /^(когда|как|кто|почему|куда|законно ли|в каком году|на сколько|просим разъяснить|прошу разъяснить)(?=\s|$)/.test(clause!),
        hash,
      });
    }
  }
  return out;
}

/** A small seeded generator (mulberry32): the corpus must not change between runs or machines. */
export function rng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// ---- places ---------------------------------------------------------------------------------------------------

/** The locative ("в хуторе Лысове") of each locality of surovikino.json, written by hand. */
const LOCATIVE: Record<string, string> = {
  Суровикино: 'Суровикино',
  Ближнеосиновский: 'Ближнеосиновском',
  Свиридовский: 'Свиридовском',
  Верхнеосиновский: 'Верхнеосиновском',
  Нижнеосиновский: 'Нижнеосиновском',
  Верхнесолоновский: 'Верхнесолоновском',
  Добринка: 'Добринке',
  Качалин: 'Качалине',
  Остров: 'Острове',
  Лобакин: 'Лобакине',
  Лысов: 'Лысове',
  Зрянин: 'Зрянине',
  Бурацкий: 'Бурацком',
  Майоровский: 'Майоровском',
  'Нижний Чир': 'Нижнем Чире',
  Суворовская: 'Суворовской',
  Нижнесоленый: 'Нижнесолёном',
  Новомаксимовский: 'Новомаксимовском',
  Сысоевский: 'Сысоевском',
};
const KIND: Record<string, { abbr: string; loc: string; gen: string }> = {
  город: { abbr: 'г.', loc: 'городе', gen: 'города' },
  хутор: { abbr: 'х.', loc: 'хуторе', gen: 'хутора' },
  станица: { abbr: 'ст-ца', loc: 'станице', gen: 'станицы' },
};

type Place = { name: string; kind: string; streets: string[] };

export function districtPlaces(ref: DistrictReference): Place[] {
  const places: Place[] = [];
  for (const s of ref.settlements) {
    for (const l of s.localities) {
      if (!LOCATIVE[l.name] || !KIND[l.kind]) throw new Error(`no locative for ${l.kind} ${l.name}`);
      const streets =
        l.kind === 'город'
          ? ref.streets.surovikino.map((x) => x.name)
          : (ref.streets.rural.find((r) => r.locality.endsWith(' ' + l.name))?.streets.map((x) => x.name) ?? []);
      places.push({ name: l.name, kind: l.kind, streets: streets.map((x) => x.replace(/^ул\.\s*/, '')) });
    }
  }
  return places;
}

type Address = { formal: string; short: string; social: string; loc: string; who: string };

function address(r: () => number, places: Place[]): Address {
  // The town has two thirds of the district's people: it gets about half of the examples.
  const town = places.find((p) => p.kind === 'город')!;
  const place = r() < 0.5 ? town : pick(r, places.filter((p) => p !== town));
  const k = KIND[place.kind]!;
  const street = place.streets.length && r() < 0.8 ? pick(r, place.streets) : undefined;
  const house = 1 + Math.floor(r() * 80);
  const loc = `в ${r() < 0.5 ? k.loc + ' ' : ''}${LOCATIVE[place.name]}`;
  const socialLoc = `в ${LOCATIVE[place.name]!.toLowerCase()}`;
  const onStreet = street ? street.toLowerCase().replace(/ая$/, 'ой') : ''; // на Садовой, на Ленина
  return {
    formal: street ? `${k.abbr} ${place.name}, ул. ${street}, д. ${house}` : `${k.abbr} ${place.name}`,
    short: street ? `${k.abbr} ${place.name}, ул. ${street} ${house}` : `${k.abbr} ${place.name}`,
    social: street
      ? pick(r, [`на ${onStreet} ${house}`, `${socialLoc} на ${onStreet}`, `ул ${street.toLowerCase()}`])
      : pick(r, [`у нас ${socialLoc}`, socialLoc, '']),
    loc,
    who: `${k.gen} ${place.name}`,
  };
}

// ---- frames ---------------------------------------------------------------------------------------------------

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const GENERIC_ASK = ['принять меры', 'разобраться', 'решить вопрос', 'помочь', 'взять вопрос на контроль'];

type Slots = { p: string; ask: string; a: Address };
type Frame = (s: Slots, r: () => number) => string;

const FORMAL: Frame[] = [
  (s) => `Уважаемый глава района! Обращаюсь к Вам по следующему вопросу: ${s.p}. Адрес: ${s.a.formal}. Прошу ${s.ask}. С уважением, житель ${s.a.who}.`,
  (s) => `В администрацию Суровикинского муниципального района. Довожу до Вашего сведения, что ${s.p} (${s.a.formal}). Прошу принять меры и дать письменный ответ в установленный законом срок.`,
  (s) => `Заявление. Я, проживающий по адресу: ${s.a.formal}, сообщаю, что ${s.p}. Неоднократные устные обращения результата не дали. Прошу ${s.ask}.`,
  (s) => `Прошу рассмотреть моё обращение. ${cap(s.p)}. Место: ${s.a.formal}. Ответ прошу направить по почте.`,
  (s) => `Уважаемая администрация! Жители ${s.a.who} обращаются к Вам коллективно: ${s.p}. Просим ${s.ask}. Подписи прилагаются.`,
  (s) => `Добрый день. Пишу через форму обращений. ${cap(s.p)}, адрес ${s.a.formal}. Прошу ${s.ask} и сообщить о результатах.`,
  (s) => `Главе Суровикинского района от жительницы ${s.a.who}. ${cap(s.p)}. Прошу ${s.ask}. Заранее благодарю.`,
];
const FORMAL_Q: Frame[] = [
  (s) => `Уважаемая администрация! Прошу разъяснить: ${s.p}? Адрес: ${s.a.formal}.`,
  (s) => `Обращаюсь за разъяснением. ${cap(s.p)}? Проживаю по адресу: ${s.a.formal}. Ответ прошу дать письменно.`,
];
const OPERATOR: Frame[] = [
  (s) => `Звонок от жителя ${s.a.who}. Со слов заявителя: ${s.p}. Просит ${s.ask}.`,
  (s) => `Позвонила жительница ${s.a.short}, сообщила, что ${s.p}. Просит перезвонить.`,
  (s) => `Заявитель по телефону: ${s.p}. Адрес ${s.a.short}. Просит принять меры.`,
  (s) => `Тел. обращение. ${cap(s.p)}. Адрес: ${s.a.short}. Заявитель просит ${s.ask}, ответ по телефону.`,
  (s) => `Обратился по горячей линии мужчина, ${s.a.short}: ${s.p}. Ранее обращался, мер не принято.`,
  (s) => `Жительница ${s.a.loc} сообщает: ${s.p}. Просит ${s.ask}. Контактный телефон указан.`,
  (s) => `Со слов звонившего (${s.a.short}), ${s.p}. Соединить с ответственными не удалось.`,
];
const OPERATOR_Q: Frame[] = [
  (s) => `Звонок. Житель ${s.a.short} спрашивает: ${s.p}?`,
  (s) => `Заявительница ${s.a.loc} просит разъяснить: ${s.p}. Ответ по телефону.`,
];
const SOCIAL: Frame[] = [
  (s) => `${s.p} ${s.a.social} сколько можно!!!`,
  (s) => `админы вы там спите вообще? ${s.p} ${s.a.social}`,
  (s) => `${s.p} ${s.a.social} куда смотрит администрация`,
  (s) => `люди помогите ${s.p} ${s.a.social} никто не реагирует`,
  (s) => `${s.a.social} ${s.p} позор`,
  (s) => `опять ${s.p} ${s.a.social} доколе это будет продолжаться`,
  (s) => `${s.p}. ${s.a.social}. звонили никто не берет трубку`,
  (s) => `глава района ответьте людям ${s.p} ${s.a.social}`,
  (s) => `${s.p} ${s.a.social} и всем пофиг`,
];
const SOCIAL_Q: Frame[] = [
  (s) => `подскажите ${s.p} ${s.a.social}???`,
  (s) => `люди кто знает ${s.p}`,
];
const INDIRECT: Frame[] = [
  (s) => `${cap(s.p)}.`,
  (s) => `${cap(s.p)}. ${cap(s.a.loc)}.`,
  (s) => `У нас ${s.a.loc} ${s.p}. Что делать?`,
  (s) => `Подскажите, к кому обращаться: ${s.p}. Адрес ${s.a.short}.`,
  (s) => `${s.p} ${s.a.social}`,
  (s) => `Здравствуйте. ${cap(s.p)}. Это вообще нормально?`,
  (s) => `Со слов заявителя: ${s.p}. ${s.a.short}.`,
  (s) => `${s.a.social} ${s.p} помогите`,
];

// ---- variation of posts -----------------------------------------------------------------------------------------

const word = (w: string) => new RegExp(`(?<![а-яё])${w}(?![а-яё])`, 'g');
const SLANG: [RegExp, string[]][] = [
  [word('что'), ['шо', 'че', 'што']],
  [word('сейчас'), ['щас']],
  [word('вообще'), ['ваще']],
  [word('ничего'), ['ничо', 'ниче']],
  [word('пожалуйста'), ['плиз', 'пжлст']],
  [word('администрация'), ['админы', 'администрацыя']],
  [word('только'), ['тока']],
  [word('когда'), ['када']],
  [word('потому что'), ['потомучто', 'патамушта']],
];
const VOWEL_SWAP: Record<string, string> = { о: 'а', а: 'о', е: 'и', и: 'е', ь: '', ъ: '' };

function typo(word: string, r: () => number): string {
  if (word.length < 4 || !/^[а-яё]+$/.test(word)) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = r();
  if (kind < 0.3) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swapped letters
  if (kind < 0.5) return word.slice(0, i) + word.slice(i + 1); // a letter lost
  if (kind < 0.65) return word.slice(0, i) + word[i] + word.slice(i); // a letter doubled
  const swap = VOWEL_SWAP[word[i]!];
  return swap !== undefined ? word.slice(0, i) + swap + word.slice(i + 1) : word; // spelling as heard
}

/** Turns a clean post into one as people write them; returns the text and the names of what it did. */
function roughen(text: string, r: () => number): { text: string; variations: string[] } {
  const variations: string[] = [];
  let t = text.toLowerCase();
  if (r() < 0.6) {
    t = t.replace(/[.,:;«»"()—]/g, ' ').replace(/\s+/g, ' ').trim();
    variations.push('no-punctuation');
  }
  if (r() < 0.5) {
    t = t.replace(/ё/g, 'е');
    variations.push('yo-as-e');
  }
  let slang = false;
  for (const [re, subs] of SLANG) {
    if (re.test(t) && r() < 0.6) {
      t = t.replace(re, () => pick(r, subs));
      slang = true;
    }
    re.lastIndex = 0;
  }
  if (slang) variations.push('slang');
  const rate = pick(r, [0, 0.05, 0.1, 0.15]);
  if (rate > 0) {
    t = t.replace(/[а-яё]+/g, (w) => (r() < rate ? typo(w, r) : w));
    variations.push('typos');
  }
  if (r() < 0.15) {
    t = t.toUpperCase();
    variations.push('capitals');
  }
  if (r() < 0.4) {
    t += pick(r, ['!!!', '!!!!!', '???', ' ((((', ' )))', '!!1', ' ...']);
  }
  return { text: t, variations };
}

// ---- the corpus ---------------------------------------------------------------------------------------------------

/**
 * The split is by seed clause, never by example: all examples of one clause are in the same split, so the test
 * measures clauses the model has not seen. Per category (and, for urgent clauses, across the rubricator, so that
 * the urgent test set is not left to chance) the clauses are ranked by the SHA-256 of their text and the first fifth
 * goes to the test.
 */
export function assignSplit(seeds: Seed[]): Map<string, 'train' | 'test'> {
  const split = new Map<string, 'train' | 'test'>();
  const byHash = (a: Seed, b: Seed) => (a.hash < b.hash ? -1 : 1);
  const urgent = seeds.filter((s) => s.urgent).sort(byHash);
  const nUrgentTest = Math.round(urgent.length * 0.25);
  urgent.forEach((s, i) => split.set(s.id, i < nUrgentTest ? 'test' : 'train'));
  const categories = new Set(seeds.map((s) => s.categoryCode));
  for (const c of categories) {
    const all = seeds.filter((s) => s.categoryCode === c);
    const rest = all.filter((s) => !s.urgent).sort(byHash);
    const wanted = Math.max(2, Math.round(all.length * 0.2));
    const already = all.filter((s) => split.get(s.id) === 'test').length;
    rest.forEach((s, i) => split.set(s.id, i < wanted - already ? 'test' : 'train'));
  }
  return split;
}

export function generateCorpus(): CorpusExample[] {
  const rubricator = readReference<Rubricator>('rubricator.json');
  const places = districtPlaces(readReference<DistrictReference>('surovikino.json'));
  const seeds = parseSeeds(rubricator);
  const split = assignSplit(seeds);
  const seen = new Set<string>();
  const out: CorpusExample[] = [];
  for (const seed of seeds) {
    const plan: Register[] = seed.indirect
      ? ['indirect', 'indirect', 'indirect', 'indirect', 'indirect']
      : ['formal', 'operator', 'operator', 'social', 'social'];
    const used = new Set<string>();
    plan.forEach((register, k) => {
      const r = rng(`${seed.hash}#${k}`);
      const frames =
        register === 'formal' ? (seed.question ? FORMAL_Q : FORMAL)
        : register === 'operator' ? (seed.question ? OPERATOR_Q : OPERATOR)
        : register === 'social' ? (seed.question ? SOCIAL_Q : SOCIAL)
        : INDIRECT;
      let frameNo = Math.floor(r() * frames.length);
      for (let tries = 0; used.has(`${register}#${frameNo}`) && tries < frames.length; tries++) {
        frameNo = (frameNo + 1) % frames.length;
      }
      used.add(`${register}#${frameNo}`);
      const slots: Slots = { p: seed.clause, ask: seed.ask ?? pick(r, GENERIC_ASK), a: address(r, places) };
      let text = frames[frameNo]!(slots, r).replace(/\s+/g, ' ').replace(/\s+([.,!?])/g, '$1').trim();
      const variations = ['place'];
      if (register === 'social' || (register === 'indirect' && r() < 0.4)) {
        const rough = roughen(text, r);
        text = rough.text;
        variations.push(...rough.variations);
      }
      if (seen.has(text)) return;
      seen.add(text);
      out.push({
        id: `${seed.id}-${k}`,
        text,
        sectorCode: seed.sectorCode,
        categoryCode: seed.categoryCode,
        urgent: seed.urgent,
        register,
        split: split.get(seed.id)!,
        provenance: { seed: seed.id, frame: `${register}#${frameNo}`, variations, generator: GENERATOR },
      });
    });
  }
  return out;
}
