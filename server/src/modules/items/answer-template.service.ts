import type { Ctx } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { Category } from '../organisation/category.entity.js';
import { AnswerTemplate } from './answer-template.entity.js';

/** What saveAnswerTemplate needs; the GraphQL AnswerTemplateInput has this shape. */
export type AnswerTemplateData = { categoryCode?: string; title: string; body: string; active: boolean };

/** Active templates for a category (and the general ones): general ones last, then by title. */
export function listAnswerTemplates(ctx: Ctx, categoryCode?: string): Promise<AnswerTemplate[]> {
  return ctx.em.find(
    AnswerTemplate,
    { active: true, $or: [{ category: null }, ...(categoryCode ? [{ category: { code: categoryCode } }] : [])] },
    { orderBy: { category: { code: 'asc nulls last' }, title: 'asc' } },
  );
}

/** Creates a template (without id) or updates the one with this id. */
export async function saveAnswerTemplate(ctx: Ctx, input: AnswerTemplateData, id?: string): Promise<AnswerTemplate> {
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
