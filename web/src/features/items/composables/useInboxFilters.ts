import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { DeadlineState, ItemFilter, ItemKind, ItemQueue, ItemSort, ItemStatus } from '../../../gql/graphql';
import { startOfDayIso } from '../../../ui';
import { useViewer } from '../../auth/composables/useViewer';
import { DEADLINE_STATES, ITEM_KINDS, ITEM_STATUSES, QUEUES } from '../codes';
import { decodeDrill, drillInput, encodeDrill } from '../../analytics/drill';

/**
 * The inbox view lives in the address, so it can be bookmarked and shared:
 * `/items?queue=MINE&kind=APPEAL&status=ASSIGNED&sector=ZHKH&category=ZHKH_WATER&department=<id>&deadline=OVERDUE
 * &urgent=1&q=вода&from=2026-11-01&to=2026-11-30&all=1&sort=RECEIVED_DESC`. Unknown values are ignored.
 * `kpi=<set>~<from>~<to>~<scope>…` (analytics/drill.ts) lists exactly the items behind a KPI figure; the other
 * filters narrow it further, and it lists closed items too (a figure counts them).
 */
export type InboxView = {
  queue: ItemQueue | '';
  kind: ItemKind | '';
  status: ItemStatus | '';
  sector: string;
  category: string;
  department: string;
  deadline: DeadlineState | '';
  /** '1' urgent only, '0' not urgent, '' both */
  urgent: '' | '1' | '0';
  q: string;
  from: string;
  to: string;
  /** '1': closed items too (by default only open ones are listed) */
  all: '' | '1';
  sort: ItemSort;
  /** A KPI drill-down (analytics/drill.ts), '' for none. */
  kpi: string;
};

export const SORTS: readonly ItemSort[] = ['URGENT_FIRST', 'DUE_ASC', 'RECEIVED_DESC', 'RECEIVED_ASC'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function one(query: LocationQuery, key: string): string {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** A valid drill-down, written the canonical way; '' for anything else. */
function kpiParam(value: string): string {
  const drill = decodeDrill(value);
  return drill ? encodeDrill(drill) : '';
}

export function viewFromQuery(query: LocationQuery): InboxView {
  const urgent = one(query, 'urgent');
  const from = one(query, 'from');
  const to = one(query, 'to');
  return {
    queue: oneOf(one(query, 'queue'), QUEUES),
    kind: oneOf(one(query, 'kind'), ITEM_KINDS),
    status: oneOf(one(query, 'status'), ITEM_STATUSES),
    sector: one(query, 'sector'),
    category: one(query, 'category'),
    department: one(query, 'department'),
    deadline: oneOf(one(query, 'deadline'), DEADLINE_STATES),
    urgent: urgent === '1' || urgent === '0' ? urgent : '',
    q: one(query, 'q').slice(0, 200),
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    all: one(query, 'all') === '1' ? '1' : '',
    sort: oneOf(one(query, 'sort'), SORTS) || 'URGENT_FIRST',
    kpi: kpiParam(one(query, 'kpi')),
  };
}

/** The address of a view: empty values are left out, so the plain inbox is just `/items`. */
export function queryFromView(view: Partial<InboxView>): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(view)) {
    if (value && !(key === 'sort' && value === 'URGENT_FIRST')) query[key] = value;
  }
  return query;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * What the server is asked. Without a status, `all` or a KPI drill-down, only open items; the period is whole
 * days of the municipality (received from the start of `from` to the end of `to`).
 */
export function filterFromView(view: InboxView, timeZone?: string): ItemFilter {
  const filter: ItemFilter = {};
  if (view.queue) filter.queue = view.queue;
  if (view.kind) filter.kinds = [view.kind];
  const drill = decodeDrill(view.kpi);
  if (drill) filter.kpi = drillInput(drill);
  if (view.status) filter.statuses = [view.status];
  else if (!view.all && !drill) filter.openOnly = true;
  if (view.sector) filter.sectorCode = view.sector;
  if (view.category) filter.categoryCode = view.category;
  if (view.department) filter.departmentId = view.department;
  if (view.deadline) filter.deadlineState = view.deadline;
  if (view.urgent) filter.urgent = view.urgent === '1';
  if (view.q) filter.search = view.q;
  if (view.from) filter.receivedFrom = startOfDayIso(view.from, timeZone);
  if (view.to) filter.receivedTo = startOfDayIso(nextDay(view.to), timeZone);
  return filter;
}

export function useInboxFilters() {
  const route = useRoute();
  const router = useRouter();
  const { timeZone } = useViewer();

  const view = computed(() => viewFromQuery(route.query));
  const filter = computed(() => filterFromView(view.value, timeZone.value));
  const sort = computed(() => view.value.sort);
  /** Anything narrowed beyond the queue and the default "open only". */
  const narrowed = computed(() => {
    const { queue: _q, sort: _s, ...rest } = view.value;
    return Object.values(rest).some(Boolean);
  });

  /** Changes part of the view; the address is replaced, not pushed, so Back leaves the inbox. */
  function update(patch: Partial<InboxView>) {
    const next = { ...view.value, ...patch };
    // A category belongs to a sector: a new sector drops a category of another one.
    if ('sector' in patch && !('category' in patch)) next.category = '';
    void router.replace({ name: 'items', query: queryFromView(next) });
  }

  function reset() {
    void router.replace({ name: 'items', query: queryFromView({ queue: view.value.queue }) });
  }

  /** The address of a queue, keeping the other filters. */
  function queueLink(queue: ItemQueue | '') {
    return { name: 'items', query: queryFromView({ ...view.value, queue }) };
  }

  return { view, filter, sort, narrowed, update, reset, queueLink };
}
