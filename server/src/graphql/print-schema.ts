import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { permissionTable } from '../modules/auth/permission-table.js';
import { buildAppSchema } from './schema.js';

export const schemaFilePath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
export const permissionsFilePath = fileURLToPath(new URL('../../../schema/permissions.json', import.meta.url));

export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return (
    '# Generated from the server code by `pnpm schema`. Do not edit by hand; a test fails when it drifts.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}

/** The permission table (modules/auth/roles.ts) as the dashboard reads it: schema/permissions.json. */
export function printPermissionTable(): string {
  const file = {
    $comment:
      'Generated from server/src/modules/auth/roles.ts by `pnpm schema`. Do not edit by hand; a test fails when it drifts.',
    ...permissionTable(),
  };
  return JSON.stringify(file, null, 2) + '\n';
}
