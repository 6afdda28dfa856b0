import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import type {
  AlertLevel,
  AlertType,
  WallKpiSubscription,
  WallProblemsQuery,
  WallSectorsSubscription,
  WallSettlementLoadQuery,
  WallSetupQuery,
} from '../../../gql/graphql';
import type { WallApollo } from '../apollo';
import { applyChange, FEED_SIZE, feedRow, fillFeed, type FeedRow } from '../feed';
import { classify, useLive, type WallProblem } from '../live';
import { wallAlertsSubscription } from '../graphql/wall-alerts.subscription';
import { wallItemEventsSubscription } from '../graphql/wall-item-events.subscription';
import { wallKpiSubscription } from '../graphql/wall-kpi.subscription';
import { wallProblemsQuery } from '../graphql/wall-problems.query';
import { wallRecentItemsQuery } from '../graphql/wall-recent-items.query';
import { wallSectorsSubscription } from '../graphql/wall-sectors.subscription';
import { wallSettlementLoadQuery } from '../graphql/wall-settlement-load.query';
import { wallSetupQuery } from '../graphql/wall-setup.query';
import { useTakeover } from './useTakeover';

export type SectorRow = WallSectorsSubscription['sectorUpdated'];
export type KpiLive = WallKpiSubscription['kpiUpdated'];
export type LoadRow = WallSettlementLoadQuery['settlementLoad'][number];
export type ProblemRow = WallProblemsQuery['problems']['nodes'][number];
export type Municipality = WallSetupQuery['municipalities'][number];
export type AlertView = { key: string; type: AlertType; level: AlertLevel; message: string; at: string; row: FeedRow | null };

/** The panels of the wall, each of which a token may lack the right for. */
export type Panel = 'kpi' | 'sectors' | 'feed' | 'map' | 'problems';

/** How many problems the wall lists. */
export const PROBLEMS_SHOWN = 5;
/** The map's load is asked again at most this often on item events, and at least this often anyway. */
export const LOAD_THROTTLE_MS = 10_000;
export const LOAD_REFRESH_MS = 60_000;
/** Problems are asked again this often. */
export const PROBLEMS_REFRESH_MS = 60_000;
/** Alerts older than this (replayed after a reconnection) do not take over the screen. */
export const ALERT_MAX_AGE_MS = 5 * 60_000;
/** Which alerts take the screen over: an urgent item, a spike of similar items. Items overdue are in the feed. */
const TAKEOVER_TYPES: readonly AlertType[] = ['URGENT_ITEM', 'SPIKE'];

/**
 * Everything the wall shows, kept current over its own client: the figures, the sectors, the feed and the alerts
 * live over graphql-ws (resuming after their cursors on reconnection), the map and the problems asked for over HTTP
 * (the map again after item events, at most every LOAD_THROTTLE_MS). Every list is bounded and every timer stops
 * with the component.
 */
