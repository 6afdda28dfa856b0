import { Permission, rolesGrant, scopesGrant, type Role, type Scope } from '../auth/roles.js';
import type { Subject } from '../items/item-access.js';

/** A webhook with what decides whether its owner may still receive, as one statement reads it (`HOOK_ROWS`). */
export type HookRow = {
  id: string;
  municipality_id: string;
  url: string;
  secret: string;
  event_types: string[];
  from_cursor: string;
  token_id: string | null;
  token_scopes: Scope[] | null;
  token_revoked_at: Date | null;
  token_expires_at: Date | null;
  token_municipality_id: string | null;
  user_id: string | null;
  user_active: boolean | null;
  user_roles: Role[] | null;
  user_municipality_id: string | null;
  user_department_id: string | null;
  user_sector_ids: string[] | null;
};

/** The active webhooks and their owners; the caller adds the condition (`where …`) with `?` placeholders. */
export const HOOK_ROWS = `select w.id, w.municipality_id, w.url, w.secret, w.event_types, w.from_cursor::text as from_cursor,
    t.id as token_id, t.scopes::text[] as token_scopes, t.revoked_at as token_revoked_at, t.expires_at as token_expires_at,
    t.municipality_id as token_municipality_id,
    u.id as user_id, u.active as user_active, u.roles::text[] as user_roles, u.municipality_id as user_municipality_id,
    u.department_id as user_department_id,
    case when u.id is null then null else array(select us.sector_id from user_sector us where us.user_id = u.id)::text[] end as user_sector_ids
  from webhook w
  left join api_token t on t.id = w.owner_token_id
  left join app_user u on u.id = w.owner_user_id
  where w.active`;

/**
 * The viewer a webhook receives as: its token (still valid, still holding the webhooks scope) or its person (active,
 * in the webhook's municipality, still in a role that manages webhooks); null when the owner may no longer receive.
 * What reaches it is then the item access policy's answer for this viewer, as for the owner's own queries.
 */
export function ownerSubject(row: HookRow, now: Date): Subject | null {
  if (row.token_id) {
    if (row.token_revoked_at || (row.token_expires_at && new Date(row.token_expires_at) <= now)) return null;
    if (row.token_municipality_id !== row.municipality_id) return null;
    const scopes = row.token_scopes ?? [];
    if (!scopesGrant(scopes, Permission.WEBHOOKS_MANAGE)) return null;
    return { kind: 'token', scopes };
  }
  if (row.user_id) {
    const roles = row.user_roles ?? [];
    if (!row.user_active || row.user_municipality_id !== row.municipality_id || !rolesGrant(roles, Permission.WEBHOOKS_MANAGE)) return null;
    return { kind: 'user', userId: row.user_id, roles, departmentId: row.user_department_id, sectorIds: row.user_sector_ids ?? [] };
  }
  return null;
}
