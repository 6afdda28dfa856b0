import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Ctx } from '../graphql/context.js';
import { AppError, badInput, ErrorCode, forbidden } from '../graphql/errors.js';

/** The municipality that a write goes to: the viewer's own. Regional readers write nowhere. */
export function writableMunicipalityId(ctx: Ctx): string {
  const id = ctx.viewer?.municipalityId;
  if (!id) throw forbidden('A regional reader cannot change a municipality');
  return id;
}

/** Flushes, turning a unique-constraint violation into a CONFLICT that names the field. */
export async function flushOrConflict(ctx: Ctx, field: string, what: string): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      ctx.em.clear();
      throw new AppError(ErrorCode.CONFLICT, `${what} with this ${field} already exists`, { field });
    }
    throw e;
  }
}

/**
 * The municipality a read is about. A `municipalityId` argument is honoured only for a regional reader; a
 * municipal viewer may name only its own (anything else is FORBIDDEN, never another municipality's answer).
 * Without an argument: the viewer's own, or undefined for a regional reader (every municipality).
 */
export function readableMunicipalityId(ctx: Ctx, requested?: string | null): string | undefined {
  const own = ctx.viewer?.municipalityId;
  if (!ctx.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
  if (own) {
    if (requested && requested !== own) throw forbidden('You read your own municipality only');
    return own;
  }
  return requested ?? undefined;
}

/** As readableMunicipalityId, where the answer needs exactly one municipality (a calendar, a preview). */
export function oneReadableMunicipalityId(ctx: Ctx, requested?: string | null): string {
  const id = readableMunicipalityId(ctx, requested);
  if (!id) throw badInput([{ field: 'municipalityId', problems: ['name a municipality'] }]);
  return id;
}

/** The municipality condition of a list: a regional reader's choice (or every one), or the viewer's own. */
export function municipalityWhere(ctx: Ctx, requested?: string | null): { municipality?: string } {
  const id = readableMunicipalityId(ctx, requested);
  return id ? { municipality: id } : {};
}
