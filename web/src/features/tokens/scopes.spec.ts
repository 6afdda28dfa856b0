import { describe, expect, it } from 'vitest';
import { SCOPES_BY_KIND, scopesForKind, tokenStatus } from './scopes';

describe('token scopes', () => {
  it('allows a wall display only to read the wall, KPIs and the organisation', () => {
    expect(SCOPES_BY_KIND.WALL_DISPLAY).toEqual(['WALL_READ', 'KPI_READ', 'ORG_READ']);
    expect(scopesForKind('WALL_DISPLAY', ['PERSONAL_DATA_READ', 'ITEMS_READ', 'KPI_READ'])).toEqual(['KPI_READ']);
  });

  it('never gives an integrator the wall scope', () => {
    expect(scopesForKind('INTEGRATOR', ['WALL_READ', 'ITEMS_INGEST', 'ORG_READ'])).toEqual(['ORG_READ', 'ITEMS_INGEST']);
  });
});

describe('tokenStatus', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('is revoked, expired or active', () => {
    expect(tokenStatus({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2026-11-27T11:59:59Z' }, now)).toBe('expired');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2026-11-28T00:00:00Z' }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });
});
