import { Arg, Authorized, Ctx as Context, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { User } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenInput, CreatedApiToken, Session } from './auth.types.js';
import { Permission } from './roles.js';
import * as auth from './auth.service.js';
import * as tokens from './api-token.service.js';
import { readMe } from '../users/user.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in person; null for an API token or nobody' })
  me(@Context() ctx: Ctx) {
    if (ctx.viewer?.kind !== 'user') return null;
    return readMe(ctx, ctx.viewer.userId);
  }

  @Mutation(() => Session, { description: 'Signs in; the dashboard also receives the session as an httpOnly cookie' })
  signIn(
    @Context() ctx: Ctx,
    @Arg('username') username: string,
    @Arg('password') password: string,
  ) {
    return auth.signIn(ctx, username, password);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session' })
  signOut(@Context() ctx: Ctx) {
    return auth.signOut(ctx);
  }

  @Authorized(Permission.OWN_ACCOUNT)
  @Mutation(() => Boolean, { description: 'Changes your password and ends your other sessions' })
  changeMyPassword(
    @Context() ctx: Ctx,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ) {
    return auth.changeMyPassword(ctx, currentPassword, newPassword);
  }

  @Authorized(Permission.TOKENS_MANAGE)
  @Query(() => [ApiToken])
  apiTokens(@Context() ctx: Ctx) {
    return tokens.listApiTokens(ctx);
  }

  @Authorized(Permission.TOKENS_MANAGE)
  @Mutation(() => CreatedApiToken)
  createApiToken(@Context() ctx: Ctx, @Arg('input') input: ApiTokenInput) {
    return tokens.createApiToken(ctx, input);
  }

  @Authorized(Permission.TOKENS_MANAGE)
  @Mutation(() => ApiToken)
  revokeApiToken(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return tokens.revokeApiToken(ctx, id);
  }
}
