import type { Ctx } from '../../graphql/context.js';
import { OrgEntity, announceOrganisationChanged } from './organisation.topics.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { flushOrConflict, municipalityWhere, readableMunicipalityId, writableMunicipalityId } from '../../shared/tenancy.js';
import { Municipality } from './municipality.entity.js';
import { Settlement } from './settlement.entity.js';
import { Sector } from './sector.entity.js';
import { Category } from './category.entity.js';
import { Department } from './department.entity.js';
import type {
  CategoryInput,
  CategoryUpdateInput,
  DepartmentInput,
  DepartmentUpdateInput,
  SectorUpdateInput,
  SettlementGazetteerInput,
} from './organisation.inputs.js';

export function listMunicipalities(ctx: Ctx): Promise<Municipality[]> {
  return ctx.em.find(Municipality, {}, { orderBy: { name: 'asc' } });
}

export async function getMunicipality(ctx: Ctx, id: string): Promise<Municipality> {
  const m = await ctx.em.findOne(Municipality, { id });
  if (!m) throw notFound('Municipality', id);
  return m;
}

export function listSettlements(ctx: Ctx, requested?: string): Promise<Settlement[]> {
  const municipalityId = readableMunicipalityId(ctx, requested);
  return ctx.em.find(Settlement, municipalityId ? { municipality: municipalityId } : {}, {
    orderBy: { kind: 'asc', name: 'asc' },
  });
}

export function listSectors(ctx: Ctx, requested?: string): Promise<Sector[]> {
  const municipalityId = readableMunicipalityId(ctx, requested);
  return ctx.em.find(Sector, municipalityId ? { municipality: municipalityId } : {}, {
    orderBy: { position: 'asc', code: 'asc' },
  });
}

export function listCategories(ctx: Ctx, filter: { sectorCode?: string; activeOnly?: boolean; municipalityId?: string }) {
  return ctx.em.find(
    Category,
    {
      ...municipalityWhere(ctx, filter.municipalityId),
      ...(filter.sectorCode ? { sector: { code: filter.sectorCode } } : {}),
      ...(filter.activeOnly ? { active: true } : {}),
    },
    { orderBy: { sector: { position: 'asc' }, position: 'asc', code: 'asc' } },
  );
}

export function listDepartments(
  ctx: Ctx,
  filter: { sectorCode?: string; activeOnly?: boolean; search?: string; municipalityId?: string },
) {
  return ctx.em.find(
    Department,
    {
      ...municipalityWhere(ctx, filter.municipalityId),
      ...(filter.sectorCode ? { sectors: { code: filter.sectorCode } } : {}),
      ...(filter.activeOnly ? { active: true } : {}),
      ...(filter.search ? searchWhere(filter.search) : {}),
    },
    { orderBy: { name: 'asc' } },
  );
}

/** A department by a part of its full or its kept short name ("ЖКХ" finds "Отдел по жилищно-коммунальному…"). */
function searchWhere(search: string) {
  const pattern = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
  return { $or: [{ name: { $ilike: pattern } }, { shortName: { $ilike: pattern } }] };
}

export async function getDepartment(ctx: Ctx, id: string): Promise<Department> {
  const d = await ctx.em.findOne(Department, { id });
  if (!d) throw notFound('Department', id);
  return d;
}

/** Loads every code of a list within the viewer's municipality, or names the field that has an unknown one. */
async function byCodes<T extends Sector | Category>(
  ctx: Ctx,
  entity: new () => T,
  codes: string[],
  field: string,
): Promise<T[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const found = (await ctx.em.find(entity as never, { code: { $in: unique } } as never)) as T[];
  const missing = unique.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) throw badInput([{ field, problems: [`unknown codes: ${missing.join(', ')}`] }]);
  return found;
}

async function settlementsById(ctx: Ctx, ids: string[], field: string): Promise<Settlement[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await ctx.em.find(Settlement, { id: { $in: unique } });
  const missing = unique.filter((id) => !found.some((s) => s.id === id));
  if (missing.length) throw badInput([{ field, problems: [`unknown settlements: ${missing.join(', ')}`] }]);
  return found;
}

export async function createDepartment(ctx: Ctx, input: DepartmentInput): Promise<Department> {
  const municipalityId = writableMunicipalityId(ctx);
  const [sectors, categories, settlements] = await Promise.all([
    byCodes(ctx, Sector, input.sectorCodes, 'sectorCodes'),
    byCodes(ctx, Category, input.categoryCodes, 'categoryCodes'),
    settlementsById(ctx, input.settlementIds, 'settlementIds'),
  ]);
  const department = ctx.em.create(Department, {
    municipality: municipalityId,
    code: input.code,
    name: input.name.trim(),
    shortName: input.shortName?.trim() || undefined,
    kind: input.kind,
    email: input.email || undefined,
    phone: input.phone,
    active: true,
  });
  department.sectors.set(sectors);
  department.categories.set(categories);
  department.settlements.set(settlements);
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Department, department.id, 'CREATED');
  await flushOrConflict(ctx, 'code', 'A department');
  return department;
}

