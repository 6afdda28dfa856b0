import type { Ctx } from '../../graphql/context.js';
import { emit } from '../live/outbox.js';
import { auditChange } from '../audit/audit.service.js';
import { badInput, type FieldProblem, forbidden, notFound } from '../../graphql/errors.js';
import { flushOrConflict, municipalityWhere, writableMunicipalityId } from '../../shared/tenancy.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { hashPassword } from '../auth/secrets.js';
import { Role } from '../auth/roles.js';
import { UserSession } from '../auth/session.entity.js';
import { User } from './user.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { readOnlyRow } from '../items/item-rows.js';
import { readRows } from '../../db/where-sql.js';
import { OrgEntity, announceOrganisationChanged } from '../organisation/organisation.topics.js';
import { PASSWORD_MIN, type UserInput, type UserUpdateInput } from './user.inputs.js';

export type UsersFilter = { role?: Role; departmentId?: string; activeOnly?: boolean; search?: string; municipalityId?: string };

/**
 * The signed-in person as the dashboard shows them (`me`, asked on every page load), in one statement and without
 * entities (docs/performance.md): their row, department and municipality, and their sectors, as read-only
 * instances (item-rows.ts) whose fields need no statement. Their own row, whatever the tenant: the session says
 * whose it is.
 */
export async function readMe(ctx: Ctx, userId: string): Promise<User | null> {
  const em = ctx.em;
  const [row] = await readRows<{ u: Record<string, unknown>; d: Record<string, unknown> | null; m: Record<string, unknown> | null; s: Record<string, unknown>[] }>(
    em,
    `select to_jsonb(u) - 'password_hash' as u, to_jsonb(d) as d, to_jsonb(m) as m,
       coalesce((select jsonb_agg(to_jsonb(s) order by s.position, s.code) from user_sector us join sector s on s.id = us.sector_id
                  where us.user_id = u.id), '[]'::jsonb) as s
     from app_user u left join department d on d.id = u.department_id left join municipality m on m.id = u.municipality_id
     where u.id = ?`,
    [userId],
  );
  if (!row) return null;
  return readOnlyRow(
    em,
    User,
    row.u,
    {
      department: row.d && readOnlyRow(em, Department, row.d),
      municipality: row.m && readOnlyRow(em, Municipality, row.m),
    },
    { sectors: row.s.map((s) => readOnlyRow(em, Sector, s)) },
  );
}

export function listUsers(ctx: Ctx, filter: UsersFilter): Promise<User[]> {
  return ctx.em.find(
    User,
    {
      ...municipalityWhere(ctx, filter.municipalityId),
      ...(filter.role ? { roles: { $contains: [filter.role] } } : {}),
      ...(filter.departmentId ? { department: filter.departmentId } : {}),
      ...(filter.activeOnly ? { active: true } : {}),
      ...(filter.search
        ? {
            $or: [
              { fullName: { $ilike: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%` } },
              { username: { $ilike: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%` } },
            ],
          }
        : {}),
    },
    { orderBy: { fullName: 'asc' } },
  );
}

/** Changes the viewer's own settings (interface language). */
export async function updateMyProfile(ctx: Ctx, input: { locale?: string }): Promise<User> {
  if (ctx.viewer?.kind !== 'user') throw forbidden('Only a person has a profile');
  // Your own row is in your municipality (a regional reader's fork sees every one).
  const me = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId });
  if (input.locale) me.locale = input.locale;
  await ctx.em.flush();
  return me;
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const user = await ctx.em.findOne(User, { id });
  if (!user) throw notFound('User', id);
  return user;
}

/** Role rules that the schema cannot express; each broken rule names its field. */
async function resolveAssignments(
  ctx: Ctx,
  roles: Role[],
  departmentId: string | null | undefined,
  sectorCodes: string[],
): Promise<{ department: Department | null; sectors: Sector[] }> {
  const problems: FieldProblem[] = [];
  if (roles.includes(Role.REGION)) {
    problems.push({ field: 'roles', problems: ['the regional role is granted by the installation, not a municipality'] });
  }
  let department: Department | null = null;
  if (departmentId) {
    department = await ctx.em.findOne(Department, { id: departmentId });
    if (!department) problems.push({ field: 'departmentId', problems: ['unknown department'] });
  } else if (roles.includes(Role.EXECUTOR)) {
    problems.push({ field: 'departmentId', problems: ['an executor belongs to a department'] });
  }
  const unique = [...new Set(sectorCodes)];
  const sectors = unique.length ? await ctx.em.find(Sector, { code: { $in: unique } }) : [];
  const missing = unique.filter((c) => !sectors.some((s) => s.code === c));
  if (missing.length) problems.push({ field: 'sectorCodes', problems: [`unknown codes: ${missing.join(', ')}`] });
  if (roles.includes(Role.SECTOR_LEAD) && unique.length === 0) {
    problems.push({ field: 'sectorCodes', problems: ['a sector lead leads at least one sector'] });
  }
  if (problems.length) throw badInput(problems);
  return { department, sectors };
}

