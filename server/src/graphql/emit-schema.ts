/** Writes schema/schema.graphql from the code, without a database: `pnpm schema`. */
import { writeFile } from 'node:fs/promises';
import { schemaFilePath, printAppSchema } from './print-schema.js';

await writeFile(schemaFilePath, await printAppSchema());
console.log(`Wrote ${schemaFilePath}`);
