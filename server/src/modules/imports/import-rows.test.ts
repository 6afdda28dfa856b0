import { describe, expect, it } from 'vitest';
import { ImportField } from './import.entity.js';
import { compileMapping, parseReceivedAt, rowToInput, suggestMapping, type RowContext } from './import-rows.js';

const ZONE = 'Europe/Volgograd'; // UTC+3, no summer time

describe('parseReceivedAt', () => {
  it.each([
    ['05.03.2026 14:07', '2026-03-05T11:07:00.000Z'],
    ['5.3.2026 9:07', '2026-03-05T06:07:00.000Z'],
    ['05.03.2026 14:07:30', '2026-03-05T11:07:30.000Z'],
    ['05.03.2026', '2026-03-04T21:00:00.000Z'],
    ['05.03.26 14:07', '2026-03-05T11:07:00.000Z'],
    ['05/03/2026 14:07', '2026-03-05T11:07:00.000Z'],
    ['2026-03-05 14:07', '2026-03-05T11:07:00.000Z'],
    ['2026-03-05T14:07:00', '2026-03-05T11:07:00.000Z'],
    ['2026-03-05T14:07:00+05:00', '2026-03-05T09:07:00.000Z'],
    ['2026-03-05T14:07:00Z', '2026-03-05T14:07:00.000Z'],
  ])('reads %s in the municipality\'s zone unless it names an offset', (text, iso) => {
    expect(parseReceivedAt(text, ZONE)?.toISOString()).toBe(iso);
  });

  it('reads an Excel date (its fields given as UTC) as the municipality\'s wall clock', () => {
    expect(parseReceivedAt(new Date(Date.UTC(2026, 2, 5, 14, 7)), ZONE)?.toISOString()).toBe('2026-03-05T11:07:00.000Z');
  });

  it.each(['31.02.2026 10:00', '05.13.2026', '05.03.2026 25:00', 'вчера', '2026-03-05T14:07:00+99'])('refuses %s', (text) => {
    expect(parseReceivedAt(text, ZONE)).toBeNull();
  });
});

describe('rowToInput', () => {
  const headers = ['Номер', 'Дата', 'Вид', 'Канал', 'Текст', 'Категория', 'Поселение', 'Срочно', 'Широта'];
  const { mapping } = compileMapping(
    headers,
    [
      { column: 'Номер', field: ImportField.EXTERNAL_ID },
      { column: 'Дата', field: ImportField.RECEIVED_AT },
      { column: 'Вид', field: ImportField.KIND },
      { column: 'Канал', field: ImportField.CHANNEL },
      { column: 'Текст', field: ImportField.TEXT },
      { column: 'Категория', field: ImportField.CATEGORY },
      { column: 'Поселение', field: ImportField.SETTLEMENT },
      { column: 'Срочно', field: ImportField.URGENT },
      { column: 'Широта', field: ImportField.LAT },
    ],
    {},
  );
  const ctx: RowContext = {
    source: 'old-crm',
    zone: ZONE,
    categories: new Map([['отопление', 'ZHKH_HEATING'], ['zhkh_heating', 'ZHKH_HEATING']]),
    settlements: new Map([['г. суровикино', 's-1']]),
  };
  const row = ['A-1', '05.03.2026 14:07', 'Обращение', 'Электронная почта', 'Нет отопления', 'Отопление', 'г. Суровикино', 'да', '48,61'];

  it('makes an item of a row written in Russian: the kind, channel, category and settlement by their names, да, a decimal comma', () => {
    const r = rowToInput(row, mapping, ctx);
    expect('input' in r && { ...r.input, receivedAt: r.input.receivedAt.toISOString() }).toMatchObject({
      source: 'old-crm',
      externalId: 'A-1',
      receivedAt: '2026-03-05T11:07:00.000Z',
      kind: 'APPEAL',
      channel: 'EMAIL',
      text: 'Нет отопления',
      categoryCode: 'ZHKH_HEATING',
      settlementId: 's-1',
      urgent: true,
      lat: 48.61,
    });
  });

  it.each([
    [1, 'bad', ImportField.RECEIVED_AT, 'Дата'],
    [2, 'жалоба', ImportField.KIND, 'Вид'],
    [3, 'голубиная почта', ImportField.CHANNEL, 'Канал'],
    [5, 'Нет такой', ImportField.CATEGORY, 'Категория'],
    [6, 'Нигде', ImportField.SETTLEMENT, 'Поселение'],
    [7, 'может быть', ImportField.URGENT, 'Срочно'],
    [8, 'север', ImportField.LAT, 'Широта'],
  ])('refuses a row whose cell %i is %s, naming the field and the column, not the value', (at, value, field, column) => {
    const r = rowToInput(row.map((v, i) => (i === at ? value : v)), mapping, ctx);
    expect('problem' in r && r.problem).toMatchObject({ field, column });
    expect('problem' in r && r.problem.message).not.toContain(value);
  });
});

describe('suggestMapping', () => {
  it('guesses the fields of common Russian headers, each header and each field once', () => {
    expect(suggestMapping(['№', 'Дата поступления', 'ФИО', 'Телефон', 'E-mail', 'Содержание', 'Адрес', 'Примечание'])).toEqual([
      { column: '№', field: ImportField.EXTERNAL_ID },
      { column: 'Дата поступления', field: ImportField.RECEIVED_AT },
      { column: 'E-mail', field: ImportField.APPLICANT_EMAIL },
      { column: 'Телефон', field: ImportField.APPLICANT_PHONE },
      { column: 'ФИО', field: ImportField.APPLICANT_NAME },
      { column: 'Содержание', field: ImportField.TEXT },
      { column: 'Адрес', field: ImportField.ADDRESS },
    ]);
  });
});
