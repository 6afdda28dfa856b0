import type { EntityManager } from '@mikro-orm/postgresql';
import { emit } from '../live/outbox.js';
import type { Ctx, Viewer } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode } from '../../graphql/errors.js';
import { PASSWORD_MIN } from '../users/user.inputs.js';
import { TENANT_FILTER, tenantParamsFor } from '../../db/tenant-filter.js';
import { withoutTenant } from '../../db/tenant-bypass.js';
import { User } from '../users/user.entity.js';
import { UserSession } from './session.entity.js';
import { ApiToken } from './api-token.entity.js';
import { API_TOKEN_PREFIX, dummyHash, hashPassword, newSecret, SESSION_PREFIX, secretHash, verifyPassword } from './secrets.js';
import { REGIONAL_ROLES, type Role } from './roles.js';
import { checkThrottle, clearFailures, recordFailure } from './sign-in-throttle.js';
import { audit, auditChange } from '../audit/audit.service.js';

const SEEN_UPDATE_MS = 60_000;

export type SignInResult = { token: string; expiresAt: Date; user: User };

/**
 * Signing in (docs/security.md, "Signing in"): throttled per username and address with growing delays, never
 * locked; an unknown username costs the same time (a hash is checked anyway) and gets the same answers as a wrong
 * password. Every attempt is in the audit log.
 */
export async function signIn(ctx: Ctx, username: string, password: string): Promise<SignInResult> {
  const em = ctx.em;
  const now = ctx.now();
  const address = ctx.http?.ip;
  const attempted = username.trim().toLowerCase().slice(0, 100);
  try {
    await checkThrottle(em, attempted, address, now);
  } catch (e) {
    audit(em, { municipalityId: null, actorLabel: attempted, action: 'SIGN_IN_THROTTLED', ip: address, at: now });
    await em.flush();
    throw e;
  }
  const user = await em.findOne(User, { username: attempted }, { ...withoutTenant('SIGN_IN'), populate: ['passwordHash', 'sectors'] });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password).then(() => false);
  if (!user || !ok || !user.active) {
    if (!ok) await recordFailure(em, attempted, address, now);
    audit(em, {
      municipalityId: user?.municipality?.id ?? null,
      actorUserId: user?.id,
      actorLabel: attempted,
      action: 'SIGN_IN_FAILED',
      ip: address,
      at: now,
    });
    await em.flush();
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
  }
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const session = em.create(UserSession, {
    user,
    tokenHash: secretHash(token),
    expiresAt,
    lastSeenAt: now,
    userAgent: ctx.http?.userAgent?.slice(0, 300),
    ip: ctx.http?.ip,
  });
  user.lastSignInAt = now;
  audit(em, { municipalityId: user.municipality?.id ?? null, actorUserId: user.id, actorLabel: user.username, action: 'SIGN_IN', target: { type: 'UserSession', id: session.id }, ip: address, at: now });
  await em.flush();
  await clearFailures(em, attempted, address);
  ctx.http?.setSessionCookie(token, expiresAt);
  // The rest of this operation (the returned user's relations) runs as the person who just signed in.
  ctx.viewer = viewerOf(user, session.id, expiresAt);
  ctx.em.setFilterParams(TENANT_FILTER, tenantParamsFor(ctx.viewer));
  return { token, expiresAt, user };
}

export async function signOut(ctx: Ctx): Promise<boolean> {
  ctx.http?.clearSessionCookie();
  if (ctx.viewer?.kind !== 'user') return false;
  const session = await ctx.em.findOne(UserSession, { id: ctx.viewer.sessionId });
  if (!session || session.revokedAt) return false;
  session.revokedAt = ctx.now();
  emit(ctx.em, 'ACCESS_REVOKED', { reason: 'SIGNED_OUT', sessionId: session.id }, ctx.now());
  auditChange(ctx, ctx.viewer.municipalityId, 'SIGN_OUT', { type: 'UserSession', id: session.id });
  await ctx.em.flush();
  return true;
}

