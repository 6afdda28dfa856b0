import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Ctx } from '../graphql/context.js';
import { AppError, ErrorCode, forbidden } from '../graphql/errors.js';

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
