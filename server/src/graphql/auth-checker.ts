import type { AuthChecker } from 'type-graphql';
import type { Ctx, Viewer } from './context.js';
import { AppError, ErrorCode } from './errors.js';
import { type Permission, rolesGrant, scopesGrant } from '../modules/auth/roles.js';

/**
 * The one guard of every operation. `@Authorized()` needs any signed-in viewer; `@Authorized(P1, P2)` needs a
 * viewer to whom any of the permissions is granted, by role for people and by scope for API tokens.
 */
export const authChecker: AuthChecker<Ctx, Permission> = ({ context }, permissions) => requirePermission(context, permissions);

/** The same check, for code that runs outside a resolver's guard (a subscription's `subscribe`). */
export function requirePermission(context: Ctx, permissions: readonly Permission[]): true {
  const viewer = context.viewer;
  if (!viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
  if (!granted(viewer, permissions)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'This operation is not allowed for your role', {
      required: permissions,
    });
  }
  return true;
}

/** Whether any of the permissions is granted to the viewer (by role for a person, by scope for a token). */
export function granted(viewer: Viewer, permissions: readonly Permission[]): boolean {
  if (permissions.length === 0) return true;
  return viewer.kind === 'user'
    ? permissions.some((p) => rolesGrant(viewer.roles, p))
    : permissions.some((p) => scopesGrant(viewer.scopes, p));
}
