import { IsOptional, MaxLength } from 'class-validator';
import { MinTrimmedLength } from '../../shared/text.js';
import { Arg, Authorized, Ctx as Context, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission } from '../auth/roles.js';
import { Category } from '../organisation/category.entity.js';
import { AnswerTemplate } from './answer-template.entity.js';
import * as templates from './answer-template.service.js';

@InputType()
export class AnswerTemplateInput {
  @Field({ nullable: true, description: 'null: for every category' })
  @IsOptional()
  categoryCode?: string;

  @Field()
  @MinTrimmedLength(2)
  @MaxLength(200)
  title!: string;

  @Field()
  @MinTrimmedLength(10)
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
    return templates.listAnswerTemplates(ctx, categoryCode);
  }

  @Authorized(Permission.TEMPLATES_MANAGE)
  @Mutation(() => AnswerTemplate)
  saveAnswerTemplate(
    @Context() ctx: Ctx,
    @Arg('input') input: AnswerTemplateInput,
    @Arg('id', () => ID, { nullable: true }) id?: string,
  ) {
    return templates.saveAnswerTemplate(ctx, input, id);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() t: AnswerTemplate) {
    return t.category?.load({ dataloader: true }) ?? null;
  }
}
