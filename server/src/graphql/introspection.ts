import type { ApolloServerPlugin } from '@apollo/server';
import { perDocument } from './per-document.js';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Ctx, Viewer } from './context.js';
import { AppError, ErrorCode } from './errors.js';

/**
 * Introspection (`__schema`, `__type`) and graphql-js's "Did you mean …?" hints in errors, each for an audience
 * (docs/security.md, "Introspection"): `all`, `signed-in` (people and tokens, not anonymous callers) or `off`. By default
 * `signed-in` in production and `all` elsewhere, so that tools work against a development server, while an anonymous
 * caller of a production server cannot read the schema, nor spell it out from the hints to its guesses.
 *
 * Apollo Server has no per-request switch for either, so they are decided here by the viewer the request's context
 * resolved: introspection is refused once the operation is known, before it runs (INTROSPECTION_DISABLED, 403); the
 * hints are cut from the messages of the answer. The same over graphql-ws (app.ts, onSubscribe and onNext).
 */
export const AUDIENCES = ['all', 'signed-in', 'off'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type SchemaDisclosure = { introspection: Audience; suggestions: Audience };

export function reaches(audience: Audience, viewer: Viewer | null | undefined): boolean {
  return audience === 'all' || (audience === 'signed-in' && !!viewer);
}

/** Whether the document selects `__schema` or `__type` anywhere (`__typename` is not introspection). */
export const introspects = perDocument(function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
});

/** Refuses an introspection the viewer may not make. */
export function checkIntrospection(audience: Audience, viewer: Viewer | null | undefined, document: DocumentNode): void {
  if (reaches(audience, viewer) || !introspects(document)) return;
  throw new AppError(
    ErrorCode.INTROSPECTION_DISABLED,
    audience === 'off' ? 'Introspection is disabled on this server; the schema is published with the API documentation' : 'Introspection needs a signed-in user or an API token',
    { http: { status: 403 } },
  );
}

const HINT = / ?Did you mean [^?]*\?/g;

/**
 * The error without graphql-js's hints ("Did you mean "items"?", "Did you mean to use an inline fragment on …?"): a
 * formatted error as an object, a GraphQLError as a GraphQLError (graphql-ws takes nothing else).
 */
export function withoutSuggestions<E extends { message: string }>(error: E): E {
  const message = error.message.replace(HINT, '');
  if (message === error.message) return error;
  if (error instanceof GraphQLError) {
    const { nodes, source, positions, path, originalError, extensions } = error;
    return new GraphQLError(message, { nodes, source, positions, path, originalError, extensions }) as unknown as E;
  }
  return { ...error, message };
}

/** Both decisions for Apollo Server, by the viewer of the request's context. */
export function schemaDisclosurePlugin(disclosure: SchemaDisclosure): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      const viewer = contextValue.viewer;
      return {
        async didResolveOperation({ document }) {
          checkIntrospection(disclosure.introspection, viewer, document);
        },
        async willSendResponse({ response }) {
          if (reaches(disclosure.suggestions, viewer) || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors) result.errors = result.errors.map(withoutSuggestions);
        },
      };
    },
  };
}
