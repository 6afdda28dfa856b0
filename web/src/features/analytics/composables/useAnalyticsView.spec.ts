import { describe, expect, it } from 'vitest';
import { sectorLeadFixture, viewerFixture } from '../../../test/fixtures';
import { analyticsQueryFromView, analyticsViewFromQuery, ownSectorCodes, scopeOfView } from './useAnalyticsView';

describe('the analytics view in the address', () => {
  it('reads what it knows and ignores the rest', () => {
    const view = analyticsViewFromQuery({ period: 'custom', from: '2026-03-01', to: '2026-03-31', sector: 'ZHKH', channel: 'PIGEON', kind: 'APPEAL', by: 'SECTOR', measure: 'x', bucket: 'HOUR' });
    expect(view).toEqual({
      period: 'custom',
      from: '2026-03-01',
      to: '2026-03-31',
      sector: 'ZHKH',
      department: '',
      settlement: '',
      channel: '',
      kind: 'APPEAL',
      m: '',
      bucket: '',
      by: 'SECTOR',
      measure: 'onTime',
    });
    expect(analyticsViewFromQuery({})).toMatchObject({ period: 'month', by: 'DEPARTMENT', measure: 'onTime' });
  });

  it('writes only what differs from the defaults; custom days only for a custom period', () => {
    expect(analyticsQueryFromView(analyticsViewFromQuery({}))).toEqual({});
    expect(analyticsQueryFromView({ ...analyticsViewFromQuery({}), period: 'year', from: '2026-01-01', department: 'd-1', measure: 'received' })).toEqual({
      period: 'year',
      department: 'd-1',
      measure: 'received',
    });
  });

  it('scopes the figures by the view; the municipality only for a regional reader', () => {
    const view = analyticsViewFromQuery({ sector: 'ZHKH', settlement: 'st-1', m: 'm-2' });
    expect(scopeOfView(view, false)).toEqual({ sectorCode: 'ZHKH', settlementId: 'st-1' });
    expect(scopeOfView(view, true)).toEqual({ sectorCode: 'ZHKH', settlementId: 'st-1', municipalityId: 'm-2' });
  });

  it('offers a sector lead their own sectors only, the others every sector', () => {
    const lead = sectorLeadFixture(['ZHKH']);
    expect(ownSectorCodes(['SECTOR_LEAD'], lead)).toEqual(['ZHKH']);
    expect(ownSectorCodes(['SECTOR_LEAD', 'HEAD'], lead)).toBeNull();
    expect(ownSectorCodes(['ANALYST'], viewerFixture('ANALYST'))).toBeNull();
  });
});
