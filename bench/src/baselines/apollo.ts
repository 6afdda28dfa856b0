import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * Bare Apollo Server with the product's schema (schema/schema.graphql, graphql-js's buildSchema) whose root value is
 * the very answer the product gave to the same request: graphql-js parses, validates and executes the same
 * document over the same object and serialises the same JSON, so what differs from the product is only the
 * product's own work (its plugins, context, access policy, resolvers, ORM and database).
 */
let schema: GraphQLSchema | undefined;

export async function startApolloBaseline(schemaPath: string, rootValue: unknown): Promise<{ port: number; close: () => Promise<void> }> {
  schema ??= buildSchema(readFileSync(schemaPath, 'utf8'));
  const server = new ApolloServer({ schema, rootValue });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { port: Number(new URL(url).port), close: () => server.stop() };
}
