import { GraphQLEnumType, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import table from '../../../schema/permissions.json';
import sdl from '../../../schema/schema.graphql?raw';
import { ALL_ROLES, ASSIGNABLE_ROLES, REGIONAL_ROLES, can, isRegional, permissionRoles } from './permissions';

function schemaEnum(name: string): string[] {
  const type = buildSchema(sdl).getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.value as string);
}

describe('permissions (schema/permissions.json, emitted by the server)', () => {
  it('names exactly the roles of the schema, and only known roles and scopes in its grants', () => {
    const roles = schemaEnum('Role');
    const scopes = schemaEnum('Scope');
    expect([...ALL_ROLES].sort()).toEqual([...roles].sort());
    for (const [permission, grant] of Object.entries(table.permissions)) {
      for (const r of grant.roles) expect(roles, `${permission} grants ${r}`).toContain(r);
      for (const s of grant.scopes) expect(scopes, `${permission} grants ${s}`).toContain(s);
    }
    for (const r of [...REGIONAL_ROLES, ...ASSIGNABLE_ROLES]) expect(roles).toContain(r);
  });

  it('lets a municipality grant every role but the regional ones', () => {
    expect(REGIONAL_ROLES).toEqual(['REGION']);
    expect(ASSIGNABLE_ROLES).toEqual(ALL_ROLES.filter((r) => !REGIONAL_ROLES.includes(r)));
  });

  it('answers from the server table, including permissions the hand copy lacked', () => {
    expect(permissionRoles.TEMPLATES_MANAGE).toEqual(['HEAD', 'SECTOR_LEAD']);
    expect(can(['HEAD'], 'USERS_MANAGE')).toBe(true);
    expect(can(['ANALYST'], 'USERS_MANAGE')).toBe(false);
    expect(can(['ANALYST', 'HEAD'], 'TEMPLATES_MANAGE')).toBe(true);
    expect(can(['EXECUTOR'], 'ITEMS_WORK')).toBe(true);
    expect(can(['REGION'], 'ITEMS_CREATE')).toBe(false);
  });

  it('allows what needs no permission and refuses without roles', () => {
    expect(can(null, undefined)).toBe(true);
    expect(can(undefined, 'ORG_READ')).toBe(false);
    expect(can([], 'ORG_READ')).toBe(false);
  });

  it('tells a regional reader', () => {
    expect(isRegional(['REGION'])).toBe(true);
    expect(isRegional(['HEAD', 'CURATOR'])).toBe(false);
    expect(isRegional(null)).toBe(false);
  });
});
