import type { EntityManager } from '@mikro-orm/postgresql';
import { readReference, type DistrictReference, type Rubricator } from '../reference.js';
import { Municipality } from '../../modules/organisation/municipality.entity.js';
import { Settlement, SettlementKind } from '../../modules/organisation/settlement.entity.js';
import { Sector } from '../../modules/organisation/sector.entity.js';
import { Category } from '../../modules/organisation/category.entity.js';
import { Department, DepartmentKind } from '../../modules/organisation/department.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { Role } from '../../modules/auth/roles.js';
import { hashPassword } from '../../modules/auth/secrets.js';
import { CalendarStatus, CalendarYear } from '../../modules/calendar/calendar-year.entity.js';
import { parseProductionCalendar } from '../../modules/sla/index.js';
import { DEPARTMENT_SHORT_NAMES, SETTLEMENT_SHORT_NAMES } from './short-names.js';

export const DEMO_MUNICIPALITY_CODE = 'surovikino';

const departmentKinds: Record<string, DepartmentKind> = {
  local_government: DepartmentKind.LOCAL_GOVERNMENT,
  representative_body: DepartmentKind.REPRESENTATIVE_BODY,
  settlement_government: DepartmentKind.SETTLEMENT_GOVERNMENT,
  admin_unit: DepartmentKind.ADMIN_UNIT,
  municipal_institution: DepartmentKind.MUNICIPAL_INSTITUTION,
  regional_institution: DepartmentKind.REGIONAL_INSTITUTION,
  utility: DepartmentKind.UTILITY,
  media: DepartmentKind.MEDIA,
};

/** Categories that a department answers for beyond its sectors, where the reference makes it obvious. */
const departmentCategories: Record<string, string[]> = {
  vodokanal: ['ZHKH_WATER', 'ZHKH_SEWAGE'],
  power_grid: ['ZHKH_POWER'],
  housing: ['ZHKH_HEATING', 'ZHKH_GAS', 'ZHKH_MKD'],
};

/** The production calendar of the reference data, as editable years of one municipality. */
export function seedCalendar(em: EntityManager, municipality: Municipality) {
  const data = parseProductionCalendar(readReference<unknown>('production-calendar-ru.json'));
  for (const [year, y] of Object.entries(data.years)) {
    em.create(CalendarYear, {
      municipality,
      year: Number(year),
      status: y.status === 'official' ? CalendarStatus.OFFICIAL : CalendarStatus.PROVISIONAL,
      basis: y.basis,
      nonWorkingWeekdays: [...new Set([...y.holidays, ...y.nonWorkingWeekdays])]
        .filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))
        .sort(),
      workingWeekends: [...y.workingWeekends],
      shortened: [...y.shortened],
    });
  }
}

/** The rubricator's sectors and categories for one municipality. */
export function seedRubricator(em: EntityManager, municipality: Municipality) {
  const rubricator = readReference<Rubricator>('rubricator.json');
  const sectors = new Map<string, Sector>();
  const categories = new Map<string, Category>();
  rubricator.sectors.forEach((s, i) => {
    const sector = em.create(Sector, { municipality, code: s.code, name: s.name.ru, nameEn: s.name.en, position: i });
    sectors.set(s.code, sector);
    s.categories.forEach((c, j) => {
      categories.set(
        c.code,
        em.create(Category, {
          municipality,
          sector,
          code: c.code,
          name: c.name.ru,
          nameEn: c.name.en,
          urgentCapable: c.urgentCapable,
          active: true,
          position: j,
        }),
      );
    });
  });
  return { sectors, categories };
}

/**
 * The reference district: the municipality, its settlements with localities and streets, the rubricator and
 * the departments. Runs in the caller's transaction; returns what it made for the accounts and demo items.
 */
