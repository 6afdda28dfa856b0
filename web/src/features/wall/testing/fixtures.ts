import type { AlertType, DeadlineState, ItemEventType, KpiTargetState, WallFeedItemFragment, WallKpiFiguresFragment } from '../../../gql/graphql';
import type { WallServer } from './wall-server';

/** Data of the demo district as the server would send them to the wall, for its component tests. */

export function feedItem(n: number, overrides: Partial<WallFeedItemFragment> = {}): WallFeedItemFragment & { __typename: 'Item' } {
  return {
    __typename: 'Item',
    id: `i-${n}`,
    number: `2026-${String(n).padStart(6, '0')}`,
    kind: 'APPEAL',
    urgent: false,
    receivedAt: '2026-11-27T08:00:00.000Z',
    dueAt: '2026-12-27T20:59:59.000Z',
    deadlineState: 'ON_TRACK' as DeadlineState,
    pausedAt: null,
    category: { name: 'Водоснабжение' },
    settlement: { name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино' },
    ...overrides,
  };
}

export function itemChange(n: number, cursor: number, type: ItemEventType = 'REGISTERED', overrides: Partial<WallFeedItemFragment> = {}) {
  return {
    itemEvents: {
      __typename: 'ItemChange',
      cursor: String(cursor),
      type,
      at: '2026-11-27T09:00:00.000Z',
      itemId: `i-${n}`,
      item: feedItem(n, overrides),
    },
  };
}

export function alert(cursor: number, type: AlertType, message: string, item: WallFeedItemFragment | null, at = '2026-11-27T09:00:00.000Z') {
  return {
    alertRaised: {
      __typename: 'Alert',
      cursor: String(cursor),
      type,
      level: type === 'OVERDUE' ? 'WARNING' : 'CRITICAL',
      message,
      at,
      itemId: item?.id ?? null,
      item,
    },
  };
}

type Judged = { figure: WallKpiFiguresFragment['targets'][number]['figure']; target: number; actual: number | null; state: KpiTargetState | null; lower?: boolean };

export function figures(values: Partial<Omit<WallKpiFiguresFragment, 'targets'>> = {}, judged: Judged[] = []): WallKpiFiguresFragment {
  return {
    received: 0,
    answered: 0,
    onTimeShare: null,
    overdueOpen: 0,
    satisfiedShare: null,
    meanAnswerDays: null,
    ...values,
    targets: judged.map((j) => ({
      figure: j.figure,
      direction: j.lower ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
      target: j.target,
      actual: j.actual,
      state: j.state,
    })),
  };
}

export function kpiLive(today: WallKpiFiguresFragment, todayBefore: WallKpiFiguresFragment, month: WallKpiFiguresFragment, monthBefore: WallKpiFiguresFragment) {
  return {
    kpiUpdated: {
      __typename: 'KpiLive',
      at: '2026-11-27T09:00:00.000Z',
      today: { ...today, previous: todayBefore },
      month: { ...month, previous: monthBefore },
    },
  };
}

export function sector(code: string, name: string, state: KpiTargetState | null, counts: Partial<Record<'open' | 'overdue' | 'dueSoon' | 'receivedToday', number>> = {}) {
  return {
    sectorUpdated: {
      __typename: 'SectorLive',
      sectorId: `s-${code}`,
      code,
      name,
      state,
      open: 0,
      overdue: 0,
      dueSoon: 0,
      receivedToday: 0,
      answeredToday: 0,
      answeredOnTimeToday: 0,
      at: '2026-11-27T09:00:00.000Z',
      ...counts,
    },
  };
}

/** Three settlements of the district at their shipped coordinates. */
export function settlementLoad(counts: Record<string, [open: number, overdue: number]> = {}) {
  const rows = [
    { settlementId: 'st-town', name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино', lat: 48.6189, lon: 42.8541 },
    { settlementId: 'st-dobr', name: 'Добринское сельское поселение', shortName: 'Добринское с.п.', lat: 48.8231, lon: 42.9706 },
    { settlementId: 'st-nchir', name: 'Нижнечирское сельское поселение', shortName: 'Нижнечирское с.п.', lat: 48.3642, lon: 43.0889 },
  ];
  return {
    data: {
      settlementLoad: rows.map((r) => ({ __typename: 'SettlementLoad', ...r, open: counts[r.settlementId]?.[0] ?? 0, overdue: counts[r.settlementId]?.[1] ?? 0 })),
    },
  };
}

export function problem(id: string, title: string, openItemCount: number, status: 'CONFIRMED' | 'IN_WORK' = 'CONFIRMED') {
  return {
    __typename: 'Problem',
    id,
    title,
    status,
    area: 'ул. Ленина',
    itemCount: openItemCount + 2,
    openItemCount,
    residentCount: openItemCount + 1,
    settlement: { name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино' },
    category: { name: 'Водоснабжение' },
  };
}

/** What the wall asks over HTTP, answered with a quiet district (tests change what they look at). */
export function answerQuietly(server: WallServer, recent: WallFeedItemFragment[] = []): WallServer {
  return server
    .answer('WallSetup', {
      data: {
        municipalities: [{ __typename: 'Municipality', id: 'm-1', shortName: 'Суровикинский район', timezone: 'Europe/Volgograd' }],
        mapSettings: { __typename: 'MapSettings', tileUrl: null },
      },
    })
    .answer('WallRecentItems', { data: { items: { __typename: 'ItemConnection', nodes: recent } } })
    .answer('WallSettlementLoad', settlementLoad())
    .answer('WallProblems', { data: { problems: { __typename: 'ProblemConnection', nodes: [] } } });
}
