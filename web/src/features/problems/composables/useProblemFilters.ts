import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { ProblemStatus } from '../../../gql/graphql';
import { PROBLEM_STATUSES } from '../codes';

/**
 * The view of the problems page lives in the address, so it can be bookmarked and shared:
 * `/problems?tab=proposals` (the proposals, for those who manage problems) and
 * `/problems?status=SOLVED&sector=ZHKH&settlement=<id>&department=<id>` (the list). Without a status the list
 * shows the problems on it (proposed, confirmed, in work); `status=ALL` every status. Unknown values are ignored.
 */
export type ProblemsTab = 'list' | 'proposals';

export type ProblemsView = {
  tab: ProblemsTab;
  status: ProblemStatus | 'ALL' | '';
  sector: string;
  settlement: string;
  department: string;
};

function one(query: LocationQuery, key: string): string {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

export function viewFromQuery(query: LocationQuery): ProblemsView {
  const status = one(query, 'status');
  return {
    tab: one(query, 'tab') === 'proposals' ? 'proposals' : 'list',
    status: status === 'ALL' || (PROBLEM_STATUSES as readonly string[]).includes(status) ? (status as ProblemStatus | 'ALL') : '',
    sector: one(query, 'sector'),
    settlement: one(query, 'settlement'),
    department: one(query, 'department'),
  };
}

export function queryFromView(view: Partial<ProblemsView>): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(view)) {
    if (value && !(key === 'tab' && value === 'list')) query[key] = value;
  }
  return query;
}

/** The variables of `problems` for a view (the page size aside). */
export function listVariables(view: ProblemsView) {
  return {
    status: view.status === 'ALL' ? [...PROBLEM_STATUSES] : view.status ? [view.status] : null,
    sectorCode: view.sector || null,
    settlementId: view.settlement || null,
    departmentId: view.department || null,
  };
}

export function useProblemFilters() {
  const route = useRoute();
  const router = useRouter();
  const view = computed(() => viewFromQuery(route.query));
  const narrowed = computed(() => !!(view.value.status || view.value.sector || view.value.settlement || view.value.department));

  /**
   * Changes part of the view; the address is replaced, not pushed, so Back leaves the page. Two changes in a row
   * (before the first reached the address) both count.
   */
  let pending: ProblemsView | null = null;
  function update(patch: Partial<ProblemsView>) {
    const next = { ...(pending ?? view.value), ...patch };
    pending = next;
    void router.replace({ name: 'problems', query: queryFromView(next) }).finally(() => {
      if (pending === next) pending = null;
    });
  }
  function reset() {
    void router.replace({ name: 'problems', query: queryFromView({ tab: view.value.tab }) });
  }
  const tabLink = (tab: ProblemsTab) => ({ name: 'problems', query: queryFromView({ ...view.value, tab }) });

  return { view, narrowed, update, reset, tabLink };
}
