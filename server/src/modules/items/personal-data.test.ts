import { describe, expect, it } from 'vitest';
import { maskAddress, maskApplicant, maskName } from './personal-data.js';

describe('masking personal data', () => {
  it('masks a full name as docs/domain.md §6 shows', () => {
    expect(maskName('Иванов Иван Иванович')).toBe('И***в И.');
    expect(maskName('Иванов И. И.')).toBe('И***в И.');
    expect(maskName('  Петрова   Анна ')).toBe('П***а А.');
    expect(maskName('Ли')).toBe('Л***');
    expect(maskName('')).toBeNull();
  });

  it('cuts an address to the street or the settlement', () => {
    expect(maskAddress('г. Суровикино, ул. Ленина, д. 64, кв. 3')).toBe('г. Суровикино, ул. Ленина');
    expect(maskAddress('г. Суровикино, ул. Шоссейная 5')).toBe('г. Суровикино, ул. Шоссейная');
    expect(maskAddress('х. Остров, ул. Степная, 12')).toBe('х. Остров, ул. Степная');
    expect(maskAddress('ст. Нижний Чир')).toBe('ст. Нижний Чир');
  });

  it('drops the phone and the e-mail', () => {
    expect(maskApplicant({ name: 'Сидоров Пётр', phone: '+79001234567', email: 'p@example.ru', address: null })).toEqual({
      name: 'С***в П.',
      phone: null,
      email: null,
      address: null,
    });
  });
});
