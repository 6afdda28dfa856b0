import type { Role, ViewerFieldsFragment } from '../gql/graphql';

export const municipalityFixture = {
  __typename: 'Municipality' as const,
  id: 'm-1',
  name: 'Суровикинский муниципальный район Волгоградской области',
  shortName: 'Суровикинский район',
  regionName: 'Волгоградская область',
  timezone: 'Europe/Volgograd',
  population: 32546,
};

const names: Record<Role, string> = {
  HEAD: 'Гордеева Наталья Викторовна',
  CURATOR: 'Ковалёв Сергей Петрович',
  SECTOR_LEAD: 'Мельникова Ольга Ивановна',
  INCIDENT_MANAGER: 'Синицын Артём Олегович',
  POS_OPERATOR: 'Белова Марина Андреевна',
  EXECUTOR: 'Захаров Игорь Николаевич',
  ANALYST: 'Фролова Дарья Сергеевна',
  REGION: 'Дежурный ЦУР Волгоградской области',
};

/** The signed-in person as `me` returns it, for one role (the demo accounts are named after their roles). */
export function viewerFixture(role: Role, overrides: Partial<ViewerFieldsFragment> = {}): ViewerFieldsFragment & { __typename: 'User' } {
  return {
    __typename: 'User',
    id: `u-${role.toLowerCase()}`,
    username: role.toLowerCase(),
    fullName: names[role],
    position: null,
    email: null,
    locale: 'ru',
    roles: [role],
    department: null,
    sectors: [],
    municipality: role === 'REGION' ? null : municipalityFixture,
    ...overrides,
  };
}

/** The sector lead of the demo, leading these sectors (`s-1`, `s-2`, … by position). */
export function sectorLeadFixture(codes: readonly string[]): ViewerFieldsFragment & { __typename: 'User' } {
  const sectors = codes.map((code, i) => ({ __typename: 'Sector' as const, id: `s-${i + 1}`, code }));
  return viewerFixture('SECTOR_LEAD', { sectors: sectors as ViewerFieldsFragment['sectors'] });
}
