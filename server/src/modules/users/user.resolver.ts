import { IsIn, IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, InputType, Authorized, Ctx as Context, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { Permission, Role } from '../auth/roles.js';
import { Department } from '../organisation/department.entity.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { User } from './user.entity.js';
import { givenList } from '../items/item-rows.js';
import { UserInput, UserUpdateInput } from './user.inputs.js';
import * as users from './user.service.js';

@ArgsType()
class UsersArgs {
  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field({ nullable: true, defaultValue: false })
  activeOnly?: boolean;

  @Field({ nullable: true })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'For a regional reader: one municipality' })
  municipalityId?: string;
}

@InputType()
class MyProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['ru', 'en'])
  locale?: string;
}

@Resolver(() => User)
export class UserResolver {
  @Authorized(Permission.USERS_READ)
  @Query(() => [User])
  users(@Context() ctx: Ctx, @Args() args: UsersArgs) {
    return users.listUsers(ctx, args);
  }

  @Authorized(Permission.OWN_ACCOUNT)
  @Mutation(() => User, { description: 'Changes your own settings (interface language)' })
  updateMyProfile(@Context() ctx: Ctx, @Arg('input') input: MyProfileInput) {
    return users.updateMyProfile(ctx, input);
  }

  @Authorized(Permission.USERS_READ)
  @Query(() => User)
  user(@Context() ctx: Ctx, @Arg('id', () => ID) id: string) {
    return users.getUser(ctx, id);
  }

  @Authorized(Permission.USERS_MANAGE)
  @Mutation(() => User)
  createUser(@Context() ctx: Ctx, @Arg('input') input: UserInput) {
    return users.createUser(ctx, input);
  }

  @Authorized(Permission.USERS_MANAGE)
  @Mutation(() => User)
  updateUser(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('input') input: UserUpdateInput) {
    return users.updateUser(ctx, id, input);
  }

  @Authorized(Permission.USERS_MANAGE)
  @Mutation(() => Boolean, { description: 'Sets a new password and ends every session of the user' })
  setUserPassword(@Context() ctx: Ctx, @Arg('id', () => ID) id: string, @Arg('password') password: string) {
    return users.setUserPassword(ctx, id, password);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() user: User) {
    return user.municipality?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() user: User) {
    return user.department?.load({ dataloader: true }) ?? null;
  }

  @FieldResolver(() => [Sector])
  async sectors(@Root() user: User) {
    return givenList<Sector>(user, 'sectors') ?? [...(await user.sectors.load({ dataloader: true }))];
  }
}
