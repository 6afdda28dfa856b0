import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth-checker.js';
import { createAppPubSub, type AppPubSub } from './pubsub.js';
import { resolvers } from './resolvers.js';

/** Builds the one schema that the dashboard and integrators share. Needs no database. */
export async function buildAppSchema(pubSub: AppPubSub = createAppPubSub()): Promise<GraphQLSchema> {
  plainFieldsRead();
  return buildSchema({
    resolvers,
    authChecker,
    pubSub,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
}

/**
 * A plain field (a property or getter shown under its own name, with no guard or middleware of its own) is read by
 * graphql-js's default resolver, not through type-graphql's wrapper, which builds a resolver-data object and runs an
 * empty middleware chain for each field of each row: for a page of 25 items, about 900 times per request
 * (docs/performance.md). A field with its own resolver (@FieldResolver), guard or middleware, or shown under another
 * name than its property's, keeps type-graphql's resolver.
 */
function plainFieldsRead(): void {
  for (const f of getMetadataStorage().fields) {
    if (f.simple === undefined && !f.roles?.length && !f.middlewares?.length && f.schemaName === f.name) f.simple = true;
  }
}