export async function createUser(ctx: Ctx, input: UserInput): Promise<User> {
  const municipalityId = writableMunicipalityId(ctx);
  const roles = [...new Set(input.roles)];
  const { department, sectors } = await resolveAssignments(ctx, roles, input.departmentId, input.sectorCodes);
  const user = ctx.em.create(User, {
    municipality: municipalityId,
    username: input.username.toLowerCase(),
    fullName: input.fullName.trim(),
    position: input.position?.trim() || undefined,
    email: input.email || undefined,
    phone: input.phone,
    roles,
    department: department ?? undefined,
    passwordHash: await hashPassword(input.password),
    locale: input.locale,
    active: true,
  });
  user.sectors.set(sectors);
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.User, user.id, 'CREATED');
  await flushOrConflict(ctx, 'username', 'A user');
  return user;
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdateInput): Promise<User> {
  const municipalityId = writableMunicipalityId(ctx);
  const user = await getUser(ctx, id);
  const roles = input.roles ? [...new Set(input.roles)] : user.roles;
  const departmentId = input.departmentId !== undefined ? input.departmentId : (user.department?.id ?? null);
  const sectorsBefore = (await user.sectors.load()).getItems().map((s) => s.code);
  const sectorCodes = input.sectorCodes ?? sectorsBefore;
  const { department, sectors } = await resolveAssignments(ctx, roles, departmentId, sectorCodes);
  // What the access policy reads of a person: a change reaches their open sockets at once.
  const accessBefore = JSON.stringify([[...user.roles].sort(), user.department?.id ?? null, [...sectorsBefore].sort()]);
  const accessAfter = JSON.stringify([[...roles].sort(), department?.id ?? null, sectors.map((s) => s.code).sort()]);
  if (ctx.viewer?.kind === 'user' && ctx.viewer.userId === user.id) {
    if (input.active === false) throw forbidden('You cannot deactivate yourself');
    if (input.roles && !roles.includes(Role.HEAD) && user.roles.includes(Role.HEAD)) {
      throw forbidden('You cannot take the head role from yourself');
    }
  }
  if (input.fullName != null) user.fullName = input.fullName.trim();
  if (input.position !== undefined) user.position = input.position?.trim() || undefined;
  if (input.email !== undefined) user.email = input.email || undefined;
  if (input.phone !== undefined) user.phone = input.phone || undefined;
  if (input.locale != null) user.locale = input.locale;
  user.roles = roles;
  user.department = department ? ctx.em.getReference(Department, department.id, { wrapped: true }) : undefined;
  user.sectors.set(sectors);
  if (input.active != null) {
    user.active = input.active;
    if (!input.active) {
      await ctx.em.nativeUpdate(UserSession, { user: user.id, revokedAt: null }, { revokedAt: ctx.now() });
    }
  }
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.User, user.id, 'UPDATED');
  if (input.active === false) emit(ctx.em, 'ACCESS_REVOKED', { reason: 'DEACTIVATED', userId: user.id }, ctx.now());
  else if (accessBefore !== accessAfter) emit(ctx.em, 'ACCESS_REVOKED', { reason: 'ACCESS_CHANGED', userId: user.id }, ctx.now());
  await ctx.em.flush();
  return user;
}

export async function setUserPassword(ctx: Ctx, id: string, password: string): Promise<boolean> {
  writableMunicipalityId(ctx);
  if (password.length < PASSWORD_MIN) {
    throw badInput([{ field: 'password', problems: [`at least ${PASSWORD_MIN} characters`] }]);
  }
  const user = await getUser(ctx, id);
  user.passwordHash = await hashPassword(password);
  await ctx.em.nativeUpdate(UserSession, { user: user.id, revokedAt: null }, { revokedAt: ctx.now() });
  emit(ctx.em, 'ACCESS_REVOKED', { reason: 'PASSWORD_SET', userId: user.id }, ctx.now());
  auditChange(ctx, user.municipality?.id ?? null, 'PASSWORD_SET', { type: 'User', id: user.id });
  await ctx.em.flush();
  return true;
}