export async function updateDepartment(ctx: Ctx, id: string, input: DepartmentUpdateInput): Promise<Department> {
  const municipalityId = writableMunicipalityId(ctx);
  const department = await getDepartment(ctx, id);
  if (input.name != null) department.name = input.name.trim();
  if (input.shortName !== undefined) department.shortName = input.shortName?.trim() || undefined;
  if (input.kind != null) department.kind = input.kind;
  if (input.email !== undefined) department.email = input.email || undefined;
  if (input.phone !== undefined) department.phone = input.phone || undefined;
  if (input.active != null) department.active = input.active;
  if (input.sectorCodes) department.sectors.set(await byCodes(ctx, Sector, input.sectorCodes, 'sectorCodes'));
  if (input.categoryCodes) {
    department.categories.set(await byCodes(ctx, Category, input.categoryCodes, 'categoryCodes'));
  }
  if (input.settlementIds) {
    department.settlements.set(await settlementsById(ctx, input.settlementIds, 'settlementIds'));
  }
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Department, department.id, 'UPDATED');
  await ctx.em.flush();
  return department;
}

export async function createCategory(ctx: Ctx, input: CategoryInput): Promise<Category> {
  const municipalityId = writableMunicipalityId(ctx);
  const [sector] = await byCodes(ctx, Sector, [input.sectorCode], 'sectorCode');
  const last = await ctx.em.count(Category, { sector });
  const category = ctx.em.create(Category, {
    municipality: municipalityId,
    sector: sector!,
    code: input.code,
    name: input.name.trim(),
    nameEn: input.nameEn?.trim() || undefined,
    urgentCapable: input.urgentCapable,
    messageAnswerDays: input.messageAnswerDays,
    active: true,
    position: last,
  });
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Category, category.id, 'CREATED');
  await flushOrConflict(ctx, 'code', 'A category');
  return category;
}

export async function updateCategory(ctx: Ctx, id: string, input: CategoryUpdateInput): Promise<Category> {
  const municipalityId = writableMunicipalityId(ctx);
  const category = await ctx.em.findOne(Category, { id });
  if (!category) throw notFound('Category', id);
  if (input.sectorCode != null) {
    const [sector] = await byCodes(ctx, Sector, [input.sectorCode], 'sectorCode');
    category.sector = ctx.em.getReference(Sector, sector!.id, { wrapped: true });
  }
  if (input.name != null) category.name = input.name.trim();
  if (input.nameEn !== undefined) category.nameEn = input.nameEn?.trim() || undefined;
  if (input.urgentCapable != null) category.urgentCapable = input.urgentCapable;
  if (input.messageAnswerDays !== undefined) category.messageAnswerDays = input.messageAnswerDays ?? undefined;
  if (input.active != null) category.active = input.active;
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Category, category.id, 'UPDATED');
  await ctx.em.flush();
  return category;
}

export async function updateSector(ctx: Ctx, id: string, input: SectorUpdateInput): Promise<Sector> {
  const municipalityId = writableMunicipalityId(ctx);
  const sector = await ctx.em.findOne(Sector, { id });
  if (!sector) throw notFound('Sector', id);
  if (input.name != null) sector.name = input.name.trim();
  if (input.nameEn !== undefined) sector.nameEn = input.nameEn?.trim() || undefined;
  if (input.position != null) sector.position = input.position;
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Sector, sector.id, 'UPDATED');
  await ctx.em.flush();
  return sector;
}

/**
 * The head extends a settlement's gazetteer (its localities and streets): every list given replaces the one kept,
 * deduplicated and trimmed. Each server rebuilds the gazetteer from the settlements a minute after at the latest
 * (modules/text/proposal.ts); this one at once.
 */
export async function updateSettlementGazetteer(ctx: Ctx, id: string, input: SettlementGazetteerInput): Promise<Settlement> {
  const municipalityId = writableMunicipalityId(ctx);
  const settlement = await ctx.em.findOne(Settlement, { id });
  if (!settlement) throw notFound('Settlement', id);
  if (input.localities) {
    const seen = new Set<string>();
    settlement.localities = input.localities
      .map((l) => ({ name: l.name.trim(), kind: l.kind.trim().toLowerCase() }))
      .filter((l) => !seen.has(l.name.toLowerCase()) && seen.add(l.name.toLowerCase()));
  }
  if (input.streets) {
    const seen = new Set<string>();
    settlement.streets = input.streets.map((s) => s.trim()).filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
  }
  announceOrganisationChanged(ctx, municipalityId, OrgEntity.Settlement, settlement.id, 'UPDATED');
  await ctx.em.flush();
  ctx.text?.forgetGazetteer(municipalityId);
  return settlement;
}
