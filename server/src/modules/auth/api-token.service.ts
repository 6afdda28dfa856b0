import type { Ctx } from '../../graphql/context.js';
import { emit } from '../live/outbox.js';
import { auditChange } from '../audit/audit.service.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { ApiToken } from './api-token.entity.js';
import type { ApiTokenInput } from './auth.types.js';
import { Scope, scopesAllowedFor } from './roles.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from './secrets.js';

export function listApiTokens(ctx: Ctx): Promise<ApiToken[]> {
  return ctx.em.find(ApiToken, {}, { orderBy: { revokedAt: 'desc nulls first', createdAt: 'desc' } });
}

export async function createApiToken(ctx: Ctx, input: ApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
  const municipalityId = writableMunicipalityId(ctx);
  const scopes = [...new Set(input.scopes)];
  const allowed = scopesAllowedFor[input.kind];
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length) {
    throw badInput([{ field: 'scopes', problems: [`a ${input.kind} token cannot have ${refused.join(', ')}`] }]);
  }
  if (input.expiresAt && input.expiresAt <= ctx.now()) {
    throw badInput([{ field: 'expiresAt', problems: ['must be in the future'] }]);
  }
  const sources = input.sources?.length ? [...new Set(input.sources.map((s) => s.trim()))] : null;
  if (sources) {
    const problems = [
      ...(scopes.includes(Scope.ITEMS_INGEST) ? [] : ['only a token with ITEMS_INGEST sends items']),
      ...(sources.some((s) => !s || s.length > 100) ? ['each source is 1 to 100 characters'] : []),
    ];
    if (problems.length) throw badInput([{ field: 'sources', problems }]);
  }
  const token = newSecret(API_TOKEN_PREFIX);
  const apiToken = ctx.em.create(ApiToken, {
    municipality: municipalityId,
    name: input.name.trim(),
    kind: input.kind,
    scopes,
    sources,
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    tokenHash: secretHash(token),
    createdBy: ctx.viewer?.kind === 'user' ? ctx.viewer.userId : undefined,
    expiresAt: input.expiresAt,
  });
  auditChange(ctx, municipalityId, 'TOKEN_CREATED', { type: 'ApiToken', id: apiToken.id });
  await ctx.em.flush();
  return { token, apiToken };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiToken> {
  const municipalityId = writableMunicipalityId(ctx);
  const token = await ctx.em.findOne(ApiToken, { id });
  if (!token) throw notFound('ApiToken', id);
  token.revokedAt ??= ctx.now();
  emit(ctx.em, 'ACCESS_REVOKED', { reason: 'TOKEN_REVOKED', tokenId: token.id }, ctx.now());
  auditChange(ctx, municipalityId, 'TOKEN_REVOKED', { type: 'ApiToken', id: token.id });
  await ctx.em.flush();
  return token;
}
