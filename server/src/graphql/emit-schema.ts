/**
 * Writes schema/schema.graphql and schema/permissions.json from the code, without a database: `pnpm schema`.
 */
import { writeFile } from 'node:fs/promises';
import { permissionsFilePath, printAppSchema, printPermissionTable, schemaFilePath } from './print-schema.js';

await writeFile(schemaFilePath, await printAppSchema());
console.log(`Wrote ${schemaFilePath}`);
await writeFile(permissionsFilePath, printPermissionTable());
console.log(`Wrote ${permissionsFilePath}`);
