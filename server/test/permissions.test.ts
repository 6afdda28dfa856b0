import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'curator', 'sector_lead', 'incident_manager', 'pos_operator', 'executor', 'analyst', 'region']) {
    tokens[u] = await t.signInAs(u);
  }
});
afterAll(async () => t?.stop());

type Op = { query: string; variables: Record<string, unknown>; check: { sql: string; params: string[] } | null };

/**
 * Each operation names what it writes after `who` (who runs it), so that every test counts only its own rows and
 * no test depends on which others ran before it.
 */
const CREATE_DEPARTMENT = (who: string): Op => ({
  query: `mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }`,
  variables: { i: { code: `probe_dept_${who}`, name: 'Пробный отдел', kind: 'ADMIN_UNIT', sectorCodes: ['ZHKH'] } },
  check: { sql: 'select count(*)::int as n from department where code = ?', params: [`probe_dept_${who}`] },
});
const CREATE_USER = (who: string): Op => ({
  query: `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
  variables: { i: { username: `probe.user.${who}`, fullName: 'Проба Пробная', roles: ['ANALYST'], password: 'probe-password' } },
  check: { sql: 'select count(*)::int as n from app_user where username = ?', params: [`probe.user.${who}`] },
});
const CREATE_TOKEN = (who: string): Op => ({
  query: `mutation($i: ApiTokenInput!) { createApiToken(input: $i) { token } }`,
  variables: { i: { name: `probe token ${who}`, kind: 'INTEGRATOR', scopes: ['ORG_READ'] } },
  check: { sql: 'select count(*)::int as n from api_token where name = ?', params: [`probe token ${who}`] },
});
const LIST_USERS = (): Op => ({ query: '{ users { id username } }', variables: {}, check: null });
const LIST_TOKENS = (): Op => ({ query: '{ apiTokens { id } }', variables: {}, check: null });

async function countOf(check: NonNullable<Op['check']>): Promise<number> {
  const rows: { n: number }[] = await t.orm.em.fork().getConnection().execute(check.sql, check.params);
  return rows[0]!.n;
}

/**
 * For every role: an operation that belongs to another role (the head's management, or the user list of
 * the roles that assign work) is refused with FORBIDDEN, and nothing is written.
 */
const refused: [string, keyof typeof ops, string][] = [
  ['curator', 'createDepartment', 'HEAD'],
  ['curator', 'createUser', 'HEAD'],
  ['sector_lead', 'createApiToken', 'HEAD'],
  ['sector_lead', 'createDepartment', 'HEAD'],
  ['incident_manager', 'createUser', 'HEAD'],
  ['pos_operator', 'apiTokens', 'HEAD'],
  ['executor', 'users', 'USERS_READ roles'],
  ['executor', 'createDepartment', 'HEAD'],
  ['analyst', 'users', 'USERS_READ roles'],
  ['analyst', 'createApiToken', 'HEAD'],
  ['region', 'createDepartment', 'HEAD'],
  ['region', 'createUser', 'HEAD'],
];
const ops = {
  createDepartment: CREATE_DEPARTMENT,
  createUser: CREATE_USER,
  createApiToken: CREATE_TOKEN,
  users: LIST_USERS,
  apiTokens: LIST_TOKENS,
};

describe('role checks', () => {
  it.each(refused)('%s is refused %s (an operation of %s) with FORBIDDEN, and nothing is written', async (username, op, _owner) => {
    const { query, variables, check } = ops[op](username);
    const r = await t.gql(query, variables, tokens[username]);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
    if (check) expect(await countOf(check)).toBe(0);
  });

  it('the head may run each of those operations, and each writes its row', async () => {
    for (const [name, make] of Object.entries(ops)) {
      const op = make('head');
      const r = await t.gql<Record<string, unknown>>(op.query, op.variables, tokens.head);
      expect(r.errors, name).toBeUndefined();
      expect(r.data?.[name], name).toEqual(expect.anything());
      if (op.check) expect(await countOf(op.check), name).toBe(1);
    }
  });

  it('the head is refused what no municipal role may do: granting the regional role', async () => {
    const op = CREATE_USER('fake.region');
    const r = await t.gql(op.query, { i: { ...(op.variables.i as object), roles: ['REGION'] } }, tokens.head);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toEqual([{ field: 'roles', problems: [expect.any(String)] }]);
    expect(await countOf(op.check!)).toBe(0);
  });

  it('every role reads the organisation', async () => {
    for (const token of Object.values(tokens)) {
      const r = await t.gql<{ sectors: { code: string }[] }>('{ sectors { code categories { code } } }', {}, token);
      expect(r.errors).toBeUndefined();
      expect(r.data?.sectors.map((s) => s.code)).toContain('ZHKH');
    }
  });
});

describe('input validation', () => {
  it('names every bad field and writes nothing', async () => {
    const r = await t.gql(
      CREATE_USER('x').query,
      { i: { username: 'bad name!', fullName: 'X', roles: ['EXECUTOR'], password: 'short', email: 'not-an-email' } },
      tokens.head,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const fields = (r.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'fullName', 'password', 'username']);
    // Machine-readable codes let the dashboard translate each problem.
    const codes = Object.fromEntries((r.errors?.[0]?.extensions?.fields as { field: string; codes: string[] }[]).map((f) => [f.field, f.codes]));
    expect(codes.email).toEqual(['isEmail']);
    expect(codes.password).toEqual(['minLength']);
    const rows = await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from app_user where full_name = 'X'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses an executor without a department and a sector lead without sectors', async () => {
    const r = await t.gql(
      CREATE_USER('x').query,
      { i: { username: 'no.dept', fullName: 'Без Отдела', roles: ['EXECUTOR', 'SECTOR_LEAD'], password: 'long-enough' } },
      tokens.head,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const fields = (r.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['departmentId', 'sectorCodes']);
    expect(await countOf({ sql: 'select count(*)::int as n from app_user where username = ?', params: ['no.dept'] })).toBe(0);
  });

  it('answers CONFLICT for a duplicate code, and keeps the first', async () => {
    const dept = CREATE_DEPARTMENT('dup');
    const first = await t.gql(dept.query, { i: { ...(dept.variables.i as object), code: 'dup_dept' } }, tokens.head);
    expect(first.errors).toBeUndefined();
    const second = await t.gql(dept.query, { i: { ...(dept.variables.i as object), code: 'dup_dept', name: 'Второй' } }, tokens.head);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.extensions?.field).toBe('code');
    const rows = await t.orm.em.fork().getConnection().execute(`select name from department where code = 'dup_dept'`);
    expect(rows).toEqual([{ name: 'Пробный отдел' }]);
  });

  it('refuses unknown sector codes by field', async () => {
    const dept = CREATE_DEPARTMENT('x');
    const r = await t.gql(dept.query, { i: { ...(dept.variables.i as object), sectorCodes: ['NOPE'] } }, tokens.head);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toEqual([{ field: 'sectorCodes', problems: ['unknown codes: NOPE'] }]);
    expect(await countOf(dept.check!)).toBe(0);
  });

  it('refuses queries nested too deep', async () => {
    const deep = '{ departments { sectors { categories { sector { categories { sector { categories { sector { categories { sector { categories { sector { code } } } } } } } } } } } } }';
    expect(codeOf(await t.gql(deep, {}, tokens.head))).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('managing the organisation', () => {
  it('the head edits a department with its sectors, categories and settlements', async () => {
    const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, tokens.head);
    const vodokanal = deps.data!.departments.find((d) => d.code === 'vodokanal')!;
    const settlements = await t.gql<{ settlements: { id: string; code: string }[] }>('{ settlements { id code } }', {}, tokens.head);
    expect(settlements.data?.settlements).toHaveLength(11);
    const town = settlements.data!.settlements.find((s) => s.code === 'surovikino_gp')!;
    const r = await t.gql<{ updateDepartment: { sectors: { code: string }[]; categories: { code: string }[]; settlements: { code: string }[]; phone: string } }>(
      `mutation($id: ID!, $i: DepartmentUpdateInput!) { updateDepartment(id: $id, input: $i) {
         phone sectors { code } categories { code } settlements { code } } }`,
      { id: vodokanal.id, i: { phone: '+7 84473 2-00-00', categoryCodes: ['ZHKH_WATER'], settlementIds: [town.id] } },
      tokens.head,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateDepartment.categories.map((c) => c.code)).toEqual(['ZHKH_WATER']);
    expect(r.data?.updateDepartment.settlements.map((s) => s.code)).toEqual(['surovikino_gp']);
    expect(r.data?.updateDepartment.sectors.map((s) => s.code)).toEqual(['ZHKH']);
    expect(r.data?.updateDepartment.phone).toBe('+7 84473 2-00-00');
  });

  it('the head adds a category to a sector', async () => {
    const r = await t.gql<{ createCategory: { code: string; sector: { code: string } } }>(
      `mutation { createCategory(input: { code: "ROADS_BRIDGES", sectorCode: "ROADS", name: "Мосты и переправы", urgentCapable: false, messageAnswerDays: 5 }) { code sector { code } } }`,
      {},
      tokens.head,
    );
    expect(r.errors).toBeUndefined();
    const sectors = await t.gql<{ sectors: { code: string; categories: { code: string }[] }[] }>(
      '{ sectors { code categories { code } } }',
      {},
      tokens.analyst,
    );
    expect(sectors.data!.sectors.find((s) => s.code === 'ROADS')!.categories.map((c) => c.code)).toContain('ROADS_BRIDGES');
  });
});
