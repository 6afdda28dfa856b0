import { computed, ref, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { Channel, ItemKind, KpiBucket, KpiDimension, Role, ViewerFieldsFragment } from '../../../gql/graphql';
import { useTimeZone } from '../../../shared/injection';
import { useViewer } from '../../auth/composables/useViewer';
import { CHANNELS, ITEM_KINDS } from '../../items/codes';
import { RANKING_MEASURES, type RankingMeasure } from '../charts/options';
import { cleanScope, type KpiScope } from '../drill';
import { KPI_DIMENSIONS } from '../figures';
import { PERIOD_PRESETS, bucketsFor, defaultBucket, isDay, periodOf, type PeriodPreset } from '../period';

/**
 * The analytics view lives in the address, so it can be bookmarked, shared and come back to from the inbox:
 * `/analytics?period=last-month&sector=ZHKH&department=<id>&settlement=<id>&channel=POS&kind=APPEAL&bucket=WEEK
 * &by=SECTOR&measure=received`, a custom period as `period=custom&from=2026-01-01&to=2026-03-31` (whole days of
 * the municipality), a regional reader's municipality as `m=<id>`. Unknown values are ignored.
 */
export type AnalyticsView = {
  period: PeriodPreset;
  from: string;
  to: string;
  sector: string;
  department: string;
  settlement: string;
  channel: Channel | '';
  kind: ItemKind | '';
  m: string;
  bucket: KpiBucket | '';
  by: KpiDimension;
  measure: RankingMeasure;
};

const BUCKETS: readonly KpiBucket[] = ['DAY', 'WEEK', 'MONTH'];

function one(query: LocationQuery, key: string): string {
  const v = query[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

export function analyticsViewFromQuery(query: LocationQuery): AnalyticsView {
  const from = one(query, 'from');
  const to = one(query, 'to');
  return {
    period: oneOf(one(query, 'period'), PERIOD_PRESETS) || 'month',
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    sector: one(query, 'sector'),
    department: one(query, 'department'),
    settlement: one(query, 'settlement'),
    channel: oneOf(one(query, 'channel'), CHANNELS),
    kind: oneOf(one(query, 'kind'), ITEM_KINDS),
    m: one(query, 'm'),
    bucket: oneOf(one(query, 'bucket'), BUCKETS),
    by: oneOf(one(query, 'by'), KPI_DIMENSIONS) || 'DEPARTMENT',
    measure: oneOf(one(query, 'measure'), RANKING_MEASURES) || 'onTime',
  };
}

const DEFAULTS: Partial<AnalyticsView> = { period: 'month', by: 'DEPARTMENT', measure: 'onTime' };

/** The address of a view: defaults and empty values are left out, so the plain page is just `/analytics`. */
export function analyticsQueryFromView(view: Partial<AnalyticsView>): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(view)) {
    if (!value || DEFAULTS[key as keyof AnalyticsView] === value) continue;
    if ((key === 'from' || key === 'to') && view.period !== 'custom') continue;
    query[key] = value;
  }
  return query;
}

/** Roles that read the figures of every sector (server: kpi.service.ts); a sector lead without one reads their own. */
const WHOLE_MUNICIPALITY: readonly Role[] = ['HEAD', 'CURATOR', 'ANALYST', 'REGION'];

/**
 * The sectors a viewer may narrow the figures to: a sector lead's own (the server refuses any other), or null
 * for every sector. `sectors` lists every sector of the municipality, so the dashboard picks the lead's out.
 */
export function ownSectorCodes(roles: readonly Role[], viewer: Pick<ViewerFieldsFragment, 'sectors'> | null): string[] | null {
  if (!roles.includes('SECTOR_LEAD') || roles.some((r) => WHOLE_MUNICIPALITY.includes(r))) return null;
  return (viewer?.sectors ?? []).map((s) => s.code);
}

/** The scope the figures are read for. */
export function scopeOfView(view: AnalyticsView, regional: boolean): KpiScope {
  return cleanScope({
    sectorCode: view.sector,
    departmentId: view.department,
    settlementId: view.settlement,
    channel: view.channel || undefined,
    kind: view.kind || undefined,
    municipalityId: regional ? view.m : undefined,
  });
}

/**
 * `zone`: the time zone of the periods when the layout provides none (a regional reader: the chosen
 * municipality's); by default the municipality's, as the layout provides it.
 */
export function useAnalyticsView(zone?: Ref<string | undefined>) {
  const route = useRoute();
  const router = useRouter();
  const provided = useTimeZone();
  const timeZone = computed(() => provided.value ?? zone?.value);
  const { regional } = useViewer();
  // "Now" is when the page was opened or its view last changed: one period for every query of the page.
  const now = ref(new Date());

  const view = computed(() => analyticsViewFromQuery(route.query));
  const period = computed(() => periodOf(view.value.period, now.value, timeZone.value, { from: view.value.from, to: view.value.to }));
  const scope = computed(() => scopeOfView(view.value, regional.value));
  const buckets = computed(() => (period.value ? bucketsFor(period.value) : BUCKETS));
  const bucket = computed<KpiBucket>(() =>
    view.value.bucket && buckets.value.includes(view.value.bucket) ? view.value.bucket : period.value ? defaultBucket(period.value) : 'DAY',
  );
  const narrowed = computed(() => Object.keys(scope.value).some((k) => k !== 'municipalityId'));

  /** Changes part of the view; the address is replaced, so Back leaves the page. */
  function update(patch: Partial<AnalyticsView>) {
    now.value = new Date();
    const next = { ...view.value, ...patch };
    // Another period may not allow the chosen bucket: back to its default.
    if ('period' in patch || 'from' in patch || 'to' in patch) next.bucket = '';
    if (next.period === 'custom' && 'period' in patch && !next.from && period.value) {
      next.from = period.value.firstDay;
      next.to = period.value.lastDay;
    }
    void router.replace({ name: route.name ?? 'analytics', query: analyticsQueryFromView(next) });
  }

  /** Back to the whole scope (the period and the charts' settings stay). */
  function resetScope() {
    update({ sector: '', department: '', settlement: '', channel: '', kind: '' });
  }

  return { view, period, scope, bucket, buckets, narrowed, timeZone, update, resetScope };
}
