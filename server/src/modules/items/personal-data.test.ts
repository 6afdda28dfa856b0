import { describe, expect, it } from 'vitest';
import { Role } from '../auth/roles.js';
import { ItemKind } from './item.enums.js';
import { maskAddress, maskApplicant, maskName, seesPersonalData } from './personal-data.js';

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

describe('who sees personal data', () => {
  const item = { kind: ItemKind.APPEAL, sectorId: 'zhkh', departmentId: 'housing' };
  const user = (roles: Role[], over = {}) => ({ kind: 'user' as const, roles, departmentId: null, sectorIds: [] as string[], ...over });

  it('the roles that work the item', () => {
    expect(seesPersonalData(user([Role.HEAD]), item)).toBe(true);
    expect(seesPersonalData(user([Role.SECTOR_LEAD], { sectorIds: ['zhkh'] }), item)).toBe(true);
    expect(seesPersonalData(user([Role.EXECUTOR], { departmentId: 'housing' }), item)).toBe(true);
    expect(seesPersonalData(user([Role.POS_OPERATOR]), { ...item, kind: ItemKind.MESSAGE })).toBe(true);
  });

  it('not the others, nor a token without the personal-data scope', () => {
    for (const r of [Role.CURATOR, Role.ANALYST, Role.REGION, Role.POS_OPERATOR, Role.INCIDENT_MANAGER]) {
      expect(seesPersonalData(user([r]), item)).toBe(false);
    }
    expect(seesPersonalData(user([Role.SECTOR_LEAD], { sectorIds: ['roads'] }), item)).toBe(false);
    expect(seesPersonalData(user([Role.EXECUTOR], { departmentId: 'roads' }), item)).toBe(false);
    expect(seesPersonalData({ kind: 'token', personalData: false }, item)).toBe(false);
    expect(seesPersonalData({ kind: 'token', personalData: true }, item)).toBe(true);
  });
});
