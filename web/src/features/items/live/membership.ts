import type { DeadlineState, ItemFilter, ItemListFieldsFragment, ItemQueue, ItemSort, Role } from '../../../gql/graphql';
import { CLOSED_STATUSES } from '../codes';

/**
 * Whether an item, as a live event left it, belongs to an inbox list — judged in the browser by the same rules as
 * the server's filter (server/src/modules/items/item-queries.ts), so a change needs no request to say so.
 * - `in` / `out`: every condition of the filter could be judged;
 * - `unknown`: a condition cannot be judged here (a full-text search, a KPI drill-down) and none says `out`.
 * The queues that depend on the viewer's right to act (UNASSIGNED: may register or assign; MY_REVIEW: may review)
 * are judged by the status alone: the server only sends events of items the viewer reaches.
 */
export type Membership = 'in' | 'out' | 'unknown';

type Row = Pick<
  ItemListFieldsFragment,
  'id' | 'number' | 'kind' | 'channel' | 'status' | 'urgent' | 'receivedAt' | 'dueAt' | 'deadlineState' | 'pausedAt' | 'category' | 'sector' | 'settlement' | 'department' | 'executor'
>;

/** The signed-in person, as the queues need them. */
export type ListViewer = { id: string; roles: readonly Role[]; departmentId: string | null; sectorIds: readonly string[] };

const ms = (iso: string) => new Date(iso).getTime();
const isOpen = (row: Pick<Row, 'status'>) => !CLOSED_STATUSES.includes(row.status);
const NUMBER = /^\d{4}-\d{1,6}$/;
/** The statuses in which an item without a category waits in TO_CLASSIFY (the server's item-queries.ts). */
const TO_CLASSIFY_STATUSES: readonly string[] = ['NEW', 'REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CITIZEN', 'REOPENED'];

function queueMembership(row: Row, queue: ItemQueue, viewer: ListViewer | null, now: number): Membership {
  switch (queue) {
    case 'MINE': {
      if (!viewer) return 'unknown';
      const ownDepartment = viewer.roles.includes('EXECUTOR') && !!viewer.departmentId;
      const mine = row.executor?.id === viewer.id || (ownDepartment && !row.executor && row.department?.id === viewer.departmentId);
      return isOpen(row) && mine ? 'in' : 'out';
    }
    case 'UNASSIGNED':
      return ['NEW', 'REGISTERED', 'REOPENED'].includes(row.status) ? 'in' : 'out';
    case 'MY_REVIEW':
      return row.status === 'ON_REVIEW' ? 'in' : 'out';
    case 'TO_CLASSIFY':
      // An item waits to be classified while it has no category (the machine was not sure) and is open.
      return !row.category && TO_CLASSIFY_STATUSES.includes(row.status) ? 'in' : 'out';
    case 'OVERDUE_MY_SECTORS': {
      if (!viewer) return 'unknown';
      const sector = viewer.roles.includes('HEAD') || (!!row.sector && viewer.sectorIds.includes(row.sector.id));
      return isOpen(row) && sector && deadlineMatches(row, 'OVERDUE', now) ? 'in' : 'out';
    }
  }
}

/** The server's deadline filter: a paused clock is judged at the instant it stopped (never overdue or due soon). */
function deadlineMatches(row: Row, state: DeadlineState, now: number): boolean {
  const running = !row.pausedAt && !!row.dueAt;
  switch (state) {
    case 'OVERDUE':
      return running && ms(row.dueAt!) < now;
    case 'DUE_SOON':
      return running && ms(row.dueAt!) >= now && row.deadlineState === 'DUE_SOON';
    case 'ON_TRACK':
      return !!row.pausedAt || (running && ms(row.dueAt!) >= now && row.deadlineState === 'ON_TRACK');
    default:
      return false;
  }
}

export function membership(row: Row, filter: ItemFilter, viewer: ListViewer | null, now: number): Membership {
  const found: Membership[] = [];
  const check = (holds: boolean) => found.push(holds ? 'in' : 'out');
  if (filter.queue) found.push(queueMembership(row, filter.queue, viewer, now));
  if (filter.kinds?.length) check(filter.kinds.includes(row.kind));
  if (filter.statuses?.length) check(filter.statuses.includes(row.status));
  if (filter.channels?.length) check(filter.channels.includes(row.channel));
  if (filter.sectorCode) check(row.sector?.code === filter.sectorCode);
  if (filter.categoryCode) check(row.category?.code === filter.categoryCode);
  if (filter.departmentId) check(row.department?.id === filter.departmentId);
  if (filter.executorId) check(row.executor?.id === filter.executorId);
  if (filter.settlementId) check(row.settlement?.id === filter.settlementId);
  if (filter.urgent !== undefined && filter.urgent !== null) check(row.urgent === filter.urgent);
  if (filter.receivedFrom) check(ms(row.receivedAt) >= ms(filter.receivedFrom));
  if (filter.receivedTo) check(ms(row.receivedAt) < ms(filter.receivedTo));
  if (filter.openOnly) check(isOpen(row));
  if (filter.deadlineState) check(deadlineMatches(row, filter.deadlineState, now));
  const search = filter.search?.trim();
  if (search) {
    // A number is a prefix match; words are Russian full-text search, which only the server can judge.
    if (NUMBER.test(search)) check(row.number.startsWith(search));
    else found.push('unknown');
  }
  if (filter.kpi) found.push('unknown');
  return found.includes('out') ? 'out' : found.includes('unknown') ? 'unknown' : 'in';
}

const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
const due = (row: Pick<Row, 'dueAt'>) => (row.dueAt ? ms(row.dueAt) : Number.POSITIVE_INFINITY);

/** The server's order of a list (item-queries.ts SORTS): negative when `a` comes before `b`. */
export function compareRows(a: Row, b: Row, sort: ItemSort): number {
  switch (sort) {
    case 'URGENT_FIRST':
      return compare(Number(b.urgent), Number(a.urgent)) || compare(due(a), due(b)) || compare(a.id, b.id);
    case 'DUE_ASC':
      return compare(due(a), due(b)) || compare(a.id, b.id);
    case 'RECEIVED_DESC':
      return compare(ms(b.receivedAt), ms(a.receivedAt)) || compare(a.id, b.id);
    case 'RECEIVED_ASC':
      return compare(ms(a.receivedAt), ms(b.receivedAt)) || compare(a.id, b.id);
  }
}
