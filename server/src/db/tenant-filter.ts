import type { Dictionary } from '@mikro-orm/core';

/**
 * Tenant isolation, in one place for every query: a global MikroORM filter that is on by default and needs
 * its parameters. A request's EntityManager fork gets `{ municipalityId }` for a municipal viewer, or
 * `{ all: true }` for a regional reader and for system work. A fork without parameters fails closed: MikroORM
 * refuses to run the query.
 */
export type TenantParams = { municipalityId: string } | { all: true };

export const TENANT_FILTER = 'tenant';

/** The filter for the entities whose rows belong to a municipality through a `municipality` relation. */
export const tenantFilter = (scoped: string[]) => ({
  name: TENANT_FILTER,
  default: true,
  entity: ['Municipality', ...scoped],
  cond: (args: Dictionary, _type: 'read' | 'update' | 'delete', _em: unknown, _opts: unknown, entityName?: unknown) => {
    const params = args as TenantParams;
    if ('all' in params && params.all === true) return {};
    if (!('municipalityId' in params) || typeof params.municipalityId !== 'string') {
      throw new Error('tenant filter: no municipality given');
    }
    const name = typeof entityName === 'string' ? entityName : (entityName as { name?: string } | undefined)?.name;
    return name === 'Municipality' ? { id: params.municipalityId } : { municipality: params.municipalityId };
  },
});

const NO_MUNICIPALITY = '00000000-0000-0000-0000-000000000000';

/** What a viewer may see: its municipality, every one for a regional reader, none for an anonymous caller. */
export function tenantParamsFor(viewer: { municipalityId: string | null } | null): TenantParams {
  if (!viewer) return { municipalityId: NO_MUNICIPALITY };
  return viewer.municipalityId ? { municipalityId: viewer.municipalityId } : { all: true };
}
