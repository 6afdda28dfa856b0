import { describe, expect, it } from 'vitest';
import { buildGazetteer, findPlace } from './gazetteer.js';
import { adjectiveNominative, wordForms } from './inflect.js';
import { referenceGazetteer } from './reference.js';

const gazetteer = referenceGazetteer();

type Expected = {
  settlement: string | null;
  locality: string | null;
  street: string | null;
  house: string | null;
  /** The least confidence expected; default 0.5. */
  min?: number;
  /** The most confidence expected (for ambiguous matches). */
  max?: number;
};

const town = 'surovikino_gp';
const place = (
  settlement: string | null,
  locality: string | null,
  street: string | null = null,
  house: string | null = null,
  extra: Partial<Expected> = {},
): Expected => ({ settlement, locality, street, house, ...extra });

/** [what the row checks, the text, what is expected] */
const rows: [string, string, Expected][] = [
  // хутора in every case, with and without the kind word
  ['locative of a хутор after "в хуторе"', 'В хуторе Лысове третий день нет воды', place('lysovskoe', 'Лысов')],
  ['"х." glued to the name', 'х.Лысов, прорвало трубу у школы', place('lysovskoe', 'Лысов', null, null, { min: 0.9 })],
  [
    '"х." with a space',
    'Обращение жителей х. Лысов по поводу дороги',
    place('lysovskoe', 'Лысов', null, null, { min: 0.9 }),
  ],
  [
    'genitive of a хутор after "хутора"',
    'Жители хутора Качалина просят отремонтировать мост',
    place('kachalinskoe', 'Качалин'),
  ],
  ['dative of a хутор', 'к хутору Лобакину не проехать после дождя', place('lobakinskoe', 'Лобакин')],
  ['instrumental of a хутор', 'между хутором Зряниным и трассой свалка', place('lysovskoe', 'Зрянин')],
  [
    'an adjectival хутор in the locative',
    'в хуторе Ближнеосиновском не горят фонари',
    place('blizhneosinovskoe', 'Ближнеосиновский'),
  ],
  [
    'an adjectival хутор in the genitive without the kind word',
    'Жители Новомаксимовского жалуются на запах',
    place('novomaksimovskoe', 'Новомаксимовский'),
  ],
  ['a хутор in -а in the locative', 'В Добринке упал столб', place('dobrinskoe', 'Добринка')],
  [
    'a хутор whose name is a common noun, with its kind word',
    'на хуторе Остров размыло дорогу',
    place('kachalinskoe', 'Остров'),
  ],
  ['a хутор with no settlement in the reference', 'х. Скворин, нет связи неделю', place(null, 'Скворин')],
  [
    'the locality and its settlement from a хутор ending in -ый',
    'в хуторе Нижнесолёном нет света',
    place('nizhnesolenovskoe', 'Нижнесоленый'),
  ],
  // станицы and the town
  [
    '"ст-ца" and a two-word name',
    'ст-ца Нижний Чир, ул. Советская 14',
    place('nizhnechirskoe', 'Нижний Чир', 'ул. Советская', '14', { min: 0.9 }),
  ],
  ['a two-word name in the locative', 'В Нижнем Чире опять отключили газ', place('nizhnechirskoe', 'Нижний Чир')],
  [
    'the adjectival form of a станица ("станицы Нижнечирской")',
    'жители станицы Нижнечирской просят убрать мусор',
    place('nizhnechirskoe', 'Нижний Чир'),
  ],
  ['a станица in -ая in the genitive', 'Дорога до станицы Суворовской разбита', place('nizhnechirskoe', 'Суворовская')],
  [
    '"г." and the town',
    'г. Суровикино, ул. Шоссейная, д. 5',
    place(town, 'Суровикино', 'ул. Шоссейная', '5', { min: 0.9 }),
  ],
  ['the town declined colloquially', 'у нас в Суровикине опять ямы', place(town, 'Суровикино')],
  // settlements by their adjective
  [
    'a rural settlement by its adjective',
    'Администрация Лысовского сельского поселения не отвечает',
    place('lysovskoe', null, null, null, { min: 0.85 }),
  ],
  [
    'a settlement\'s adjective before "поселении" is the settlement, not its хутор',
    'в Сысоевском поселении нет автобуса',
    place('sysoevskoe', null),
  ],
  // streets and houses
  [
    '"на Ленина 12": a street in the town and Нижний Чир goes to the centre, less sure',
    'на Ленина 12 не вывозят мусор',
    place(town, 'Суровикино', 'ул. Ленина', '12', { max: 0.6 }),
  ],
  [
    '"ул. Ленина, д. 12" with the станица named picks the станица',
    'ст. Нижний Чир ул. Ленина, д. 12 — нет воды',
    place('nizhnechirskoe', 'Нижний Чир', 'ул. Ленина', '12', { min: 0.9 }),
  ],
  [
    '"по улице Октябрьской 5а" goes to the town, less sure',
    'по улице Октябрьской 5а течёт канализация',
    place(town, 'Суровикино', 'ул. Октябрьская', '5а', { max: 0.6 }),
  ],
  [
    'a street of two places picks the one named after it',
    'ул. Октябрьская 3, станица Суворовская',
    place('nizhnechirskoe', 'Суворовская', 'ул. Октябрьская', '3', { min: 0.85 }),
  ],
  [
    'a street only in the town is the town, sure',
    'ул. Орджоникидзе 7 не работает светофор',
    place(town, 'Суровикино', 'ул. Орджоникидзе', '7', { min: 0.75 }),
  ],
  [
    'a street in -ая in the locative with a house',
    'на улице Шоссейной 20 яма',
    place(town, 'Суровикино', 'ул. Шоссейная', '20'),
  ],
  [
    'a house with a slash',
    'ул. Пролетарская, д. 12/1, подъезд 2',
    place(town, 'Суровикино', 'ул. Пролетарская', '12/1'),
  ],
  [
    'a microdistrict by number and a house',
    'мкр 3 д 2 нет отопления',
    place(null, null, 'мкр. 3', '2', { min: 0.5, max: 0.7 }),
  ],
  [
    'a lane the gazetteer does not know is kept in the nominative',
    'пер. Садовый, возле дома 4 яма',
    place(null, null, 'пер. Садовый', null, { max: 0.6 }),
  ],
  [
    'an unknown lane in the locative is put into the nominative',
    'в переулке Садовом не горит фонарь',
    place(null, null, 'пер. Садовый', null, { max: 0.6 }),
  ],
  [
    'a street with no place among several rural ones gives no settlement and low confidence',
    'ул. Центральная 8 прорыв',
    place(null, null, 'ул. Центральная', '8', { min: 0.3, max: 0.45 }),
  ],
  [
    'a street shared by several хутора picks the хутор named',
    'х. Качалин, ул. Центральная 8, прорыв трубы',
    place('kachalinskoe', 'Качалин', 'ул. Центральная', '8', { min: 0.9 }),
  ],
  [
    'a хутор with a street the reference does not list keeps the хутор',
    'х. Лысов, ул. Мира 3',
    place('lysovskoe', 'Лысов', 'ул. Мира', '3'),
  ],
  [
    'a house with its building ("корп.")',
    'Ул Кирова, 10 корп 2, лифт стоит',
    place(town, 'Суровикино', 'ул. Кирова', '10 корп. 2', { min: 0.75 }),
  ],
  [
    'a street without its kind before a house number',
    'г Суровикино Гагарина 5 кв 12',
    place(town, 'Суровикино', 'ул. Гагарина', '5', { min: 0.9 }),
  ],
  [
    'a settlement\'s adjective with another noun ("в Лысовской школе")',
    'в Лысовской школе течёт крыша',
    place('lysovskoe', null),
  ],
  [
    'a quantity after a street is not a house',
    'на улице Ленина 3 дня нет воды',
    place(town, 'Суровикино', 'ул. Ленина', null, { max: 0.6 }),
  ],
  // social-post style: lower case, no punctuation, typos
  ['lower case and no punctuation', 'хутор лысов нет воды с утра', place('lysovskoe', 'Лысов')],
  [
    'a typo in a хутор name after its kind word',
    'в хуторе Лысрве воду не дают',
    place('lysovskoe', 'Лысов', null, null, { min: 0.7 }),
  ],
  [
    'a typo in a street name with a marker',
    'ул Первомайкая 10 нет света',
    place(town, 'Суровикино', 'ул. Первомайская', '10'),
  ],
  [
    'a Latin look-alike letter inside a Russian name',
    'г. Суровикинo, ул. Мира 1',
    place(town, 'Суровикино', 'ул. Мира', '1'),
  ],
  ['upper case', 'СТАНИЦА НИЖНИЙ ЧИР НЕТ ГАЗА', place('nizhnechirskoe', 'Нижний Чир')],
  [
    'a ё written as е and as ё',
    'ул. Молодёжная 4 и ул. Молодежная',
    place(town, 'Суровикино', 'ул. Молодёжная', '4', { max: 0.6 }),
  ],
  // operator style
  [
    'an operator\'s note: settlement, locality, street, house',
    'Звонок: Нижнечирское с/п, ст. Суворовская, ул. Октябрьская, 15. Нет газа.',
    place('nizhnechirskoe', 'Суворовская', 'ул. Октябрьская', '15', { min: 0.85 }),
  ],
  [
    'an operator\'s note with the хутор in the dative',
    'Выезд к хутору Майоровскому, ул. Степная',
    place('lysovskoe', 'Майоровский', 'ул. Степная'),
  ],
];

