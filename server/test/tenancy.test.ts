import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { seedRubricator } from '../src/db/seed/district.js';
import { Municipality } from '../src/modules/organisation/municipality.entity.js';
import { Department, DepartmentKind } from '../src/modules/organisation/department.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { Role } from '../src/modules/auth/roles.js';
import { hashPassword } from '../src/modules/auth/secrets.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let otherDepartmentId: string;
let otherMunicipalityId: string;

/** A second district in the same installation, with its own head and one department. */
beforeAll(async () => {
  t = await startTestApp();
  const em = systemEm(t.orm);
  await em.transactional(async (tx) => {
    const m = tx.create(Municipality, {
      code: 'kalach',
      name: 'Калачёвский муниципальный район Волгоградской области',
      shortName: 'Калачёвский район',
      regionName: 'Волгоградская область',
      timezone: 'Europe/Volgograd',
    });
    seedRubricator(tx, m);
    const d = tx.create(Department, { municipality: m, code: 'kalach_housing', name: 'Отдел ЖКХ Калача', kind: DepartmentKind.ADMIN_UNIT, active: true });
    tx.create(User, {
      municipality: m,
      username: 'kalach.head',
      fullName: 'Руководитель Калачёвского МЦУ',
      roles: [Role.HEAD],
      passwordHash: await hashPassword('kalach-password'),
      locale: 'ru',
      active: true,
    });
    await tx.flush();
    otherDepartmentId = d.id;
    otherMunicipalityId = m.id;
  });
});
afterAll(async () => t?.stop());

describe('municipalities are isolated', () => {
  it("a head sees only its own municipality's records", async () => {
    const head = await t.signInAs('head');
    const r = await t.gql<{ municipalities: { code: string }[]; departments: { code: string }[]; users: { username: string }[]; sectors: unknown[] }>(
      '{ municipalities { code } departments { code } users { username } sectors { code } }',
      {},
      head,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.municipalities.map((m) => m.code)).toEqual(['surovikino']);
    expect(r.data?.departments.map((d) => d.code)).toContain('vodokanal');
    expect(r.data?.departments.map((d) => d.code)).not.toContain('kalach_housing');
    expect(r.data?.users.map((u) => u.username)).toContain('head');
    expect(r.data?.users.map((u) => u.username)).not.toContain('kalach.head');
    expect(r.data?.sectors).toHaveLength(16);
  });

  it("a head cannot read or change another municipality's department, and it stays as it was", async () => {
    const head = await t.signInAs('head');
    expect(codeOf(await t.gql('query($id: ID!) { department(id: $id) { id } }', { id: otherDepartmentId }, head))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('query($id: ID!) { municipality(id: $id) { id } }', { id: otherMunicipalityId }, head))).toBe('NOT_FOUND');
    const r = await t.gql('mutation($id: ID!) { updateDepartment(id: $id, input: { name: "Захвачен" }) { id } }', { id: otherDepartmentId }, head);
    expect(codeOf(r)).toBe('NOT_FOUND');
    const rows = await t.orm.em.fork().getConnection().execute('select name from department where id = ?', [otherDepartmentId]);
    expect(rows[0].name).toBe('Отдел ЖКХ Калача');
  });

  it('the same codes live side by side in two municipalities', async () => {
    const other = await t.signInAs('kalach.head', 'kalach-password');
    const r = await t.gql<{ sectors: { code: string }[]; departments: { code: string }[] }>('{ sectors { code } departments { code } }', {}, other);
    expect(r.errors).toBeUndefined();
    expect(r.data?.sectors.map((s) => s.code)).toContain('ZHKH');
    expect(r.data?.departments.map((d) => d.code)).toEqual(['kalach_housing']);
  });

  it('the regional centre reads across every municipality, or one at a time', async () => {
    const region = await t.signInAs('region');
    const all = await t.gql<{ municipalities: { code: string }[]; departments: { code: string }[] }>('{ municipalities { code } departments { code } }', {}, region);
    expect(all.data?.municipalities.map((m) => m.code).sort()).toEqual(['kalach', 'surovikino']);
    expect(all.data?.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['kalach_housing', 'vodokanal']));
    const one = await t.gql<{ departments: { code: string }[] }>('query($m: ID!) { departments(municipalityId: $m) { code } }', { m: otherMunicipalityId }, region);
    expect(one.data?.departments.map((d) => d.code)).toEqual(['kalach_housing']);
  });

  it('an API token reads only the municipality that issued it', async () => {
    const head = await t.signInAs('head');
    const created = await t.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "Мониторинг", kind: INTEGRATOR, scopes: [ORG_READ] }) { token } }',
      {},
      head,
    );
    expect(created.errors).toBeUndefined();
    const token = created.data!.createApiToken.token;
    const r = await t.gql<{ departments: { code: string }[] }>('{ departments { code } }', {}, token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.departments.map((d) => d.code)).toContain('vodokanal');
    expect(r.data?.departments.map((d) => d.code)).not.toContain('kalach_housing');
  });
});
