import { describe, expect, it } from 'vitest';
import type { AnalyticsOptionsQuery, KpiRankingQuery } from '../../gql/graphql';
import { rankingRows } from './ranking';

const options: AnalyticsOptionsQuery = {
  sectors: [{ id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing', categories: [{ id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply' }] }],
  departments: [{ id: 'd-1', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ', active: true }],
  settlements: [],
};
const figures = { received: 1, answered: 1, answeredOnTime: 1, onTimeShare: 1, overdueOpen: 0, repeats: 0, targets: [] };
const row = (key: string, name: string): KpiRankingQuery['kpiRanking'][number] => ({ key, name, figures });
const names = { locale: 'en', none: 'Not assigned', channel: (c: string) => `channel ${c}` };

describe('rankingRows', () => {
  it('names each row shortly in the interface language and narrows the page scope to it', () => {
    const base = { kind: 'APPEAL' as const };
    expect(rankingRows([row('d-1', 'Отдел по жилищно-коммунальному хозяйству'), row('-', '—')], 'DEPARTMENT', base, options, names)).toEqual([
      { key: 'd-1', label: 'Отдел ЖКХ', scope: { kind: 'APPEAL', departmentId: 'd-1' }, figures },
      { key: '-', label: 'Not assigned', scope: null, figures },
    ]);
    // Sectors and categories are keyed by id in the ranking, by code in a scope.
    expect(rankingRows([row('s-1', 'ЖКХ')], 'SECTOR', {}, options, names)[0]).toMatchObject({ label: 'Housing', scope: { sectorCode: 'ZHKH' } });
    expect(rankingRows([row('c-1', 'Водоснабжение')], 'CATEGORY', {}, options, names)[0]).toMatchObject({ label: 'Water supply', scope: { categoryCode: 'ZHKH_WATER' } });
    expect(rankingRows([row('st-1', 'Суровикино')], 'SETTLEMENT', {}, options, names)[0]).toMatchObject({ label: 'Суровикино', scope: { settlementId: 'st-1' } });
    expect(rankingRows([row('POS', 'POS')], 'CHANNEL', {}, options, names)[0]).toMatchObject({ label: 'channel POS', scope: { channel: 'POS' } });
    // An id the options do not know cannot be turned into a code: shown, not opened.
    expect(rankingRows([row('s-9', 'Другой')], 'SECTOR', {}, options, names)[0]).toMatchObject({ label: 'Другой', scope: null });
  });
});
