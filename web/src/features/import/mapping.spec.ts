import { describe, expect, it } from 'vitest';
import { choicesFor, chosenTwice, columnsOf, missingRequired, shareDone } from './mapping';

const headers = ['Номер', 'Дата', 'Текст', 'Телефон'];

describe('column mapping', () => {
  it('chooses for each header the field a mapping gives it, and none for a column the mapping names but the file lacks', () => {
    expect(choicesFor(headers, [{ column: 'Дата', field: 'RECEIVED_AT' }, { column: 'Нет', field: 'TEXT' }, { column: ' Номер ', field: 'EXTERNAL_ID' }])).toEqual([
      'EXTERNAL_ID',
      'RECEIVED_AT',
      '',
      '',
    ]);
  });

  it('makes one column per chosen field, the first header that chose it', () => {
    expect(columnsOf(headers, ['EXTERNAL_ID', '', 'TEXT', 'TEXT'])).toEqual([
      { column: 'Номер', field: 'EXTERNAL_ID' },
      { column: 'Текст', field: 'TEXT' },
    ]);
  });

  it('names the required fields not chosen yet and the fields chosen twice', () => {
    expect(missingRequired(['EXTERNAL_ID', '', '', 'APPLICANT_PHONE'])).toEqual(['RECEIVED_AT', 'TEXT']);
    expect(chosenTwice(['TEXT', '', 'TEXT', 'KIND'])).toEqual(['TEXT']);
  });

  it('gives the share of rows done: none while counting, all once done', () => {
    expect(shareDone({ status: 'RUNNING', total: null, processed: 0 })).toBe(0);
    expect(shareDone({ status: 'RUNNING', total: 2000, processed: 500 })).toBe(0.25);
    expect(shareDone({ status: 'DONE', total: 0, processed: 0 })).toBe(1);
  });
});
