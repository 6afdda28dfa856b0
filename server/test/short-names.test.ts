import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let head: string;

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
}, 120_000);
afterAll(async () => t?.stop());

type Named = { id: string; code: string; name: string; shortName: string; shortNameDerived: boolean };

async function departments(search?: string): Promise<Named[]> {
  const r = await t.gql<{ departments: Named[] }>(
    'query($s: String) { departments(search: $s) { id code name shortName shortNameDerived } }',
    { s: search ?? null },
    head,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.departments;
}

describe('short names of settlements and departments', () => {
  it('the demo district keeps the short names of its settlements and departments', async () => {
    const r = await t.gql<{ settlements: Named[] }>('{ settlements { id code name shortName shortNameDerived } }', {}, head);
    expect(r.errors).toBeUndefined();
    const town = r.data!.settlements.find((s) => s.code === 'surovikino_gp')!;
    expect(town).toMatchObject({ name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино', shortNameDerived: false });
    const rural = r.data!.settlements.find((s) => s.code === 'kachalinskoe')!;
    expect(rural).toMatchObject({ shortName: 'Качалинское с.п.', shortNameDerived: false });
    expect(r.data!.settlements.every((s) => !s.shortNameDerived)).toBe(true);

    const housing = (await departments()).find((d) => d.code === 'housing')!;
    expect(housing).toMatchObject({
      name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи',
      shortName: 'Отдел ЖКХ',
      shortNameDerived: false,
    });
  });

  it('a department without a kept short name gets one derived from its name, and keeps one once given', async () => {
    const created = await t.gql<{ createDepartment: Named }>(
      `mutation($input: DepartmentInput!) { createDepartment(input: $input) { id code name shortName shortNameDerived } }`,
      {
        input: {
          code: 'housing_stock',
          name: 'Отдел по жилищно-коммунальному хозяйству и жилищному фонду, капитальному ремонту',
          kind: 'ADMIN_UNIT',
          sectorCodes: [],
          categoryCodes: [],
          settlementIds: [],
        },
      },
      head,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createDepartment).toMatchObject({ shortName: 'Отдел по ЖКХ и жилищному фонду', shortNameDerived: true });
    const id = created.data!.createDepartment.id;

    const update = (shortName: string) =>
      t.gql<{ updateDepartment: Named }>(
        'mutation($id: ID!, $input: DepartmentUpdateInput!) { updateDepartment(id: $id, input: $input) { shortName shortNameDerived } }',
        { id, input: { shortName } },
        head,
      );
    const kept = await update(' Отдел жилфонда ');
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.updateDepartment).toEqual({ shortName: 'Отдел жилфонда', shortNameDerived: false });
    // An empty short name clears the kept one: derived again.
    const cleared = await update('');
    expect(cleared.data!.updateDepartment).toEqual({ shortName: 'Отдел по ЖКХ и жилищному фонду', shortNameDerived: true });
  });

  it('the departments search finds a department by its kept short name', async () => {
    expect((await departments('Отдел ЖКХ')).map((d) => d.code)).toEqual(['housing']);
    expect((await departments('ЕДДС')).map((d) => d.code)).toEqual(['edds']);
  });

  it('an inbox row carries the short names of its settlement and department, with the full names beside them', async () => {
    const housing = (await departments('Отдел ЖКХ'))[0]!;
    const towns = await t.gql<{ settlements: Named[] }>('{ settlements { id code name shortName shortNameDerived } }', {}, head);
    const town = towns.data!.settlements.find((s) => s.code === 'surovikino_gp')!;
    const created = await t.gql<{ createItem: { id: string; version: number } }>(
      'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
      {
        i: {
          kind: 'MESSAGE',
          channel: 'PHONE',
          identified: false,
          subject: 'Нет воды',
          text: 'Нет холодной воды в доме по ул. Ленина, 10.',
          categoryCode: 'ZHKH_WATER',
          settlementId: town.id,
        },
      },
      head,
    );
    expect(created.errors).toBeUndefined();
    const item = created.data!.createItem;
    const assigned = await t.gql(
      'mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id } }',
      { id: item.id, v: item.version, d: housing.id },
      head,
    );
    expect(assigned.errors).toBeUndefined();

    const r = await t.gql<{ items: { nodes: { id: string; settlement: { name: string; shortName: string } | null; department: { name: string; shortName: string } | null }[] } }>(
      'query($d: ID!) { items(first: 100, filter: { departmentId: $d }) { nodes { id settlement { name shortName } department { name shortName } } } }',
      { d: housing.id },
      head,
    );
    expect(r.errors).toBeUndefined();
    const row = r.data!.items.nodes.find((n) => n.id === item.id)!;
    expect(row.settlement).toEqual({ name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино' });
    expect(row.department).toEqual({ name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ' });
  });
});
