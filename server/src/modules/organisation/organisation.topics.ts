import { Arg, Authorized, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import type { Topics } from '../../graphql/pubsub.js';
import { Permission } from '../auth/roles.js';
import { readableMunicipalityId } from '../../shared/tenancy.js';
import { emit } from '../live/outbox.js';
import { auditChange } from '../audit/audit.service.js';

export enum OrgEntity {
  Department = 'Department',
  Category = 'Category',
  Sector = 'Sector',
  Settlement = 'Settlement',
  User = 'User',
}

@ObjectType({ description: 'Something in the organisation changed: refetch it by id' })
export class OrganisationChange {
  @Field(() => ID)
  municipalityId!: string;

  @Field({ description: 'Department, Category, Sector, Settlement or User' })
  entity!: string;

  @Field(() => ID, { description: 'Id of the changed department, category, sector or user' })
  entityId!: string;

  @Field({ description: 'CREATED or UPDATED' })
  action!: string;

  @Field()
  at!: string;
}

/** Announces the change with it: call before the flush that stores it (modules/live/outbox.ts). */
export function announceOrganisationChanged(
  ctx: Ctx,
  municipalityId: string,
  entity: OrgEntity,
  id: string,
  action: 'CREATED' | 'UPDATED',
): void {
  emit(ctx.em, 'ORGANISATION_CHANGED', { municipalityId, entity, entityId: id, action, at: ctx.now().toISOString() }, ctx.now());
  // Every change of the organisation is an administrative change: in the audit log (USER_CREATED, DEPARTMENT_UPDATED, …).
  auditChange(ctx, municipalityId, `${entity.toUpperCase()}_${action}`, { type: entity, id });
}

type Payload = Topics['ORGANISATION_CHANGED'][0];

@Resolver()
export class OrganisationTopicsResolver {
  @Authorized(Permission.ORG_READ)
  @Subscription(() => OrganisationChange, {
    // A municipalityId is honoured only for a regional reader; a municipal viewer naming another is refused.
    topics: ({ args, context }: { args: { municipalityId?: string }; context: Ctx }) => {
      readableMunicipalityId(context, args.municipalityId);
      return 'ORGANISATION_CHANGED';
    },
    // A municipal viewer hears its own municipality; a regional reader hears all, or the one it names.
    filter: ({ payload, args, context }: { payload: Payload; args: { municipalityId?: string }; context: Ctx }) => {
      const own = context.viewer?.municipalityId;
      if (own) return payload.municipalityId === own;
      return !args.municipalityId || payload.municipalityId === args.municipalityId;
    },
  })
  organisationChanged(
    @Root() payload: Payload,
    @Arg('municipalityId', () => ID, { nullable: true }) _municipalityId?: string,
  ): OrganisationChange {
    return payload;
  }
}
