import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Arg, Authorized, Ctx as Context, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { Permission } from '../auth/roles.js';
import { Category } from '../organisation/category.entity.js';
import { AnswerTemplate } from './answer-template.entity.js';

@InputType()
export class AnswerTemplateInput {
  @Field({ nullable: true, description: 'null: for every category' })
  @IsOptional()
  categoryCode?: string;

  @Field()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @Field()
  @MinLength(10)
  @MaxLength(20000)
  body!: string;

  @Field({ defaultValue: true })
  active: boolean = true;
}

@Resolver(() => AnswerTemplate)
export class AnswerTemplateResolver {
  @Authorized(Permission.ITEMS_READ)
  @Query(() => [AnswerTemplate], { description: 'Active templates for a category (and the general ones)' })
  answerTemplates(@Context() ctx: Ctx, @Arg('categoryCode', () => String, { nullable: true }) categoryCode?: string) {
    return ctx.em.find(
      AnswerTemplate,
      { active: true, $or: [{ category: null }, ...(categoryCode ? [{ category: { code: categoryCode } }] : [])] },
      { orderBy: { category: { code: 'asc nulls last' }, title: 'asc' } },
    );
  }

  @Authorized(Permission.TEMPLATES_MANAGE)
  @Mutation(() => AnswerTemplate)
  async saveAnswerTemplate(
    @Context() ctx: Ctx,
    @Arg('input') input: AnswerTemplateInput,
    @Arg('id', () => ID, { nullable: true }) id?: string,
  ) {
    const municipalityId = writableMunicipalityId(ctx);
    let category: Category | null = null;
    if (input.categoryCode) {
      category = await ctx.em.findOne(Category, { code: input.categoryCode });
      if (!category) throw badInput([{ field: 'categoryCode', problems: ['unknown category'] }]);
    }
    let template = id ? await ctx.em.findOne(AnswerTemplate, { id }) : null;
    if (id && !template) throw notFound('AnswerTemplate', id);
    template ??= ctx.em.create(AnswerTemplate, { municipality: municipalityId, title: input.title, body: input.body, active: true });
    template.category = category ? ctx.em.getReference(Category, category.id, { wrapped: true }) : undefined;
    template.title = input.title.trim();
    template.body = input.body.trim();
    template.active = input.active;
    await ctx.em.flush();
    return template;
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() t: AnswerTemplate) {
    return t.category?.load({ dataloader: true }) ?? null;
  }
}
