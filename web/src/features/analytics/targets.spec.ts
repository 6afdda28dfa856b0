import { describe, expect, it } from 'vitest';
import { targetInput, type TargetDraft } from './targets';

const draft = (over: Partial<TargetDraft> = {}): TargetDraft => ({
  figure: 'ON_TIME_SHARE',
  level: 'MUNICIPALITY',
  sectorCode: '',
  departmentId: '',
  value: '90',
  validFrom: '2026-12-01',
  validTo: '',
  margin: '',
  comment: '',
  ...over,
});

describe('targetInput', () => {
  it('sends shares as 0..1, the unit by its level and only what was filled in', () => {
    expect(targetInput(draft()).input).toEqual({ figure: 'ON_TIME_SHARE', value: 0.9, validFrom: '2026-12-01' });
    expect(
      targetInput(draft({ value: '87,5', margin: '5', level: 'SECTOR', sectorCode: 'ZHKH', departmentId: 'ignored', validTo: '2027-01-01', comment: '  Приказ №12 ' })).input,
    ).toEqual({ figure: 'ON_TIME_SHARE', value: 0.875, atRiskMargin: 0.05, sectorCode: 'ZHKH', validFrom: '2026-12-01', validTo: '2027-01-01', comment: 'Приказ №12' });
    // Days and counts are sent as typed.
    expect(targetInput(draft({ figure: 'MEAN_ANSWER_DAYS', value: '7,5', margin: '1', level: 'DEPARTMENT', departmentId: 'd-1' })).input).toEqual({
      figure: 'MEAN_ANSWER_DAYS',
      value: 7.5,
      atRiskMargin: 1,
      departmentId: 'd-1',
      validFrom: '2026-12-01',
    });
  });

  it('says what is wrong before anything is sent', () => {
    expect(targetInput(draft({ value: '' })).problems).toEqual({ value: 'errors.required' });
    expect(targetInput(draft({ value: '120' })).problems).toEqual({ value: 'analytics.targets.form.sharesRange' });
    expect(targetInput(draft({ figure: 'OVERDUE_OPEN', value: '-1' })).problems).toEqual({ value: 'analytics.targets.form.notNegative' });
    expect(targetInput(draft({ margin: 'много' })).problems).toEqual({ margin: 'analytics.targets.form.sharesRange' });
    expect(targetInput(draft({ validFrom: '', validTo: '2027-01-01' })).problems).toEqual({ validFrom: 'errors.required' });
    expect(targetInput(draft({ validTo: '2026-12-01' })).problems).toEqual({ validTo: 'analytics.targets.form.toAfterFrom' });
    expect(targetInput(draft({ level: 'SECTOR' })).problems).toEqual({ sectorCode: 'errors.required' });
    expect(targetInput(draft({ level: 'DEPARTMENT' })).input).toBeNull();
  });
});
