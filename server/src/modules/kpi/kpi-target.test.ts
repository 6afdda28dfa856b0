import { describe, expect, it } from 'vitest';
import {
  applicableTarget,
  defaultMargin,
  KPI_FIGURES,
  KpiDirection,
  KpiFigure,
  KpiTargetState,
  scopeUnit,
  targetState,
  type TargetCandidate,
} from './kpi-target.types.js';
import type { ResolvedScope } from './kpi.types.js';

/** Targets (docs/kpi.md, "Targets"): the state of a figure against its target, and which target applies. */

const { ON_TRACK, AT_RISK, FAILING } = KpiTargetState;
const HIGHER = KpiDirection.HIGHER_IS_BETTER;
const LOWER = KpiDirection.LOWER_IS_BETTER;

describe('targetState', () => {
  it('higher is better: at or above the target ON_TRACK, within the margin below AT_RISK, further below FAILING', () => {
    // The worked example of docs/kpi.md: 3 of 4 answered on time.
    expect(targetState(HIGHER, 0.75, 0.9, defaultMargin(0.9))).toBe(FAILING); // 0.75 < 0.81
    expect(targetState(HIGHER, 0.75, 0.8, defaultMargin(0.8))).toBe(AT_RISK); // 0.72 ≤ 0.75 < 0.8
    expect(targetState(HIGHER, 0.75, 0.7, defaultMargin(0.7))).toBe(ON_TRACK);
    expect(targetState(HIGHER, 1, 0.95, 0)).toBe(ON_TRACK);
  });

  it('lower is better, mirrored', () => {
    expect(targetState(LOWER, 9, 10, 1)).toBe(ON_TRACK);
    expect(targetState(LOWER, 10.5, 10, 1)).toBe(AT_RISK);
    expect(targetState(LOWER, 11.5, 10, 1)).toBe(FAILING);
    expect(targetState(LOWER, 0, 0, 0)).toBe(ON_TRACK);
    expect(targetState(LOWER, 1, 0, 0)).toBe(FAILING); // a target of 0 with the default margin 0 has no AT_RISK
  });

  it('counts the boundaries for the better state, whatever the float noise', () => {
    expect(targetState(HIGHER, 0.8, 0.8, 0.08)).toBe(ON_TRACK);
    expect(targetState(HIGHER, 0.72, 0.8, defaultMargin(0.8))).toBe(AT_RISK); // 0.8 − 0.08 is 0.7200000000000001
    expect(targetState(HIGHER, 0.7 + 0.1, 0.8, 0)).toBe(ON_TRACK); // 0.7999999999999999
    expect(targetState(LOWER, 11, 10, 1)).toBe(AT_RISK);
    expect(targetState(LOWER, 0.1 + 0.2, 0.3, 0)).toBe(ON_TRACK); // 0.30000000000000004
    expect(targetState(LOWER, 11.000001, 10, 1)).toBe(FAILING);
  });

  it('gives no state without an actual value', () => {
    expect(targetState(HIGHER, null, 0.9, 0.09)).toBeNull();
    expect(targetState(LOWER, Number.NaN, 5, 0.5)).toBeNull();
  });
});

describe('the figures', () => {
  it('higher is better for the on-time and satisfied shares only', () => {
    const higher = Object.values(KpiFigure).filter((f) => KPI_FIGURES[f].direction === HIGHER);
    expect(higher).toEqual([KpiFigure.ON_TIME_SHARE, KpiFigure.SATISFIED_SHARE]);
  });

  it('the default margin is 10 % of the value, without float noise', () => {
    expect(defaultMargin(0.9)).toBe(0.09);
    expect(defaultMargin(0.7)).toBe(0.07);
    expect(defaultMargin(12)).toBe(1.2);
    expect(defaultMargin(0)).toBe(0);
  });
});

