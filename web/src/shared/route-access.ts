import type { RouteLocationNormalized, RouteRecordNormalized } from 'vue-router';
import type { Role } from '../gql/graphql';
import { can, type Permission } from './permissions';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in (the sign-in page). */
    public?: boolean;
    /** A page with a credential of its own (the wall, with its token): the session is not consulted at all. */
    standalone?: boolean;
    /** Who may open the page: a permission of the server's table (every parent's is checked too). */
    permission?: Permission;
    /** i18n key of the page title (the browser tab). */
    title?: string;
  }
}

/** A route is open to a role when every record on its path allows it; the guard and the navigation agree. */
export function routeAllowed(matched: readonly RouteRecordNormalized[], roles: readonly Role[] | null | undefined): boolean {
  return matched.every((record) => can(roles, record.meta.permission));
}

export function titleKey(route: RouteLocationNormalized): string | undefined {
  return [...route.matched].reverse().find((r) => r.meta.title)?.meta.title;
}