export async function changeMyPassword(ctx: Ctx, current: string, next: string): Promise<boolean> {
  if (ctx.viewer?.kind !== 'user') throw new AppError(ErrorCode.FORBIDDEN, 'Only a person has a password');
  if (next.length < PASSWORD_MIN || next.length > 200) {
    throw badInput([{ field: 'newPassword', problems: [`${PASSWORD_MIN} to 200 characters`] }]);
  }
  const user = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId }, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong');
  }
  user.passwordHash = await hashPassword(next);
  // Every other session of the user ends.
  await ctx.em.nativeUpdate(
    UserSession,
    { user: user.id, revokedAt: null, id: { $ne: ctx.viewer.sessionId } },
    { revokedAt: ctx.now() },
  );
  emit(ctx.em, 'ACCESS_REVOKED', { reason: 'PASSWORD_CHANGED', userId: user.id, exceptSessionId: ctx.viewer.sessionId }, ctx.now());
  auditChange(ctx, ctx.viewer.municipalityId, 'PASSWORD_CHANGED', { type: 'User', id: user.id });
  await ctx.em.flush();
  return true;
}

/** A session and its person as the viewer check reads them (resolveViewer). */
type SessionRow = {
  id: string;
  expires_at: string;
  last_seen_at: string;
  user_id: string;
  username: string;
  active: boolean;
  roles: Role[];
  municipality_id: string | null;
  department_id: string | null;
  sector_ids: string[];
};

/** The same viewer as `viewerOf`, from the row of a session check. */
function viewerFromRow(row: SessionRow, expiresAt: Date): Viewer | null {
  const regional = row.roles.some((r) => REGIONAL_ROLES.includes(r));
  if (!regional && !row.municipality_id) return null;
  return {
    kind: 'user',
    userId: row.user_id,
    sessionId: row.id,
    username: row.username,
    roles: [...row.roles],
    municipalityId: regional ? null : row.municipality_id,
    departmentId: row.department_id,
    sectorIds: row.sector_ids,
    expiresAt,
  };
}

function viewerOf(user: User, sessionId: string, expiresAt: Date): Viewer | null {
  const regional = user.roles.some((r) => REGIONAL_ROLES.includes(r));
  // A municipal user without a municipality would read everything: fail closed.
  if (!regional && !user.municipality) return null;
  return {
    kind: 'user',
    userId: user.id,
    sessionId,
    username: user.username,
    roles: [...user.roles],
    municipalityId: regional ? null : (user.municipality?.id ?? null),
    departmentId: user.department?.id ?? null,
    sectorIds: user.sectors.isInitialized() ? user.sectors.getItems().map((s) => s.id) : [],
    expiresAt,
  };
}

/**
 * Who is calling: a person's session token or an API token, from `Authorization: Bearer` or the session
 * cookie. Unknown, expired or revoked secrets give no viewer (the caller is then anonymous).
 */
export async function resolveViewer(em: EntityManager, secret: string | undefined, now: Date): Promise<Viewer | null> {
  if (!secret) return null;
  const tokenHash = secretHash(secret);
  if (secret.startsWith(SESSION_PREFIX)) {
    // Every request over HTTP asks this, so it is one plain statement: the session, its person and their sectors,
    // read as values, with no entity made of them.
    const rows: SessionRow[] = await em.getConnection().execute(
      `select s.id, s.expires_at, s.last_seen_at, u.id as user_id, u.username, u.active, u.roles::text[] as roles,
         u.municipality_id, u.department_id, array(select us.sector_id from user_sector us where us.user_id = u.id)::text[] as sector_ids
       from user_session s join app_user u on u.id = s.user_id
       where s.token_hash = ? and s.revoked_at is null and s.expires_at > ?`,
      [tokenHash, now],
    );
    const row = rows[0];
    if (!row || !row.active) return null;
    const platform = em.getPlatform();
    const expiresAt = platform.parseDate(row.expires_at) as Date;
    const lastSeenAt = platform.parseDate(row.last_seen_at) as Date;
    if (now.getTime() - lastSeenAt.getTime() > SEEN_UPDATE_MS) {
      await em.nativeUpdate(UserSession, { id: row.id }, { lastSeenAt: now });
    }
    return viewerFromRow(row, expiresAt);
  }
  if (secret.startsWith(API_TOKEN_PREFIX)) {
    const token = await em.findOne(ApiToken, { tokenHash, revokedAt: null }, withoutTenant('RESOLVE_VIEWER'));
    if (!token || (token.expiresAt && token.expiresAt <= now)) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > SEEN_UPDATE_MS) {
      await em.nativeUpdate(ApiToken, { id: token.id }, { lastUsedAt: now }, withoutTenant('RESOLVE_VIEWER'));
    }
    return {
      kind: 'token',
      tokenId: token.id,
      tokenKind: token.kind,
      scopes: [...token.scopes],
      sources: token.sources ? [...token.sources] : null,
      municipalityId: token.municipality.id,
      name: token.name,
      expiresAt: token.expiresAt ?? null,
    };
  }
  return null;
}
