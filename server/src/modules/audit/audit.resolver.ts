import { Arg, Authorized, Ctx as Context, ID, Int, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { municipalityWhere } from '../../shared/tenancy.js';
import { Permission } from '../auth/roles.js';
import { AuditEvent } from './audit-event.entity.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => [AuditEvent], { description: 'Sign-ins and administrative changes of your municipality, newest first (docs/security.md, "Audit")' })
  async auditEvents(
    @Context() ctx: Ctx,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => Date, { nullable: true, description: 'Only events before this instant (the `at` of the last one you have)' }) before?: Date,
    @Arg('actions', () => [String], { nullable: true, description: 'Only these actions (SIGN_IN_FAILED, USER_UPDATED, …)' }) actions?: string[],
    @Arg('beforeId', () => ID, {
      nullable: true,
      description: 'With before: the id of the last event you have, so that events of the same instant are neither skipped nor repeated',
    })
    beforeId?: string,
  ): Promise<AuditEvent[]> {
    if (first < 1 || first > 200) throw badInput([{ field: 'first', problems: ['1 to 200'] }]);
    if (beforeId && !before) throw badInput([{ field: 'beforeId', problems: ['only with before'] }]);
    if (beforeId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(beforeId)) throw badInput([{ field: 'beforeId', problems: ['not an id'] }]);
    const where: Record<string, unknown> = { ...municipalityWhere(ctx) };
    // Newest first by (at, id): the next page starts after the last event shown, even among events of one instant.
    if (before) where.$or = beforeId ? [{ at: { $lt: before } }, { at: before, id: { $lt: beforeId } }] : [{ at: { $lt: before } }];
    if (actions?.length) where.action = { $in: actions };
    return ctx.em.find(AuditEvent, where, { orderBy: { at: 'desc', id: 'desc' }, limit: first });
  }
}
