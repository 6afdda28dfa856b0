import { Arg, Args, ArgsType, Authorized, Ctx as Context, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { Municipality } from './municipality.entity.js';
import { Settlement } from './settlement.entity.js';
import { Sector } from './sector.entity.js';
import { Category } from './category.entity.js';
import { Department } from './department.entity.js';
import {
  CategoryInput,
  CategoryUpdateInput,
  DepartmentInput,
  DepartmentUpdateInput,
  SectorUpdateInput,
  SettlementGazetteerInput,
} from './organisation.inputs.js';
import * as org from './organisation.service.js';

@ArgsType()
class DepartmentsArgs {
  @Field({ nullable: true })
  sectorCode?: string;

  @Field({ nullable: true, defaultValue: false })
  activeOnly?: boolean;

  @Field({ nullable: true })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'For a regional reader: one municipality' })
  municipalityId?: string;
}

@ArgsType()
class CategoriesArgs {
  @Field({ nullable: true })
  sectorCode?: string;

  @Field({ nullable: true, defaultValue: false })
  activeOnly?: boolean;

  @Field(() => ID, { nullable: true, description: 'For a regional reader: one municipality' })
  municipalityId?: string;
}

@Resolver()
export class OrganisationResolver {
  @Authorized(Permission.ORG_READ)
  @Query(() => [Municipality], { description: 'Your municipality; every municipality for a regional reader' })
  municipalities(@Context() ctx: Ctx) {
    return org.listMunicipalities(ctx);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => Municipality)
  municipality(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return org.getMunicipality(ctx, id);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [Settlement])
  settlements(@Context() ctx: Ctx, @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string) {
    return org.listSettlements(ctx, municipalityId);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [Sector])
  sectors(@Context() ctx: Ctx, @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string) {
    return org.listSectors(ctx, municipalityId);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [Category])
  categories(@Context() ctx: Ctx, @Args() args: CategoriesArgs) {
    return org.listCategories(ctx, args);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [Department])
  departments(@Context() ctx: Ctx, @Args() args: DepartmentsArgs) {
    return org.listDepartments(ctx, args);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => Department)
  department(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return org.getDepartment(ctx, id);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Department)
  createDepartment(@Context() ctx: Ctx, @Arg('input') input: DepartmentInput) {
    return org.createDepartment(ctx, input);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Department)
  updateDepartment(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: DepartmentUpdateInput) {
    return org.updateDepartment(ctx, id, input);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Category)
  createCategory(@Context() ctx: Ctx, @Arg('input') input: CategoryInput) {
    return org.createCategory(ctx, input);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Category)
  updateCategory(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: CategoryUpdateInput) {
    return org.updateCategory(ctx, id, input);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Settlement, {
    description: 'Extends or corrects the gazetteer of a settlement: its localities and streets, which the machine finds in texts (docs/text.md, "Places")',
  })
  updateSettlementGazetteer(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: SettlementGazetteerInput) {
    return org.updateSettlementGazetteer(ctx, id, input);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => Sector)
  updateSector(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: SectorUpdateInput) {
    return org.updateSector(ctx, id, input);
  }
}

/** Relations are loaded through MikroORM's dataloader: one query per relation per request, not per row. */
@Resolver(() => Sector)
export class SectorFieldsResolver {
  @FieldResolver(() => [Category])
  async categories(@Root() sector: Sector) {
    const items = await sector.categories.load({ dataloader: true });
    return [...items].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  }
}

@Resolver(() => Category)
export class CategoryFieldsResolver {
  @FieldResolver(() => Sector)
  sector(@Root() category: Category) {
    return category.sector.load({ dataloader: true });
  }
}

@Resolver(() => Department)
export class DepartmentFieldsResolver {
  @FieldResolver(() => [Sector])
  async sectors(@Root() d: Department) {
    return [...(await d.sectors.load({ dataloader: true }))].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Category])
  async categories(@Root() d: Department) {
    return [...(await d.categories.load({ dataloader: true }))].sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Settlement])
  async settlements(@Root() d: Department) {
    return [...(await d.settlements.load({ dataloader: true }))].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }
}