/** Texts that name no place: null, or a match under 0.5. */
const noPlace: [string, string][] = [
  ['a complaint with no place', 'Третий день нет воды, сколько можно'],
  ['a common word that is also a street name (Мира)', 'Хотим мира и тишины во дворе'],
  ['a common adjective that is also a street name (центральная)', 'центральная площадь вся в мусоре'],
  ['"остров" as a common noun, lower case', 'на острове отдыхающие оставили мусор'],
  ['the river Чир is not станица Нижний Чир', 'на реке Чир опять сбросы'],
  ['the district\'s adjective is no settlement', 'Суровикинский район, жалоба на тарифы'],
  ['a year with "г." is not a town', 'В 2024 г. обещали починить, но нет'],
  ['"лысая резина" is not хутор Лысов', 'у автобуса лысая резина, опасно'],
];

function check(text: string, e: Expected) {
  const r = findPlace(gazetteer, text);
  expect(r, text).not.toBeNull();
  expect(
    {
      settlement: r!.settlement?.code ?? null,
      locality: r!.locality?.name ?? null,
      street: r!.street,
      house: r!.house,
    },
    text,
  ).toEqual({ settlement: e.settlement, locality: e.locality, street: e.street, house: e.house });
  expect(r!.confidence, text).toBeGreaterThanOrEqual(e.min ?? 0.5);
  if (e.max !== undefined) expect(r!.confidence, text).toBeLessThanOrEqual(e.max);
}

