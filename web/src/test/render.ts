import { defineComponent, h, type Component } from 'vue';
import { vi, type Mock } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { ApolloClient } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router';
import type { Role } from '../gql/graphql';
import { createCache } from '../app/apollo/client';
import { createAppI18n, type AppI18n } from '../app/i18n';
import { meQuery } from '../features/auth/graphql/me.query';
import { TransportKey } from '../shared/injection';
import type { AppLocale } from '../shared/locale';
import { viewerFixture } from './fixtures';

/**
 * An Apollo client whose network is a MockLink: one handler per document and variables, as the server would
 * answer. Components run their real queries and mutations against it; nothing of Apollo is mocked.
 */
export function createTestClient(mocks: readonly MockedResponse[]): ApolloClient<unknown> {
  return new ApolloClient({ link: new MockLink(mocks, true, { showWarnings: false }), cache: createCache() });
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
  tokens: '/tokens',
  profile: '/profile',
}).map(([name, path]) => ({ name, path, component: Blank }));

export type RenderOptions = {
  mocks?: readonly MockedResponse[];
  client?: ApolloClient<unknown>;
  router?: Router;
  routes?: RouteRecordRaw[];
  route?: string;
  locale?: AppLocale;
  props?: Record<string, unknown>;
  /** More injections, e.g. the municipality time zone the layout provides. */
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
      provide: { [DefaultApolloClient as symbol]: client, [TransportKey as symbol]: transport, ...options.provide },
    },
  });
  await settle();
  return { wrapper, client, router, i18n, transport };
}

/** Lets Apollo deliver results and Vue re-render (MockLink answers on a timer). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await flushPromises();
}
