import { describe, expect, it } from 'vitest';
import type { ItemFilter } from '../../../gql/graphql';
import { NOW } from '../../../test/clock';
import { itemRowFixture } from '../../../test/items';
import { compareRows, membership, type ListViewer } from './membership';

const now = NOW.getTime();
const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();
const executor: ListViewer = { id: 'u-executor', roles: ['EXECUTOR'], departmentId: 'd-housing', sectorIds: [] };
const lead: ListViewer = { id: 'u-sector_lead', roles: ['SECTOR_LEAD'], departmentId: null, sectorIds: ['s-1'] };
const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел ЖКХ', shortName: 'Отдел ЖКХ' };
const roads = { __typename: 'Department', id: 'd-roads', name: 'Отдел дорог', shortName: 'Отдел дорог' };
const user = (id: string) => ({ __typename: 'User', id, fullName: id });
const judge = (filter: ItemFilter, row = itemRowFixture(), viewer: ListViewer | null = executor) => membership(row, filter, viewer, now);

describe('membership', () => {
  it('keeps an open item in "open only" and drops a closed, redirected or merged one', () => {
    expect(judge({ openOnly: true })).toBe('in');
    for (const status of ['CLOSED', 'REDIRECTED', 'MERGED'] as const) expect(judge({ openOnly: true }, itemRowFixture({ status }))).toBe('out');
  });

  it('judges "mine" by the executor, or for an executor by their department while nobody in it is named', () => {
    const mine = { queue: 'MINE' } as const;
    expect(judge(mine, itemRowFixture({ executor: user('u-executor') }))).toBe('in');
    expect(judge(mine, itemRowFixture({ executor: user('u-other'), department: housing }))).toBe('out');
    expect(judge(mine, itemRowFixture({ executor: null, department: housing }))).toBe('in');
    expect(judge(mine, itemRowFixture({ executor: null, department: roads }))).toBe('out');
    expect(judge(mine, itemRowFixture({ executor: user('u-executor'), status: 'CLOSED' }))).toBe('out');
    expect(judge(mine, itemRowFixture({ executor: null, department: housing }), { ...executor, roles: ['HEAD'] })).toBe('out');
  });

  it('judges the queues of steps by the status, and "overdue in my sectors" by the sector and the running deadline', () => {
    expect(judge({ queue: 'UNASSIGNED' }, itemRowFixture({ status: 'NEW' }))).toBe('in');
    expect(judge({ queue: 'UNASSIGNED' }, itemRowFixture({ status: 'ASSIGNED' }))).toBe('out');
    expect(judge({ queue: 'MY_REVIEW' }, itemRowFixture({ status: 'ON_REVIEW' }))).toBe('in');
    expect(judge({ queue: 'MY_REVIEW' }, itemRowFixture({ status: 'IN_PROGRESS' }))).toBe('out');
    const overdue = { queue: 'OVERDUE_MY_SECTORS' } as const;
    expect(judge(overdue, itemRowFixture({ dueAt: hours(-1) }), lead)).toBe('in');
    expect(judge(overdue, itemRowFixture({ dueAt: hours(1) }), lead)).toBe('out');
    expect(judge(overdue, itemRowFixture({ dueAt: hours(-1), pausedAt: hours(-2) }), lead)).toBe('out');
    expect(judge(overdue, itemRowFixture({ dueAt: hours(-1) }), { ...lead, sectorIds: ['s-2'] })).toBe('out');
  });

  it('judges the filters of the inbox by the fields of the row', () => {
    expect(judge({ kinds: ['MESSAGE'] })).toBe('out');
    expect(judge({ sectorCode: 'ZHKH', categoryCode: 'ZHKH_WATER' })).toBe('in');
    expect(judge({ departmentId: 'd-housing' }, itemRowFixture({ department: roads }))).toBe('out');
    expect(judge({ urgent: true })).toBe('out');
    expect(judge({ receivedFrom: '2026-11-25T00:00:00.000Z', receivedTo: '2026-11-26T00:00:00.000Z' })).toBe('in');
    expect(judge({ receivedFrom: '2026-11-26T00:00:00.000Z' })).toBe('out');
    expect(judge({ deadlineState: 'OVERDUE' }, itemRowFixture({ dueAt: hours(-1), deadlineState: 'OVERDUE' }))).toBe('in');
    expect(judge({ deadlineState: 'ON_TRACK' }, itemRowFixture({ dueAt: hours(-1), pausedAt: hours(-2) }))).toBe('in');
    expect(judge({ search: '2026-0009' })).toBe('in');
  });

  it('cannot judge words of a search or a KPI drill-down, unless another condition already excludes the item', () => {
    expect(judge({ search: 'вода', openOnly: true })).toBe('unknown');
    const kpi = { set: 'RECEIVED', from: '2026-10-31T21:00:00.000Z', to: '2026-11-27T09:01:00.000Z' } as const;
    expect(judge({ kpi })).toBe('unknown');
    expect(judge({ kpi, kinds: ['INCIDENT'] })).toBe('out');
  });

  it('without the viewer cannot judge the queues that depend on them', () => {
    expect(judge({ queue: 'MINE' }, itemRowFixture(), null)).toBe('unknown');
  });
});

describe('compareRows', () => {
  it('orders as the server does: urgent first, then the nearest deadline with none last, then the id', () => {
    const a = itemRowFixture({ id: 'a', urgent: false, dueAt: hours(1) });
    const b = itemRowFixture({ id: 'b', urgent: true, dueAt: hours(100) });
    const c = itemRowFixture({ id: 'c', urgent: false, dueAt: null });
    const d = itemRowFixture({ id: 'd', urgent: false, dueAt: hours(1) });
    expect([c, d, a, b].sort((x, y) => compareRows(x, y, 'URGENT_FIRST')).map((r) => r.id)).toEqual(['b', 'a', 'd', 'c']);
    expect([c, d, a, b].sort((x, y) => compareRows(x, y, 'DUE_ASC')).map((r) => r.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('orders by the time received, newest or oldest first', () => {
    const old = itemRowFixture({ id: 'x', receivedAt: hours(-5) });
    const fresh = itemRowFixture({ id: 'y', receivedAt: hours(-1) });
    expect(compareRows(fresh, old, 'RECEIVED_DESC')).toBeLessThan(0);
    expect(compareRows(fresh, old, 'RECEIVED_ASC')).toBeGreaterThan(0);
  });
});