describe('findPlace on the Суровикинский district', () => {
  it.each(rows)('%s', (_what, text, expected) => check(text, expected));
  it.each(noPlace)('no place (null or confidence < 0.5): %s', (_what, text) => {
    const r = findPlace(gazetteer, text);
    if (r) expect(r.confidence, JSON.stringify(r)).toBeLessThan(0.5);
  });
  it('the settlement carries the id given in the input', () => {
    const g = buildGazetteer({
      settlements: [{ id: '42', code: 'x', name: 'Лысовское сельское поселение' }],
      localities: [{ name: 'Лысов', kind: 'хутор', settlement: 'x' }],
      streets: [],
    });
    expect(findPlace(g, 'в х. Лысове')?.settlement).toEqual({
      id: '42',
      code: 'x',
      name: 'Лысовское сельское поселение',
    });
  });
  it('a gazetteer with one town takes it as the centre for an ambiguous street', () => {
    const g = buildGazetteer({
      settlements: [{ code: 't', name: 'Город' }, { code: 'r', name: 'Сельское' }],
      localities: [
        { name: 'Калач', kind: 'город', settlement: 't' },
        { name: 'Ильевка', kind: 'хутор', settlement: 'r' },
      ],
      streets: [
        { name: 'ул. Ленина', locality: 'Калач', settlement: 't' },
        { name: 'ул. Ленина', locality: 'Ильевка', settlement: 'r' },
      ],
    });
    expect(findPlace(g, 'ул. Ленина 1')?.locality?.name).toBe('Калач');
    expect(findPlace(g, 'х. Ильевка, ул. Ленина 1')?.locality?.name).toBe('Ильевка');
  });
});

describe('inflection', () => {
  it('a name in a consonant gets the Ростов declension', () => {
    expect(wordForms('Лысов')).toEqual(expect.arrayContaining(['лысов', 'лысова', 'лысову', 'лысовом', 'лысове']));
  });
  it('an adjectival name gets every case of every gender', () => {
    expect(wordForms('Нижний')).toEqual(expect.arrayContaining(['нижнего', 'нижнем', 'нижняя', 'нижней']));
    expect(wordForms('Нижнечирское')).toEqual(expect.arrayContaining(['нижнечирской', 'нижнечирского']));
  });
  it('a name in -а declines as a feminine noun', () => {
    expect(wordForms('Добринка')).toEqual(expect.arrayContaining(['добринки', 'добринке', 'добринку', 'добринкой']));
  });
  it('an adjective in an oblique case is put into the nominative of the street kind\'s gender', () => {
    expect(adjectiveNominative('Садовом', 'm')).toBe('садовый');
    expect(adjectiveNominative('Садовой', 'f')).toBe('садовая');
    expect(adjectiveNominative('Верхней', 'f')).toBe('верхняя');
    expect(adjectiveNominative('Широком', 'm')).toBe('широкий');
  });
});
