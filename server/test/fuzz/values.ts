import fc from 'fast-check';

/**
 * The values the fuzzer sends (test/fuzz.test.ts): for each GraphQL scalar, values a client could mean ("valid"),
 * values of the right type that code tends to trip over ("odd": Unicode oddities, extremes, dates that match a
 * pattern but do not exist) and values GraphQL itself must refuse ("junk": the wrong type, out of range).
 */

/** Text a person might type: Russian, with a number so that values differ. */
const PHRASES = [
  'Нет холодной воды в доме',
  'Яма на дороге у школы',
  'Не вывозят мусор третью неделю',
  'Просим отремонтировать крышу подъезда',
  'Не горят фонари на улице Ленина',
  'Работы выполнены, фото приложено',
  'Отдел ЖКХ',
  'Прокуратура района',
];
export const phrase = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...PHRASES), fc.nat(99_999)).map(([p, n]) => `${p} № ${n}`);

/**
 * Strings that have broken servers: control characters (NUL first), lone surrogates (JSON carries them as
 * escapes), direction marks, zero-width and combining characters, emoji sequences, whitespace of every kind,
 * SQL, HTML and template fragments, numbers as text, and very long strings (the body limit is 2 MB).
 */
const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   ',
  '\t',
  '\n\n',
  '\r\n',
  '\u00a0\u2003\u3000',
  '\u200b\u200c\u200d',
  '\u200f\u202eдом 5\u202c',
  '\u2066x\u2069',
  'е\u0301\u0301\u0301\u0301\u0301',
  'Z\u0351\u0362\u0489\u0327a\u0358l\u0337g\u0334o',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈👍🏽',
  '\u0000',
  'вода\u0000',
  '\u0007\u0008',
  '\u001b[31mred',
  '\u007f',
  '\u0085\u2028\u2029',
  '\ud800',
  'a\udc00b',
  '\ufeff',
  '\ufffd\uffff',
  "'; drop table item; --",
  "' or '1'='1",
  '%_%',
  '\\',
  '\\x00',
  '$1 $$ ?',
  '${process.exit()}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x7fffffff',
  '__proto__',
  'constructor',
  '😀'.repeat(3_000),
  'я'.repeat(21_000),
  'a'.repeat(100_001),
  ' x '.repeat(2_000),
];

export const oddString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.tuple(phrase(), fc.constantFrom(...ODD_STRINGS)).map(([a, b]) => a + b) },
  );

/** Values of no GraphQL input type at all, or of another one. */
export const junkValue = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 53, true, false, {}, { a: 1 }, [], ['x'], [[]], 'x', '');

/** 32-bit extremes, valid for Int. */
export const INT_EXTREMES = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31)] as const;
/** What GraphQL's Int must refuse. (NaN and Infinity reach the server as null: JSON has no such numbers.) */
export const intJunk = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(2 ** 31, -(2 ** 31) - 1, 1e21, -1e21, 2 ** 53 + 2, 1.5, -0.0001, Number.NaN, Number.POSITIVE_INFINITY, '7', '', true, [1], {});

export const FLOAT_EXTREMES = [0, -0, -1, 1e-9, 5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 2 ** 53 + 1] as const;
export const floatJunk = (): fc.Arbitrary<unknown> => fc.constantFrom<unknown>('NaN', 'Infinity', '0.5', '', true, [0.5], {}, Number.NaN);

/** A calendar date (YYYY-MM-DD) within `days` of `around`, in UTC terms. */
export function isoDate(around: Date, days: number): fc.Arbitrary<string> {
  return fc.integer({ min: -days, max: days }).map((d) => new Date(around.getTime() + d * 86_400_000).toISOString().slice(0, 10));
}

/** Dates that match YYYY-MM-DD but name no day, or that stretch what a date column holds; and other formats. */
export const ODD_DATES: readonly string[] = [
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '9999-99-99',
  '1969-12-31',
  '2026-3-1',
  '01.03.2026',
  '2026-03-01T00:00:00Z',
  '2026/03/01',
  '+2026-03-01',
  '２０２６-０３-０１',
];

/** Instants a DateTime may hold, and instants at the edges of what JavaScript and PostgreSQL hold. */
export function isoInstant(around: Date, pastDays: number, futureDays: number): fc.Arbitrary<string> {
  return fc.integer({ min: -pastDays * 1440, max: futureDays * 1440 }).map((m) => new Date(around.getTime() + m * 60_000).toISOString());
}
export const ODD_INSTANTS: readonly string[] = [
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '-000001-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
  '2026-03-11T10:00:00+14:00',
  '2026-03-11T10:00:00-12:00',
  '2026-03-11T10:00:00.123456789Z',
  '2026-03-11T24:00:00Z',
];
export const instantJunk = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>('2026-02-30T10:00:00Z', '2026-03-11', 'yesterday', '', '275760-09-13T00:00:00.001Z', '+275760-09-13T00:00:00Z', 'T', true, {}, [], 1e20);

/** Strings that are not UUIDs, or are UUIDs no row has (every id in the schema is a UUID). */
export const ODD_IDS: readonly string[] = [
  '',
  ' ',
  'x',
  '1',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{7d0b7f4e-0000-4000-8000-00000000abcd}',
  '7D0B7F4E-0000-4000-8000-00000000ABCD',
  '7d0b7f4e00004000800000000000abcd',
  '7d0b7f4e-0000-4000-8000-00000000abcd ',
  '7d0b7f4e-0000-4000-8000-00000000abcdef',
  "' or 1=1 --",
  'null',
  'a'.repeat(10_000),
];
