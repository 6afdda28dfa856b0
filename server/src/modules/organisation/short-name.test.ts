import { describe, expect, it } from 'vitest';
import { deriveDepartmentShortName, deriveSettlementShortName } from './short-name.js';

describe('deriveSettlementShortName', () => {
  it('names an urban settlement by its town: "Городское поселение город Суровикино" → "г. Суровикино"', () => {
    expect(deriveSettlementShortName('Городское поселение город Суровикино')).toBe('г. Суровикино');
  });

  it('keeps the place first and abbreviates the kind: "Качалинское сельское поселение" → "Качалинское с.п."', () => {
    expect(deriveSettlementShortName('Качалинское сельское поселение')).toBe('Качалинское с.п.');
    expect(deriveSettlementShortName('Сельское поселение Ближнеосиновское')).toBe('Ближнеосиновское с.п.');
    expect(deriveSettlementShortName('Городское  поселение Суровикинское')).toBe('Суровикинское г.п.');
  });

  it('abbreviates a locality kind and leaves other names as they are', () => {
    expect(deriveSettlementShortName('станица Нижний Чир')).toBe('ст-ца Нижний Чир');
    expect(deriveSettlementShortName('Суровикино')).toBe('Суровикино');
  });
});

describe('deriveDepartmentShortName', () => {
  it('abbreviates ЖКХ and drops the rest of the enumeration: "Отдел по жилищно-коммунальному хозяйству, …" → "Отдел ЖКХ"', () => {
    expect(deriveDepartmentShortName('Отдел по жилищно-коммунальному хозяйству, транспорту и связи')).toBe('Отдел ЖКХ');
  });

  it('uses the office abbreviations and drops explanations in brackets', () => {
    expect(deriveDepartmentShortName('Отдел по делам гражданской обороны и чрезвычайных ситуаций')).toBe('Отдел по делам ГО и ЧС');
    expect(deriveDepartmentShortName('Муниципальное унитарное предприятие «Водоканал»')).toBe('МУП «Водоканал»');
    expect(deriveDepartmentShortName('Общий отдел (делопроизводство, обращения граждан)')).toBe('Общий отдел');
    expect(deriveDepartmentShortName('ГБУЗ «ЦРБ Суровикинского муниципального района»')).toBe('ГБУЗ «ЦРБ Суровикинского р-на»');
  });

  it('leaves a name that is short enough whole', () => {
    expect(deriveDepartmentShortName('Финансовый отдел')).toBe('Финансовый отдел');
    expect(deriveDepartmentShortName('Отдел по образованию')).toBe('Отдел по образованию');
  });
});
