import { defineComponent, h, ref, type Component } from 'vue';
import { vi, type Mock } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { ApolloClient, ApolloLink } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Role, ViewerFieldsFragment } from '../gql/graphql';
import { createCache } from '../app/apollo/client';
import { createAppI18n, type AppI18n } from '../app/i18n';
import { meQuery } from '../features/auth/graphql/me.query';
import { TimeZoneKey, TransportKey } from '../shared/injection';
import type { AppLocale } from '../shared/locale';
import { MUNICIPALITY_TIME_ZONE } from './clock';
import { viewerFixture } from './fixtures';
import { answeredCount, trackingLink, waitingOperations } from './network';

/**
 * An Apollo client whose network is a MockLink: one handler per document and variables, as the server would
 * answer. Components run their real queries and mutations against it; nothing of Apollo is mocked. MockLink
 * answers on a timer of the fake clock (`delay`, 0 ms unless a handler says otherwise): `settle()` delivers.
 */
export function createTestClient(mocks: readonly MockedResponse[]): ApolloClient<unknown> {
  return new ApolloClient({
    link: ApolloLink.from([trackingLink(), new MockLink(mocks, true, { showWarnings: false })]),
    cache: createCache(),
  });
}

/**
 * Puts the signed-in person (a role's demo account, or exactly this viewer) into the cache, as the route guard
 * does before any page renders.
 */
export function signedIn(client: ApolloClient<unknown>, who: Role | ViewerFieldsFragment | null): void {
  client.writeQuery({ query: meQuery, data: { me: typeof who === 'string' ? viewerFixture(who) : who } });
}

/** The `me` handler for a role (or for nobody), answering as often as asked. */
export function meMock(role: Role | null): MockedResponse {
  return {
    request: { query: meQuery },
    result: { data: { me: role ? viewerFixture(role) : null } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export const Blank = defineComponent({ name: 'Blank', render: () => h('div') });

/** Routes with the app's names and blank pages, for components that link or navigate. */
export const blankRoutes: RouteRecordRaw[] = Object.entries({
  'sign-in': '/sign-in',
  home: '/',
  items: '/items',
  'items-new': '/items/new',
  item: '/items/:id',
  organisation: '/organisation',
  'organisation-sectors': '/organisation/sectors',
  'organisation-departments': '/organisation/departments',
  'organisation-users': '/organisation/users',
  analytics: '/analytics',
  'analytics-targets': '/analytics/targets',
  tokens: '/tokens',
  webhooks: '/webhooks',
  audit: '/audit',
  'text-model': '/text-model',
  profile: '/profile',
  problems: '/problems',
  problem: '/problems/:id',
  reports: '/reports',
  import: '/import',
  wall: '/wall',
}).map(([name, path]) => ({ name, path, component: Blank }));

export type RenderOptions = {
  mocks?: readonly MockedResponse[];
  client?: ApolloClient<unknown>;
  router?: Router;
  routes?: RouteRecordRaw[];
  route?: string;
  locale?: AppLocale;
  props?: Record<string, unknown>;
  /**
   * More injections. The time zone in which dates are shown is the municipality's (Europe/Volgograd), as the
   * layout provides it, unless a test provides another.
   */
  provide?: Record<symbol, unknown>;
};

export type Rendered = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  wrapper: VueWrapper<any>;
  client: ApolloClient<unknown>;
  router: Router;
  i18n: AppI18n;
  /** The WebSocket transport, whose restarts a test can count. */
  transport: { restart: Mock<() => void> };
};

export async function render(component: Component, options: RenderOptions = {}): Promise<Rendered> {
  const client = options.client ?? createTestClient(options.mocks ?? []);
  const i18n = createAppI18n(options.locale ?? 'ru');
  const router =
    options.router ?? createRouter({ history: createMemoryHistory(), routes: options.routes ?? blankRoutes });
  await router.push(options.route ?? '/');
  await router.isReady();
  const transport = { restart: vi.fn<() => void>() };
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [i18n, router],
      provide: {
        [DefaultApolloClient as symbol]: client,
        [TransportKey as symbol]: transport,
        [TimeZoneKey as symbol]: ref(MUNICIPALITY_TIME_ZONE),
        ...options.provide,
      },
    },
  });
  await settle();
  return { wrapper, client, router, i18n, transport };
}

/** How many rounds `settle()` allows before it gives up (each fires what is due and lets promises run). */
const MAX_ROUNDS = 200;

/**
 * Lets everything that is due now happen: the answers of the mocked network, Apollo's deferred notifications, the
 * re-renders they cause and any request those start in turn. It waits for a condition, not for some time: it
 * returns once no query or mutation is waiting for its answer and one more round changed nothing. It never fires
 * a debounce or a delayed event; `pass(ms)` (clock.ts) lets time pass for those.
 *
 * The clock only moves when an answer is due 1 ms ahead (the fake clock puts a 0 ms timer started while another
 * timer fires 1 ms later), and then by 1 ms.
 */
export async function settle(): Promise<void> {
  let quietRounds = 0;
  let idleRounds = 0;
  let answered = answeredCount();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    vi.advanceTimersByTime(0);
    await flushPromises();
    if (waitingOperations().length === 0) {
      quietRounds += 1;
      if (quietRounds === 2) return;
      continue;
    }
    quietRounds = 0;
    if (answeredCount() !== answered) {
      answered = answeredCount();
      idleRounds = 0;
      continue;
    }
    // Two rounds without an answer: the answer is due 1 ms ahead.
    idleRounds += 1;
    if (idleRounds === 2) {
      vi.advanceTimersByTime(1);
      idleRounds = 0;
    }
  }
  throw new Error(
    `settle(): after ${MAX_ROUNDS} rounds the mocked network still has not answered ${waitingOperations().join(', ')}` +
      ' (a handler with a delay? let the time pass first with pass(ms))',
  );
}

/**
 * Awaits something that waits for the mocked network, e.g. `client.query(...)` or a navigation whose guard asks
 * for the viewer: `settle()` delivers the answers, then the promise has what it waited for.
 */
export async function settled<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await settle();
  const result = await outcome;
  if (!result.ok) throw result.error;
  return result.value;
}
