import type { EntityManager } from '@mikro-orm/postgresql';
import type { Ctx } from '../../graphql/context.js';
import { AuditEvent } from './audit-event.entity.js';

export type AuditTarget = { type: string; id: string };

/** Adds an audit event to the unit of work: it commits with the change it records. */
export function audit(
  em: EntityManager,
  e: { municipalityId: string | null; actorUserId?: string; actorLabel: string; action: string; target?: AuditTarget; ip?: string; at: Date },
): void {
  em.persist(
    em.create(
      AuditEvent,
      {
        municipality: e.municipalityId ?? undefined,
        actor: e.actorUserId,
        actorLabel: e.actorLabel,
        action: e.action,
        targetType: e.target?.type,
        targetId: e.target?.id,
        ip: e.ip,
        at: e.at,
      },
      { persist: false },
    ),
  );
}

/** An administrative change made by the viewer of `ctx` in `municipalityId`. */
export function auditChange(ctx: Ctx, municipalityId: string | null, action: string, target?: AuditTarget): void {
  const v = ctx.viewer;
  audit(ctx.em, {
    municipalityId,
    actorUserId: v?.kind === 'user' ? v.userId : undefined,
    actorLabel: !v ? 'system' : v.kind === 'user' ? v.username : `token:${v.name}`,
    action,
    target,
    ip: ctx.http?.ip,
    at: ctx.now(),
  });
}