export function seedDistrict(em: EntityManager) {
  const ref = readReference<DistrictReference>('surovikino.json');
  const m = ref.municipality;
  const municipality = em.create(Municipality, {
    code: DEMO_MUNICIPALITY_CODE,
    name: m.name.ru,
    shortName: m.name.short_ru,
    nameEn: m.name.en,
    regionName: m.region.value,
    timezone: m.timezone.iana,
    population: m.population.value,
    oktmo: m.oktmo.value,
    lat: m.centroid.lat,
    lon: m.centroid.lon,
  });
  const settlements = new Map<string, Settlement>();
  for (const s of ref.settlements) {
    const urban = s.type === 'urban_settlement';
    const streets = urban
      ? ref.streets.surovikino.map((x) => x.name)
      : ref.streets.rural.filter((r) => r.settlement === s.id).flatMap((r) => r.streets.map((x) => x.name));
    settlements.set(
      s.id,
      em.create(Settlement, {
        municipality,
        code: s.id,
        name: s.name,
        shortName: SETTLEMENT_SHORT_NAMES[s.id],
        kind: urban ? SettlementKind.URBAN : SettlementKind.RURAL,
        centre: s.centre ? `${s.centre.kind} ${s.centre.name}` : undefined,
        population: s.population?.value ?? undefined,
        oktmo: s.oktmo ?? undefined,
        lat: s.coords?.lat,
        lon: s.coords?.lon,
        localities: s.localities.map((l) => ({ name: l.name, kind: l.kind })),
        streets: [...new Set(streets)],
      }),
    );
  }
  const { sectors, categories } = seedRubricator(em, municipality);
  seedCalendar(em, municipality);
  const departments = new Map<string, Department>();
  for (const d of ref.departments) {
    const department = em.create(Department, {
      municipality,
      code: d.code,
      name: d.name_ru,
      shortName: DEPARTMENT_SHORT_NAMES[d.code],
      kind: departmentKinds[d.kind] ?? DepartmentKind.OTHER,
      active: true,
    });
    department.sectors.set(d.sectors.map((code) => sectors.get(code)).filter((x): x is Sector => !!x));
    department.categories.set(
      (departmentCategories[d.code] ?? []).map((code) => categories.get(code)).filter((x): x is Category => !!x),
    );
    if (d.code === 'town_admin') department.settlements.set([settlements.get('surovikino_gp')!]);
    if (d.code === 'rural_admins') {
      department.settlements.set([...settlements.values()].filter((s) => s.kind === SettlementKind.RURAL));
    }
    departments.set(d.code, department);
  }
  return { municipality, settlements, sectors, categories, departments };
}

export type DemoAccount = { username: string; role: Role; fullName: string; position: string };

export const demoAccounts: DemoAccount[] = [
  { username: 'head', role: Role.HEAD, fullName: 'Гордеева Наталья Викторовна', position: 'Руководитель МЦУ' },
  { username: 'curator', role: Role.CURATOR, fullName: 'Ковалёв Сергей Петрович', position: 'Куратор МЦУ, заместитель главы района' },
  { username: 'sector_lead', role: Role.SECTOR_LEAD, fullName: 'Мельникова Ольга Ивановна', position: 'Ответственная за блоки ЖКХ и дороги' },
  { username: 'incident_manager', role: Role.INCIDENT_MANAGER, fullName: 'Синицын Артём Олегович', position: 'Инцидент-менеджмент, соцсети и СМИ' },
  { username: 'pos_operator', role: Role.POS_OPERATOR, fullName: 'Белова Марина Андреевна', position: 'Ответственная за ПОС' },
  { username: 'executor', role: Role.EXECUTOR, fullName: 'Захаров Игорь Николаевич', position: 'Специалист отдела ЖКХ' },
  { username: 'analyst', role: Role.ANALYST, fullName: 'Фролова Дарья Сергеевна', position: 'Аналитик МЦУ' },
  { username: 'region', role: Role.REGION, fullName: 'Дежурный ЦУР Волгоградской области', position: 'Центр управления регионом' },
];

/** One account for every role, named after the role; `region` reads every municipality. */
export async function seedDemoAccounts(
  em: EntityManager,
  district: ReturnType<typeof seedDistrict>,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const a of demoAccounts) {
    const user = em.create(User, {
      municipality: a.role === Role.REGION ? undefined : district.municipality,
      username: a.username,
      fullName: a.fullName,
      position: a.position,
      roles: [a.role],
      passwordHash,
      department: a.role === Role.EXECUTOR ? district.departments.get('housing') : undefined,
      locale: 'ru',
      active: true,
      });
    if (a.role === Role.SECTOR_LEAD) user.sectors.set([district.sectors.get('ZHKH')!, district.sectors.get('ROADS')!]);
  }
}