describe('scopeUnit', () => {
  const base: ResolvedScope = { municipalityIds: ['m'], population: 1000, zone: 'Europe/Volgograd' };
  it('is none for a region-wide scope', () => {
    expect(scopeUnit({ ...base, municipalityIds: null })).toBeNull();
  });
  it('names the one department and the one sector; several sectors or any narrowing is not the whole unit', () => {
    expect(scopeUnit(base)).toEqual({ departmentId: null, sectorId: null, whole: true });
    expect(scopeUnit({ ...base, sectorIds: ['s1'] })).toEqual({ departmentId: null, sectorId: 's1', whole: true });
    expect(scopeUnit({ ...base, sectorIds: ['s1', 's2'] })).toEqual({ departmentId: null, sectorId: null, whole: false });
    expect(scopeUnit({ ...base, departmentId: 'd' })).toEqual({ departmentId: 'd', sectorId: null, whole: true });
    // A sector lead's view of a department: the department's items in their sectors.
    expect(scopeUnit({ ...base, departmentId: 'd', sectorIds: ['s1'] })).toEqual({ departmentId: 'd', sectorId: 's1', whole: false });
    expect(scopeUnit({ ...base, channel: 'PHONE' as never })).toMatchObject({ whole: false });
    expect(scopeUnit({ ...base, categoryIds: ['c'] })).toMatchObject({ whole: false });
    expect(scopeUnit({ ...base, settlementId: 'x' })).toMatchObject({ whole: false });
    expect(scopeUnit({ ...base, kind: 'APPEAL' as never })).toMatchObject({ whole: false });
    expect(scopeUnit(base, true)).toMatchObject({ whole: false }); // a ranking row
  });
});

describe('applicableTarget', () => {
  let n = 0;
  const target = (over: Partial<TargetCandidate>): TargetCandidate => ({
    id: `t${++n}`,
    figure: KpiFigure.ON_TIME_SHARE,
    sectorId: null,
    departmentId: null,
    validFrom: '2026-01-01',
    validTo: null,
    approvedAt: new Date(`2026-01-01T00:00:${String(n).padStart(2, '0')}Z`),
    ...over,
  });
  const municipality = target({});
  const sector = target({ sectorId: 's1' });
  const department = target({ departmentId: 'd1' });
  const all = [municipality, sector, department];
  const unit = (departmentId: string | null, sectorId: string | null, whole = true) => ({ departmentId, sectorId, whole });

  it('takes the department’s for one department, the sector’s for one sector, else the municipality’s', () => {
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit('d1', null), '2026-03-01')).toBe(department);
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit(null, 's1'), '2026-03-01')).toBe(sector);
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-03-01')).toBe(municipality);
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit(null, null, false), '2026-03-01')).toBe(municipality);
  });

  it('falls back to a broader unit when the narrower has no target', () => {
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit('d2', null), '2026-03-01')).toBe(municipality);
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit('d2', 's1', false), '2026-03-01')).toBe(sector);
    expect(applicableTarget(all, KpiFigure.ON_TIME_SHARE, unit(null, 's2'), '2026-03-01')).toBe(municipality);
    expect(applicableTarget([department], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-03-01')).toBeNull();
  });

  it('a count takes only the target of exactly its unit', () => {
    const m = target({ figure: KpiFigure.OVERDUE_OPEN });
    const d = target({ figure: KpiFigure.OVERDUE_OPEN, departmentId: 'd1' });
    expect(applicableTarget([m, d], KpiFigure.OVERDUE_OPEN, unit('d1', null), '2026-03-01')).toBe(d);
    expect(applicableTarget([m], KpiFigure.OVERDUE_OPEN, unit('d1', null), '2026-03-01')).toBeNull();
    expect(applicableTarget([m], KpiFigure.OVERDUE_OPEN, unit(null, null), '2026-03-01')).toBe(m);
    expect(applicableTarget([m], KpiFigure.OVERDUE_OPEN, unit(null, null, false), '2026-03-01')).toBeNull();
    expect(applicableTarget([d], KpiFigure.OVERDUE_OPEN, unit('d1', 's1', false), '2026-03-01')).toBeNull();
  });

  it('takes one valid on the date: from inclusive, to exclusive', () => {
    const q1 = target({ validFrom: '2026-01-01', validTo: '2026-04-01' });
    const q2 = target({ validFrom: '2026-04-01', validTo: '2026-07-01' });
    expect(applicableTarget([q1, q2], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-03-31')).toBe(q1);
    expect(applicableTarget([q1, q2], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-04-01')).toBe(q2);
    expect(applicableTarget([q1, q2], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-07-01')).toBeNull();
    expect(applicableTarget([q1, q2], KpiFigure.ON_TIME_SHARE, unit(null, null), '2025-12-31')).toBeNull();
  });

  it('takes the latest approved of two valid the same day, and only of its figure', () => {
    const older = target({});
    const newer = target({});
    expect(applicableTarget([newer, older], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-03-01')).toBe(newer);
    expect(applicableTarget([older, newer], KpiFigure.ON_TIME_SHARE, unit(null, null), '2026-03-01')).toBe(newer);
    expect(applicableTarget([older, newer], KpiFigure.SATISFIED_SHARE, unit(null, null), '2026-03-01')).toBeNull();
  });
});
