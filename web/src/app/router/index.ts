import { nextTick } from 'vue';
import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import type { ApolloClient } from '@apollo/client/core';
import { meQuery } from '../../features/auth/graphql/me.query';
import type { Viewer } from '../../features/auth/composables/useViewer';
import { routeAllowed, titleKey } from '../../shared/route-access';
import { routes } from './routes';

/** The signed-in person from the cache, or from the server on first use; null when nobody is signed in. */
export async function loadViewer(client: ApolloClient<unknown>): Promise<Viewer | null> {
  try {
    const { data } = await client.query({ query: meQuery, fetchPolicy: 'cache-first' });
    return data?.me ?? null;
  } catch {
    // The server cannot be reached: the sign-in page is where that is shown.
    return null;
  }
}

/**
 * Unauthenticated -> /sign-in (and back after signing in); a page the role may not use -> home;
 * the sign-in page when already signed in -> home; a standalone page (the wall) as it is, whoever is signed in.
 */
/** What the guards need of i18n: translating a title. */
export type Translate = { t: (key: string) => string };

export function installGuards(router: Router, client: ApolloClient<unknown>, i18n?: Translate): void {
  router.beforeEach(async (to) => {
    // A page with its own credential (the wall's token): no session asked for, none needed.
    if (to.meta.standalone) return true;
    const viewer = await loadViewer(client);
    if (to.meta.public) return viewer ? { name: 'home' } : true;
    if (!viewer) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (!routeAllowed(to.matched, viewer.roles)) return { name: 'home' };
    return true;
  });

  let first = true;
  router.afterEach((to, _from, failure) => {
    if (failure) return;
    if (i18n && typeof document !== 'undefined') {
      const key = titleKey(to);
      const app = i18n.t('app.name');
      document.title = key ? `${i18n.t(key)} · ${app}` : app;
    }
    // After a navigation inside the app, move focus to the new page's heading (screen readers announce it).
    if (!first) {
      void nextTick(() => document.querySelector<HTMLElement>('[data-testid="page-title"]')?.focus({ preventScroll: true }));
    }
    first = false;
  });
}

export function createAppRouter(client: ApolloClient<unknown>, options: { history?: RouterHistory; i18n?: Translate } = {}): Router {
  const router = createRouter({
    history: options.history ?? createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
  installGuards(router, client, options.i18n);
  return router;
}