export function useWallData(wall: WallApollo) {
  const tokenEnded = ref(false);
  const forbidden = ref<Record<Panel, boolean>>({ kpi: false, sectors: false, feed: false, map: false, problems: false });
  const municipality = shallowRef<Municipality | null>(null);
  const tileUrl = ref<string | null>(null);
  const kpi = shallowRef<KpiLive | null>(null);
  const sectorMap = shallowRef<ReadonlyMap<string, SectorRow>>(new Map());
  const feed = shallowRef<FeedRow[]>([]);
  const load = shallowRef<LoadRow[] | null>(null);
  const problems = shallowRef<ProblemRow[] | null>(null);
  const takeover = useTakeover<AlertView>();

  const timers: ReturnType<typeof setTimeout>[] = [];
  let disposed = false;

  const status = wall.status;
  /** When the socket was lost (ms), for "data as of"; null while connected. */
  const staleSince = ref<number | null>(null);
  const stopStatus = wall.onStatus((next) => {
    if (next === 'ended') tokenEnded.value = true;
    if (next === 'disconnected') staleSince.value ??= Date.now();
    if (next === 'connected') staleSince.value = null;
  });

  function mark(panel: Panel | null, problem: WallProblem) {
    if (problem === 'token') tokenEnded.value = true;
    else if (problem === 'forbidden' && panel) forbidden.value = { ...forbidden.value, [panel]: true };
    // Anything else passes: the last figures stay on the screen, the next attempt will tell.
  }

  const refused = (panel: Panel) => (problem: 'token' | 'forbidden') => mark(panel, problem);

  async function ask<T>(panel: Panel | null, run: () => Promise<T>): Promise<T | null> {
    if (disposed || tokenEnded.value || (panel && forbidden.value[panel])) return null;
    try {
      return await run();
    } catch (error) {
      if (!disposed) mark(panel, classify(error));
      return null;
    }
  }

  // --- once: the municipality and the map's tiles (asked again, on reconnection and every minute, until it has them)
  async function loadSetup() {
    if (municipality.value) return;
    const result = await ask(null, () => wall.client.query({ query: wallSetupQuery, fetchPolicy: 'no-cache' }));
    if (!result?.data || disposed) return;
    municipality.value = result.data.municipalities[0] ?? null;
    tileUrl.value = result.data.mapSettings.tileUrl ?? null;
  }

  // --- the map: settlement load, throttled
  let loadAsked = Number.NEGATIVE_INFINITY;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  async function refreshLoad() {
    clearTimeout(loadTimer);
    loadTimer = undefined;
    loadAsked = Date.now();
    const result = await ask('map', () => wall.client.query({ query: wallSettlementLoadQuery, fetchPolicy: 'no-cache' }));
    if (result?.data && !disposed) load.value = result.data.settlementLoad;
  }
  function loadSoon() {
    if (loadTimer !== undefined || disposed) return;
    const wait = loadAsked + LOAD_THROTTLE_MS - Date.now();
    if (wait <= 0) void refreshLoad();
    else loadTimer = setTimeout(() => void refreshLoad(), wait);
  }

  // --- problems
  async function refreshProblems() {
    const result = await ask('problems', () =>
      wall.client.query({ query: wallProblemsQuery, variables: { first: PROBLEMS_SHOWN }, fetchPolicy: 'no-cache' }),
    );
    if (result?.data && !disposed) problems.value = result.data.problems.nodes.slice(0, PROBLEMS_SHOWN);
  }

  // --- the feed: live events after the last cursor; the newest items when (re)starting
  let itemCursor: string | null = null;
  async function reloadFeed() {
    const result = await ask('feed', () =>
      wall.client.query({ query: wallRecentItemsQuery, variables: { first: FEED_SIZE }, fetchPolicy: 'no-cache' }),
    );
    if (!result?.data || disposed) return;
    feed.value = fillFeed(feed.value, result.data.items.nodes.map((item) => feedRow(item, 'RECEIVED', item.receivedAt)));
  }
  useLive(wall, {
    query: wallItemEventsSubscription,
    variables: () => ({ after: itemCursor }),
    next: ({ itemEvents: e }) => {
      itemCursor = e.cursor;
      feed.value = applyChange(feed.value, feedRow(e.item, e.type, e.at));
      loadSoon();
    },
    expired: () => {
      // Too long away: what the wall shows is reloaded and it listens afresh.
      itemCursor = null;
      feed.value = [];
      void reloadFeed();
      void refreshLoad();
    },
    refused: refused('feed'),
  });

  let alertCursor: string | null = null;
  useLive(wall, {
    query: wallAlertsSubscription,
    variables: () => ({ after: alertCursor }),
    next: ({ alertRaised: a }) => {
      alertCursor = a.cursor;
      if (!TAKEOVER_TYPES.includes(a.type)) return;
      if (Date.now() - Date.parse(a.at) > ALERT_MAX_AGE_MS) return;
      takeover.show({ key: a.cursor, type: a.type, level: a.level, message: a.message, at: a.at, row: a.item ? feedRow(a.item, 'CREATED', a.at) : null });
    },
    expired: () => {
      alertCursor = null;
    },
    refused: refused('feed'),
  });

  useLive(wall, {
    query: wallKpiSubscription,
    next: ({ kpiUpdated }) => (kpi.value = kpiUpdated),
    refused: refused('kpi'),
  });

  useLive(wall, {
    query: wallSectorsSubscription,
    next: ({ sectorUpdated: s }) => {
      const next = new Map(sectorMap.value);
      next.set(s.sectorId, s);
      sectorMap.value = next;
    },
    refused: refused('sectors'),
  });

  const collator = new Intl.Collator('ru');
  const sectors = computed(() => [...sectorMap.value.values()].sort((a, b) => collator.compare(a.name, b.name)));

  void loadSetup();
  void reloadFeed();
  void refreshLoad();
  void refreshProblems();
  timers.push(setInterval(() => void refreshLoad(), LOAD_REFRESH_MS));
  timers.push(
    setInterval(() => {
      void refreshProblems();
      // If the wall started while the server could not answer, it still needs its municipality.
      void loadSetup();
    }, PROBLEMS_REFRESH_MS),
  );

  // Back after a loss: what was asked over HTTP is asked again (the live streams resume by themselves).
  const stopReconnect = wall.onStatus((next, previous) => {
    if (next !== 'connected' || previous !== 'disconnected') return;
    void loadSetup();
    void refreshLoad();
    void refreshProblems();
  });

  function dispose() {
    disposed = true;
    stopStatus();
    stopReconnect();
    clearTimeout(loadTimer);
    for (const t of timers) clearInterval(t);
  }
  if (getCurrentScope()) onScopeDispose(dispose);

  return { status, staleSince, tokenEnded, forbidden, municipality, tileUrl, kpi, sectors, feed, load, problems, alert: takeover.current };
}
