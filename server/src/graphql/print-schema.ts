import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema.js';

export const schemaFilePath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return (
    '# Generated from the server code by `pnpm schema`. Do not edit by hand; a test fails when it drifts.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
