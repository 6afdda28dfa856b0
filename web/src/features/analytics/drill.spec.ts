import { describe, expect, it } from 'vitest';
import { decodeDrill, drillInput, drillLocation, encodeDrill, type KpiDrill } from './drill';

const drill: KpiDrill = {
  set: 'ANSWERED_LATE',
  from: '2026-02-28T21:00:00.000Z',
  to: '2026-03-31T21:00:00.000Z',
  scope: { departmentId: 'd-housing', sectorCode: 'ZHKH', channel: 'POS' },
};

describe('KPI drill-down in the address', () => {
  it('writes the set, the period and the scope readably, and reads them back', () => {
    const text = encodeDrill(drill);
    expect(text).toBe('ANSWERED_LATE~2026-02-28T21:00:00.000Z~2026-03-31T21:00:00.000Z~sector:ZHKH~department:d-housing~channel:POS');
    expect(decodeDrill(text)).toEqual(drill);
    expect(drillLocation(drill)).toEqual({ name: 'items', query: { kpi: text } });
  });

  it('reads instants with an offset as the same instants', () => {
    expect(decodeDrill('RECEIVED~2026-03-01T00:00:00+03:00~2026-04-01T00:00:00+03:00')).toEqual({
      set: 'RECEIVED',
      from: '2026-02-28T21:00:00.000Z',
      to: '2026-03-31T21:00:00.000Z',
      scope: {},
    });
  });

  it('ignores anything unknown or malformed', () => {
    for (const text of [
      '',
      'RECEIVED',
      'NOPE~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z',
      'RECEIVED~yesterday~2026-04-01T00:00:00Z',
      'RECEIVED~2026-04-01T00:00:00Z~2026-03-01T00:00:00Z',
      'RECEIVED~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z~colour:red',
      'RECEIVED~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z~channel:PIGEON',
      'RECEIVED~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z~kind:COMPLAINT',
      'RECEIVED~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z~department:a b',
      'RECEIVED~2026-03-01T00:00:00Z~2026-04-01T00:00:00Z~department:x~department:y',
    ]) {
      expect(decodeDrill(text), text).toBeNull();
    }
  });

  it('asks the server for the set, the period and only the scope that narrows', () => {
    expect(drillInput(drill)).toEqual({
      set: 'ANSWERED_LATE',
      from: '2026-02-28T21:00:00.000Z',
      to: '2026-03-31T21:00:00.000Z',
      scope: { sectorCode: 'ZHKH', departmentId: 'd-housing', channel: 'POS' },
    });
    expect(drillInput({ ...drill, scope: { sectorCode: '' } })).toEqual({ set: 'ANSWERED_LATE', from: drill.from, to: drill.to });
  });
});
